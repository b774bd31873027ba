package lang

import (
	"fmt"
	"strings"
)

// RulesMarkdown renders one section per diagnostic code from Rules, for
// docs/rules.md (a test keeps the two equal). Each section's heading is the
// code, so docs/rules.md#<code> links to it.
func RulesMarkdown() string {
	var b strings.Builder
	for _, group := range []struct {
		title string
		flag  bool
	}{{"File problems", false}, {"Offer flags", true}} {
		fmt.Fprintf(&b, "## %s\n\n", group.title)
		for _, r := range Rules {
			if r.Flag != group.flag {
				continue
			}
			fmt.Fprintf(&b, "### %s\n\n**%s.** %s\n\n", r.Code, r.Severity, r.Summary)
			if r.Example != "" {
				fmt.Fprintf(&b, "Example: `%s`\n\n", r.Example)
			}
			fmt.Fprintf(&b, "What to do: %s\n\n", r.Help)
			if r.Silenceable {
				fmt.Fprintf(&b, "To silence it on one line, put `# offer:ignore %s <reason>` on the line above.\n\n", r.Code)
			} else {
				b.WriteString("It cannot be silenced.\n\n")
			}
		}
	}
	return b.String()
}
