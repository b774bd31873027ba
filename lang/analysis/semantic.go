package analysis

import (
	"bytes"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// This file classifies the tokens of a file for semantic highlighting, so
// that an editor without the offer grammar still colours block types,
// attribute names, names, strings, numbers and comments. It works from
// the lexer's tokens alone, so it colours a file that does not parse.

// TokenType is a semantic token type; TokenTypes holds their LSP names, in
// order.
type TokenType int

const (
	TokenKeyword  TokenType = iota // a block type (offer, equity), true, false, null
	TokenProperty                  // an attribute name or an object key
	TokenString                    // a string or heredoc, quotes included
	TokenNumber
	TokenComment
	TokenVariable // a name: offer.<name>, a block's name label
	TokenOperator
)

// TokenTypes are the LSP names of the token types, indexed by TokenType.
var TokenTypes = []string{"keyword", "property", "string", "number", "comment", "variable", "operator"}

// TokenModifiers are the LSP names of the modifiers: bit 0 is
// "declaration" (an offer's or counter's name label).
var TokenModifiers = []string{"declaration"}

// SemanticToken is one coloured piece of text, on one line: Start and End
// are byte offsets in the file's text (a token spanning lines, such as a
// heredoc, is split at each line break, which is left out).
type SemanticToken struct {
	Start, End  int
	Type        TokenType
	Declaration bool
}

// Lexed is a text's tokens, lexed once for the features that read them
// (semantic tokens, folding and selection ranges): lexing a large file
// costs more than any of them.
type Lexed struct {
	src  []byte
	toks []token
}

// token is a lexer token kept small, since the server keeps a document's
// tokens (a token of hclsyntax holds its text and its file name, five
// times the size): byte offsets and lines (from 1).
type token struct {
	typ           hclsyntax.TokenType
	start, end    int32
	line, endLine int32
}

// rng is the token's range, with the byte offsets and lines (no columns):
// what the lsp package converts.
func (t token) rng() hcl.Range {
	return hcl.Range{Start: hcl.Pos{Line: int(t.line), Byte: int(t.start)}, End: hcl.Pos{Line: int(t.endLine), Byte: int(t.end)}}
}

// MaxLexBytes is the largest text lexed for semantic tokens, folding of
// comments and token-level selection. hclsyntax's lexer holds every token
// of a text at once (about 150 bytes each), so a 4 MiB file of short
// tokens took 270-540 MB in the server, and at 256 KiB a file of unary
// operators still took 99 MB (the hostile table's bar for it: 71 MB); a
// larger text gets no tokens (no
// semantic tokens, folds and selections from its syntax tree alone), as
// editors stop colouring very large files. A 3,000-line offer file is
// about 90 KiB.
const MaxLexBytes = 128 << 10

// Lex lexes a text of at most MaxLexBytes; a larger one has no tokens.
func Lex(src []byte) *Lexed {
	if len(src) > MaxLexBytes {
		return &Lexed{src: src}
	}
	toks, _ := hclsyntax.LexConfig(src, "", hcl.InitialPos)
	out := make([]token, len(toks))
	for i, t := range toks {
		out[i] = token{typ: t.Type, start: int32(t.Range.Start.Byte), end: int32(t.Range.End.Byte),
			line: int32(t.Range.Start.Line), endLine: int32(t.Range.End.Line)}
	}
	return &Lexed{src: src, toks: out}
}

// SemanticTokens returns the coloured tokens of the text in order.
func (l *Lexed) SemanticTokens() []SemanticToken {
	src, toks := l.src, l.toks
	var out []SemanticToken
	emit := func(t token, typ TokenType, decl bool) {
		start, end := int(t.start), int(t.end)
		for start < end {
			stop := end
			if i := bytes.IndexByte(src[start:end], '\n'); i >= 0 {
				stop = start + i
			}
			e := stop
			if e > start && src[e-1] == '\r' {
				e--
			}
			if e > start {
				out = append(out, SemanticToken{Start: start, End: e, Type: typ, Declaration: decl})
			}
			start = stop + 1
		}
	}
	lineStart := true // the next token starts a line (or follows "{")
	label := 0        // labels seen after a block type on this line; -1 outside a block header
	named := false    // the block type takes a name label (offer, counter)
	for i, t := range toks {
		next := hclsyntax.TokenEOF
		if i+1 < len(toks) {
			next = toks[i+1].typ
		}
		atStart := lineStart
		lineStart = t.typ == hclsyntax.TokenNewline || t.typ == hclsyntax.TokenOBrace || t.typ == hclsyntax.TokenComment
		if lineStart {
			label = -1
		}
		switch t.typ {
		case hclsyntax.TokenComment:
			emit(t, TokenComment, false)
		case hclsyntax.TokenNumberLit:
			emit(t, TokenNumber, false)
		case hclsyntax.TokenOQuote, hclsyntax.TokenQuotedLit, hclsyntax.TokenCQuote,
			hclsyntax.TokenOHeredoc, hclsyntax.TokenStringLit, hclsyntax.TokenCHeredoc:
			if label >= 0 && t.typ == hclsyntax.TokenOQuote {
				label++
			}
			emit(t, TokenString, false)
			if label == 1 && named && t.typ == hclsyntax.TokenQuotedLit {
				out[len(out)-1].Type, out[len(out)-1].Declaration = TokenVariable, true
			}
		case hclsyntax.TokenIdent:
			name := string(src[t.start:t.end])
			switch {
			case atStart && (next == hclsyntax.TokenEqual || next == hclsyntax.TokenColon):
				emit(t, TokenProperty, false)
			case atStart && (next == hclsyntax.TokenIdent || next == hclsyntax.TokenOQuote || next == hclsyntax.TokenOBrace):
				emit(t, TokenKeyword, false)
				label, named = 0, name == "offer" || name == "counter"
			case label >= 0:
				label++
				emit(t, TokenVariable, label == 1 && named)
			case name == "true" || name == "false" || name == "null":
				emit(t, TokenKeyword, false)
			default:
				emit(t, TokenVariable, false)
			}
		case hclsyntax.TokenPlus, hclsyntax.TokenMinus, hclsyntax.TokenStar, hclsyntax.TokenSlash, hclsyntax.TokenPercent,
			hclsyntax.TokenEqualOp, hclsyntax.TokenNotEqual, hclsyntax.TokenLessThan, hclsyntax.TokenLessThanEq,
			hclsyntax.TokenGreaterThan, hclsyntax.TokenGreaterThanEq, hclsyntax.TokenAnd, hclsyntax.TokenOr,
			hclsyntax.TokenBang, hclsyntax.TokenQuestion:
			emit(t, TokenOperator, false)
		}
	}
	return out
}
