package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/offerkit/offerkit/lang"
)

// TestReadmeReport keeps the report shown in README.md equal to what the
// command prints.
func TestReadmeReport(t *testing.T) {
	text := readme(t)
	const prompt = "$ offer report examples/amazon-l6-seattle/offer.offer.hcl\n"
	i := strings.Index(text, prompt)
	if i < 0 {
		t.Fatal("README.md shows no report")
	}
	shown := text[i+len(prompt):]
	shown = shown[:strings.Index(shown, "```")]
	t.Chdir("../..")
	out, errOut, code := runCLI(t, "report", "examples/amazon-l6-seattle/offer.offer.hcl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if out != shown {
		t.Errorf("README.md shows:\n%s\nthe command prints:\n%s", shown, out)
	}
}

// TestReadmeListsEveryCommand keeps the README's command table complete.
func TestReadmeListsEveryCommand(t *testing.T) {
	text := readme(t)
	for _, c := range commands {
		if !strings.Contains(text, "`offer "+c.name) {
			t.Errorf("README.md does not document offer %s", c.name)
		}
	}
}

// TestReadmeListsEveryFlag keeps the README's command table true to the
// flags: each flag a command declares is named in that command's row.
func TestReadmeListsEveryFlag(t *testing.T) {
	text := readme(t)
	rows := map[string]string{}
	for _, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(line, "| `offer ") {
			continue
		}
		first := strings.SplitN(line, " | ", 2)[0] // the row's command cell
		for _, c := range commands {
			if strings.Contains(first, "`offer "+c.name+" ") || strings.Contains(first, "`offer "+c.name+"`") {
				rows[c.name] += line
			}
		}
	}
	for _, c := range commands {
		for _, f := range commandFlags(c) {
			named := false
			for _, form := range []string{"--" + f.Name, " -" + f.Name, "[-" + f.Name} {
				named = named || strings.Contains(rows[c.name], form)
			}
			if !named {
				t.Errorf("README.md's row of offer %s does not name its flag %s", c.name, f.Name)
			}
		}
	}
}

// readme returns the text of README.md.
func readme(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestUsageNamesEveryFlag keeps each -h text's usage lines true to the
// flags: each flag a command declares is named in one of them, and a flag
// every form takes (--bands of diff) in each.
func TestUsageNamesEveryFlag(t *testing.T) {
	for _, c := range commands {
		if c.usage == "" {
			continue
		}
		lines := strings.Split(strings.SplitN(c.usage, "\n\n", 2)[0], "\n")
		for _, f := range commandFlags(c) {
			if f.Name == "h" || f.Name == "help" {
				continue
			}
			in := 0
			for _, l := range lines {
				for _, form := range []string{"--" + f.Name, " -" + f.Name, "[-" + f.Name} {
					if strings.Contains(l, form) {
						in++
						break
					}
				}
			}
			if in == 0 {
				t.Errorf("offer %s -h: the usage lines do not name its flag %s:\n%s", c.name, f.Name, strings.Join(lines, "\n"))
			}
			if f.Name == "bands" && in != len(lines) {
				t.Errorf("offer %s -h: --bands is missing from a usage line:\n%s", c.name, strings.Join(lines, "\n"))
			}
		}
	}
}

// The -h text of each command on one negotiation says what PATH is (a
// folder, or one of its files; that folder's own files, not its
// subfolders') and gives its exit status, as lint's and report's do.
func TestUsageOfOneNegotiation(t *testing.T) {
	for _, name := range []string{"bands", "tax", "checklist", "timeline", "script", "email", "counter"} {
		var usage string
		for _, c := range commands {
			if c.name == name {
				usage = c.usage
			}
		}
		flat := strings.Join(strings.Fields(usage), " ") // the words, whatever the line breaks
		for _, want := range []string{"only that folder's own offer, band, tax and rates files are read, not its subfolders'", "Exit status: 0 ok, 1 ", ", 2 could not run"} {
			if !strings.Contains(flat, want) {
				t.Errorf("offer %s -h does not say %q:\n%s", name, want, usage)
			}
		}
		if strings.Contains(usage, "PATH's directory") {
			t.Errorf("offer %s -h says \"PATH's directory\", unclear when PATH is a folder:\n%s", name, usage)
		}
	}
}

// TestPreCommitHooksSeeEveryKind: the pre-commit hooks run when a file of
// any kind a workspace reads is staged; a tax or rates file changes the
// figures as much as an offer does.
func TestPreCommitHooksSeeEveryKind(t *testing.T) {
	b, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks int
	for _, line := range strings.Split(string(b), "\n") {
		pattern, ok := strings.CutPrefix(strings.TrimSpace(line), "files: ")
		if !ok {
			continue
		}
		hooks++
		re, err := regexp.Compile(pattern)
		if err != nil {
			t.Fatalf("files: %s: %v", pattern, err)
		}
		for _, name := range []string{"a.offer.hcl", "a.bands.hcl", "a.tax.hcl", "a.rates.hcl"} {
			if _, known := lang.KindOf(name); known && !re.MatchString(name) {
				t.Errorf("a hook's files: %s does not match %s, a file the workspace reads", pattern, name)
			}
		}
		if re.MatchString("notes.hcl") {
			t.Errorf("a hook's files: %s matches notes.hcl", pattern)
		}
	}
	if hooks != 2 {
		t.Errorf("%d hooks with files:, want offer-lint and offer-fmt", hooks)
	}
}
