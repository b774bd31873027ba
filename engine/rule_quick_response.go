package engine

import "fmt"

// QuickResponseDays is how many days after the offer arrived a counter
// dated earlier counts as a quick response. Offer files hold dates, not
// times, so the 48-hour rule is approximated: a counter dated the same day
// as the offer or the next day may have gone out within 48 hours and is
// flagged; one dated two or more days later is not.
const QuickResponseDays = 2

// ruleQuickResponse flags a counter sent less than 48 hours after the offer
// arrived.
func ruleQuickResponse(ca *CounterAnalysis) []Flag {
	rcv, sent := ca.Offer.Received, ca.Counter.Sent
	if rcv.IsZero() || sent.IsZero() {
		return nil
	}
	days := DaysBetween(rcv, sent)
	if days >= QuickResponseDays {
		return nil
	}
	var when string
	switch {
	case days < 0:
		when = fmt.Sprintf("is dated %s, before the offer arrived (%s); check both dates.", sent.Format("2006-01-02"), rcv.Format("2006-01-02"))
		return []Flag{{Code: QuickResponseRule.Code, Severity: QuickResponseRule.Severity, Field: "sent", Message: "The counter " + when}}
	case days == 0:
		when = "the day the offer arrived"
	default:
		when = "the day after the offer arrived"
	}
	return []Flag{{Code: QuickResponseRule.Code, Severity: QuickResponseRule.Severity, Field: "sent",
		Message: fmt.Sprintf("The counter is dated %s, %s (%s). Take at least 48 hours to answer an offer; a counter dated %s or later is clear of that.",
			sent.Format("2006-01-02"), when, rcv.Format("2006-01-02"), rcv.AddDate(0, 0, QuickResponseDays).Format("2006-01-02"))}}
}
