package engine

import (
	"fmt"
	"math/big"
)

// roomLevers are the levers with a usual room, and the figure it is
// measured on.
var roomLevers = []struct{ lever, field, name string }{
	{"base", "base", "base"},
	{"sign_on", "sign_on", "the sign-on"},
	{"equity", "equity.value", "the grant"},
}

// ruleOutsideRoom flags an ask that raises a lever by more than its usual
// room, saying what the room is and the figure at its top.
func ruleOutsideRoom(ca *CounterAnalysis) []Flag {
	var out []Flag
	cur := ca.Offer.Currency
	for _, rl := range roomLevers {
		room, ok := ca.Policy.Room[rl.lever]
		if !ok {
			continue
		}
		l, ok := ca.Delta.Lever(rl.field)
		change, _ := l.Delta() // a counter's levers are in the offer's currency
		if !ok || change <= 0 {
			continue
		}
		if above, known := percentAbove(change, l.Before, room.Hi); known && !above {
			continue // the common case, decided without a rational
		}
		pct, ok := l.Percent()
		if !ok || pct.Cmp(room.Hi) <= 0 {
			continue
		}
		top := TopOfRoom(l.Before, room)
		f := Flag{Code: OutsideRoomRule.Code, Severity: OutsideRoomRule.Severity, Field: rl.field,
			Message: fmt.Sprintf("Asking %s for %s is +%s%% on the offered %s, beyond the usual room of %s on %s (up to %s). Expect pushback: ask for %s or less, and put the rest on another lever.",
				l.After.Format(cur), rl.name, RoundDec(pct, 1), l.Before.Format(cur), room.RoomText(), rl.name, top.Format(cur), top.Format(cur))}
		if rl.field != "sign_on" {
			f.Fix = &Fix{Title: fmt.Sprintf("Ask for %s, the top of the usual room", top.Format(cur)), Set: map[string]Money{rl.field: top}}
		}
		out = append(out, f)
	}
	return out
}

// TopOfRoom returns the offered figure raised by the top of the room.
func TopOfRoom(from Money, room Room) Money {
	f := new(big.Rat).Add(big.NewRat(1, 1), new(big.Rat).Quo(room.Hi.Rat(), big.NewRat(100, 1)))
	return RoundCents(f.Mul(f, from.Rat()))
}

// percentAbove reports whether part is more than hi percent of whole, as
// PercentOf(part, whole).Cmp(hi) > 0 does (false when whole is zero), in
// integers; known is false when the figures are too large for that.
// Tests hold it to the Dec path.
func percentAbove(part, whole Money, hi Dec) (above, known bool) {
	if whole == 0 {
		return false, true
	}
	r := hi.rat()
	if !r.IsInt() || !r.Num().IsInt64() {
		return false, false
	}
	h := r.Num().Int64()
	const lim = 1 << 40
	if h <= -(1<<20) || h >= 1<<20 || part <= -lim || part >= lim || whole <= -lim || whole >= lim {
		return false, false
	}
	l, rhs := int64(part)*100, h*int64(whole)
	if whole > 0 {
		return l > rhs, true
	}
	return l < rhs, true
}
