package lang

import (
	"fmt"
	"time"

	"github.com/zclconf/go-cty/cty"
)

// Date decodes a "YYYY-MM-DD" attribute.
func (d *decoder) date(a *AttrNode) (time.Time, bool) {
	v, ok := d.value(a.Expr)
	if !ok {
		return time.Time{}, false
	}
	if v.IsNull() || v.Type() != cty.String {
		d.wrongType(a, KindDate, typeName(v))
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", v.AsString())
	if err != nil {
		d.add(errorf("invalid-value", a.ValueRange, "Invalid date",
			fmt.Sprintf("%s is %q; write it as an ISO date such as \"2025-03-10\".", a.Name, v.AsString())))
		return time.Time{}, false
	}
	if t.Year() < 1900 || t.Year() > 2200 {
		// "0001-01-01" would read as "no date" (the zero time).
		d.add(errorf("invalid-value", a.ValueRange, "Date out of range",
			fmt.Sprintf("%s is %q; offerkit takes dates from 1900 to 2200. Check the year.", a.Name, v.AsString())))
		return time.Time{}, false
	}
	return t, true
}
