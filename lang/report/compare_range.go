package report

import (
	"fmt"

	"github.com/offerkit/offerkit/engine"
)

// RangeError says that a figure of a comparison lies past the engine's
// range (engine.MaxAmount): converted at a rate, or under a stock-price
// move. The comparison is not shown rather than show a figure that is not
// the exact result.
type RangeError struct{ Doc, Where string }

func (e *RangeError) Error() string {
	return fmt.Sprintf("%s: %s, a figure passes %s, the largest amount offerkit computes exactly; check the rate, the move or the offer's figures for a slip of several digits",
		e.Doc, e.Where, engine.MaxAmount.Format("USD"))
}

// RangeErr returns a *RangeError for the first document whose figures
// under a scenario (a stock-price move, or an exchange-rate move's total) are past the
// range, nil when every figure is in range.
func (c *Comparison) RangeErr() error {
	for _, s := range c.Scenarios {
		for i, w := range s.Worth {
			if w.OutOfRange() {
				return &RangeError{Doc: c.Documents[i].Label, Where: fmt.Sprintf("with the stock price moved %s%%", s.Change)}
			}
		}
	}
	for _, s := range c.FX {
		for i, total := range s.Totals {
			if !total.InRange() {
				return &RangeError{Doc: c.Documents[i].Label, Where: fmt.Sprintf("with the %s rate moved %s%%", s.Currency, s.Change)}
			}
		}
	}
	return nil
}
