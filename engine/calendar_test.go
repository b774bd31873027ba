package engine

import (
	"errors"
	"testing"
	"time"
)

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// exampleOnCalendar is the amazon_l6 example (exampleOffer), starting
// 2025-05-05, vesting yearly in years 1-2 and every six months in years 3-4.
func exampleOnCalendar() Offer {
	o := exampleOffer()
	o.Equity.Schedule.Cadence = Cadence{1, 1, 2, 2}
	return o
}

func TestPlaceOnCalendarAmazon(t *testing.T) {
	// The amazon_l6 example starting 2025-05-05, vesting yearly in years 1-2
	// and every six months in years 3-4.
	//
	// Employment year 1 runs 2025-05-05..2026-05-05: 365 days, 241 in 2025
	// (May 27 + Jun 30 + Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31).
	//   base 195,000 * 241/365 = 46,995,000/365 = 128,753.4247 -> 128,753.42 in 2025, 66,246.58 in 2026
	// Year 2 (2026-05-05..2027-05-05) splits the same way.
	// Year 3 (2027-05-05..2028-05-05) holds 2028-02-29: 366 days, 241 in 2027.
	//   195,000 * 241/366 = 128,401.6393 -> 128,401.64 in 2027, 66,598.36 in 2028
	// Year 4 (2028-05-05..2029-05-05): 365 days, 241 in 2028 -> 128,753.42 / 66,246.58.
	// Base by calendar year:
	//   2025 128,753.42; 2026 66,246.58 + 128,753.42 = 195,000; 2027 66,246.58 + 128,401.64 = 194,648.22
	//   2028 66,598.36 + 128,753.42 = 195,351.78; 2029 66,246.58
	// Sign-on 110,000 on 2025-05-05, 90,000 on 2026-05-05; relocation 25,000 on 2025-05-05.
	// Vests: 20,000 2026-05-05; 60,000 2027-05-05; 80,000 2027-11-05, 2028-05-05,
	// 2028-11-05 and 2029-05-05.
	// Totals: 2025 128,753.42 + 110,000 + 25,000 = 263,753.42; 2026 195,000 + 90,000 + 20,000 = 305,000
	//         2027 194,648.22 + 140,000 = 334,648.22; 2028 195,351.78 + 160,000 = 355,351.78
	//         2029 66,246.58 + 80,000 = 146,246.58; sum 1,405,000 = the 4-year total.
	o := exampleOnCalendar()
	w := Evaluate(o)
	cal, err := PlaceOnCalendar(o, w)
	if err != nil {
		t.Fatal(err)
	}
	want := []CalendarYear{
		{2025, 12875342, Dollars(110000), 0, Dollars(25000), 26375342},
		{2026, Dollars(195000), Dollars(90000), Dollars(20000), 0, Dollars(305000)},
		{2027, 19464822, 0, Dollars(140000), 0, 33464822},
		{2028, 19535178, 0, Dollars(160000), 0, 35535178},
		{2029, 6624658, 0, Dollars(80000), 0, 14624658},
	}
	if len(cal.Years) != len(want) {
		t.Fatalf("years %+v", cal.Years)
	}
	for i := range want {
		if cal.Years[i] != want[i] {
			t.Errorf("calendar year %+v, want %+v", cal.Years[i], want[i])
		}
	}
	wantVests := []Vest{
		{date("2026-05-05"), 1, Dollars(20000)},
		{date("2027-05-05"), 2, Dollars(60000)},
		{date("2027-11-05"), 3, Dollars(80000)},
		{date("2028-05-05"), 3, Dollars(80000)},
		{date("2028-11-05"), 4, Dollars(80000)},
		{date("2029-05-05"), 4, Dollars(80000)},
	}
	if len(cal.Vests) != len(wantVests) {
		t.Fatalf("vests %+v", cal.Vests)
	}
	for i, v := range wantVests {
		if !cal.Vests[i].Date.Equal(v.Date) || cal.Vests[i].Year != v.Year || cal.Vests[i].Amount != v.Amount {
			t.Errorf("vest %d = %+v, want %+v", i, cal.Vests[i], v)
		}
	}
	if cal.CalendarTotal() != w.Total {
		t.Errorf("calendar total %s, 4-year total %s", cal.CalendarTotal(), w.Total)
	}
}

func TestPlaceOnCalendarMonthEndMonthly(t *testing.T) {
	// Start 2024-01-31, monthly vesting of a 120,000 even grant: 30,000 a year
	// in twelve vests of 2,500. The first falls on 2024-02-29 (the 31st does
	// not exist in February; 2024 is a leap year), the twelfth on 2025-01-31,
	// so 2024 holds 11 vests = 27,500.
	// Year 1 runs 2024-01-31..2025-01-31: 366 days, 336 in 2024.
	//   base 120,000 * 336/366 = 110,163.9344 -> 110,163.93
	//   bonus 10% = 12,000 * 336/366 = 11,016.3934 -> 11,016.39
	// 2024 total = 110,163.93 + 27,500 + 11,016.39 = 148,680.32
	even := Schedule{Percent: []Dec{DecInt(25), DecInt(25), DecInt(25), DecInt(25)}, Cadence: Cadence{12}}
	o := Offer{Start: date("2024-01-31"), Base: Dollars(120000), BonusTarget: DecInt(10),
		Equity: &Grant{Value: Dollars(120000), Schedule: even}}
	w := Evaluate(o)
	cal, err := PlaceOnCalendar(o, w)
	if err != nil {
		t.Fatal(err)
	}
	got := cal.Years[0]
	want := CalendarYear{2024, 11016393, 0, Dollars(27500), 1101639, 14868032}
	if got != want {
		t.Errorf("2024 = %+v, want %+v", got, want)
	}
	if len(cal.Vests) != 48 || !cal.Vests[0].Date.Equal(date("2024-02-29")) || !cal.Vests[1].Date.Equal(date("2024-03-31")) ||
		!cal.Vests[11].Date.Equal(date("2025-01-31")) || !cal.Vests[12].Date.Equal(date("2025-02-28")) || !cal.Vests[47].Date.Equal(date("2028-01-31")) {
		t.Errorf("vest dates %v %v %v %v %v", cal.Vests[0].Date, cal.Vests[1].Date, cal.Vests[11].Date, cal.Vests[12].Date, cal.Vests[len(cal.Vests)-1].Date)
	}
	if cal.CalendarTotal() != w.Total {
		t.Errorf("calendar total %s, 4-year total %s", cal.CalendarTotal(), w.Total)
	}
}

func TestPlaceOnCalendarSplitsOddCents(t *testing.T) {
	// 1,000.01 of equity in three vests: 333.34 (round(333.3367)), then
	// round(666.6733) - 333.34 = 333.33, then 1,000.01 - 666.67 = 333.34.
	sched := Schedule{Percent: []Dec{DecInt(100)}, Cadence: Cadence{3}}
	o := Offer{Start: date("2025-01-01"), Equity: &Grant{Value: 100001, Schedule: sched}}
	cal, err := PlaceOnCalendar(o, Evaluate(o))
	if err != nil {
		t.Fatal(err)
	}
	var amounts []Money
	for _, v := range cal.Vests {
		amounts = append(amounts, v.Amount)
	}
	if len(amounts) != 3 || amounts[0] != 33334 || amounts[1] != 33333 || amounts[2] != 33334 {
		t.Fatalf("vests %v", amounts)
	}
	// 12 months / 3 = every four months: May 1, Sep 1, and the anniversary.
	if !cal.Vests[0].Date.Equal(date("2025-05-01")) || !cal.Vests[2].Date.Equal(date("2026-01-01")) {
		t.Fatalf("dates %v %v", cal.Vests[0].Date, cal.Vests[2].Date)
	}
}

func TestPlaceOnCalendarNeedsStart(t *testing.T) {
	_, err := PlaceOnCalendar(Offer{Base: Dollars(100000)}, Worth{})
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "start" || fe.Code != "missing-attribute" {
		t.Fatalf("err = %v", err)
	}
}

func TestAddMonths(t *testing.T) {
	for _, c := range []struct {
		from string
		m    int
		want string
	}{
		{"2024-01-31", 1, "2024-02-29"},
		{"2025-01-31", 1, "2025-02-28"},
		{"2024-01-31", 13, "2025-02-28"},
		{"2024-02-29", 12, "2025-02-28"},
		{"2025-05-05", 30, "2027-11-05"},
		{"2025-12-15", 1, "2026-01-15"},
	} {
		if got := AddMonths(date(c.from), c.m); !got.Equal(date(c.want)) {
			t.Errorf("AddMonths(%s, %d) = %s, want %s", c.from, c.m, got.Format("2006-01-02"), c.want)
		}
	}
}

// PlaceEachYear places each employment year alone: year 1 of the Amazon
// example pays base 128,753.42 in 2025 and 66,246.58 in 2026, the sign-on
// of 110,000 and the relocation of 25,000 on the start date and its
// 20,000 vest on 2026-05-05 (2025: 263,753.42; 2026: 86,246.58); and each
// year's calendar is PlaceOnCalendar of that year alone (the zero years
// only widen the span, which starts in the start's year).
func TestPlaceEachYear(t *testing.T) {
	o := exampleOnCalendar()
	w := Evaluate(o)
	each, err := PlaceEachYear(o, w)
	if err != nil {
		t.Fatal(err)
	}
	y1 := each.Pay[0][:each.Spans[0]]
	if len(y1) != 2 || each.First != 2025 || y1[0].Year != 2025 || y1[0].Total != Money(26375342) || y1[1].Total != Money(8624658) {
		t.Fatalf("year 1 = %+v", y1)
	}
	for i := range w.Years {
		one := Worth{}
		one.Years[i] = w.Years[i]
		alone, err := PlaceOnCalendar(o, one)
		if err != nil {
			t.Fatal(err)
		}
		got := map[int]CalendarYear{}
		for _, cy := range each.Pay[i][:each.Spans[i]] {
			got[cy.Year] = cy
		}
		for _, cy := range alone.Years {
			if got[cy.Year] != cy && !(cy.Total == 0 && got[cy.Year].Total == 0) {
				t.Errorf("year %d in %d: %+v, alone %+v", i+1, cy.Year, got[cy.Year], cy)
			}
		}
	}
	if _, err := PlaceEachYear(Offer{}, w); err == nil {
		t.Error("no start: no error")
	}
}

// share's integer path rounds as the rational one: halves away from zero,
// to the cent (1/3 of $0.01 is $0.00, 1/2 of $0.01 is $0.01, 2/3 of $0.01
// is $0.01).
func TestShareMatchesRational(t *testing.T) {
	if share(1, 1, 3) != 0 || share(1, 1, 2) != 1 || share(1, 2, 3) != 1 || share(Dollars(100000), 1, 3) != Money(3333333) {
		t.Errorf("share: %d %d %d %d", share(1, 1, 3), share(1, 1, 2), share(1, 2, 3), share(Dollars(100000), 1, 3))
	}
	for _, m := range []Money{0, 1, 5, 99, 12345, Dollars(400000) + 1, Dollars(80000), 1 << 52, 1<<52 + 1, -7} {
		for n := 1; n <= 12; n++ {
			for k := 0; k <= n; k++ {
				if got, want := share(m, k, n), shareExact(m, k, n); got != want {
					t.Errorf("share(%d, %d, %d) = %d, want %d", m, k, n, got, want)
				}
			}
		}
	}
}
