package report

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/offerkit/offerkit/lang"
)

// This file renders a workspace's timeline (lang.Timeline) as text and
// JSON for offer timeline.

// JSONTimeline is offer timeline's JSON document.
type JSONTimeline struct {
	Negotiations []JSONNegotiation `json:"negotiations"`
}

// JSONNegotiation is one company's steps.
type JSONNegotiation struct {
	Company string     `json:"company"`
	Steps   []JSONStep `json:"steps"`
}

// JSONStep is one version or counter. Change is null for the first step and
// between steps in different currencies.
type JSONStep struct {
	Kind          string `json:"kind"`
	Name          string `json:"name"`
	Date          string `json:"date"`
	Round         int    `json:"round"`
	From          string `json:"from"`
	FourYearTotal Money  `json:"four_year_total"`
	Change        *Money `json:"change"`
	Approval      string `json:"approval"`
	Outcome       string `json:"outcome"`
}

// TimelineJSON returns the JSON form of a timeline.
func TimelineJSON(negs []lang.Negotiation) JSONTimeline {
	out := JSONTimeline{Negotiations: []JSONNegotiation{}}
	for _, n := range negs {
		jn := JSONNegotiation{Company: n.Company, Steps: []JSONStep{}}
		for _, s := range n.Steps {
			js := JSONStep{Kind: s.Kind, Name: s.Name, Date: s.Date, Round: s.Round, From: s.From,
				FourYearTotal: Money(s.Total), Approval: s.Approval, Outcome: s.Outcome}
			if s.Change != nil {
				m := Money(*s.Change)
				js.Change = &m
			}
			jn.Steps = append(jn.Steps, js)
		}
		out.Negotiations = append(out.Negotiations, jn)
	}
	return out
}

// WriteTimeline prints a timeline as text: one table per company.
func WriteTimeline(w io.Writer, negs []lang.Negotiation) {
	for i, n := range negs {
		if i > 0 {
			fmt.Fprintln(w)
		}
		company := n.Company
		if company == "" {
			company = "(company not stated)"
		}
		fmt.Fprintln(w, company)
		var b strings.Builder
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  date\tround\tfrom\tstep\t4-year total\tchange\tnotes")
		for _, s := range n.Steps {
			date := s.Date
			if date == "" {
				date = "-"
			}
			step := s.Kind + " " + s.Name
			if s.Label != "" {
				step += " (" + s.Label + ")"
			}
			change := "-"
			if s.Change != nil {
				change = s.Change.Signed(s.Currency)
			}
			var notes []string
			if s.Approval != "" {
				notes = append(notes, "approval: "+s.Approval)
			}
			if s.Outcome != "" {
				notes = append(notes, s.Outcome+" "+outcomeDate(s))
			}
			fmt.Fprintf(tw, "  %s\t%d\t%s\t%s\t%s\t%s\t%s\n", date, s.Round, s.From, step, s.Total.Format(s.Currency), change, strings.Join(notes, "; "))
		}
		tw.Flush()
		for _, line := range strings.SplitAfter(b.String(), "\n") {
			io.WriteString(w, strings.TrimRight(line, " \n")+strings.Repeat("\n", strings.Count(line, "\n")))
		}
	}
}

func outcomeDate(s lang.Step) string {
	v := s.Doc.Offer.Version
	t := v.Accepted
	if s.Outcome == "declined" {
		t = v.Declined
	}
	return t.Format("2006-01-02")
}
