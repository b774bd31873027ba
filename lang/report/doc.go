// Package report renders what offerkit knows about offers for people:
// comparison tables (text, markdown, JSON), calendar-year tables, terminal
// bar charts, and the self-contained HTML report with its SVG charts.
//
// It sits between lang and its callers: it takes checked workspace results
// (lang.Result), gathers the documents to show, asks engine for the
// figures (Compare, PlaceOnCalendar) and writes them. It does no I/O of its
// own beyond the io.Writer it is given, imports no protocol types, and
// never decides a figure: every amount it prints comes from engine.
//
// The command line (cmd/offer) and the language server (lsp) share it: the
// server's code lens returns Markdown and its hover uses RankHover.
package report
