package analysis

import (
	"strings"
)

// This file finds the completion context at the cursor by scanning the
// text line by line: the stack of enclosing blocks and the statement typed
// so far. It reads text rather than the syntax tree because the text being
// typed rarely parses, and a half-written string must not hide every block
// below it.

// cursorContext is what the text before the cursor says.
type cursorContext struct {
	blocks []string // enclosing block types, outermost first; "=" marks an object value
	stmt   string   // the current statement up to the cursor, leading blanks removed
}

func scanContext(src []byte, off int) cursorContext {
	var c cursorContext
	text := string(src[:off])
	lines := strings.Split(text, "\n")
	inBlockComment := false
	heredoc := ""
	for i, line := range lines {
		last := i == len(lines)-1
		if heredoc != "" {
			if strings.TrimSpace(line) == heredoc {
				heredoc = ""
			}
			if last {
				c.stmt = "\x00" // inside a heredoc: nothing to complete
			}
			continue
		}
		code := stripLine(line, &inBlockComment, last)
		if j := strings.Index(code, "<<"); j >= 0 && !last {
			heredoc = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(code[j:], "<<"), "-"))
			code = code[:j]
		}
		stmtStart := 0
		for j := 0; j < len(code); j++ {
			switch code[j] {
			case '{':
				head := code[stmtStart:j]
				if strings.Contains(head, "=") {
					c.blocks = append(c.blocks, "=")
				} else {
					c.blocks = append(c.blocks, firstWord(head))
				}
				stmtStart = j + 1
			case '}':
				if len(c.blocks) > 0 {
					c.blocks = c.blocks[:len(c.blocks)-1]
				}
				stmtStart = j + 1
			}
		}
		if last {
			if inBlockComment {
				c.stmt = "\x00"
			} else {
				c.stmt = strings.TrimLeft(code[stmtStart:], " \t")
			}
		}
	}
	return c
}

// stripLine blanks out comments and the contents of strings on one line,
// keeping the quotes. On the cursor's line a string left open keeps its
// text, which is the prefix being completed.
func stripLine(line string, inBlockComment *bool, cursorLine bool) string {
	var b strings.Builder
	inString := false
	for j := 0; j < len(line); j++ {
		ch := line[j]
		switch {
		case *inBlockComment:
			if strings.HasPrefix(line[j:], "*/") {
				*inBlockComment = false
				j++
			}
		case inString:
			if ch == '\\' && j+1 < len(line) {
				j++
				b.WriteString("  ")
				continue
			}
			if ch == '"' {
				inString = false
				b.WriteByte('"')
				continue
			}
			if cursorLine && !strings.Contains(line[j:], "\"") {
				b.WriteString(line[j:])
				return b.String()
			}
			b.WriteByte(' ')
		case ch == '"':
			inString = true
			b.WriteByte('"')
		case ch == '#' || strings.HasPrefix(line[j:], "//"):
			if cursorLine {
				return b.String() + "\x00"
			}
			return b.String()
		case strings.HasPrefix(line[j:], "/*"):
			*inBlockComment = true
			j++
		default:
			b.WriteByte(ch)
		}
	}
	return b.String()
}

func firstWord(s string) string {
	s = strings.TrimSpace(s)
	for i, r := range s {
		if !isIdentRune(r) {
			return s[:i]
		}
	}
	return s
}

func isIdentRune(r rune) bool {
	return r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

func isIdent(s string) bool {
	for _, r := range s {
		if !isIdentRune(r) {
			return false
		}
	}
	return true
}
