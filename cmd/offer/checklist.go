package main

import (
	"fmt"
	"strings"

	"github.com/offerkit/offerkit/lang"
)

func runChecklist(e *env, w *lang.Workspace) int {
	items := w.Checklist()
	if e.format == "json" {
		writeJSON(e, checklistJSON(items))
		return exitOK
	}
	out := lang.PrintableWriter(e.stdout)
	marks := map[lang.CheckStatus]string{lang.CheckDone: "[x]", lang.CheckMissing: "[ ]", lang.CheckShown: "[i]", lang.CheckNotYet: "[-]"}
	done := 0
	for _, phase := range lang.Phases {
		fmt.Fprintf(out, "%s\n", map[string]string{"before": "Before the negotiation", "during": "During it", "after": "After it"}[phase])
		for _, it := range items {
			if it.Phase != phase {
				continue
			}
			if it.Status == lang.CheckDone {
				done++
			}
			fmt.Fprintf(out, "%s %s (%s)\n", marks[it.Status], it.Title, it.Status)
			if ev := it.Evidence(); ev != "" {
				fmt.Fprintf(out, "    at %s\n", ev)
			}
			for _, d := range it.Detail {
				fmt.Fprintf(out, "    %s\n", strings.TrimRight(d, " "))
			}
		}
	}
	fmt.Fprintf(out, "%d of %d done.\n", done, len(items))
	return exitOK
}

type jsonCheckItem struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Status   string `json:"status"`
	Evidence string `json:"evidence,omitempty"`
	Hint     string `json:"hint,omitempty"`
}

type jsonPhase struct {
	Phase string          `json:"phase"`
	Items []jsonCheckItem `json:"items"`
}

func checklistJSON(items []lang.CheckItem) any {
	out := struct {
		Phases []jsonPhase `json:"phases"`
		Done   int         `json:"done"`
		Total  int         `json:"total"`
	}{Phases: []jsonPhase{}, Total: len(items)}
	for _, phase := range lang.Phases {
		jp := jsonPhase{Phase: phase, Items: []jsonCheckItem{}}
		for _, it := range items {
			if it.Phase != phase {
				continue
			}
			ji := jsonCheckItem{ID: it.ID, Title: it.Title, Status: it.Status.String(), Evidence: it.Evidence()}
			if it.Status == lang.CheckDone {
				out.Done++
			} else {
				ji.Hint = strings.Join(it.Detail, " ")
			}
			jp.Items = append(jp.Items, ji)
		}
		out.Phases = append(out.Phases, jp)
	}
	return out
}
