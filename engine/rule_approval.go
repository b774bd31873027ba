package engine

import "strconv"

// ruleApproval says who has to sign off the counter's increase of the
// four-year total: the larger the increase, the higher it goes.
// Its message is built in one buffer, not with fmt, for the reason and
// figure Money.appendFormat gives (BenchmarkLintCorpus1000Load: 442,000
// allocations per 1,000 files against 662,000 with fmt).
func ruleApproval(ca *CounterAnalysis) []Flag {
	offered, total := ca.Delta.Before.Total, ca.Delta.Total()
	if offered == 0 || total <= 0 || ca.ApprovalIndex < 0 {
		return nil // the percent is not ok for a zero total
	}
	cur := ca.Offer.Currency
	// "The counter adds %s over four years (+%s%% on %s). An increase %s is usually signed off by the %s."
	var buf [320]byte
	b := append(buf[:0], "The counter adds "...)
	b = total.appendFormat(b, cur)
	b = append(b, " over four years (+"...)
	b = appendPercent1(b, total, offered)
	b = append(b, "% on "...)
	b = offered.appendFormat(b, cur)
	b = append(b, "). An increase "...)
	b = append(b, ca.Policy.TierSpan(ca.ApprovalIndex)...)
	b = append(b, " is usually signed off by the "...)
	b = append(b, ca.Approval.Who...)
	b = append(b, '.')
	if ca.ApprovalIndex > 0 {
		b = append(b, " Give the recruiter the market figures and reasons they need to carry the ask upward."...)
	}
	return []Flag{{Code: ApprovalRule.Code, Severity: ApprovalRule.Severity, Field: "", Message: string(b)}}
}

// appendPercent1 appends RoundDec(PercentOf(part, whole), 1) as Dec.String
// renders it ("11", "11.4", "-0.5"), in integers where they cannot
// overflow; whole must not be zero. Tests hold it to the Dec path.
func appendPercent1(b []byte, part, whole Money) []byte {
	const lim = 1 << 52
	if part > -lim && part < lim && whole > -lim && whole < lim && whole != 0 {
		num, den := int64(part)*1000, int64(whole)
		if den < 0 {
			num, den = -num, -den
		}
		t, _ := roundQuo64(num, den) // tenths of a percent
		if t < 0 {
			b, t = append(b, '-'), -t
		}
		b = strconv.AppendInt(b, t/10, 10)
		if t%10 != 0 {
			b = append(b, '.', byte('0'+t%10))
		}
		return b
	}
	p, _ := PercentOf(part, whole)
	return append(b, RoundDec(p, 1).String()...)
}
