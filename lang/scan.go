package lang

import (
	"bytes"

	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// This file is a streaming scan of a file's text that sees its brackets the
// way hclsyntax's lexer does: a bracket inside a string, a heredoc or a
// comment is text, "${" and "%{" open a template sequence inside strings
// and heredocs (not "$${" or "%%{"), and a "}" closes the sequence or a
// brace as the lexer's brace count decides. Unlike hclsyntax.LexConfig,
// which returns every token of the file at once (1.5 million for a 1.5 MB
// file), it holds only the lexer's stacks, whose size is the nesting depth,
// and hands each token that matters to a callback. limits.go builds the
// pre-parse checks on it; FuzzScanMatchesLexer holds it to LexConfig.

// scanTok is the kind of a token the scan reports.
type scanTok uint8

const (
	tokOBrace scanTok = iota + 1
	tokCBrace
	tokOBrack
	tokCBrack
	tokOParen
	tokCParen
	tokInterp   // "${" in a string or heredoc
	tokControl  // "%{" in a string or heredoc
	tokSeqEnd   // the "}" or "~}" that ends a template sequence
	tokOQuote   // the '"' that starts a string
	tokCQuote   // the '"' that ends it
	tokOHeredoc // "<<EOT" and its line break
	tokCHeredoc // the closing marker line, without its line break
	tokNewline  // a line break outside strings (a comment's own included)
	tokComma
	tokEqual    // a lone "=", as in an attribute
	tokOperator // + - * / % ! ? : && || == != < > <= >= and the like
	tokValue    // a number or a name
	tokKeyword  // the name right after "%{" (if, for, endif, ...)
	tokPart     // a piece of a string's or heredoc's text that the parser keeps apart
)

type scanMode uint8

const (
	modeMain scanMode = iota
	modeString
	modeHeredoc
)

type scanFrame struct {
	mode        scanMode
	marker      []byte // a heredoc's closing marker
	startOfLine bool   // a heredoc is at the start of one of its lines
}

// scanner walks src once. emit gets each token with its byte offsets and
// returns false to stop the scan.
type scanner struct {
	src       []byte
	frames    []scanFrame // the lexer's stack: frames[len-1] is the mode in use
	braces    int         // the lexer's brace count
	retBraces []int       // brace counts at which a "}" ends a template sequence
	emit      func(t scanTok, start, end int) bool
	lastClose int // offset of the file's last "*/", or -1
}

// scan runs the scan to the end of src or until emit returns false.
func scan(src []byte, emit func(t scanTok, start, end int) bool) {
	s := &scanner{src: src, frames: []scanFrame{{mode: modeMain}}, emit: emit, lastClose: bytes.LastIndex(src, []byte("*/"))}
	i := 0
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		i = 3 // the lexer skips a byte order mark
	}
	for i < len(src) {
		var next int
		switch s.frames[len(s.frames)-1].mode {
		case modeString:
			next = s.inString(i)
		case modeHeredoc:
			next = s.inHeredoc(i)
		default:
			next = s.inMain(i)
		}
		if next < 0 {
			return
		}
		i = next
	}
}

func (s *scanner) at(i int) byte {
	if i < len(s.src) {
		return s.src[i]
	}
	return 0
}

// tok emits a token and returns the offset after it, or -1 to stop.
func (s *scanner) tok(t scanTok, start, end int) int {
	if !s.emit(t, start, end) {
		return -1
	}
	return end
}

func (s *scanner) push(f scanFrame) { s.frames = append(s.frames, f) }
func (s *scanner) pop() {
	if len(s.frames) > 1 {
		s.frames = s.frames[:len(s.frames)-1]
	}
}

// inMain scans one token of HCL's expression syntax at i.
func (s *scanner) inMain(i int) int {
	src := s.src
	c := src[i]
	switch {
	case c == ' ' || c == '\t':
		return i + 1
	case c == '\n':
		return s.tok(tokNewline, i, i+1)
	case c == '\r':
		if s.at(i+1) == '\n' {
			return s.tok(tokNewline, i, i+2)
		}
		return i + 1
	case c == '#' || (c == '/' && s.at(i+1) == '/'):
		end := bytes.IndexByte(src[i:], '\n')
		if end < 0 {
			return len(src)
		}
		return s.tok(tokNewline, i+end, i+end+1)
	case c == '/' && s.at(i+1) == '*':
		// An unclosed comment is no comment: the lexer backs up to the
		// "/" and goes on. Past the file's last "*/" no search is made,
		// so that many unclosed "/*" cost no more than one.
		if i+2 > s.lastClose {
			return s.tok(tokOperator, i, i+1)
		}
		end := bytes.Index(src[i+2:], []byte("*/"))
		return i + 2 + end + 2
	case c == '"':
		s.push(scanFrame{mode: modeString})
		return s.tok(tokOQuote, i, i+1)
	case c == '<' && s.at(i+1) == '<':
		if marker, end, ok := s.heredocIntro(i); ok {
			s.push(scanFrame{mode: modeHeredoc, marker: marker, startOfLine: true})
			return s.tok(tokOHeredoc, i, end)
		}
		return s.tok(tokOperator, i, i+1)
	case c == '{':
		s.braces++
		return s.tok(tokOBrace, i, i+1)
	case c == '}':
		return s.closeBrace(i, i+1, tokCBrace)
	case c == '~' && s.at(i+1) == '}':
		return s.closeBrace(i, i+2, tokSeqEnd)
	case c == '[':
		return s.tok(tokOBrack, i, i+1)
	case c == ']':
		return s.tok(tokCBrack, i, i+1)
	case c == '(':
		return s.tok(tokOParen, i, i+1)
	case c == ')':
		return s.tok(tokCParen, i, i+1)
	case c == ',':
		return s.tok(tokComma, i, i+1)
	case c == '=':
		if n := s.at(i + 1); n == '=' || n == '>' {
			return s.tok(tokOperator, i, i+2)
		}
		return s.tok(tokEqual, i, i+1)
	case c == '!' || c == '<' || c == '>':
		if s.at(i+1) == '=' {
			return s.tok(tokOperator, i, i+2)
		}
		return s.tok(tokOperator, i, i+1)
	case (c == '&' || c == '|') && s.at(i+1) == c:
		return s.tok(tokOperator, i, i+2)
	case c == '+' || c == '-' || c == '*' || c == '/' || c == '%' || c == '?' || c == ':' || c == '&' || c == '|':
		return s.tok(tokOperator, i, i+1)
	case isNameByte(c):
		j := i + 1
		for j < len(src) && isNameByte(src[j]) {
			j++
		}
		return s.tok(tokValue, i, j)
	}
	return i + 1
}

// isNameByte reports the bytes names and numbers are made of (a number's
// exponent sign aside, which scans as an operator).
func isNameByte(c byte) bool {
	return c >= 0x80 || c == '_' || c == '-' || c == '.' || ('0' <= c && c <= '9') || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

// heredocIntro reports whether a heredoc starts at i ("<<EOT" or "<<-EOT"
// directly followed by a line break), with its marker and the offset after
// the line break.
func (s *scanner) heredocIntro(i int) ([]byte, int, bool) {
	src := s.src
	j := i + 2
	if s.at(j) == '-' {
		j++
	}
	k := j
	for k < len(src) && (src[k] >= 0x80 || src[k] == '_' || src[k] == '-' ||
		('0' <= src[k] && src[k] <= '9') || ('a' <= src[k] && src[k] <= 'z') || ('A' <= src[k] && src[k] <= 'Z')) {
		k++
	}
	end := k
	switch {
	case s.at(k) == '\n':
		end = k + 1
	case s.at(k) == '\r' && s.at(k+1) == '\n':
		end = k + 2
	default:
		return nil, 0, false
	}
	if k == j || !hclsyntax.ValidIdentifier(string(src[j:k])) {
		return nil, 0, false
	}
	return src[j:k], end, true
}

// closeBrace ends a template sequence when the brace count is where the
// sequence began, and otherwise closes a brace ("~}" always scans as the
// end of a sequence, which the parser rejects when it closes a brace).
func (s *scanner) closeBrace(i, end int, t scanTok) int {
	if n := len(s.retBraces); n > 0 && s.retBraces[n-1] == s.braces {
		s.braces--
		s.retBraces = s.retBraces[:n-1]
		s.pop()
		return s.tok(tokSeqEnd, i, end)
	}
	s.braces--
	return s.tok(t, i, end)
}

// beginSequence starts a "${" or "%{" sequence at i.
func (s *scanner) beginSequence(i int, t scanTok) int {
	end := i + 2
	if s.at(end) == '~' {
		end++
	}
	s.braces++
	s.retBraces = append(s.retBraces, s.braces)
	s.push(scanFrame{mode: modeMain})
	next := s.tok(t, i, end)
	if t == tokControl && next >= 0 {
		// the directive's keyword, for the nesting of if and for
		j := end
		for j < len(s.src) && (s.src[j] == ' ' || s.src[j] == '\t') {
			j++
		}
		k := j
		for k < len(s.src) && isNameByte(s.src[k]) {
			k++
		}
		if k > j {
			return s.tok(tokKeyword, j, k)
		}
	}
	return next
}

// templateEscape handles a "$" or "%" in a string or heredoc at i: it
// returns the offset after it and whether it begins a sequence.
func (s *scanner) templateEscape(i int) (int, bool) {
	c := s.src[i]
	switch {
	case s.at(i+1) == '{':
		return i, true
	case s.at(i+1) == c && s.at(i+2) == '{':
		return i + 3, false // "$${" and "%%{" are the text "${" and "%{"
	}
	return i + 1, false
}

func seqTok(c byte) scanTok {
	if c == '$' {
		return tokInterp
	}
	return tokControl
}

// inString scans a quoted string at i.
func (s *scanner) inString(i int) int {
	src := s.src
	for i < len(src) {
		switch c := src[i]; c {
		case '"':
			s.pop()
			return s.tok(tokCQuote, i, i+1)
		case '\\':
			if n := s.at(i + 1); n != '\r' && n != '\n' && i+1 < len(src) {
				i += 2
			} else {
				i++
			}
		case '$', '%':
			next, seq := s.templateEscape(i)
			if seq {
				return s.beginSequence(i, seqTok(c))
			}
			return s.tok(tokPart, i, next)
		default:
			i++
		}
	}
	return i
}

// inHeredoc scans a heredoc at i.
func (s *scanner) inHeredoc(i int) int {
	src := s.src
	f := &s.frames[len(s.frames)-1]
	// The literal text up to the next "$", "%" or line end.
	j := i
	for j < len(src) && src[j] != '$' && src[j] != '%' && src[j] != '\n' && src[j] != '\r' {
		j++
	}
	if j > i || j == len(src) || src[j] == '\n' || src[j] == '\r' {
		end := -1
		switch {
		case s.at(j) == '\n':
			end = j + 1
		case s.at(j) == '\r' && s.at(j+1) == '\n':
			end = j + 2
		case s.at(j) == '\r':
			if j == i {
				return -1 // a lone CR in a heredoc stops hclsyntax's lexer
			}
		}
		if end < 0 { // text before a "$", "%" or a lone CR, or at the end
			f.startOfLine = false
			return s.tok(tokPart, i, j)
		}
		if f.startOfLine && bytes.Equal(bytes.TrimSpace(src[i:end]), f.marker) {
			s.pop()
			return s.tok(tokCHeredoc, i, j)
		}
		f.startOfLine = true
		return s.tok(tokPart, i, end)
	}
	// src[j] is "$" or "%".
	c := src[j]
	f.startOfLine = false
	next, seq := s.templateEscape(j)
	if seq {
		return s.beginSequence(j, seqTok(c))
	}
	return s.tok(tokPart, j, next)
}
