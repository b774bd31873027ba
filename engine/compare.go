package engine

import (
	"fmt"
	"strings"
)

// This file defines the comparison of offers: which pays most in each year
// and over four years, and which wins when the stock price moves.

// Comparison places offers side by side. Offers keeps the order it was
// given; ranks count from 1 (pays most), and offers that pay the same share
// a rank ("1, 1, 3").
type Comparison struct {
	Offers []Compared
	// Currency is the currency every offer is stated in. When the offers
	// mix currencies, Mixed is set and no ranks or winners are computed:
	// amounts in different currencies cannot be ordered without an
	// exchange rate, and offerkit assumes none.
	Currency  string
	Mixed     bool
	Scenarios []Scenario
}

// Compared is one offer in a comparison.
type Compared struct {
	Analysis  Analysis
	Cliffs    []Cliff
	YearRank  [Years]int // rank of each year's total; 0 when Mixed
	TotalRank int        // rank of the 4-year total; 0 when Mixed
}

// Scenario is the comparison recomputed with the stock price changed by
// Change percent, on the equity of every year and on top of each offer's
// own growth assumption.
type Scenario struct {
	Change Dec
	Move   Move    // the change of each company's stock (Move.All is Change)
	Worth  []Worth // by offer, in the comparison's order
	Rank   []int   // rank of each offer's 4-year total; nil when Mixed
}

// CompareOffers ranks analysed offers against each other and recomputes them
// under each stock-price change.
func CompareOffers(offers []Analysis, priceChanges []Dec) Comparison {
	c := Comparison{Offers: make([]Compared, len(offers))}
	cur := map[string]bool{}
	for i, a := range offers {
		c.Offers[i] = Compared{Analysis: a, Cliffs: a.Cliffs}
		code := strings.ToUpper(a.Offer.Currency)
		if code == "" {
			code = "USD"
		}
		cur[code] = true
		c.Currency = code
	}
	if len(cur) > 1 {
		c.Currency, c.Mixed = "", true
	}
	if !c.Mixed {
		for y := 0; y < Years; y++ {
			r := Ranks(column(offers, func(w Worth) Money { return w.Years[y].Total }))
			for i := range c.Offers {
				c.Offers[i].YearRank[y] = r[i]
			}
		}
		r := Ranks(column(offers, func(w Worth) Money { return w.Total }))
		for i := range c.Offers {
			c.Offers[i].TotalRank = r[i]
		}
	}
	c.addScenarios(offers, Moves(priceChanges, nil))
	return c
}

func column(offers []Analysis, get func(Worth) Money) []Money {
	out := make([]Money, len(offers))
	for i, a := range offers {
		out[i] = get(a.Worth)
	}
	return out
}

// Ranks returns the competition rank of each amount, highest first: one
// plus the number of amounts strictly greater. Equal amounts share a rank.
func Ranks(amounts []Money) []int {
	out := make([]int, len(amounts))
	for i, m := range amounts {
		out[i] = 1
		for _, n := range amounts {
			if n > m {
				out[i]++
			}
		}
	}
	return out
}

// Winners returns the indexes of the offers ranked first in ranks (more
// than one on a tie); nil when ranks is nil.
func Winners(ranks []int) []int {
	var out []int
	for i, r := range ranks {
		if r == 1 {
			out = append(out, i)
		}
	}
	return out
}

// YearWinners returns the indexes of the offers paying most in year y
// (1-based).
func (c Comparison) YearWinners(y int) []int {
	if c.Mixed {
		return nil
	}
	r := make([]int, len(c.Offers))
	for i, o := range c.Offers {
		r[i] = o.YearRank[y-1]
	}
	return Winners(r)
}

// TotalWinners returns the indexes of the offers paying most over four
// years.
func (c Comparison) TotalWinners() []int {
	if c.Mixed {
		return nil
	}
	r := make([]int, len(c.Offers))
	for i, o := range c.Offers {
		r[i] = o.TotalRank
	}
	return Winners(r)
}

// Index returns the position of the offer with the given name, or -1.
func (c Comparison) Index(name string) int {
	for i, o := range c.Offers {
		if o.Analysis.Offer.Name == name {
			return i
		}
	}
	return -1
}

// ParsePriceChanges reads a list of stock-price changes in percent:
// "-30,0,30", "+25%", "-12.5". A change below -100% is refused: a price
// cannot fall by more than all of it.
func ParsePriceChanges(s string) ([]Dec, error) {
	var out []Dec
	for _, part := range strings.Split(s, ",") {
		p := strings.TrimSuffix(strings.TrimSpace(part), "%")
		p = strings.TrimPrefix(p, "+")
		if p == "" {
			return nil, fmt.Errorf("empty price change in %q; write percentages separated by commas, such as -30,0,30", s)
		}
		d, err := ParseDec(p)
		if err != nil || strings.ContainsAny(p, "/eE") {
			return nil, fmt.Errorf("%q is not a percentage; write numbers such as -30, 0 or 12.5", strings.TrimSpace(part))
		}
		if d.Cmp(DecInt(-100)) < 0 {
			return nil, fmt.Errorf("%s%% is below -100%%: a price cannot fall by more than all of it", p)
		}
		out = append(out, d)
	}
	return out, nil
}

// SignedPercent renders a price change for people: "-30%", "0%", "+12.5%".
func SignedPercent(d Dec) string {
	if d.Sign() > 0 {
		return "+" + d.String() + "%"
	}
	return d.String() + "%"
}
