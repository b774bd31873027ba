package lang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/offerkit/offerkit/engine"
)

// emittedCodes finds every diagnostic code written in the non-test Go
// files of lang and engine: errorf("code", ...), Code: "code" fields,
// fromHCL(..., "code") fallbacks and the values of hclCodes.
func emittedCodes(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	files, _ := filepath.Glob("*.go")
	more, _ := filepath.Glob("../engine/*.go")
	fset := token.NewFileSet()
	lit := func(e ast.Expr, where string) {
		if bl, ok := e.(*ast.BasicLit); ok && bl.Kind == token.STRING {
			s, _ := strconv.Unquote(bl.Value)
			out[s] = where
		}
	}
	for _, name := range append(files, more...) {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if id, ok := n.Fun.(*ast.Ident); ok {
					switch {
					case id.Name == "errorf" && len(n.Args) > 0:
						lit(n.Args[0], name)
					case id.Name == "fromHCL" && len(n.Args) > 1:
						lit(n.Args[1], name)
					}
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && id.Name == "Code" {
					lit(n.Value, name)
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if id.Name == "hclCodes" && i < len(n.Values) {
						for _, el := range n.Values[i].(*ast.CompositeLit).Elts {
							lit(el.(*ast.KeyValueExpr).Value, name)
						}
					}
				}
			}
			return true
		})
	}
	return out
}

// TestEveryCodeHasARule keeps the rule table (and so SARIF rule metadata and
// docs/rules.md) complete.
func TestEveryCodeHasARule(t *testing.T) {
	codes := emittedCodes(t)
	if len(codes) < 20 {
		t.Fatalf("found only %d codes; the scan is broken: %v", len(codes), codes)
	}
	for code, where := range codes {
		if RuleFor(code) == nil {
			t.Errorf("code %q (%s) has no entry in Rules (lang/rules.go)", code, where)
		}
	}
	for _, er := range engine.Rules() {
		if r := RuleFor(er.Code); r == nil || !r.Flag || r.Summary != er.Summary || r.Help != er.Help {
			t.Errorf("engine rule %q is not in Rules as a flag with its own words", er.Code)
		}
		if er.Title == "" {
			t.Errorf("engine rule %q has no title", er.Code)
		}
	}
	for _, r := range Rules {
		if _, ok := codes[r.Code]; !ok {
			t.Errorf("rule %q is never emitted; remove it or fix the scan", r.Code)
		}
		if r.Summary == "" || r.Help == "" || r.Severity == 0 {
			t.Errorf("rule %q lacks a summary, help or severity", r.Code)
		}
	}
	if !sort.SliceIsSorted(Rules, func(i, j int) bool { return Rules[i].Code < Rules[j].Code }) {
		t.Error("Rules not sorted")
	}
}

// TestRuleDocIsItsSection: every rule's documentation address (SARIF's
// helpUri) points at a section docs/rules.md has, headed by the code.
func TestRuleDocIsItsSection(t *testing.T) {
	md := RulesMarkdown()
	for _, r := range Rules {
		if want := RulesDoc + "#" + r.Code; r.Doc() != want {
			t.Errorf("%s: Doc() = %q, want %q", r.Code, r.Doc(), want)
		}
		if !strings.Contains(md, "\n### "+r.Code+"\n") {
			t.Errorf("%s: no section headed by the code in docs/rules.md", r.Code)
		}
	}
}
