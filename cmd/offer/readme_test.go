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
