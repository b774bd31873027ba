package main

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"debug/elf"
	"debug/macho"
	"debug/pe"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
)

// check reads back what release wrote: the checksums, each archive's files
// and its binary's format (debug/elf, debug/macho, debug/pe: the OS and the
// CPU), that no binary holds a build path, that the binary for this machine
// runs and names the commit, and that each platform .vsix carries the very
// binary of its archive.
func check(out, version, rev string, vsix bool) error {
	if err := checkChecksums(out); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "offer-release-check-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	for _, p := range platforms {
		files, err := readArchive(filepath.Join(out, archiveName(version, p)))
		if err != nil {
			return err
		}
		dir := strings.TrimSuffix(strings.TrimSuffix(archiveName(version, p), ".zip"), ".tar.gz") + "/"
		var names []string
		for n := range files {
			names = append(names, strings.TrimPrefix(n, dir))
		}
		sort.Strings(names)
		want := []string{"LICENSE", "README.md", "completions/_offer", "completions/offer.bash", "completions/offer.fish", p.exe()}
		sort.Strings(want)
		if strings.Join(names, " ") != strings.Join(want, " ") {
			return fmt.Errorf("%s holds %v, want %v", archiveName(version, p), names, want)
		}
		bin := files[dir+p.exe()]
		if err := checkFormat(p, bin); err != nil {
			return err
		}
		if i := strings.Index(bin, "offer-release-"); i >= 0 {
			return fmt.Errorf("%s/%s: the binary holds a build path: %q", p.goos, p.goarch, bin[i:min(len(bin), i+60)])
		}
		fmt.Printf("checked %s: %s/%s binary, %d bytes\n", archiveName(version, p), p.goos, p.goarch, len(bin))
		if p.goos == runtime.GOOS && p.goarch == runtime.GOARCH {
			if err := checkRuns(tmp, bin, version, rev); err != nil {
				return err
			}
		}
		if vsix {
			if err := checkVsix(filepath.Join(out, "offerkit-"+version+"-"+p.vscode+".vsix"), p, bin); err != nil {
				return err
			}
		}
	}
	if vsix {
		return checkVsix(filepath.Join(out, "offerkit-"+version+".vsix"), platform{}, "")
	}
	return nil
}

func checkChecksums(out string) error {
	f, err := os.Open(filepath.Join(out, "checksums.txt"))
	if err != nil {
		return err
	}
	defer f.Close()
	names, err := releaseFiles(out)
	if err != nil {
		return err
	}
	listed := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok {
			return fmt.Errorf("checksums.txt: bad line %q", sc.Text())
		}
		listed[name] = sum
	}
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(out, n))
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		if listed[n] != hex.EncodeToString(sum[:]) {
			return fmt.Errorf("checksums.txt: %s is %x, listed as %q", n, sum, listed[n])
		}
		delete(listed, n)
	}
	if len(listed) > 0 {
		return fmt.Errorf("checksums.txt lists files that are not there: %v", listed)
	}
	return nil
}

// checkFormat checks the executable format and CPU of a binary.
func checkFormat(p platform, bin string) error {
	r := bytes.NewReader([]byte(bin))
	var got string
	switch p.goos {
	case "linux":
		f, err := elf.NewFile(r)
		if err != nil {
			return fmt.Errorf("linux/%s: not ELF: %v", p.goarch, err)
		}
		got = map[elf.Machine]string{elf.EM_X86_64: "amd64", elf.EM_AARCH64: "arm64"}[f.Machine]
		if f.Class != elf.ELFCLASS64 || f.Type != elf.ET_EXEC {
			return fmt.Errorf("linux/%s: ELF class %v type %v", p.goarch, f.Class, f.Type)
		}
	case "darwin":
		f, err := macho.NewFile(r)
		if err != nil {
			return fmt.Errorf("darwin/%s: not Mach-O: %v", p.goarch, err)
		}
		got = map[macho.Cpu]string{macho.CpuAmd64: "amd64", macho.CpuArm64: "arm64"}[f.Cpu]
		if f.Type != macho.TypeExec {
			return fmt.Errorf("darwin/%s: Mach-O type %v", p.goarch, f.Type)
		}
	case "windows":
		f, err := pe.NewFile(r)
		if err != nil {
			return fmt.Errorf("windows/%s: not PE: %v", p.goarch, err)
		}
		got = map[uint16]string{pe.IMAGE_FILE_MACHINE_AMD64: "amd64", pe.IMAGE_FILE_MACHINE_ARM64: "arm64"}[f.FileHeader.Machine]
		if f.FileHeader.Characteristics&pe.IMAGE_FILE_EXECUTABLE_IMAGE == 0 {
			return fmt.Errorf("windows/%s: PE is not an executable image", p.goarch)
		}
	}
	if got != p.goarch {
		return fmt.Errorf("%s/%s: the binary is for %q", p.goos, p.goarch, got)
	}
	return nil
}

// checkRuns runs the binary for this machine: its version names the commit.
func checkRuns(tmp, bin, version, rev string) error {
	path := filepath.Join(tmp, "offer")
	if err := os.WriteFile(path, []byte(bin), 0o755); err != nil {
		return err
	}
	b, err := exec.Command(path, "version", "--format", "json").Output()
	if err != nil {
		return fmt.Errorf("the %s/%s binary does not run: %v", runtime.GOOS, runtime.GOARCH, err)
	}
	var v struct {
		Version, Revision string
		Modified          bool
	}
	if err := json.Unmarshal(b, &v); err != nil || v.Version != version || v.Revision != rev || v.Modified {
		return fmt.Errorf("offer version says %s (%v), want %s at %s", b, err, version, rev)
	}
	fmt.Printf("ran %s/%s: offer version %s, commit %s\n", runtime.GOOS, runtime.GOARCH, v.Version, v.Revision[:12])
	return nil
}

// checkVsix checks a .vsix: a platform package targets its platform and
// carries the archive's binary as extension/bin/offer[.exe]; the universal
// one carries none.
func checkVsix(name string, p platform, bin string) error {
	zr, err := zip.OpenReader(name)
	if err != nil {
		return err
	}
	defer zr.Close()
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	for _, want := range []string{"extension/package.json", "extension/dist/extension.js", "extension/LICENSE.txt", "extension.vsixmanifest"} {
		if files[want] == nil {
			return fmt.Errorf("%s lacks %s", filepath.Base(name), want)
		}
	}
	manifest, err := readZipFile(files["extension.vsixmanifest"])
	if err != nil {
		return err
	}
	if p.vscode == "" {
		for n := range files {
			if strings.HasPrefix(n, "extension/bin/") {
				return fmt.Errorf("the universal %s carries %s", filepath.Base(name), n)
			}
		}
		fmt.Printf("checked %s: universal, no binary\n", filepath.Base(name))
		return nil
	}
	if !strings.Contains(string(manifest), `TargetPlatform="`+p.vscode+`"`) {
		return fmt.Errorf("%s does not target %s", filepath.Base(name), p.vscode)
	}
	f := files["extension/bin/"+p.exe()]
	if f == nil {
		return fmt.Errorf("%s lacks extension/bin/%s", filepath.Base(name), p.exe())
	}
	got, err := readZipFile(f)
	if err != nil {
		return err
	}
	if !bytes.Equal(got, []byte(bin)) {
		return fmt.Errorf("%s carries a binary other than the archive's", filepath.Base(name))
	}
	fmt.Printf("checked %s: targets %s, carries the %s/%s binary\n", filepath.Base(name), p.vscode, p.goos, p.goarch)
	return nil
}

func readZipFile(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// readArchive returns the regular files of a .tar.gz or .zip by name.
func readArchive(name string) (map[string]string, error) {
	files := map[string]string{}
	if strings.HasSuffix(name, ".zip") {
		zr, err := zip.OpenReader(name)
		if err != nil {
			return nil, err
		}
		defer zr.Close()
		for _, f := range zr.File {
			b, err := readZipFile(f)
			if err != nil {
				return nil, err
			}
			files[f.Name] = string(b)
		}
		return files, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	if !gz.ModTime.IsZero() || gz.Name != "" {
		return nil, fmt.Errorf("%s: the gzip header holds a time or a name", name)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files, nil
		}
		if err != nil {
			return nil, err
		}
		if h.Uid != 0 || h.Gid != 0 || h.Uname != "" {
			return nil, fmt.Errorf("%s: %s is owned by %d:%d %q", name, h.Name, h.Uid, h.Gid, h.Uname)
		}
		if h.Typeflag == tar.TypeReg {
			b, err := io.ReadAll(tr)
			if err != nil {
				return nil, err
			}
			files[h.Name] = string(b)
		}
	}
}

// checkReproducible builds the linux/amd64 binary and archive again, from a
// second clone at another path and with an empty build cache, so that every
// package is compiled again from source (a second build that found the first
// one's packages in the cache would prove nothing), and compares the archive
// byte for byte with the release's.
func checkReproducible(root, rev, out, version string, docs, completions map[string][]byte, mtime time.Time, work string) error {
	p := platforms[0]
	dir := filepath.Join(work, "again")
	src := filepath.Join(dir, "a", "second", "clone")
	if _, err := git(root, "clone", "-q", "--no-checkout", root, src); err != nil {
		return err
	}
	if _, err := git(src, "checkout", "-q", rev); err != nil {
		return err
	}
	bin := filepath.Join(dir, "bin", p.exe())
	t, err := build(src, p, bin, "GOCACHE="+filepath.Join(dir, "gocache"))
	if err != nil {
		return err
	}
	again := filepath.Join(dir, "out")
	if err := os.MkdirAll(again, 0o755); err != nil {
		return err
	}
	name, err := writeArchive(again, version, p, bin, docs, completions, mtime)
	if err != nil {
		return err
	}
	a, err := os.ReadFile(filepath.Join(out, name))
	if err != nil {
		return err
	}
	b, err := os.ReadFile(filepath.Join(again, name))
	if err != nil {
		return err
	}
	if !bytes.Equal(a, b) {
		return fmt.Errorf("%s differs when built again: the build is not reproducible", name)
	}
	fmt.Printf("rebuilt %s from a second clone with an empty build cache: %s, identical\n", name, t)
	return nil
}
