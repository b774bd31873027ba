package analysis

import "testing"

func TestPlainText(t *testing.T) {
	md := "**offer amazon\\_l6** · Amazon\n\n| | Year 1 | 4 years |\n|---|--:|--:|\n| Base | $195,000 | $780,000 |\n| **Total** | **$350,000** | **$1,405,000** |\n\n---\n\n*Stale* `x`\n"
	want := "offer amazon_l6 · Amazon\n\n         Year 1     4 years\nBase   $195,000    $780,000\nTotal  $350,000  $1,405,000\n\n--------------------\n\nStale x"
	if got := PlainText(md); got != want {
		t.Errorf("PlainText:\n%s\nwant:\n%s", got, want)
	}
}
