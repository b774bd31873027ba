package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bandsFlagArgs are the arguments each command that takes --bands runs
// with in TestEveryBandsFlagRefusesADirectory, besides --bands ({good} is
// an offer file).
var bandsFlagArgs = map[string][]string{
	"lint": {"{good}"}, "report": {"{good}"}, "compare": {"{good}"}, "bands": {"{good}"}, "lsp": nil,
	"diff": {"{good}", "{good}"}, "history": {"{good}"}, "script": {"base", "{good}"}, "email": {"round1", "{good}"},
	"counter": {"--offer", "good", "{good}"}, "checklist": {"{good}"}, "timeline": {"{good}"},
}

// A directory named by --bands is refused by every command that takes the
// flag, as the reading rules refuse it anywhere: exit 1 and a sentence
// that names it (the audit's special files are TestEveryCommandRefusesHostileFiles's
// hostileCells, which hold a --bands cell for lint, report, bands, diff
// and history).
func TestEveryBandsFlagRefusesADirectory(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.offer.hcl")
	writeFile(t, good, "offer \"good\" {\n  company = \"Globex\"\n  base    = 200000\n}\n")
	bandsDir := filepath.Join(dir, "more.bands.hcl")
	if err := os.Mkdir(bandsDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range commands {
		if !c.bands {
			continue
		}
		extra, ok := bandsFlagArgs[c.name]
		if !ok {
			t.Errorf("offer %s takes --bands and has no cell in bandsFlagArgs", c.name)
			continue
		}
		args := []string{c.name, "--bands", bandsDir}
		for _, a := range extra {
			args = append(args, strings.ReplaceAll(a, "{good}", good))
		}
		_, msg := mustRun(t, exitFindings, args...)
		if !strings.Contains(msg, bandsDir+": The name is a directory's") {
			t.Errorf("offer %s --bands DIR: no refusal naming it:\n%s", c.name, msg)
		}
	}
}
