package report

import (
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

// This file writes the HTML report: one self-contained file (inline CSS
// and SVG; no scripts, fonts or other requests) with a chart and tables
// per document and, for two or more documents, a comparison chart and
// table. html/template escapes everything that comes from files.

//go:embed templates/*.tmpl
var templateFS embed.FS

var templates = template.Must(template.New("report").ParseFS(templateFS, "templates/*.tmpl"))

// HTMLOptions say what the HTML report includes.
type HTMLOptions struct {
	Calendar bool // add pay by calendar year and the vest dates
}

type htmlCell struct {
	Text  string
	Class string
}

type htmlRow struct {
	Head  string
	Sub   bool
	Cells []htmlCell
}

type htmlTable struct {
	Head []string
	Rows []htmlRow
	Left bool // every column left-aligned (lists of text)
}

func tableOf(g *grid) *htmlTable {
	t := &htmlTable{Head: g.head, Left: g.align == alignLeft}
	for _, r := range g.rows {
		row := htmlRow{Head: strings.TrimSpace(r[0]), Sub: strings.HasPrefix(r[0], "  ")}
		for _, c := range r[1:] {
			row.Cells = append(row.Cells, htmlCell{Text: c})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

type htmlFlag struct {
	Severity string
	Code     string
	Line     int
	Message  string
}

type htmlDoc struct {
	ID        string
	Title     string
	File      string
	Chart     svgChart
	Table     *htmlTable
	Summary   []string
	Flags     []htmlFlag
	Calendar  *htmlTable
	CalStart  string
	Vests     []string
	NoStart   bool
	NoFigures string // "No figures: " and why, when the document (or file) has none
}

type htmlCompare struct {
	Chart     *svgChart
	Summary   *htmlTable
	Table     *htmlTable
	Winners   string
	Calendar  *htmlTable
	CalNotes  []string
	Notes     []string
	Currency  string
	Documents int
}

type htmlPage struct {
	Title    string
	Subtitle string
	Compare  *htmlCompare
	Docs     []htmlDoc
	Calendar bool
}

// WriteHTML writes the HTML report of the results: a section for each
// offer and counter (figures, or why there are none) and for each file
// with errors and no block (why it has no figures), in file order.
func WriteHTML(w io.Writer, results []*lang.Result, opts HTMLOptions) error {
	all := Documents(results)
	page := htmlPage{Title: "Offer report", Subtitle: noDocuments, Calendar: opts.Calendar}
	var names []string
	for _, r := range results {
		if len(r.Docs) > 0 || r.LeftOut != nil {
			names = append(names, r.File.Name)
		}
	}
	if len(names) > 0 {
		page.Subtitle = fmt.Sprintf("%d %s from %s.", len(all), plural(len(all), "offer or counter", "offers and counters"), strings.Join(names, ", "))
	}
	docs := complete(all) // a block with errors gets no figures: they would leave out what could not be read
	cmp := CompareSelection(Selection{Documents: docs}, Options{})
	top := sharedTop(docs)
	if len(docs) > 1 {
		hc := &htmlCompare{Summary: tableOf(cmp.summaryGrid()), Table: tableOf(cmp.mainGrid()), Winners: cmp.winnersLine(), Notes: cmp.notes(), Currency: cmp.Currency, Documents: len(docs)}
		if !cmp.Mixed {
			ch := compareChart("compare-chart", docs, top, cmp.currencyOf())
			hc.Chart = &ch
		}
		page.Compare = hc
	}
	i, files := 0, 0 // all holds each result's documents in turn (Documents)
	for _, r := range results {
		if r.LeftOut != nil { // a file with errors and no block
			files++
			page.Docs = append(page.Docs, htmlDoc{ID: fmt.Sprintf("file-%d", files), Title: r.File.Name, NoFigures: noFiguresLine(r.LeftOut, nil, "")})
		}
		for range r.Docs {
			i++
			d := all[i-1]
			if d.LeftOut != nil {
				page.Docs = append(page.Docs, htmlDoc{ID: fmt.Sprintf("doc-%d", i), Title: d.Title, File: d.File, NoFigures: noFiguresLine(d.LeftOut, d.doc, "")})
				continue
			}
			docTop := top
			if cmp.Mixed {
				docTop = sharedTop([]*Document{d})
			}
			page.Docs = append(page.Docs, docSection(i, d, docTop, opts))
		}
	}
	return templates.ExecuteTemplate(w, "report.html.tmpl", page)
}

// docSection is the section of the i-th document, which has figures: its
// chart (on the scale top), table, summary, flags and calendar.
func docSection(i int, d *Document, top engine.Money, opts HTMLOptions) htmlDoc {
	hd := htmlDoc{ID: fmt.Sprintf("doc-%d", i), Title: d.Title, File: d.File,
		Chart: stackedChart(fmt.Sprintf("chart-%d", i), d, top), Table: docTable(d), Summary: summary(d)}
	for _, f := range d.Flags {
		hd.Flags = append(hd.Flags, htmlFlag{f.Severity.String(), f.Code, f.Subject.Start.Line, f.Detail})
	}
	if opts.Calendar {
		cal := calendarOf(d)
		if cal.Err != nil {
			hd.NoStart = true
		} else {
			hd.Calendar = tableOf(calendarTable(d, cal.Calendar))
			hd.CalStart = cal.Start.Format("2006-01-02")
			hd.Vests = vestLines(d, cal.Calendar)
		}
	}
	return hd
}

// ErrNothingToChart is WriteSVG's error when no offer or counter can be
// charted: there is none, or every one has errors.
var ErrNothingToChart = errors.New("nothing to chart")

// nothingToChart is ErrNothingToChart with the sentence that says why.
type nothingToChart string

func (e nothingToChart) Error() string      { return string(e) }
func (nothingToChart) Is(target error) bool { return target == ErrNothingToChart }

// WriteSVG writes the chart alone as an SVG file: for one document its
// stacked chart, for several the comparison chart.
func WriteSVG(w io.Writer, docs []*Document) error {
	var ch svgChart
	n := len(docs)
	docs = complete(docs)
	switch {
	case len(docs) == 0 && n > 0:
		return nothingToChart("no offer or counter without errors to chart; run 'offer lint'")
	case len(docs) == 0:
		return nothingToChart("no offers or counters to chart")
	case len(docs) == 1:
		ch = stackedChart("chart", docs[0], sharedTop(docs))
	default:
		cmp := CompareSelection(Selection{Documents: docs}, Options{})
		if cmp.Mixed {
			return fmt.Errorf("the offers are in different currencies; a shared chart would compare unlike amounts (use --format html for one chart per offer)")
		}
		ch = compareChart("chart", docs, sharedTop(docs), cmp.currencyOf())
	}
	if err := templates.ExecuteTemplate(w, "chart", ch); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// complete returns the documents without errors: those whose figures can
// be drawn and compared.
func complete(docs []*Document) []*Document {
	var out []*Document
	for _, d := range docs {
		if d.LeftOut == nil {
			out = append(out, d)
		}
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// docTable is a document's year-by-year table, with the cliff years'
// totals marked.
func docTable(d *Document) *htmlTable {
	g := yearGrid(d.Analysis, d.Currency())
	t := tableOf(g)
	total := &t.Rows[len(t.Rows)-1]
	for _, cl := range d.Analysis.Cliffs {
		total.Cells[cl.Year-1].Class = "cliff"
	}
	return t
}

// summary is the lines under a document's table: totals, the counter's
// gain over its offer, and the band position.
func summary(d *Document) []string {
	a := d.Analysis
	out := []string{totalsLine(a, d.Currency()) + "."}
	if line, ok := againstLine(d.doc, d.Currency()); ok {
		out = append(out, line+".")
	}
	if a.Band != nil {
		out = append(out, bandLine(a)+".")
	} else {
		out = append(out, "No market band matches this offer.")
	}
	return out
}

var positionLabels = map[string]string{"base": "base", "equity": "equity", "sign_on": "sign-on", "year1_total": "year-1 total"}
