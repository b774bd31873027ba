package lang

import (
	"reflect"
	"testing"
)

// AfterTaxAll gives each document the estimate DocAfterTax gives it, on
// any number of goroutines (also under -race), and estimates a document
// it was not given when asked. The corpus holds offers in all four hubs,
// NYC's city tax among them, and counters taxed where their offers are.
func TestAfterTaxAllMatchesDocAfterTax(t *testing.T) {
	names, srcs := sortedCorpus(40)
	p := NewCheckProject(nil)
	p.SetFiles(names, srcs, 0)
	results := p.CheckFiles(names, 0)
	for _, workers := range []int{1, 3, 0} {
		estimate := p.AfterTaxAll(results[:30], workers)
		n := 0
		for _, r := range results {
			for _, d := range r.Docs {
				got, want := estimate(d), p.DocAfterTax(d)
				if !want.OK || !reflect.DeepEqual(got, want) {
					t.Fatalf("%d goroutines, %s: %+v\nDocAfterTax: %+v", workers, d.Name, got, want)
				}
				n++
			}
		}
		if n != 80 {
			t.Fatalf("%d documents, want 80", n)
		}
	}
	regions := map[string]bool{}
	for _, r := range results {
		regions[p.DocAfterTax(r.Docs[0]).Region] = true
	}
	if len(regions) != 4 || !regions["US-NY-NYC"] {
		t.Fatalf("regions %v, want the four hubs'", regions)
	}
}
