package main

// The git commands against a repository someone else prepared (issue 20):
// a committed symbolic link (to a secret out of the directory, to
// /proc/self/environ), a committed blob over the size limit, and a file
// name git would quote (a newline, é, a tab, a quote). A committed link is
// never followed and a large blob is refused by its real size, from the
// tree entry, before it is read.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestGitCommandsOnHostileCommits(t *testing.T) {
	needGit(t)
	bin := buildOffer(t)
	root := auditDir(t)
	dir := filepath.Join(root, "n")
	os.Symlink("../secret.env", filepath.Join(dir, "secret.offer.hcl"))
	os.Symlink("/proc/self/environ", filepath.Join(dir, "environ.offer.hcl"))
	big := "offer \"big\" {\n  base = 100000\n}\n" + strings.Repeat("#", 5_000_000) + "\n"
	os.WriteFile(filepath.Join(dir, "big.offer.hcl"), []byte(big), 0o644)
	quoted := "n/q\né\t\"x.offer.hcl"
	os.WriteFile(filepath.Join(root, quoted), []byte("offer \"q\" {\n  base = 100000\n}\n"), 0o644)
	git(t, root, "init", "-q")
	git(t, root, "add", "n")
	git(t, root, "commit", "-qm", "one")
	os.WriteFile(filepath.Join(root, quoted), []byte("offer \"q\" {\n  base = 110000\n}\n"), 0o644)
	git(t, root, "commit", "-qam", "two")

	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"history", "n/secret.offer.hcl"}, 1, "not read (not-regular-file): The file is a symbolic link in this commit"},
		{[]string{"history", "n/environ.offer.hcl"}, 1, "not read (not-regular-file): The file is a symbolic link in this commit"},
		{[]string{"history", "n/big.offer.hcl"}, 1, "not read (file-too-large): The file is 5,000,033 bytes"},
		{[]string{"diff", "HEAD:n/secret.offer.hcl", "n/good.offer.hcl"}, 1, "HEAD:n/secret.offer.hcl: The file is a symbolic link"},
		{[]string{"diff", "HEAD:n/environ.offer.hcl", "n/good.offer.hcl"}, 1, "HEAD:n/environ.offer.hcl: The file is a symbolic link"},
		{[]string{"diff", "HEAD:n/big.offer.hcl", "n/good.offer.hcl"}, 1, "HEAD:n/big.offer.hcl: The file is 5,000,033 bytes"},
		// Beside the compared file, a refused one is left out, as on disk.
		{[]string{"diff", "HEAD:n/good.offer.hcl", "n/good.offer.hcl"}, 0, "offer good: no change"},
		{[]string{"history", "--format", "json", "n/good.offer.hcl"}, 0, `"four_year_total": 800000`},
		{[]string{"history", quoted}, 0, "+$40,000 (+10%)"},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			text, code := runBinary(t, bin, root, auditEnv, 60*time.Second, c.args...)
			if code != c.code || !strings.Contains(text, c.want) {
				t.Errorf("exit %d (want %d), want %q in:\n%s", code, c.code, c.want, text)
			}
			if strings.Contains(text, secretToken) || strings.Contains(text, "nothing valued") {
				t.Errorf("printed the target's text, or valued nothing:\n%s", text)
			}
			if b, _ := os.ReadFile(filepath.Join(root, "secret.env")); string(b) != "TOKEN="+secretToken+"\n" {
				t.Errorf("secret.env changed: %q", b)
			}
		})
	}
}
