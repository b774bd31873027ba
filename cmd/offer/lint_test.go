package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/langtest"
)

// lintDir writes the example's Amazon offer (above band, with a cliff) as
// a.offer.hcl with an ignored cliff (line 2), a multi-byte character in a
// comment before a finding (line 4), an unknown attribute (line 13) and an
// ignore comment without a reason that silences nothing (line 25).
func lintDir(t *testing.T) string {
	src, err := os.ReadFile(filepath.Join(repoRoot, "examples", "amazon-l6-seattle", "offer.offer.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	return writeFiles(t, map[string]string{"a.offer.hcl": langtest.Replace(string(src),
		"offer \"amazon_l6\" {", "# offer:ignore cliff the year-2 dip is covered by a retention bonus\noffer \"amazon_l6\" {",
		"  company  = \"Amazon\"", "  company  = \"Amazon\" # Amazon – Seattle",
		"  base = 195000\n", "  base = 195000\n  bogus = 1\n",
		"  relocation", "  # offer:ignore below-band\n  relocation")})
}

// TestLintSARIF checks the SARIF 2.1.0 properties code scanning requires,
// by hand: version, $schema, the tool's driver with a rule for every code,
// and each result's rule, level, message and location.
func TestLintSARIF(t *testing.T) {
	t.Chdir(lintDir(t))
	out, _, code := runCLI(t, "lint", "--format", "sarif", ".")
	if code != exitFindings {
		t.Errorf("exit %d, want 1 (unknown-attribute is an error)", code)
	}
	var log map[string]any
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	if log["version"] != "2.1.0" {
		t.Errorf("version = %v", log["version"])
	}
	if s, _ := log["$schema"].(string); !strings.Contains(s, "sarif-schema-2.1.0") {
		t.Errorf("$schema = %v", log["$schema"])
	}
	runs := log["runs"].([]any)
	if len(runs) != 1 {
		t.Fatalf("runs = %d", len(runs))
	}
	run := runs[0].(map[string]any)
	driver := run["tool"].(map[string]any)["driver"].(map[string]any)
	if driver["name"] != "offer" {
		t.Errorf("driver.name = %v", driver["name"])
	}
	rules := driver["rules"].([]any)
	ids := map[string]int{}
	for i, r := range rules {
		rule := r.(map[string]any)
		id, _ := rule["id"].(string)
		if id == "" {
			t.Errorf("rule %d has no id", i)
		}
		ids[id] = i
		for _, k := range []string{"shortDescription", "fullDescription", "help"} {
			if txt, _ := rule[k].(map[string]any)["text"].(string); txt == "" {
				t.Errorf("rule %s lacks %s.text", id, k)
			}
		}
		lvl := rule["defaultConfiguration"].(map[string]any)["level"]
		if lvl != "error" && lvl != "warning" && lvl != "note" {
			t.Errorf("rule %s level %v", id, lvl)
		}
	}
	for _, r := range lang.Rules {
		if _, ok := ids[r.Code]; !ok {
			t.Errorf("no SARIF rule for %s", r.Code)
		}
	}
	results := run["results"].([]any)
	var got []string
	for _, r := range results {
		res := r.(map[string]any)
		id := res["ruleId"].(string)
		if idx := int(res["ruleIndex"].(float64)); idx != ids[id] {
			t.Errorf("%s: ruleIndex %d, rule is at %d", id, idx, ids[id])
		}
		lvl := res["level"]
		if lvl != "error" && lvl != "warning" && lvl != "note" {
			t.Errorf("%s: level %v", id, lvl)
		}
		if txt, _ := res["message"].(map[string]any)["text"].(string); txt == "" {
			t.Errorf("%s: no message.text", id)
		}
		locs := res["locations"].([]any)
		if len(locs) != 1 {
			t.Fatalf("%s: %d locations", id, len(locs))
		}
		pl := locs[0].(map[string]any)["physicalLocation"].(map[string]any)
		uri := pl["artifactLocation"].(map[string]any)["uri"]
		reg := pl["region"].(map[string]any)
		for _, k := range []string{"startLine", "startColumn", "endLine", "endColumn"} {
			if v, _ := reg[k].(float64); v < 1 {
				t.Errorf("%s: region.%s = %v", id, k, reg[k])
			}
		}
		got = append(got, id+" "+uri.(string)+":"+itoa(reg["startLine"])+":"+itoa(reg["startColumn"]))
	}
	// Ignored: cliff (line 2). Reported: above-band on the label, the
	// unknown attribute, and the unused below-band ignore (line 25).
	want := []string{"above-band a.offer.hcl:3:7", "unknown-attribute a.offer.hcl:13:3",
		"ignore-missing-reason a.offer.hcl:25:3", "unused-ignore a.offer.hcl:25:3"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("results:\n got %v\nwant %v", got, want)
	}
}

func itoa(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestSARIFColumnsAreUTF16 puts a finding (an ignore comment that
// silences nothing) after "–" (three UTF-8 bytes, one UTF-16 unit) and an
// emoji (four bytes, two UTF-16 units, one column for HCL).
func TestSARIFColumnsAreUTF16(t *testing.T) {
	prefix := `  company = "–😀" `
	dir := writeFiles(t, map[string]string{"a.offer.hcl": "offer \"x\" {\n" + prefix + "# offer:ignore cliff no cliff here\n  base = 1\n}\n"})
	t.Chdir(dir)
	out, _, _ := runCLI(t, "lint", "--format", "sarif", "a.offer.hcl")
	// 2 spaces + "company = " (10) + `"–😀"`: quote, dash, emoji (2 units), quote = 5, + space = 18 units before the comment.
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						Region struct{ StartLine, StartColumn, EndColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	r := log.Runs[0].Results[0].Locations[0].PhysicalLocation.Region
	if r.StartLine != 2 || r.StartColumn != 19 {
		t.Errorf("finding at %d:%d, want 2:19 (UTF-16 units)", r.StartLine, r.StartColumn)
	}
	// The comment "# offer:ignore cliff no cliff here" is 34 units long.
	if r.EndColumn != 19+34 {
		t.Errorf("endColumn %d, want %d", r.EndColumn, 19+34)
	}
}

func TestLintGitHub(t *testing.T) {
	t.Chdir(lintDir(t))
	out, _, code := runCLI(t, "lint", "--format", "github", "a.offer.hcl")
	if code != exitFindings {
		t.Errorf("exit %d", code)
	}
	mustContain(t, out, "::error file=a.offer.hcl,line=13,col=3,endLine=13,endColumn=8,title=offer unknown-attribute%3A Unknown attribute::")
	golden(t, "lint_github.txt", out)
}

func TestLintMaxWarnings(t *testing.T) {
	ex := filepath.Join(repoRoot, "examples", "amazon-l6-seattle")
	// The example has two warnings (a cliff in the offer and in the counter) and no errors.
	for _, c := range []struct {
		max  string
		want int
	}{{"-1", exitOK}, {"2", exitOK}, {"1", exitFindings}, {"0", exitFindings}} {
		_, errOut, code := runCLI(t, "lint", "--max-warnings", c.max, ex)
		if code != c.want {
			t.Errorf("--max-warnings %s: exit %d, want %d (%s)", c.max, code, c.want, errOut)
		}
	}
}

func TestLintSuppressionText(t *testing.T) {
	t.Chdir(lintDir(t))
	out, _, _ := runCLI(t, "lint", "a.offer.hcl")
	if strings.Contains(out, "[cliff]") {
		t.Errorf("ignored cliff reported:\n%s", out)
	}
	mustContain(t, out, "a.offer.hcl:25:3: warning[unused-ignore]", "a.offer.hcl:25:3: warning[ignore-missing-reason]")
}

// TestLintColumns: columns count what HCL counts (grapheme clusters), so
// that a comment after "Ame\u0301zon 🚀" (e and a combining accent are one
// column, so is the rocket) starts and ends where an editor shows it.
func TestLintColumns(t *testing.T) {
	line := "  company = \"Ame\u0301zon \U0001F680\" # offer:ignore below-band for Ame\u0301zon \U0001F680"
	t.Chdir(writeFiles(t, map[string]string{"a.offer.hcl": "offer \"o\" {\n" + line + "\n  base = 1\n}\n"}))
	out, _, _ := runCLI(t, "lint", "--format", "github", "a.offer.hcl")
	// The comment starts after 12 + 10 + 1 = 23 columns ("  company = ",
	// the string, a space) and is 14 + 11 + 4 + 7 + 2 = 38 columns long
	// ("# offer:ignore", " below-band", " for", " Amézon", " 🚀").
	mustContain(t, out, "::warning file=a.offer.hcl,line=2,col=24,endLine=2,endColumn=62,title=offer unused-ignore")
}
