package report

import (
	"fmt"
	"io"
	"strings"
)

// This file lays out the pages of offer diff and offer history in Markdown
// and HTML: a title, a subtitle and sections of sentences and grids, the
// same grids their text output prints.

// page is a document of sections.
type page struct {
	Title, Subtitle string
	Sections        []pageSection
}

// pageSection is a titled run of sentences and tables; the title may be
// empty.
type pageSection struct {
	Title string
	Chart *svgChart // HTML only, before the parts
	Parts []pagePart
}

// pagePart is a sentence (Strong for a headline) or a table; CellClass,
// when set, gives each data cell of the table its HTML class.
type pagePart struct {
	Text      string
	Strong    bool
	Table     *grid
	CellClass func(cell string) string
}

// indent returns a copy of the grid whose row names start with prefix.
func (g *grid) indent(prefix string) *grid {
	out := &grid{head: g.head, align: g.align}
	for _, r := range g.rows {
		out.add(append([]string{prefix + r[0]}, r[1:]...)...)
	}
	return out
}

func (p page) writeMarkdown(w io.Writer) {
	fmt.Fprintf(w, "# %s\n\n%s\n", MarkdownEscape(p.Title), MarkdownEscape(p.Subtitle))
	for _, s := range p.Sections {
		if s.Title != "" {
			fmt.Fprintf(w, "\n## %s\n", MarkdownEscape(s.Title))
		}
		for _, part := range s.Parts {
			fmt.Fprintln(w)
			switch {
			case part.Table != nil:
				part.Table.writeMarkdown(w)
			case part.Strong:
				fmt.Fprintf(w, "**%s**\n", MarkdownEscape(part.Text))
			default:
				fmt.Fprintln(w, MarkdownEscape(part.Text))
			}
		}
	}
}

type htmlPart struct {
	Text   string
	Strong bool
	Table  *htmlTable
}

type htmlSection struct {
	Title string
	Chart *svgChart
	Parts []htmlPart
}

type htmlSimplePage struct {
	Title, Subtitle string
	Sections        []htmlSection
	Wins            bool // a table marks cells with the chart's colors (compare_html.go)
}

// writeHTML writes the page as one self-contained HTML file, styled as the
// HTML report.
func (p page) writeHTML(w io.Writer) error {
	hp := htmlSimplePage{Title: p.Title, Subtitle: p.Subtitle}
	for _, s := range p.Sections {
		hs := htmlSection{Title: s.Title, Chart: s.Chart}
		for _, part := range s.Parts {
			hpart := htmlPart{Text: part.Text, Strong: part.Strong}
			if part.Table != nil {
				hpart.Table = tableOf(part.Table)
				for _, r := range hpart.Table.Rows {
					for k := range r.Cells {
						if part.CellClass != nil {
							hp.Wins = true
							r.Cells[k].Class = part.CellClass(r.Cells[k].Text)
						}
					}
				}
			}
			hs.Parts = append(hs.Parts, hpart)
		}
		hp.Sections = append(hp.Sections, hs)
	}
	var b strings.Builder
	if err := templates.ExecuteTemplate(&b, "page.html.tmpl", hp); err != nil {
		return err
	}
	_, err := io.WriteString(w, b.String())
	return err
}
