package engine

import "fmt"

// ruleEquityInShares suggests stating a grant in dollars: a share count
// hides what the grant is worth and moves with the price.
func ruleEquityInShares(a *Analysis, _ *Bands) []Flag {
	g := a.Offer.Equity
	if !g.InShares() {
		return nil
	}
	cur := a.Offer.Currency
	value := RoundCents(g.GrantValue())
	return []Flag{{Code: EquityInSharesRule.Code, Severity: EquityInSharesRule.Severity, Field: "equity.shares",
		Message: fmt.Sprintf("The grant is %s shares at %s, worth %s today. Negotiate the grant as a value in %s, not a share count.",
			g.Shares, RoundCents(g.Price.Rat()).Format(cur), value.Format(cur), currencyName(cur)),
		Fix: &Fix{Title: fmt.Sprintf("State the grant as its value, %s", value.Format(cur)),
			Set: map[string]Money{"equity.value": value}}}}
}

func currencyName(code string) string {
	if code == "" || code == "USD" {
		return "dollars"
	}
	return code
}
