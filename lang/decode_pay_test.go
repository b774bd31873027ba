package lang

import (
	"strings"
	"testing"

	"github.com/offerkit/offerkit/engine"
)

// An offer with every pay line beyond the total, checked as the workspace
// checks it: the refresher resolves the amazon preset, and the match and
// ESPP take the built-in 2026 limits.
func TestPayLinesDecodeAndCount(t *testing.T) {
	_, res := check(t, map[string]string{"o.offer.hcl": `offer "o" {
  company  = "Acme"
  level    = "E5"
  track    = "SDE"
  location = "Seattle"
  base     = 400000

  sign_on {
    year1        = 50000
    repay_months = 12
  }

  equity {
    value = 400000

    refresh {
      value    = 100000
      schedule = "amazon"
    }
  }

  retirement {
    match = 50
    up_to = 10
  }

  espp {
    discount     = 15
    contribution = 10
  }

  benefit "wellness" {
    yearly = 1200
  }
  benefit "learning" {
    yearly = 800
  }
}
`})
	r := res["o.offer.hcl"]
	for _, d := range r.Diags {
		if d.Severity == engine.Error {
			t.Fatalf("error: %v", d)
		}
	}
	a := r.Docs[0].Analysis
	if a.Offer.SignOnRepayMonths != 12 {
		t.Errorf("repay_months = %d", a.Offer.SignOnRepayMonths)
	}
	y4 := a.Worth.Years[3]
	// Refresh: 5,000 + 15,000 + 40,000 in year 4 (grants of years 2-4).
	// Match: 10% of 360,000 (the compensation limit) is 36,000, over the
	// 24,500 deferral limit; half of 24,500 is 12,250. ESPP: 40,000 would
	// buy 47,058.82 of stock; the 25,000 limit costs 21,250: 3,750.
	want := engine.Year{Refresh: engine.Dollars(60000), Retirement: engine.Dollars(12250), ESPP: engine.Dollars(3750), Benefits: engine.Dollars(2000)}
	if y4.Refresh != want.Refresh || y4.Retirement != want.Retirement || y4.ESPP != want.ESPP || y4.Benefits != want.Benefits {
		t.Errorf("year 4 = %+v", y4)
	}
	if a.Worth.Total != engine.Dollars(4*400000+50000+400000) {
		t.Errorf("total moved: %v", a.Worth.Total)
	}
}

func TestPayLinesBadValues(t *testing.T) {
	f := Decode("o.offer.hcl", []byte(`offer "o" {
  base = 100000
  retirement {
    match = 50
    up_to = 150
  }
  espp {
    discount     = 100
    contribution = 10
  }
}
`))
	if len(f.Diags) != 2 || f.Diags[0].Code != "invalid-value" || f.Diags[0].Subject.Start.Line != 5 || f.Diags[1].Subject.Start.Line != 8 {
		t.Fatalf("diags: %v", f.Diags)
	}
}

// Percentages past what a plan allows are located errors that say what to
// write; a discount of exactly 100% is one, a contribution of 100% is not.
func TestPayPercentLimits(t *testing.T) {
	_, res := check(t, map[string]string{"o.offer.hcl": `offer "o" {
  base = 100000
  retirement {
    match = 50
    up_to = 101
  }
  espp {
    discount     = 100
    contribution = 100.5
  }
}
`})
	var got []string
	for _, d := range res["o.offer.hcl"].Diags {
		if d.Code == "invalid-value" {
			got = append(got, d.Summary+" @"+itoa(d.Subject.Start.Line))
		}
	}
	want := "Match limit over 100% @5|Discount of 100% or more @8|Contribution over 100% @9"
	if s := strings.Join(got, "|"); s != want {
		t.Errorf("errors = %s, want %s", s, want)
	}
}
