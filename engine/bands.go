package engine

import (
	"math/big"
	"sort"
	"strings"
)

// Range is a market range of money, low end first.
type Range struct{ Lo, Hi Money }

// Set reports whether the range was stated.
func (r Range) Set() bool { return r.Lo != 0 || r.Hi != 0 }

// Band is the market range for one level, track and location at one
// company, or at any company when Company is empty (see Lookup).
type Band struct {
	Company                string // "" for a band that names no company
	Level, Track, Location string
	// Equivalent says which level of another company this one corresponds
	// to ("Amazon L7"); shown, never used to borrow that company's band.
	Equivalent string
	Base       Range // yearly base salary
	Equity     Range // grant value over four years
	SignOn     Range // sign-on over all years
	Year1Total Range // first-year total
	// Percentiles says which market percentiles the ends of every range
	// stand for; [0, 100] when the band file does not say.
	Percentiles [2]int
	Source      string
}

// Label renders the band's key: "L6 SDE Seattle".
func (b *Band) Label() string { return b.Level + " " + b.Track + " " + b.Location }

// Owner names whose band it is: "Amazon's band" or "a band that names no
// company".
func (b *Band) Owner() string {
	if b.Company == "" {
		return "a band that names no company"
	}
	return b.Company + "'s band"
}

// Cap is the highest base salary at a level, at one company or (Company
// empty) at any.
type Cap struct {
	Company string
	Level   string
	Base    Money
	Source  string
}

// Bands is the set of market data an offer is judged against.
type Bands struct {
	Bands     []*Band
	Caps      map[string]Cap      // by CapKey(company, level)
	Schedules map[string]Schedule // by preset name
	Policy    Policy
	Source    Source

	byKey map[string]*Band // Lookup's index, kept by Put
}

// Source says where a set of market figures comes from.
type Source struct {
	Name string
	AsOf string // YYYY-MM
}

// NewBands returns an empty set with the default negotiation policy.
func NewBands() *Bands {
	return &Bands{Caps: map[string]Cap{}, Schedules: map[string]Schedule{}, Policy: DefaultPolicy()}
}

// Key normalizes a level, track or location for matching: case, spaces,
// underscores and hyphens do not matter ("Bay Area" = "bay_area").
func Key(s string) string {
	return keyReplacer.Replace(strings.ToLower(strings.TrimSpace(s)))
}

var keyReplacer = strings.NewReplacer(" ", "", "_", "", "-", "")

// Put adds a band, replacing one with the same level, track and location.
func (bs *Bands) Put(b *Band) {
	if bs.byKey == nil {
		bs.byKey = map[string]*Band{}
	}
	k := bandKey(b.Company, b.Level, b.Track, b.Location)
	bs.byKey[k] = b
	for i, old := range bs.Bands {
		if sameBand(old, b) {
			bs.Bands[i] = b
			return
		}
	}
	bs.Bands = append(bs.Bands, b)
}

func sameBand(a, b *Band) bool {
	return CompanyKey(a.Company) == CompanyKey(b.Company) && Key(a.Level) == Key(b.Level) && Key(a.Track) == Key(b.Track) && Key(a.Location) == Key(b.Location)
}

// Lookup returns the band that judges an offer of a company at a level,
// track and location: the company's own band, else a band that names no
// company; nil when there is neither. An offer without a company is judged
// only by bands that name no company.
func (bs *Bands) Lookup(company, level, track, location string) *Band {
	if ck := CompanyKey(company); ck != "" {
		if b := bs.lookup(ck, level, track, location); b != nil {
			return b
		}
	}
	return bs.lookup("", level, track, location)
}

func (bs *Bands) lookup(company, level, track, location string) *Band {
	var buf [128]byte
	k := append(buf[:0], company...)
	k = append(k, 0)
	if k, ok := appendKey(k, level); ok {
		k = append(k, 0)
		if k, ok = appendKey(k, track); ok {
			k = append(k, 0)
			if k, ok = appendKey(k, location); ok {
				return bs.byKey[string(k)] // no allocation for the lookup
			}
		}
	}
	return bs.byKey[company+"\x00"+Key(level)+"\x00"+Key(track)+"\x00"+Key(location)]
}

// appendKey appends Key(s) for ASCII s without allocating; ok is false
// for other text, which Key handles. Tests hold it to Key.
func appendKey(b []byte, s string) ([]byte, bool) {
	start, end := 0, len(s)
	for start < end && asciiSpace(s[start]) {
		start++
	}
	for end > start && asciiSpace(s[end-1]) {
		end--
	}
	for i := start; i < end; i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return b, false
		case c == ' ' || c == '_' || c == '-':
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		default:
			b = append(b, c)
		}
	}
	return b, true
}

// asciiSpace reports the ASCII characters strings.TrimSpace trims.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func bandKey(company, level, track, location string) string {
	return CompanyKey(company) + "\x00" + Key(level) + "\x00" + Key(track) + "\x00" + Key(location)
}

// CapKey is the key of a cap in Bands.Caps.
func CapKey(company, level string) string { return CompanyKey(company) + "\x00" + Key(level) }

// Cap returns the base cap that applies to an offer of a company at a
// level: the company's own, else one that names no company.
func (bs *Bands) Cap(company, level string) (Cap, bool) {
	if ck := CompanyKey(company); ck != "" {
		if c, ok := bs.Caps[ck+"\x00"+Key(level)]; ok {
			return c, true
		}
	}
	c, ok := bs.Caps["\x00"+Key(level)]
	return c, ok
}

// Nearest returns up to n bands closest to the key, best first: those that
// share the most of level, track and location (level counts most).
func (bs *Bands) Nearest(level, track, location string, n int) []*Band {
	type scored struct {
		b     *Band
		score int
	}
	var list []scored
	for _, b := range bs.Bands {
		s := 0
		if Key(b.Level) == Key(level) {
			s += 4
		}
		if Key(b.Track) == Key(track) {
			s += 2
		}
		if Key(b.Location) == Key(location) {
			s++
		}
		if s > 0 {
			list = append(list, scored{b, s})
		}
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].score > list[j].score })
	var out []*Band
	for i := 0; i < len(list) && i < n; i++ {
		out = append(out, list[i].b)
	}
	return out
}

// Placement says where a figure sits against a range.
type Placement int

const (
	InBand Placement = iota
	BelowBand
	AboveBand
)

// Position is a figure's place in a band.
type Position struct {
	Component  string // "base", "equity", "sign_on", "year1_total"
	Value      Money
	Range      Range
	Percentile int // clamped to the band's percentile span
	Placement  Placement
}

// PositionIn places v in r, whose ends stand for the percentiles pct:
// linear between the ends, rounded half away from zero, clamped at the ends.
func PositionIn(v Money, r Range, pct [2]int) (percentile int, where Placement) {
	switch {
	case v < r.Lo:
		return pct[0], BelowBand
	case v > r.Hi:
		return pct[1], AboveBand
	case r.Hi == r.Lo:
		return pct[1], InBand
	}
	// (v-lo) is at most maxMoney and the span at most 100, so the product
	// fits in int64.
	q, _ := roundQuo64(int64(v-r.Lo)*int64(pct[1]-pct[0]), int64(r.Hi-r.Lo))
	return pct[0] + int(q), InBand
}

// ValueAt returns the figure at percentile p of r (the inverse of
// PositionIn), rounded to the cent.
func ValueAt(p int, r Range, pct [2]int) Money {
	if pct[1] == pct[0] {
		return r.Hi
	}
	f := new(big.Rat).SetFrac64(int64(p-pct[0]), int64(pct[1]-pct[0]))
	f.Mul(f, new(big.Rat).SetInt64(int64(r.Hi-r.Lo)))
	f.Quo(f, big.NewRat(100, 1)) // Range is in cents; back to major units
	return r.Lo + RoundCents(f)
}

// Drop removes the bands for which drop returns true.
func (bs *Bands) Drop(drop func(*Band) bool) {
	kept := bs.Bands[:0]
	for _, b := range bs.Bands {
		if drop(b) {
			delete(bs.byKey, bandKey(b.Company, b.Level, b.Track, b.Location))
			continue
		}
		kept = append(kept, b)
	}
	bs.Bands = kept
}

// SameLabels reports whether two bands are for the same level, track and
// location, whatever their companies.
func SameLabels(a, b *Band) bool {
	return Key(a.Level) == Key(b.Level) && Key(a.Track) == Key(b.Track) && Key(a.Location) == Key(b.Location)
}
