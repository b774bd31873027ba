package report

import (
	"fmt"
	"strconv"

	"github.com/offerkit/offerkit/engine"
)

// This file lays out the SVG charts: positions and sizes in pixels,
// computed here so that the templates only print them. Pixel positions are
// display values (floats are fine); every amount shown or stored in a data
// attribute is an engine figure, exact to the cent.

// Colors of the components, in the order of components (a colour-blind
// friendly palette), and of the documents in the comparison chart.
var (
	componentColors = []string{"#4e79a7", "#f28e2b", "#59a14f", "#b07aa1"}
	documentColors  = []string{"#1f3b73", "#e15759", "#76b7b2", "#edc948", "#9c755f", "#ff9da7", "#79706e", "#86bcb6"}
)

const (
	chartW      = 600
	chartH      = 360
	plotLeft    = 84
	plotRight   = 580
	plotBottom  = 300
	legendLineH = 18
)

type svgChart struct {
	ID      string
	Title   string
	Desc    string
	W, H    int
	Ticks   []svgTick
	XLabels []svgText
	Bars    []svgBar
	Cliffs  []svgCliff
	Legend  []svgLegend
	PlotL   int
	PlotR   int
	TickX   int
	PlotB   int
	Kind    string // "stacked" or "compare"
}

type svgTick struct {
	Y     string
	Label string
}

type svgText struct {
	X, Y  string
	Text  string
	Class string
}

type svgBar struct {
	Doc       string
	Year      int
	Total     string // decimal, major units
	TotalText string
	X, Y, W   string // the bar's box (Y is its top)
	LabelX    string
	LabelY    string
	Color     string // comparison bars: the document's colour
	H         string
	Segs      []svgSeg
	Cliff     bool
	Tooltip   string
}

type svgSeg struct {
	Component string
	Label     string
	Value     string // decimal, major units
	Text      string
	Color     string
	Y, H      string
}

type svgCliff struct {
	Doc              string
	Year, Below      int
	Gap              string // decimal
	GapText          string
	X1, X2, Y        string
	LabelX, LabelY   string
	Label            string
	DipX, DipY, DipW string
	DipH             string
}

type svgLegend struct {
	X, Y  string
	TextX string
	Color string
	Text  string
}

func px(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }

// scale maps money to the plot's height with a "nice" top: 1, 2, 2.5 or 5
// times a power of ten, at most five steps.
type scale struct {
	top, step           engine.Money
	plotTop, plotBottom float64
}

func newScale(maxTotal engine.Money, plotTop, plotBottom float64) scale {
	major := (int64(maxTotal) + 99) / 100
	if major <= 0 {
		major = 100
	}
	for p := int64(1); ; p *= 10 {
		steps := []int64{p, 2 * p, 5 * p}
		if p >= 10 {
			steps = []int64{p, 2 * p, 25 * p / 10, 5 * p}
		}
		for _, step := range steps {
			if (major+step-1)/step <= 5 {
				n := (major + step - 1) / step
				return scale{top: engine.Dollars(n * step), step: engine.Dollars(step), plotTop: plotTop, plotBottom: plotBottom}
			}
		}
	}
}

func (s scale) y(m engine.Money) float64 {
	return s.plotBottom - float64(m)/float64(s.top)*(s.plotBottom-s.plotTop)
}

func (s scale) ticks(cur string) []svgTick {
	var out []svgTick
	for v := engine.Money(0); v <= s.top; v += s.step {
		out = append(out, svgTick{Y: px(s.y(v)), Label: compactMoney(v, cur)})
	}
	return out
}

// compactMoney renders an axis label: "$250k", "$1.5M", "$800".
func compactMoney(m engine.Money, cur string) string {
	major := int64(m) / 100
	switch {
	case major >= 1_000_000 && major%100_000 == 0:
		whole, tenth := major/1_000_000, major%1_000_000/100_000
		if tenth == 0 {
			return engine.Dollars(whole).Format(cur) + "M"
		}
		return fmt.Sprintf("%s.%dM", engine.Dollars(whole).Format(cur), tenth)
	case major >= 1000 && major%1000 == 0:
		return engine.Dollars(major/1000).Format(cur) + "k"
	}
	return m.Format(cur)
}

// stackedChart draws one document's four years, stacked by component, on
// the shared scale top (so that charts of different offers compare).
func stackedChart(id string, d *Document, top engine.Money) svgChart {
	legendTop := 24.0
	c := svgChart{ID: id, Kind: "stacked", W: chartW, H: chartH, PlotL: plotLeft, PlotR: plotRight, PlotB: plotBottom, TickX: plotLeft - 8,
		Title: fmt.Sprintf("%s: pay by year", d.Label),
		Desc:  fmt.Sprintf("Stacked bars of base, sign-on, equity and other pay in each of the four years of %s %s.", d.Kind, d.Label)}
	s := newScale(top, legendTop+legendLineH+16, plotBottom)
	c.Ticks = s.ticks(d.Currency())
	x := float64(plotLeft + 8)
	for i, comp := range components {
		c.Legend = append(c.Legend, svgLegend{X: px(x), TextX: px(x + 18), Y: px(legendTop), Color: componentColors[i], Text: comp.label})
		x += 110
	}
	slot := float64(plotRight-plotLeft) / engine.Years
	barW := 72.0
	cliffs := d.Analysis.Cliffs
	for i, y := range d.Analysis.Worth.Years {
		cx := plotLeft + slot*(float64(i)+0.5)
		b := svgBar{Doc: d.Label, Year: y.Year, Total: y.Total.Decimal(), TotalText: d.money(y.Total),
			X: px(cx - barW/2), W: px(barW), Y: px(s.y(y.Total)), H: px(plotBottom - s.y(y.Total)),
			LabelX: px(cx), LabelY: px(s.y(y.Total) - 6)}
		var sum engine.Money
		for k, comp := range components {
			v := comp.get(y)
			if v <= 0 {
				continue
			}
			top, bottom := s.y(sum+v), s.y(sum)
			b.Segs = append(b.Segs, svgSeg{Component: comp.key, Label: comp.label, Value: v.Decimal(), Text: d.money(v),
				Color: componentColors[k], Y: px(top), H: px(bottom - top)})
			sum += v
		}
		b.Tooltip = fmt.Sprintf("Year %d: %s", y.Year, d.money(y.Total))
		c.XLabels = append(c.XLabels, svgText{X: px(cx), Y: px(plotBottom + 20), Text: fmt.Sprintf("Year %d", y.Year)})
		for _, cl := range cliffs {
			if cl.Year == y.Year {
				b.Cliff = true
			}
		}
		c.Bars = append(c.Bars, b)
	}
	for _, cl := range cliffs {
		peakX := plotLeft + slot*(float64(cl.Below-1)+0.5)
		dipX := plotLeft + slot*(float64(cl.Year-1)+0.5)
		peak := d.Analysis.Worth.Years[cl.Below-1].Total
		dip := d.Analysis.Worth.Years[cl.Year-1].Total
		c.Cliffs = append(c.Cliffs, svgCliff{Doc: d.Label, Year: cl.Year, Below: cl.Below, Gap: cl.Gap.Decimal(), GapText: d.money(cl.Gap),
			X1: px(peakX), X2: px(dipX + barW/2 + 4), Y: px(s.y(peak)),
			LabelX: px(dipX), LabelY: px(plotBottom + 38), Label: cliffLabel(d.money(cl.Gap), cl.Below),
			DipX: px(dipX - barW/2), DipW: px(barW), DipY: px(s.y(peak)), DipH: px(s.y(dip) - s.y(peak))})
	}
	return c
}

// compareChart draws every document's yearly totals side by side, one
// colour per document, grouped by year.
func compareChart(id string, docs []*Document, top engine.Money, cur string) svgChart {
	legendTop := 24.0
	legendH := float64(len(docs)) * legendLineH
	plotTop := legendTop + legendH + 16
	bottom := plotTop + 240
	// Wider with more documents: each year's group holds a bar of up to
	// 40 pixels per document.
	w := min(max(chartW, plotLeft+20+engine.Years*(len(docs)*40+32)), 1000)
	right := w - 20
	c := svgChart{ID: id, Kind: "compare", W: w, H: int(bottom) + 40, PlotL: plotLeft, PlotR: right, PlotB: int(bottom), TickX: plotLeft - 8,
		Title: "Yearly totals side by side",
		Desc:  "Grouped bars of each offer's total pay in each of the four years."}
	s := newScale(top, plotTop, bottom)
	c.Ticks = s.ticks(cur)
	for i, d := range docs {
		c.Legend = append(c.Legend, svgLegend{X: px(plotLeft + 8), TextX: px(plotLeft + 26), Y: px(legendTop + float64(i)*legendLineH), Color: documentColors[i%len(documentColors)],
			Text: fmt.Sprintf("%s: %s over four years", d.Label, d.money(d.Analysis.Worth.Total))})
	}
	slot := float64(right-plotLeft) / engine.Years
	inner := slot - 24
	barW := min(40, inner/float64(max(len(docs), 1)))
	for y := 1; y <= engine.Years; y++ {
		cx := plotLeft + slot*(float64(y)-0.5)
		left := cx - barW*float64(len(docs))/2
		for i, d := range docs {
			total := d.Analysis.Worth.Years[y-1].Total
			b := svgBar{Doc: d.Label, Year: y, Total: total.Decimal(), TotalText: d.money(total),
				X: px(left + barW*float64(i) + 1), W: px(barW - 2), Y: px(s.y(total)), H: px(bottom - s.y(total)),
				Color: documentColors[i%len(documentColors)], Tooltip: fmt.Sprintf("%s, year %d: %s", d.Label, y, d.money(total))}
			for _, cl := range d.Analysis.Cliffs {
				if cl.Year == y {
					b.Cliff = true
				}
			}
			c.Bars = append(c.Bars, b)
		}
		c.XLabels = append(c.XLabels, svgText{X: px(cx), Y: px(bottom + 20), Text: fmt.Sprintf("Year %d", y)})
	}
	return c
}

// sharedTop returns the largest yearly total of the documents: the top of
// a scale they share.
func sharedTop(docs []*Document) engine.Money {
	var top engine.Money
	for _, d := range docs {
		for _, y := range d.Analysis.Worth.Years {
			top = max(top, y.Total)
		}
	}
	return top
}
