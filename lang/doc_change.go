package lang

import "github.com/offerkit/offerkit/engine"

// CounterChange is a counter's 4-year total against its offer's, in the
// one change model (engine.Amounts: each side with its currency, never
// subtracted across currencies). Reports, textconv, hovers and lenses all
// state it from here. ok is false for an offer and an unresolved counter.
func (d *Doc) CounterChange() (engine.Amounts, bool) {
	if d.Kind != "counter" || d.OfferAnalysis == nil {
		return engine.Amounts{}, false
	}
	return engine.Amounts{Before: d.OfferAnalysis.Worth.Total, After: d.Analysis.Worth.Total,
		BeforeCurrency: d.OfferAnalysis.Offer.Currency, AfterCurrency: d.Analysis.Offer.Currency}, true
}
