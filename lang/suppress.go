package lang

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/offerkit/offerkit/engine"
)

// This file defines inline suppression. A comment
//
//	# offer:ignore <code>[,<code>...] <reason>
//
// on a line of its own silences those codes on the next line that is not
// itself a comment (so several ignore comments can stack above one line).
// Written at the end of a line of code, it silences the codes on that line.
// An ignore comment that silences nothing is reported (unused-ignore), and
// so is one without a reason (ignore-missing-reason).

// IgnorePrefix starts a suppression comment, after "#" or "//".
const IgnorePrefix = "offer:ignore"

// Ignore is one parsed suppression comment.
type Ignore struct {
	Codes  []string
	Reason string
	Range  hcl.Range // the comment, without its line break
	Line   int       // the line whose diagnostics it silences
}

// Ignores returns the suppression comments of a file's text.
func Ignores(filename string, src []byte) []Ignore {
	if !bytes.Contains(src, []byte(IgnorePrefix)) {
		return nil // the common case: no need to lex
	}
	toks, _ := hclsyntax.LexConfig(src, filename, hcl.InitialPos)
	var out []Ignore
	codeOnLine := map[int]bool{} // lines holding something other than comments
	var comments []hclsyntax.Token
	for _, t := range toks {
		switch t.Type {
		case hclsyntax.TokenComment:
			comments = append(comments, t)
		case hclsyntax.TokenNewline, hclsyntax.TokenEOF:
		default:
			for l := t.Range.Start.Line; l <= t.Range.End.Line; l++ {
				codeOnLine[l] = true
			}
		}
	}
	commentOnly := map[int]bool{}
	for _, c := range comments {
		if !codeOnLine[c.Range.Start.Line] {
			commentOnly[c.Range.Start.Line] = true
		}
	}
	for _, c := range comments {
		text := strings.TrimRight(string(c.Bytes), "\r\n")
		body := strings.TrimPrefix(strings.TrimPrefix(text, "#"), "//")
		if len(body) == len(text) {
			continue // a /* block */ comment
		}
		body = strings.TrimSpace(body)
		if !strings.HasPrefix(body, IgnorePrefix) {
			continue
		}
		rest := strings.TrimPrefix(body, IgnorePrefix)
		if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			continue // "offer:ignored" or similar: not ours
		}
		fields := strings.Fields(rest)
		ig := Ignore{Range: c.Range}
		ig.Range.End = hcl.Pos{Line: c.Range.Start.Line, Column: c.Range.Start.Column + Columns([]byte(text)), Byte: c.Range.Start.Byte + len(text)}
		if len(fields) > 0 {
			for _, code := range strings.Split(fields[0], ",") {
				if code != "" {
					ig.Codes = append(ig.Codes, code)
				}
			}
			ig.Reason = strings.Join(fields[1:], " ")
		}
		line := c.Range.Start.Line
		if codeOnLine[line] {
			ig.Line = line
		} else {
			ig.Line = line + 1
			for commentOnly[ig.Line] {
				ig.Line++
			}
		}
		out = append(out, ig)
	}
	return out
}

// Suppress applies a file's ignore comments to diagnostics about the file:
// it drops the diagnostics they silence and adds one for each ignore
// comment that silences nothing or gives no reason. Diagnostics about other
// files pass through. The result is sorted.
func Suppress(filename string, src []byte, diags Diagnostics) Diagnostics {
	ignores := Ignores(filename, src)
	if len(ignores) == 0 {
		return diags
	}
	used := make([]map[string]bool, len(ignores))
	var out Diagnostics
	for _, d := range diags {
		silenced := false
		if d.Subject.Filename == filename {
			for i, ig := range ignores {
				if ig.Line != d.Subject.Start.Line || !silenceable(d.Code) {
					continue
				}
				for _, code := range ig.Codes {
					if code == d.Code || renamedCodes[code] == d.Code {
						silenced = true
						if used[i] == nil {
							used[i] = map[string]bool{}
						}
						used[i][code] = true
					}
				}
			}
		}
		if !silenced {
			out = append(out, d)
		}
	}
	for i, ig := range ignores {
		rng := ig.Range
		rng.Filename = filename
		if len(ig.Codes) == 0 {
			out = append(out, &Diagnostic{Code: "unused-ignore", Severity: engine.Warning, Subject: rng,
				Summary: "Ignore comment without a code",
				Detail:  "Write the code to silence and why: # offer:ignore <code> <reason>. The codes are listed in docs/rules.md."})
			continue
		}
		for _, code := range ig.Codes {
			if used[i][code] {
				continue
			}
			out = append(out, &Diagnostic{Code: "unused-ignore", Severity: engine.Warning, Subject: rng,
				Summary: "Ignore comment silences nothing", Detail: unusedDetail(code, ig.Line)})
		}
		if ig.Reason == "" {
			out = append(out, &Diagnostic{Code: "ignore-missing-reason", Severity: engine.Warning, Subject: rng,
				Summary: "Ignore comment without a reason",
				Detail:  fmt.Sprintf("Say why %s does not apply after the code, such as: # offer:ignore %s <reason>.", strings.Join(ig.Codes, ","), strings.Join(ig.Codes, ","))})
		}
	}
	out.Sort()
	return out
}

// renamedCodes maps a code that was renamed to its new name, so that
// ignore comments written for the old name keep working.
var renamedCodes = map[string]string{"unknown-band": "no-band"}

func silenceable(code string) bool {
	r := RuleFor(code)
	// Codes missing from the table (a rule added without documentation)
	// can be silenced; a test keeps the table complete.
	return r == nil || r.Silenceable
}

func unusedDetail(code string, line int) string {
	if renamed, ok := renamedCodes[code]; ok {
		code = renamed
	}
	r := RuleFor(code)
	switch {
	case r == nil:
		msg := fmt.Sprintf("There is no code %q.", code)
		var codes []string
		for _, r := range Rules {
			codes = append(codes, r.Code)
		}
		if s := suggest(code, codes); s != "" {
			msg += fmt.Sprintf(" Did you mean %q?", s)
		}
		return msg + " The codes are listed in docs/rules.md."
	case !r.Silenceable:
		return fmt.Sprintf("%s cannot be silenced; fix it instead.", code)
	}
	return fmt.Sprintf("No %s finding is on line %d, the line this comment applies to. Remove the comment, or move it right above the line with the finding.", code, line)
}
