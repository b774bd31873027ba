package lang

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/offerkit/offerkit/engine"
	"github.com/zclconf/go-cty/cty"
)

// This file converts attribute expressions into engine values, reporting a
// located diagnostic for every value that does not fit its kind.

// MaxAmount bounds every number in an offer file: no compensation figure,
// share count or price comes near it, and it keeps the exact arithmetic
// small.
var MaxAmount = big.NewFloat(1e12)

type decoder struct {
	diags Diagnostics
	src   []byte // the file's text, for reading number literals (literal.go)
	slow  bool   // evaluate every expression: the reference the fast paths are tested against

	nodeArena []Node     // nodes of nested blocks, taken in order (decode.go)
	attrArena []AttrNode // attribute nodes, taken in order
}

func (d *decoder) add(diag *Diagnostic) { d.diags = append(d.diags, diag) }

func (d *decoder) wrongType(a *AttrNode, want Kind, got string) {
	d.add(errorf("wrong-type", a.ValueRange, "Wrong type for "+a.Name,
		fmt.Sprintf("%s must be a %s, not %s.%s", a.Name, want, got, kindHint(want))))
}

func kindHint(k Kind) string {
	switch k {
	case KindMoney:
		return " Write the amount as a plain number, such as 195000 or 186.05."
	case KindDate:
		return " Write the date as a string, such as \"2025-03-10\"."
	case KindReference:
		return " Write a reference to an offer block, such as offer.amazon_l6."
	case KindSchedule:
		return " Write a preset name such as \"amazon\", or yearly percentages such as [5, 15, 40, 40]."
	case KindMoneyRange, KindPercentiles:
		return " Write two numbers, low first, such as [180000, 220000]."
	}
	return ""
}

func typeName(v cty.Value) string {
	switch {
	case v.IsNull():
		return "null"
	case v.Type() == cty.String:
		return "a string"
	case v.Type() == cty.Number:
		return "a number"
	case v.Type() == cty.Bool:
		return "a bool"
	case v.Type().IsTupleType() || v.Type().IsListType():
		return "a list"
	case v.Type().IsObjectType() || v.Type().IsMapType():
		return "an object"
	}
	return v.Type().FriendlyName()
}

// value evaluates an expression with no variables and no functions: offer
// files are data, and nothing in them may read files, the environment or
// the network.
func (d *decoder) value(expr hcl.Expression) (cty.Value, bool) {
	if !d.slow {
		if v, ok := literalValue(expr); ok {
			return v, true
		}
	}
	v, hds := expr.Value(nil)
	if hds.HasErrors() {
		d.diags = append(d.diags, fromHCL(hds, "wrong-type")...)
		return cty.NilVal, false
	}
	if !v.IsWhollyKnown() {
		return cty.NilVal, false
	}
	return v, true
}

// number converts a number value to an exact decimal.
func (d *decoder) number(name string, v cty.Value, rng hcl.Range) (engine.Dec, bool) {
	bf := v.AsBigFloat()
	if bf.IsInf() {
		d.add(errorf("number-too-large", rng, "Number out of range", name+" is infinite. Write a finite amount."))
		return engine.Dec{}, false
	}
	if new(big.Float).Abs(bf).Cmp(MaxAmount) > 0 {
		d.add(errorf("number-too-large", rng, "Number out of range",
			fmt.Sprintf("%s is larger than 1,000,000,000,000, more than any compensation figure. Check the number of digits.", name)))
		return engine.Dec{}, false
	}
	if bf.IsInt() {
		if i, acc := bf.Int64(); acc == big.Exact {
			return engine.DecInt(i), true
		}
	}
	dec, err := engine.ParseDec(bf.Text('g', -1))
	if err != nil {
		d.add(errorf("wrong-type", rng, "Not a number", err.Error()))
		return engine.Dec{}, false
	}
	return dec, true
}

func (d *decoder) decValue(a *AttrNode, v cty.Value, rng hcl.Range, allowNegative bool, kind Kind) (engine.Dec, bool) {
	if v.IsNull() || v.Type() != cty.Number {
		d.wrongType(a, kind, typeName(v))
		return engine.Dec{}, false
	}
	x, ok := d.number(a.Name, v, rng)
	if !ok {
		return x, false
	}
	if !allowNegative && x.Sign() < 0 {
		d.add(errorf("negative-value", rng, "Negative "+a.Name,
			fmt.Sprintf("%s is %s; it cannot be negative. Write the amount as a positive number.", a.Name, x)))
		return x, false
	}
	return x, true
}

// Money decodes a money attribute.
func (d *decoder) money(a *AttrNode) (engine.Money, bool) {
	if h, ok := d.literalHundredths(a.Expr); ok {
		return engine.Money(h), true // hundredths of a major unit are cents
	}
	v, ok := d.value(a.Expr)
	if !ok {
		return 0, false
	}
	return d.moneyValue(a, v, a.ValueRange)
}

func (d *decoder) moneyValue(a *AttrNode, v cty.Value, rng hcl.Range) (engine.Money, bool) {
	x, ok := d.decValue(a, v, rng, false, KindMoney)
	if !ok {
		return 0, false
	}
	cents := new(big.Rat).Mul(x.Rat(), big.NewRat(100, 1))
	if !cents.IsInt() {
		d.add(errorf("money-precision", rng, "Fraction of a cent",
			fmt.Sprintf("%s is %s, which is not a whole number of cents. Round it to two decimals.", a.Name, x)))
		return 0, false
	}
	return engine.Money(cents.Num().Int64()), true
}

// Dec decodes a decimal attribute.
func (d *decoder) dec(a *AttrNode, allowNegative bool, kind Kind) (engine.Dec, bool) {
	if h, ok := d.literalHundredths(a.Expr); ok && h%100 == 0 {
		return decInt(h / 100), true // as number() makes a whole number
	}
	v, ok := d.value(a.Expr)
	if !ok {
		return engine.Dec{}, false
	}
	return d.decValue(a, v, a.ValueRange, allowNegative, kind)
}

// smallDecs are the Decs of 0 to 100, made once and shared: a Dec is
// immutable, and percentages are nearly always among them.
var smallDecs = func() (out [101]engine.Dec) {
	for i := range out {
		out[i] = engine.DecInt(int64(i))
	}
	return out
}()

// decInt returns the Dec for n, shared when small.
func decInt(n int64) engine.Dec {
	if n >= 0 && n < int64(len(smallDecs)) {
		return smallDecs[n]
	}
	return engine.DecInt(n)
}

// Int decodes a whole number in [lo, hi].
func (d *decoder) integer(a *AttrNode, lo, hi int) (int, bool) {
	if h, ok := d.literalHundredths(a.Expr); ok && h%100 == 0 && h/100 >= int64(lo) && h/100 <= int64(hi) {
		return int(h / 100), true
	}
	x, ok := d.dec(a, true, KindInt)
	if !ok {
		return 0, false
	}
	return d.intValue(a, x, a.ValueRange, lo, hi)
}

func (d *decoder) intValue(a *AttrNode, x engine.Dec, rng hcl.Range, lo, hi int) (int, bool) {
	r := x.Rat()
	if !r.IsInt() || r.Cmp(big.NewRat(int64(lo), 1)) < 0 || r.Cmp(big.NewRat(int64(hi), 1)) > 0 {
		d.add(errorf("invalid-value", rng, "Invalid "+a.Name,
			fmt.Sprintf("%s is %s; it must be a whole number from %d to %d.", a.Name, x, lo, hi)))
		return 0, false
	}
	return int(r.Num().Int64()), true
}

// Str decodes a string attribute.
func (d *decoder) str(a *AttrNode) (string, bool) {
	v, ok := d.value(a.Expr)
	if !ok {
		return "", false
	}
	if v.IsNull() || v.Type() != cty.String {
		d.wrongType(a, KindString, typeName(v))
		return "", false
	}
	return v.AsString(), true
}

// currency decodes an ISO 4217 currency code attribute (CurrencyCode).
func (d *decoder) currency(a *AttrNode) (string, bool) {
	s, ok := d.str(a)
	if !ok {
		return "", false
	}
	if msg := CurrencyCode(s); msg != "" {
		d.add(errorf("invalid-value", a.ValueRange, "Invalid currency code", msg))
		return "", false
	}
	return s, true
}

// elements returns a list value's elements with the range of each element
// expression where the source is a literal list.
func (d *decoder) elements(a *AttrNode, kind Kind) ([]cty.Value, []hcl.Range, bool) {
	v, ok := d.value(a.Expr)
	if !ok {
		return nil, nil, false
	}
	if v.IsNull() || !(v.Type().IsTupleType() || v.Type().IsListType()) {
		d.wrongType(a, kind, typeName(v))
		return nil, nil, false
	}
	vals := v.AsValueSlice()
	rngs := make([]hcl.Range, len(vals))
	tuple, _ := a.Expr.(*hclsyntax.TupleConsExpr)
	for i := range vals {
		rngs[i] = a.ValueRange
		if tuple != nil && i < len(tuple.Exprs) {
			rngs[i] = tuple.Exprs[i].Range()
		}
	}
	return vals, rngs, true
}

// moneyRange decodes a [low, high] money range.
func (d *decoder) moneyRange(a *AttrNode) (engine.Range, bool) {
	vals, rngs, ok := d.elements(a, KindMoneyRange)
	if !ok {
		return engine.Range{}, false
	}
	if len(vals) != 2 {
		d.add(errorf("invalid-value", a.ValueRange, "Invalid range",
			fmt.Sprintf("%s has %d values; a range has two, low first, such as [180000, 220000].", a.Name, len(vals))))
		return engine.Range{}, false
	}
	lo, ok1 := d.moneyValue(a, vals[0], rngs[0])
	hi, ok2 := d.moneyValue(a, vals[1], rngs[1])
	if !ok1 || !ok2 {
		return engine.Range{}, false
	}
	if lo > hi {
		d.add(errorf("invalid-value", a.ValueRange, "Range upside down",
			fmt.Sprintf("%s runs from %s down to %s; write the low end first.", a.Name, lo.Decimal(), hi.Decimal())))
		return engine.Range{}, false
	}
	return engine.Range{Lo: lo, Hi: hi}, true
}

// percentList decodes a list of yearly percentages.
func (d *decoder) percentList(a *AttrNode) ([]engine.Dec, bool) {
	vals, rngs, ok := d.elements(a, KindPercentList)
	if !ok {
		return nil, false
	}
	if len(vals) == 0 || len(vals) > 10 {
		d.add(errorf("invalid-value", a.ValueRange, "Invalid schedule",
			fmt.Sprintf("%s lists %d years; a vesting schedule lists 1 to 10 yearly percentages.", a.Name, len(vals))))
		return nil, false
	}
	out := make([]engine.Dec, len(vals))
	good := true
	for i, v := range vals {
		x, ok := d.decValue(a, v, rngs[i], false, KindPercentList)
		out[i] = x
		good = good && ok
	}
	return out, good
}

// intList decodes a list of whole numbers in [lo, hi].
func (d *decoder) intList(a *AttrNode, lo, hi int) ([]int, bool) {
	vals, rngs, ok := d.elements(a, KindIntList)
	if !ok {
		return nil, false
	}
	out := make([]int, len(vals))
	good := true
	for i, v := range vals {
		x, ok := d.decValue(a, v, rngs[i], true, KindIntList)
		if ok {
			out[i], ok = d.intValue(a, x, rngs[i], lo, hi)
		}
		good = good && ok
	}
	return out, good
}

// schedule decodes a schedule attribute: a preset name or an inline list.
func (d *decoder) schedule(a *AttrNode) (ScheduleRef, bool) {
	ref := ScheduleRef{Range: a.ValueRange, Set: true}
	v, ok := d.value(a.Expr)
	if !ok {
		return ref, false
	}
	if !v.IsNull() && v.Type() == cty.String {
		ref.Name = v.AsString()
		return ref, true
	}
	pct, ok := d.percentList(a)
	if !ok {
		return ref, false
	}
	s := engine.Schedule{Percent: pct}
	if err := s.Validate(); err != nil {
		d.engineError(err, a.ValueRange)
		return ref, false
	}
	ref.Inline = &s
	return ref, true
}

// reference decodes offer.<name>.
func (d *decoder) reference(a *AttrNode) (string, bool) {
	trav, hds := hcl.AbsTraversalForExpr(a.Expr)
	if hds.HasErrors() || len(trav) != 2 || trav.RootName() != "offer" {
		got := "something else"
		if v, vds := a.Expr.Value(nil); !vds.HasErrors() {
			got = typeName(v)
		}
		d.wrongType(a, KindReference, got)
		return "", false
	}
	attr, ok := trav[1].(hcl.TraverseAttr)
	if !ok {
		d.wrongType(a, KindReference, "an index")
		return "", false
	}
	return attr.Name, true
}

// engineError turns an engine.FieldError into a diagnostic at rng.
func (d *decoder) engineError(err error, rng hcl.Range) {
	code, msg := "invalid-value", err.Error()
	if fe, ok := err.(*engine.FieldError); ok {
		code, msg = fe.Code, fe.Msg
	}
	summary := "Invalid value"
	if code == "schedule-sum" {
		summary = "Schedule does not add up to 100"
	}
	d.add(errorf(code, rng, summary, upperFirst(msg)+"."))
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
