package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestReadmeReport keeps the report shown in README.md equal to what the
// command prints.
func TestReadmeReport(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const prompt = "$ offer report examples/amazon-l6-seattle/offer.offer.hcl\n"
	s := string(readme)
	i := strings.Index(s, prompt)
	if i < 0 {
		t.Fatal("README.md shows no report")
	}
	shown := s[i+len(prompt):]
	shown = shown[:strings.Index(shown, "```")]
	t.Chdir("../..")
	var out, errOut bytes.Buffer
	if code := run([]string{"report", "examples/amazon-l6-seattle/offer.offer.hcl"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if out.String() != shown {
		t.Errorf("README.md shows:\n%s\nthe command prints:\n%s", shown, out.String())
	}
}

// TestReadmeListsEveryCommand keeps the README's command table complete.
func TestReadmeListsEveryCommand(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range commands {
		if !strings.Contains(string(readme), "`offer "+c.name) {
			t.Errorf("README.md does not document offer %s", c.name)
		}
	}
}

// TestReadmeListsEveryFlag keeps the README's command table true to the
// flags: each flag a command declares is named in that command's row.
func TestReadmeListsEveryFlag(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]string{}
	for _, line := range strings.Split(string(readme), "\n") {
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
