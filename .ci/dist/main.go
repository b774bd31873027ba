// Command dist builds a release of offer from the commit checked out, into
// dist/: for linux, darwin and windows on amd64 and arm64 an archive (.tar.gz,
// .zip for windows) holding the binary, README.md, LICENSE and shell
// completions; a platform-specific VS Code extension (.vsix) per target that
// carries the binary, and the universal .vsix; and checksums.txt (SHA-256).
// Then it checks what it built (check.go). Run it as `.ci/release`.
//
// Builds are reproducible: the source is a fresh clone of the commit (so Go
// stamps its revision and time, and nothing uncommitted slips in), binaries
// are built with -trimpath, no build ID and CGO off, and archive entries are
// sorted, owned by 0:0, dated with the commit time and gzipped without a
// timestamp. Two runs on one commit give the same archives.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// platform is one release target: Go's names and VS Code's.
type platform struct{ goos, goarch, vscode string }

var platforms = []platform{
	{"linux", "amd64", "linux-x64"},
	{"linux", "arm64", "linux-arm64"},
	{"darwin", "amd64", "darwin-x64"},
	{"darwin", "arm64", "darwin-arm64"},
	{"windows", "amd64", "win32-x64"},
	{"windows", "arm64", "win32-arm64"},
}

func (p platform) exe() string {
	if p.goos == "windows" {
		return "offer.exe"
	}
	return "offer"
}

func main() {
	out := flag.String("out", "dist", "the directory to write the release into (emptied first)")
	noVsix := flag.Bool("no-vsix", false, "skip the VS Code packages (they need npm ci in editors/vscode)")
	repro := flag.Bool("check-reproducible", true, "build the linux/amd64 archive a second time and compare")
	flag.Parse()
	if err := release(*out, !*noVsix, *repro); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

func release(out string, vsix, repro bool) error {
	root, err := filepath.Abs(".")
	if err != nil {
		return err
	}
	rev, err := git(root, "rev-parse", "HEAD")
	if err != nil {
		return fmt.Errorf("not a git checkout: %v", err)
	}
	if st, _ := git(root, "status", "--porcelain", "--untracked-files=no"); st != "" {
		fmt.Fprintln(os.Stderr, "note: the release is built from the commit "+rev[:12]+"; uncommitted changes are not in it")
	}
	ct, err := git(root, "log", "-1", "--format=%ct", rev)
	if err != nil {
		return err
	}
	sec, err := strconv.ParseInt(ct, 10, 64)
	if err != nil {
		return err
	}
	mtime := time.Unix(sec, 0).UTC()

	work, err := os.MkdirTemp("", "offer-release-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	src := filepath.Join(work, "src")
	if _, err := git(root, "clone", "-q", "--no-checkout", root, src); err != nil {
		return err
	}
	if _, err := git(src, "checkout", "-q", rev); err != nil {
		return err
	}
	out, err = filepath.Abs(out)
	if err != nil {
		return err
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}

	// npm ci (for vsce) waits on the network and the disk while the Go
	// builds keep the CPU busy, so it runs beside them.
	npm := make(chan error, 1)
	if vsix {
		go func() { npm <- npmCI(root) }()
	} else {
		npm <- nil
	}
	bins, err := buildAll(src, work)
	if npmErr := <-npm; err == nil {
		err = npmErr
	}
	if err != nil {
		return err
	}
	version, err := binaryVersion(bins, rev)
	if err != nil {
		return err
	}
	host := platform{runtime.GOOS, runtime.GOARCH, ""}
	completions, err := completionFiles(bins[findPlatform(host)])
	if err != nil {
		return err
	}
	docs := map[string][]byte{}
	for _, f := range []string{"README.md", "LICENSE"} {
		if docs[f], err = os.ReadFile(filepath.Join(src, f)); err != nil {
			return err
		}
	}
	for _, p := range platforms {
		name, err := writeArchive(out, version, p, bins[p], docs, completions, mtime)
		if err != nil {
			return err
		}
		fmt.Println("wrote", name)
	}
	// The second build (from a second clone, with an empty build cache) runs
	// while the .vsix files are packaged and everything is checked.
	again := make(chan error, 1)
	if repro {
		go func() { again <- checkReproducible(root, rev, out, version, docs, completions, mtime, work) }()
	} else {
		again <- nil
	}
	err = packageAndCheck(root, out, version, rev, bins, vsix)
	if againErr := <-again; err == nil {
		err = againErr
	}
	if err != nil {
		return err
	}
	fmt.Printf("release %s (%s) in %s: checked\n", version, rev[:12], out)
	return nil
}

func findPlatform(h platform) platform {
	for _, p := range platforms {
		if p.goos == h.goos && p.goarch == h.goarch {
			return p
		}
	}
	return platforms[0] // completions are text: any binary that runs here will do
}

// buildAll builds offer for every platform, two builds at a time: one
// build alone leaves a core idle while it links and while it waits on the
// few packages everything else imports.
func buildAll(src, work string) (map[platform]string, error) {
	type result struct {
		p   platform
		bin string
		err error
	}
	results := make(chan result, len(platforms))
	slots := make(chan struct{}, 2)
	for _, p := range platforms {
		go func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			bin := filepath.Join(work, "bin", p.goos+"_"+p.goarch, p.exe())
			t, err := build(src, p, bin)
			if err == nil {
				fmt.Printf("built %s/%s: %s\n", p.goos, p.goarch, t)
			}
			results <- result{p, bin, err}
		}()
	}
	bins := map[platform]string{}
	var firstErr error
	for range platforms {
		r := <-results
		if r.err != nil && firstErr == nil {
			firstErr = r.err
		}
		bins[r.p] = r.bin
	}
	return bins, firstErr
}

// timing is how long a command took: wall clock, and the CPU time of it and
// its children (the compiler and linker for go build).
type timing struct{ wall, cpu time.Duration }

func (t timing) String() string {
	return fmt.Sprintf("%.1fs (CPU %.1fs)", t.wall.Seconds(), t.cpu.Seconds())
}

// run runs cmd and times it; on failure the error holds its output.
func run(cmd *exec.Cmd) (timing, error) {
	t0 := time.Now()
	b, err := cmd.CombinedOutput()
	t := timing{wall: time.Since(t0)}
	if cmd.ProcessState != nil {
		t.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	if err != nil {
		return t, fmt.Errorf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, b)
	}
	return t, nil
}

// build compiles offer for one platform in the clone; env is added to the
// build's environment.
func build(src string, p platform, bin string, env ...string) (timing, error) {
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w -buildid=", "-o", bin, "./cmd/offer")
	cmd.Dir = src
	cmd.Env = append(append(os.Environ(), "GOOS="+p.goos, "GOARCH="+p.goarch, "CGO_ENABLED=0", "GOFLAGS=-buildvcs=true"), env...)
	t, err := run(cmd)
	if err != nil {
		return t, fmt.Errorf("%s/%s: %w", p.goos, p.goarch, err)
	}
	return t, nil
}

// binaryVersion asks the binary that runs here for its version, which
// names the archives; it must name the commit being released.
func binaryVersion(bins map[platform]string, rev string) (string, error) {
	b, err := exec.Command(bins[findPlatform(platform{runtime.GOOS, runtime.GOARCH, ""})], "version", "--format", "json").Output()
	if err != nil {
		return "", fmt.Errorf("offer version: %v", err)
	}
	var v struct{ Version, Revision string }
	if err := json.Unmarshal(b, &v); err != nil {
		return "", err
	}
	if v.Revision != rev || v.Version == "" || v.Version == "(devel)" || strings.HasSuffix(v.Version, "+dirty") {
		return "", fmt.Errorf("the built binary says version %q at %q, want a version of the clean commit %s", v.Version, v.Revision, rev)
	}
	return v.Version, nil
}

// completionFiles runs offer completion for each shell.
func completionFiles(bin string) (map[string][]byte, error) {
	files := map[string][]byte{}
	for shell, name := range map[string]string{"bash": "completions/offer.bash", "zsh": "completions/_offer", "fish": "completions/offer.fish"} {
		b, err := exec.Command(bin, "completion", shell).Output()
		if err != nil {
			return nil, fmt.Errorf("offer completion %s: %v", shell, err)
		}
		files[name] = b
	}
	return files, nil
}

// npmCI installs the extension's npm packages (vsce, esbuild) exactly as
// its package-lock.json pins them.
func npmCI(root string) error {
	cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund")
	cmd.Dir = filepath.Join(root, "editors", "vscode")
	t, err := run(cmd)
	if err != nil {
		return fmt.Errorf("in editors/vscode: %w", err)
	}
	fmt.Printf("npm ci in editors/vscode: %s\n", t)
	return nil
}

// packageAndCheck packages the .vsix files (when vsix is set), writes
// checksums.txt and checks the whole release.
func packageAndCheck(root, out, version, rev string, bins map[platform]string, vsix bool) error {
	if vsix {
		if err := packageVsix(root, out, version, bins); err != nil {
			return err
		}
	}
	if err := writeChecksums(out); err != nil {
		return err
	}
	if err := check(out, version, rev, vsix); err != nil {
		return fmt.Errorf("check: %w", err)
	}
	return nil
}

// packageVsix builds the universal .vsix and one per target with its binary.
func packageVsix(root, out, version string, bins map[platform]string) error {
	ext := filepath.Join(root, "editors", "vscode")
	_ = os.RemoveAll(filepath.Join(ext, "bin"))
	universal := filepath.Join(out, "offerkit-"+version+".vsix")
	cmd := exec.Command("npx", "--no-install", "vsce", "package", "--no-dependencies", "--allow-missing-repository", "--out", universal)
	cmd.Dir = ext
	t, err := run(cmd)
	if err != nil {
		return err
	}
	fmt.Printf("wrote %s: %s\n", filepath.Base(universal), t)
	for _, p := range platforms {
		name := filepath.Join(out, "offerkit-"+version+"-"+p.vscode+".vsix")
		t, err := run(exec.Command("bash", filepath.Join(ext, "package-target.sh"), p.vscode, bins[p], name))
		if err != nil {
			return fmt.Errorf("package %s: %w", p.vscode, err)
		}
		fmt.Printf("wrote %s: %s\n", filepath.Base(name), t)
	}
	return nil
}

func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	b, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return "", fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, ee.Stderr)
		}
		return "", err
	}
	return strings.TrimSpace(string(b)), nil
}
