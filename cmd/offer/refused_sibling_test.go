package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A file of the negotiation that the reading rules refuse (a FIFO, a file
// over the size limit, a link out of the directory) is reported, located
// at its line 1, and fails the run, whichever file of the directory was
// named: the named file is judged without it (a counter would miss its
// offer), so a clean exit would hide that.
func TestRefusedSiblingFailsNamedFile(t *testing.T) {
	for _, c := range []struct {
		name, code string
		make       func(t *testing.T, path string)
	}{
		{"pipe.offer.hcl", "not-regular-file", func(t *testing.T, p string) {
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"big.bands.hcl", "file-too-large", func(t *testing.T, p string) {
			if err := os.WriteFile(p, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Truncate(p, 5<<20); err != nil {
				t.Fatal(err)
			}
		}},
		{"out.offer.hcl", "link-outside", func(t *testing.T, p string) {
			secret := filepath.Join(t.TempDir(), "secret.offer.hcl")
			if err := os.WriteFile(secret, []byte("offer \"s\" {\n  base = 987654\n}\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(secret, p); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(c.code, func(t *testing.T) {
			dir := t.TempDir()
			good := filepath.Join(dir, "good.offer.hcl")
			if err := os.WriteFile(good, []byte("offer \"good\" {\n  company = \"Globex\"\n  base    = 200000\n}\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			c.make(t, filepath.Join(dir, c.name))
			located := filepath.Join(dir, c.name) + ":1:1: error[" + c.code + "]"

			out, errOut, code := runCLI(t, "lint", good)
			if code != exitFindings {
				t.Errorf("lint %s: exit %d, want %d\n%s%s", good, code, exitFindings, out, errOut)
			}
			mustContain(t, out, located, "1 error(s)")

			out, _, code = runCLI(t, "lint", "--format", "json", good)
			var got jsonLint
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("lint --format json: %v\n%s", err, out)
			}
			if code != exitFindings || got.Errors != 1 || len(got.Diagnostics) != 1 ||
				got.Diagnostics[0].Code != c.code || got.Diagnostics[0].Range.Start != (jsonPos{1, 1}) ||
				got.Diagnostics[0].File != filepath.Join(dir, c.name) {
				t.Errorf("lint --format json %s: exit %d\n%s", good, code, out)
			}

			// report --format json lists it among what has no figures.
			out, _, code = runCLI(t, "report", "--format", "json", good)
			var rep struct {
				LeftOut []struct{ File, Reason string } `json:"left_out"`
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil || code != exitFindings || len(rep.LeftOut) != 1 ||
				rep.LeftOut[0].File != filepath.Join(dir, c.name) || rep.LeftOut[0].Reason != "the file was not read" {
				t.Errorf("report --format json %s: exit %d, %v\n%s", good, code, err, out)
			}

			for _, cmd := range []string{"report", "compare"} {
				out, errOut, code := runCLI(t, cmd, good)
				if code != exitFindings || !strings.Contains(errOut, located) {
					t.Errorf("%s %s: exit %d, want %d and %q on stderr\n%s%s", cmd, good, code, exitFindings, located, out, errOut)
				}
				if cmd == "report" && !strings.Contains(errOut, "a file or block with errors has no figures above") {
					t.Errorf("report %s: the closing line does not cover an unread file:\n%s", good, errOut)
				}
				if strings.Contains(out+errOut, "987654") {
					t.Errorf("%s prints the link target's text:\n%s%s", cmd, out, errOut)
				}
			}
		})
	}
}
