package lang

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoProtocolTypes keeps the language server's protocol out of lang and
// its subpackages: only lsp/ imports glsp.
func TestNoProtocolTypes(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/offerkit/offerkit/lang/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, "github.com/tliron/") || strings.HasPrefix(pkg, "github.com/sourcegraph/") || pkg == "github.com/offerkit/offerkit/lsp" {
			t.Errorf("lang depends on %s", pkg)
		}
	}
}
