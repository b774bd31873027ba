package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/report"
)

func runReport(e *env) int {
	fs := flag.NewFlagSet("offer report", flag.ContinueOnError)
	formats := []string{"text", "json", "html", "svg"}
	format := formatFlag(fs, formats...)
	bands := bandsFlag(fs)
	output := fs.String("o", "", "write to this file instead of standard output (written whole or not at all)")
	calendar := fs.Bool("calendar", false, "also show pay by calendar year and the vest dates (needs start dates)")
	afterTax := fs.Bool("after-tax", false, "also show each year's taxes and net pay (an estimate)")
	chart := chartFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: offer report [--format text|json|html|svg] [-o FILE] [--calendar] [--after-tax] [--chart|--no-chart] [--bands FILE] [PATH...]\n\nShows each offer and counter year by year: base, sign-on, equity, other pay,\nthe 4-year total and average, the band percentile and the flags; pay beyond\nthe total (refreshers, retirement match, ESPP, benefits) and what is\nguaranteed against assumed; with --after-tax, the taxes and net pay.\n--format html writes one self-contained page with charts; --format svg the chart alone.\nExit status: 0 ok, 1 the files have errors (reported on stderr), 2 could not run.")
		fs.PrintDefaults()
	}
	paths, code, ok := parseFlags(fs, e)
	if !ok {
		return code
	}
	if !checkFormat(e, *format, formats...) {
		return exitUsage
	}
	drawChart, ok := chart.want(e, *output != "")
	if !ok {
		return exitUsage
	}
	if chart.on && *format != "text" {
		fmt.Fprintf(e.stderr, "offer: --chart draws in the text format; --format %s has its own (or none)\n", *format)
		return exitUsage
	}
	drawChart = drawChart && *format == "text" // drawn by default only in the text format
	p, files, ok := loadForCheck(e, paths, *bands)
	if !ok {
		return exitUsage
	}
	results := p.CheckFiles(files, 0)
	diags := allDiagnostics(p, results)
	var tax func(*lang.Doc) lang.AfterTax
	if *afterTax {
		tax = p.DocAfterTax
	}
	written := writeOutput(e, *output, func(w io.Writer) error {
		switch *format {
		case "json":
			writeJSON(&env{stdout: w}, reportJSON(results, *calendar, tax))
		case "html":
			return report.WriteHTML(w, report.Documents(results), report.HTMLOptions{Calendar: *calendar})
		case "svg":
			return report.WriteSVG(w, report.Documents(results))
		default:
			w = lang.PrintableWriter(w)
			writeReport(w, results, *calendar, tax)
			if drawChart {
				if docs := report.Documents(results); len(docs) > 0 {
					fmt.Fprintln(w)
					report.WriteDocumentChart(w, docs, report.ChartWidth)
				}
			}
		}
		return nil
	})
	if !written {
		return exitUsage
	}
	if diags.HasErrors() {
		var errs lang.Diagnostics
		for _, d := range diags {
			if d.Severity == engine.Error {
				errs = append(errs, d)
			}
		}
		lang.WriteText(e.stderr, errs, sourceOf(p))
		fmt.Fprintf(e.stderr, "offer report: %d error(s); blocks with errors have no figures above. Run 'offer lint' for details.\n", len(errs))
		return exitFindings
	}
	return exitOK
}

// jsonMoney renders money as a JSON number in major units, exact to the cent.
type jsonMoney engine.Money

func (m jsonMoney) MarshalJSON() ([]byte, error) { return []byte(engine.Money(m).Decimal()), nil }

type jsonYear struct {
	Year   int       `json:"year"`
	Base   jsonMoney `json:"base"`
	SignOn jsonMoney `json:"sign_on"`
	Equity jsonMoney `json:"equity"`
	Other  jsonMoney `json:"other"`
	Total  jsonMoney `json:"total"`
	report.PayLines
	Tax *report.JSONTax `json:"tax,omitempty"`
	Net *report.Money   `json:"net,omitempty"`
}

type jsonFlag struct {
	Code     string `json:"code"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

type jsonPosition struct {
	Component  string    `json:"component"`
	Value      jsonMoney `json:"value"`
	Low        jsonMoney `json:"low"`
	High       jsonMoney `json:"high"`
	Percentile int       `json:"percentile"`
	Placement  string    `json:"placement"`
}

type jsonDocument struct {
	File          string         `json:"file"`
	Kind          string         `json:"kind"`
	Name          string         `json:"name"`
	Company       string         `json:"company,omitempty"`
	Currency      string         `json:"currency"`
	Years         []jsonYear     `json:"years"`
	FourYearTotal jsonMoney      `json:"four_year_total"`
	Average       jsonMoney      `json:"average"`
	Hourly        jsonMoney      `json:"hourly"`
	Band          string         `json:"band,omitempty"`
	Percentile    *int           `json:"percentile"`
	Positions     []jsonPosition `json:"positions"`
	Flags         []jsonFlag     `json:"flags"`
	// Pay beyond the total, over four years (engine/pay.go).
	FourYearGuaranteed report.Money `json:"four_year_guaranteed"`
	FourYearAssumed    report.Money `json:"four_year_assumed"`
	SignOnRepayMonths  int          `json:"sign_on_repay_months,omitempty"`
	// With --after-tax.
	FourYearNet *report.Money        `json:"four_year_net,omitempty"`
	AfterTax    *report.JSONAfterTax `json:"after_tax,omitempty"`
	// Counters only (report_counter.go).
	Offer    string        `json:"offer,omitempty"`
	Delta    *jsonDelta    `json:"delta,omitempty"`
	Approval *jsonApproval `json:"approval,omitempty"`
	// Calendar is the pay by calendar year (with --calendar).
	Calendar      *report.JSONCalendar `json:"calendar,omitempty"`
	CalendarError string               `json:"calendar_error,omitempty"`
}

type jsonReport struct {
	Documents []jsonDocument `json:"documents"`
}

var placements = map[engine.Placement]string{engine.InBand: "in", engine.BelowBand: "below", engine.AboveBand: "above"}

func reportJSON(results []*lang.Result, calendar bool, tax func(*lang.Doc) lang.AfterTax) jsonReport {
	out := jsonReport{Documents: []jsonDocument{}}
	for _, r := range results {
		for _, d := range r.Docs {
			if !d.Resolved || d.Incomplete { // no figures for a block with errors
				continue
			}
			a := d.Analysis
			doc := jsonDocument{File: r.File.Name, Kind: d.Kind, Name: d.Name, Company: a.Offer.Company, Currency: currency(a.Offer),
				FourYearTotal: jsonMoney(a.Worth.Total), Average: jsonMoney(a.Worth.Avg), Hourly: jsonMoney(a.Worth.Hourly),
				Positions: []jsonPosition{}, Flags: []jsonFlag{}}
			for _, y := range a.Worth.Years {
				doc.Years = append(doc.Years, jsonYear{Year: y.Year, Base: jsonMoney(y.Base), SignOn: jsonMoney(y.SignOn), Equity: jsonMoney(y.Equity),
					Other: jsonMoney(y.Other), Total: jsonMoney(y.Total), PayLines: report.PayLinesOf(y)})
				doc.FourYearGuaranteed += report.Money(y.Guaranteed)
				doc.FourYearAssumed += report.Money(y.Assumed)
			}
			doc.SignOnRepayMonths = a.Offer.SignOnRepayMonths
			if tax != nil {
				addAfterTaxJSON(&doc, tax(d))
			}
			if a.Band != nil {
				doc.Band = a.Band.Label()
			}
			if a.HasPercentile {
				p := a.Percentile
				doc.Percentile = &p
			}
			for _, p := range a.Positions {
				doc.Positions = append(doc.Positions, jsonPosition{p.Component, jsonMoney(p.Value), jsonMoney(p.Range.Lo), jsonMoney(p.Range.Hi), p.Percentile, placements[p.Placement]})
			}
			for _, f := range report.BlockFlags(r, d) {
				doc.Flags = append(doc.Flags, jsonFlag{f.Code, f.Severity.String(), f.Detail})
			}
			if calendar {
				if cal := report.DocumentCalendar(report.DocumentOf(r, d)); cal.Err != nil {
					doc.CalendarError = "no start date"
				} else {
					doc.Calendar = report.CalendarJSON(cal.Calendar)
				}
			}
			addCounterJSON(&doc, d)
			out.Documents = append(out.Documents, doc)
		}
	}
	return out
}

func currency(o engine.Offer) string {
	if o.Currency == "" {
		return "USD"
	}
	return o.Currency
}

func writeReport(w io.Writer, results []*lang.Result, calendar bool, tax func(*lang.Doc) lang.AfterTax) {
	first := true
	for _, r := range results {
		for _, d := range r.Docs {
			if !d.Resolved {
				continue
			}
			if !first {
				fmt.Fprintln(w)
			}
			first = false
			if d.Incomplete {
				fmt.Fprintf(w, "%s %s\n%s\nNo figures: the block has errors (on standard error); they would be wrong.\n", d.Kind, d.Name, r.File.Name)
				continue
			}
			writeDoc(w, r, d)
			if tax != nil {
				report.WriteAfterTax(w, tax(d), currency(d.Analysis.Offer))
			}
			if calendar {
				report.WriteDocumentCalendar(w, report.DocumentOf(r, d))
			}
		}
	}
	if first {
		fmt.Fprintln(w, "No offers or counters found.")
	}
}

func writeDoc(w io.Writer, r *lang.Result, d *lang.Doc) {
	a := d.Analysis
	o := a.Offer
	cur := currency(o)
	title := fmt.Sprintf("%s %s", d.Kind, d.Name)
	var what []string
	for _, s := range []string{o.Company, o.Level, o.Track, o.Location} {
		if s != "" {
			what = append(what, s)
		}
	}
	if len(what) > 0 {
		title += " (" + strings.Join(what, " ") + ")"
	}
	if d.Kind == "counter" {
		title += fmt.Sprintf(", round %d, answering offer %s", d.Counter.Counter.Round, d.Offer.Name)
	}
	fmt.Fprintf(w, "%s\n%s\n", title, r.File.Name)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "\tYear 1\tYear 2\tYear 3\tYear 4\t4 years\t\n")
	row := func(name string, get func(engine.Year) engine.Money) {
		var sum engine.Money
		fmt.Fprintf(tw, "%s\t", name)
		for _, y := range a.Worth.Years {
			fmt.Fprintf(tw, "%s\t", get(y).Format(cur))
			sum += get(y)
		}
		fmt.Fprintf(tw, "%s\t\n", sum.Format(cur))
	}
	row("Base", func(y engine.Year) engine.Money { return y.Base })
	row("Sign-on", func(y engine.Year) engine.Money { return y.SignOn })
	row("Equity", func(y engine.Year) engine.Money { return y.Equity })
	row("Other", func(y engine.Year) engine.Money { return y.Other })
	row("Total", func(y engine.Year) engine.Money { return y.Total })
	tw.Flush()
	fmt.Fprintf(w, "4-year total %s, average %s a year, %s an hour\n", a.Worth.Total.Format(cur), a.Worth.Avg.Format(cur), a.Worth.Hourly.Format(cur))
	report.WritePayLines(w, a, cur)
	if d.Kind == "counter" && d.OfferAnalysis != nil {
		delta := a.Worth.Total - d.OfferAnalysis.Worth.Total
		pct, _ := engine.PercentOf(delta, d.OfferAnalysis.Worth.Total)
		fmt.Fprintf(w, "Against offer %s: %s over 4 years (%s)\n", d.Offer.Name, delta.Signed(cur), engine.SignedPercent(engine.RoundDec(pct, 1)))
		writeCounterChange(w, d, cur) // report_counter.go
	}
	if a.Band != nil {
		var parts []string
		for _, p := range a.Positions {
			parts = append(parts, fmt.Sprintf("%s p%d%s", componentLabels[p.Component], p.Percentile, placementNote(p.Placement)))
		}
		fmt.Fprintf(w, "Band %s: %s\n", a.Band.Label(), strings.Join(parts, ", "))
	}
	if flags := report.BlockFlags(r, d); len(flags) > 0 {
		fmt.Fprintln(w, "Flags:")
		for _, f := range flags {
			fmt.Fprintf(w, "  %s[%s] line %d: %s\n", f.Severity, f.Code, f.Subject.Start.Line, f.Detail)
		}
	}
}

func placementNote(p engine.Placement) string {
	switch p {
	case engine.BelowBand:
		return " (below band)"
	case engine.AboveBand:
		return " (above band)"
	}
	return ""
}

var componentLabels = map[string]string{"base": "base", "equity": "equity", "sign_on": "sign-on", "year1_total": "year-1 total"}
