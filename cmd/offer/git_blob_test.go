package main

import (
	"os"
	"strings"
	"testing"

	"github.com/offerkit/offerkit/lang"
)

// A committed version over lang.MaxFileSize is refused as a file on disk
// is (lang.ReadBlob, the same size rule): a clear error and exit 1, never
// a version read whole into memory and valued.
func TestDiffRefusesTooLargeBlob(t *testing.T) {
	negotiation(t)
	big := "# padding\n" + strings.Repeat("#"+strings.Repeat("x", 99)+"\n", lang.MaxFileSize/100+1)
	if err := os.WriteFile("big.offer.hcl", []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	git(t, ".", "add", "big.offer.hcl")
	git(t, ".", "commit", "-q", "-m", "big")
	out, errOut, code := runCLI(t, "diff", "HEAD:big.offer.hcl", "amazon/round1.offer.hcl")
	if code != exitFindings {
		t.Fatalf("exit %d, want %d; stdout %q stderr %q", code, exitFindings, out, errOut)
	}
	if !strings.Contains(errOut, "HEAD:big.offer.hcl: The file is") || !strings.Contains(errOut, "offerkit reads files of at most 4,194,304 bytes") {
		t.Errorf("stderr does not say the version is too large:\n%s", errOut)
	}
	if out != "" {
		t.Errorf("figures written for a refused version:\n%s", out)
	}
}
