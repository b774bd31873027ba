package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

func runHistory(e *env) int {
	fs := flag.NewFlagSet("offer history", flag.ContinueOnError)
	format := formatFlag(fs, "text", "json")
	bands := bandsFlag(fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: offer history [--format text|json] FILE\n\nWalks FILE's git log (following renames), oldest first, and prints one row per\ncommit and offer or counter: date, subject, year-1 total, 4-year total and the\nchange from the previous row of the same offer or counter.\nExit status: 0 ok, 2 could not run.")
		fs.PrintDefaults()
	}
	args, code, ok := parseFlags(fs, e)
	if !ok {
		return code
	}
	if !checkFormat(e, *format, "text", "json") {
		return exitUsage
	}
	if len(args) != 1 {
		fs.Usage()
		return exitUsage
	}
	extra, err := readBandFiles(*bands)
	if err != nil {
		fmt.Fprintf(e.stderr, "offer history: %v\n", err)
		return exitUsage
	}
	rows, err := history(args[0], extra)
	if err != nil {
		fmt.Fprintf(e.stderr, "offer history: %v\n", err)
		return exitUsage
	}
	if *format == "json" {
		writeJSON(e, historyJSON(args[0], rows))
	} else {
		writeHistory(e.stdout, args[0], rows)
	}
	return exitOK
}

// historyRow is what one offer or counter paid at one commit.
type historyRow struct {
	Commit, Date, Subject string
	Kind, Name            string
	Currency              string
	Year1, Total          engine.Money
	Errors                int // errors in the file at that commit; figures leave out what could not be read
	// Delta is the change of the 4-year total from the previous row of the
	// same document; HasPrev is false on its first row.
	Delta        engine.Money
	Prev         engine.Money
	PrevCurrency string
	HasPrev      bool
}

// history reads the file's commits, oldest first, and values each version.
func history(file string, extra []*lang.File) ([]historyRow, error) {
	root, err := gitRoot()
	if err != nil {
		return nil, err
	}
	// -z: names come NUL-terminated, as written (git quotes a name with
	// a tab, a quote or a non-ASCII letter otherwise).
	out, err := gitCmd("", "log", "-z", "--follow", "--diff-filter=AMR", "--date=short", "--name-only",
		"--format=%x1e%H%x1f%ad%x1f%s", "--", file)
	if err != nil {
		return nil, err
	}
	type commit struct{ hash, date, subject, path string }
	var commits []commit
	for _, rec := range strings.Split(string(out), "\x1e") {
		if strings.TrimSpace(rec) == "" {
			continue
		}
		head, names, _ := strings.Cut(rec, "\x00")
		f := strings.SplitN(head, "\x1f", 3)
		if len(f) != 3 {
			continue
		}
		path := ""
		for _, n := range strings.Split(strings.TrimPrefix(names, "\n"), "\x00") {
			if n != "" {
				path = n
			}
		}
		commits = append(commits, commit{f[0], f[1], f[2], path})
	}
	if len(commits) == 0 {
		return nil, fmt.Errorf("%s: no commits touch this file", file)
	}
	var rows []historyRow
	last := map[string]historyTotal{}
	for i := len(commits) - 1; i >= 0; i-- {
		c := commits[i]
		s, err := gitSnapshot(root, c.hash, c.path, extra)
		if err != nil {
			return nil, err
		}
		docs, errs := valued(s)
		for _, d := range docs {
			w := d.Analysis.Worth
			r := historyRow{Commit: c.hash, Date: c.date, Subject: c.subject, Kind: d.Kind, Name: d.Name,
				Currency: currency(d.Analysis.Offer), Year1: w.Years[0].Total, Total: w.Total, Errors: len(errs)}
			key := d.Kind + " " + d.Name
			if prev, ok := last[key]; ok {
				// Totals in different currencies are not subtracted.
				r.Prev, r.PrevCurrency = prev.Total, prev.Currency
				r.Delta, r.HasPrev = (engine.Amounts{Before: prev.Total, After: w.Total, BeforeCurrency: prev.Currency, AfterCurrency: r.Currency}).Delta()
			}
			last[key] = historyTotal{w.Total, r.Currency}
			rows = append(rows, r)
		}
		if len(docs) == 0 {
			rows = append(rows, historyRow{Commit: c.hash, Date: c.date, Subject: c.subject, Errors: len(errs)})
		}
	}
	return rows, nil
}

func writeHistory(w io.Writer, file string, rows []historyRow) {
	fmt.Fprintf(w, "History of %s (oldest first)\n", file)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Date\tCommit\tDocument\tYear 1\t4 years\tChange\tSubject")
	for _, r := range rows {
		doc, y1, total, change := "(nothing valued)", "", "", ""
		if r.Name != "" {
			doc, y1, total = r.Kind+" "+r.Name, r.Year1.Format(r.Currency), r.Total.Format(r.Currency)
			if r.HasPrev {
				change = engine.ChangeText(r.Delta, r.Prev, r.Currency)
			}
		}
		if r.Errors > 0 {
			total += fmt.Sprintf(" (%d errors)", r.Errors)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Date, r.Commit[:7], doc, y1, total, change, r.Subject)
	}
	tw.Flush()
}

type jsonHistoryRow struct {
	Commit        string     `json:"commit"`
	Date          string     `json:"date"`
	Subject       string     `json:"subject"`
	Kind          string     `json:"kind,omitempty"`
	Name          string     `json:"name,omitempty"`
	Currency      string     `json:"currency,omitempty"`
	Year1         jsonMoney  `json:"year1_total"`
	FourYear      jsonMoney  `json:"four_year_total"`
	Change        *jsonMoney `json:"change"`
	ChangePercent *jsonPct   `json:"change_percent"`
	Errors        int        `json:"errors"`
}

func historyJSON(file string, rows []historyRow) any {
	out := struct {
		File string           `json:"file"`
		Rows []jsonHistoryRow `json:"rows"`
	}{File: file, Rows: []jsonHistoryRow{}}
	for _, r := range rows {
		j := jsonHistoryRow{Commit: r.Commit, Date: r.Date, Subject: r.Subject, Kind: r.Kind, Name: r.Name,
			Currency: r.Currency, Year1: jsonMoney(r.Year1), FourYear: jsonMoney(r.Total), Errors: r.Errors}
		if r.HasPrev {
			d := jsonMoney(r.Delta)
			j.Change, j.ChangePercent = &d, percentPtr(r.Delta, r.Prev)
		}
		out.Rows = append(out.Rows, j)
	}
	return out
}

// historyTotal is a document's 4-year total at a commit, in its currency.
type historyTotal struct {
	Total    engine.Money
	Currency string
}
