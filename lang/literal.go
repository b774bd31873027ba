package lang

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// This file reads plain literals straight from the syntax tree. Nearly
// every attribute of an offer file is one: a number, a quoted string with
// no interpolation, a negated number or a list of those. Evaluating them
// through hcl.Expression.Value costs a template buffer, a marks map and a
// refinement per string, and decoding a number through big.Float and
// big.Rat costs a dozen allocations; the fast paths here give the same
// values with no diagnostics, and anything else falls back to evaluation
// (values.go). literal_test.go decodes tables of expressions and whole
// files both ways and requires identical values and diagnostics.

// literalValue returns the value expr.Value(nil) returns, without
// evaluating, when expr is a plain literal; ok is false for any other
// expression, which the caller evaluates.
func literalValue(expr hcl.Expression) (cty.Value, bool) {
	switch e := expr.(type) {
	case *hclsyntax.LiteralValueExpr:
		if !plain(e.Val) {
			return cty.NilVal, false
		}
		return e.Val, true
	case *hclsyntax.TemplateExpr:
		// A quoted string without interpolation: one literal string part.
		if len(e.Parts) != 1 {
			return cty.NilVal, false
		}
		lit, ok := e.Parts[0].(*hclsyntax.LiteralValueExpr)
		if !ok || !plain(lit.Val) || lit.Val.IsNull() || lit.Val.Type() != cty.String {
			return cty.NilVal, false
		}
		return lit.Val, true
	case *hclsyntax.UnaryOpExpr:
		if e.Op != hclsyntax.OpNegate {
			return cty.NilVal, false
		}
		lit, ok := e.Val.(*hclsyntax.LiteralValueExpr)
		if !ok || !plain(lit.Val) || lit.Val.IsNull() || lit.Val.Type() != cty.Number {
			return cty.NilVal, false
		}
		return lit.Val.Negate(), true
	case *hclsyntax.TupleConsExpr:
		vals := make([]cty.Value, len(e.Exprs))
		for i, x := range e.Exprs {
			v, ok := literalValue(x)
			if !ok {
				return cty.NilVal, false
			}
			vals[i] = v
		}
		return cty.TupleVal(vals), true
	}
	return cty.NilVal, false
}

// plain reports whether a literal's value can stand for its evaluation:
// known and unmarked (the parser's error placeholders are unknown).
func plain(v cty.Value) bool {
	return v.IsWhollyKnown() && !v.IsMarked()
}

// maxLiteralDigits bounds the whole part of a number the fast path reads:
// twelve digits stay under MaxAmount (1e12), so the range check cannot
// fire.
const maxLiteralDigits = 12

// literalHundredths returns the value of a number literal written as plain
// digits with at most two decimals ("195000", "186.05", "0.5") in
// hundredths, read from the literal's source text: the value is exact, at
// most 1e12, not negative and a whole number of cents, so decoding it as
// money, a decimal or an integer raises no diagnostic. ok is false for any
// other expression (exponents, more decimals, negation, strings...).
func (d *decoder) literalHundredths(expr hcl.Expression) (int64, bool) {
	if d.slow || d.src == nil {
		return 0, false
	}
	e, ok := expr.(*hclsyntax.LiteralValueExpr)
	if !ok || e.Val.Type() != cty.Number || !e.Val.IsKnown() || e.Val.IsNull() || e.Val.IsMarked() {
		return 0, false
	}
	start, end := e.SrcRange.Start.Byte, e.SrcRange.End.Byte
	if start < 0 || end > len(d.src) || start >= end {
		return 0, false
	}
	text := d.src[start:end]
	var whole int64
	i := 0
	for ; i < len(text) && text[i] >= '0' && text[i] <= '9'; i++ {
		if i == maxLiteralDigits {
			return 0, false
		}
		whole = whole*10 + int64(text[i]-'0')
	}
	if i == 0 {
		return 0, false
	}
	h := whole * 100
	if i == len(text) {
		return h, true
	}
	if text[i] != '.' {
		return 0, false
	}
	frac := text[i+1:]
	switch {
	case len(frac) == 1 && isDigit(frac[0]):
		return h + int64(frac[0]-'0')*10, true
	case len(frac) == 2 && isDigit(frac[0]) && isDigit(frac[1]):
		return h + int64(frac[0]-'0')*10 + int64(frac[1]-'0'), true
	}
	return 0, false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
