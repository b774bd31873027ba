package negotiate

import (
	"strings"
	"unicode/utf8"

	"github.com/offerkit/offerkit/engine"
)

// Script is what to say about one lever, for a call or a message.
type Script struct {
	Lever string
	Text  string
}

// ScriptFor writes the script for one lever (one of engine.LeverNames). It
// opens with a line of facts (the offer's figure and the ask), then what to
// say, filled from the facts, with placeholders for what the files do not
// hold.
func ScriptFor(f *Facts, lever string) (Script, error) {
	p, err := f.pitch(lever)
	if err != nil {
		return Script{}, err
	}
	var b strings.Builder
	b.WriteString(wrap("Offer: "+p.Offered+". Ask: "+p.Ask+".", lineWidth))
	b.WriteString("\n\n")
	say := []string{opening(lever, f)}
	say = append(say, p.Reasons...)
	say = append(say, p.Request)
	b.WriteString(wrap(strings.Join(say, " "), lineWidth))
	b.WriteString("\n")
	return Script{Lever: lever, Text: b.String()}, nil
}

// opening is the first sentence of a script: it thanks for the offer once,
// then names the lever.
func opening(lever string, f *Facts) string {
	switch lever {
	case "base":
		return "Thank you for the offer; I am keen on the role, and I would like to talk about the base salary."
	case "sign_on":
		return "I would like to talk about the sign-on bonus."
	case "equity":
		return "Looking at the four years as a whole, I would like to talk about the equity grant."
	case "start":
		return "I would like to talk about the start date."
	case "level":
		return "I would like to talk about the level of the role."
	case "flexibility":
		return "I would like to talk about how and where I will work."
	case "bonus":
		return "I would like to talk about the bonus."
	}
	return ""
}

// LeverTitle names a lever for people: "Base salary".
func LeverTitle(lever string) string { return engine.LeverTitles[lever] }

// lineWidth is where texts wrap.
const lineWidth = 80

// wrap folds a paragraph at width, never inside a placeholder.
func wrap(text string, width int) string {
	var lines []string
	line := ""
	for _, w := range tokens(text) {
		if line != "" && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line == "" {
			line = w
		} else {
			line += " " + w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// tokens splits on spaces, keeping each placeholder whole.
func tokens(text string) []string {
	var out []string
	cur := ""
	depth := false
	for i := 0; i < len(text); i++ {
		switch {
		case strings.HasPrefix(text[i:], "[["):
			depth = true
		case strings.HasPrefix(text[i:], "]]"):
			depth = false
		}
		if text[i] == ' ' && !depth {
			if cur != "" {
				out = append(out, cur)
			}
			cur = ""
			continue
		}
		cur += text[i : i+1] // a byte of the text, not a rune made of it: "€" stays "€"
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}
