package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/offerkit/offerkit/lang/langtest"
)

// TestBashCompletion loads `offer completion bash` into a real bash and
// completes a few command lines, the way bash does on Tab: COMP_WORDS and
// COMP_CWORD set, then the completion function. The test binary stands in
// for offer (TestMain), so --counter asks it for the names in the directory.
func TestBashCompletion(t *testing.T) {
	bash := langtest.NeedProgram(t, "bash", "bash")
	script, _, code := runCLI(t, "completion", "bash")
	if code != 0 {
		t.Fatalf("completion bash: exit %d", code)
	}
	dir := t.TempDir()
	for name, text := range map[string]string{
		"offer.offer.hcl":  "offer \"amazon_l6\" {\n  company = \"Amazon\"\n  base = 195000\n}\n",
		"round1.offer.hcl": "counter \"round1\" {\n  offer = offer.amazon_l6\n  round = 1\n}\ncounter \"round2\" {\n  offer = offer.amazon_l6\n  round = 2\n}\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		line []string // the words; the last is the one being completed
		want string   // COMPREPLY, one per line, sorted as bash gives them
	}{
		{[]string{"li"}, "lint"},
		{[]string{"co"}, "compare\ncompletion\ncounter"},
		{[]string{"lint", "--f"}, "--format"},
		{[]string{"report", "--format", ""}, "text\njson\nhtml\nsvg"},
		{[]string{"lint", "-format", "s"}, "sarif"},
		{[]string{"email", ""}, "round1\nfollowup\naccept"},
		{[]string{"script", "e"}, "equity"},
		{[]string{"email", "round1", "--counter", ""}, "round1\nround2"},
		{[]string{"script", "base", "--offer", "am"}, "amazon_l6"},
		{[]string{"completion", "f"}, "fish"},
		{[]string{"script", "base", "--w"}, "--write"},
		{[]string{"email", "accept", "--fo"}, "--force"},
		{[]string{"counter", "--offer", "am"}, "amazon_l6"},
		{[]string{"counter", "--w"}, "--write"},
		{[]string{"lint", "round"}, "round1.offer.hcl"},
	} {
		words := append([]string{self}, tc.line...)
		quoted := make([]string, len(words))
		for i, w := range words {
			quoted[i] = "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
		}
		prog := script + "\nCOMP_WORDS=(" + strings.Join(quoted, " ") + ")\nCOMP_CWORD=" +
			strconv.Itoa(len(words)-1) + "\n_offer\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
		cmd := exec.Command(bash, "--norc", "--noprofile", "-c", prog)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "OFFER_TEST_MAIN=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %v\n%s", tc.line, err, out)
		}
		if got := strings.TrimSpace(string(out)); got != tc.want {
			t.Errorf("offer %s<Tab>: got %q, want %q", strings.Join(tc.line, " "), got, tc.want)
		}
	}
}

func TestCompletionScripts(t *testing.T) {
	for _, shell := range []string{"zsh", "fish"} {
		out, _, code := runCLI(t, "completion", shell)
		if code != 0 || !strings.Contains(out, "lint") || !strings.Contains(out, "completion --names counter") {
			t.Errorf("completion %s: exit %d\n%s", shell, code, out)
		}
	}
	if _, _, code := runCLI(t, "completion", "tcsh"); code != exitUsage {
		t.Errorf("completion tcsh: exit %d, want %d", code, exitUsage)
	}
	// zsh and fish must parse what they are given (bash is checked above,
	// by running the script); .ci/run installs both. The script is read
	// from a file: fish 3.6 exits 0 on a syntax error given with -c.
	for _, sh := range []struct{ name, check string }{{"zsh", "-n"}, {"fish", "--no-execute"}} {
		shell := langtest.NeedProgram(t, sh.name, sh.name)
		out, _, _ := runCLI(t, "completion", sh.name)
		for _, script := range []string{out, out + "\nend\n"} { // and a broken one, which must be refused
			file := filepath.Join(t.TempDir(), "offer."+sh.name)
			if err := os.WriteFile(file, []byte(script), 0o600); err != nil {
				t.Fatal(err)
			}
			b, err := exec.Command(shell, sh.check, file).CombinedOutput()
			if broken := script != out; (err != nil) != broken {
				t.Errorf("%s %s on the script%s: %v\n%s", sh.name, sh.check, map[bool]string{true: " with a stray end"}[broken], err, b)
			}
		}
	}
}

func TestHelpCommand(t *testing.T) {
	out, _, code := runCLI(t, "help", "report")
	_, dashH, _ := runCLI(t, "report", "-h")
	if code != 0 || !strings.HasPrefix(out, dashH) || !strings.Contains(out, "\nExamples:\n  offer report examples/amazon-l6-seattle\n") {
		t.Errorf("help report: exit %d\n%s\nwant the -h text:\n%s\nthen examples", code, out, dashH)
	}
	for _, c := range commands {
		if len(examples[c.name]) == 0 {
			t.Errorf("command %s has no examples for offer help", c.name)
		}
	}
	if _, _, code := runCLI(t, "help", "nosuch"); code != exitUsage {
		t.Errorf("help nosuch: exit %d", code)
	}
}

// Every command with --format refuses a value it did not declare (exit 2,
// naming the values it takes), and completion offers exactly those values.
func TestEveryFormatFlagIsDeclared(t *testing.T) {
	bash, _, _ := runCLI(t, "completion", "bash")
	for cmd, formats := range map[string]string{
		"checklist": "text json", "compare": "table markdown json html", "diff": "text json markdown html",
		"history": "text json markdown html", "lint": "text json sarif github", "report": "text json html svg",
		"timeline": "text json", "version": "text json",
	} {
		_, errOut, code := runCLI(t, cmd, "--format", "yaml")
		if want := "use one of: " + strings.ReplaceAll(formats, " ", ", "); code != exitUsage || !strings.Contains(errOut, want) {
			t.Errorf("%s --format yaml: exit %d, want %d and %q\n%s", cmd, code, exitUsage, want, errOut)
		}
		if want := cmd + `:format|` + cmd + `:-format) COMPREPLY=($(compgen -W "` + formats + `"`; !strings.Contains(bash, want) {
			t.Errorf("bash completion of %s --format: want %q", cmd, want)
		}
	}
}
