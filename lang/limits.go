package lang

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
)

// Limits bound what offerkit reads, so that hostile input yields a located
// diagnostic instead of a crash, a hang or an exhausted memory. hclsyntax's
// parser recurses once per bracket and per operator, and its syntax tree
// and go-cty's values take a few hundred bytes per number, name or
// operator: these limits are checked on the text, before the parser runs,
// by one streaming scan (scan.go) that sees the text as the parser will.
// docs/format.md and docs/security.md list them with their reasons.
const (
	MaxFileSize = 4 << 20 // bytes per file
	// MaxNesting bounds brackets, braces, parentheses, template sequences
	// ("${", "%{") and template directives (if, for) open at once.
	MaxNesting = 64
	// MaxListItems bounds the items of one list, object or call (a
	// schedule has a few dozen).
	MaxListItems = 1000
	// MaxOperators bounds the operators of one attribute.
	MaxOperators = 256
	// MaxAttributeNodes bounds the numbers, names, strings and operators
	// of one attribute.
	MaxAttributeNodes = 4000
	// MaxFileNodes bounds them in one file.
	MaxFileNodes = 20000
	// MaxTemplateParts bounds the pieces of text of the strings and
	// heredocs of one attribute (a heredoc's lines, the text between its
	// "${...}" and each lone "$" or "%"): hclsyntax joins them in time
	// that grows with the square of their number.
	MaxTemplateParts = 500
	// maxTemplateWork bounds pieces times bytes, what joining them costs.
	maxTemplateWork = 1 << 28
	// MaxItems bounds the attributes and blocks of one file (counted by
	// their "=" and "{").
	MaxItems = 5000
)

// limitCheck follows the scan and stops at the first limit passed.
type limitCheck struct {
	src   []byte
	open  [MaxNesting]scanTok // what is open, innermost last
	items [MaxNesting]int     // the commas seen directly inside each
	depth int

	attrOps, attrNodes, attrParts, attrText int // since the attribute began
	fileNodes, fileItems                    int

	filename string
	diag     *Diagnostic // the first limit passed
}

// checkLimits scans src and returns the first limit it passes, as an error
// at the token past the limit.
func checkLimits(filename string, src []byte) *Diagnostic {
	c := limitCheck{src: src, filename: filename}
	scan(src, c.token)
	return c.diag
}

// fail records the first limit passed and stops the scan.
func (c *limitCheck) fail(d *Diagnostic) bool {
	c.diag = d
	return false
}

// rng is the range of the token at src[start:end].
func (c *limitCheck) rng(start, end int) hcl.Range {
	return hcl.Range{Filename: c.filename, Start: PosAt(c.src, start), End: PosAt(c.src, end)}
}

// token takes one token of the scan; it returns false at the first limit
// passed.
func (c *limitCheck) token(t scanTok, start, end int) bool {
	switch t {
	case tokOBrace, tokOBrack, tokOParen:
		if t == tokOBrace {
			if c.fileItems++; c.fileItems > MaxItems {
				return c.fail(errorf("too-many-items", c.rng(start, end), "Too many attributes and blocks", fmt.Sprintf("The file holds more than %d attributes and blocks; offer files need a few dozen. Split it into several files.", MaxItems)))
			}
		}
		return c.push(t, start, end)
	case tokKeyword:
		// A directive's keyword follows its "%{", which is open: "if" and
		// "for" open a directive under it, "endif" and "endfor" close
		// the one under it.
		return c.keyword(string(c.src[start:end]), start, end)
	case tokCBrace:
		c.close(tokOBrace, tokOBrace)
	case tokCBrack:
		c.close(tokOBrack, tokOBrack)
	case tokCParen:
		c.close(tokOParen, tokOParen)
	case tokSeqEnd:
		c.close(tokInterp, tokControl)
	case tokComma:
		if c.depth > 0 {
			if c.items[c.depth-1]++; c.items[c.depth-1] >= MaxListItems {
				return c.fail(errorf("list-too-long", c.rng(start, end), "List too long", fmt.Sprintf("More than %d items in one list, object or call; a schedule has a few dozen. Shorten it.", MaxListItems)))
			}
		}
	case tokNewline:
		// A line break ends an attribute at the top of a block (or of an
		// object); inside brackets the expression goes on.
		if c.depth == 0 || c.open[c.depth-1] == tokOBrace {
			c.attrOps, c.attrNodes, c.attrParts, c.attrText = 0, 0, 0, 0
		}
	case tokEqual:
		if c.fileItems++; c.fileItems > MaxItems {
			return c.fail(errorf("too-many-items", c.rng(start, end), "Too many attributes and blocks", fmt.Sprintf("The file holds more than %d attributes and blocks; offer files need a few dozen. Split it into several files.", MaxItems)))
		}
	case tokOperator:
		if c.attrOps++; c.attrOps > MaxOperators {
			return c.fail(errorf("expression-too-complex", c.rng(start, end), "Expression too complex", fmt.Sprintf("More than %d operators in one attribute; an offer needs a handful. Write the figure as a plain number.", MaxOperators)))
		}
		return c.node(start, end)
	case tokPart, tokInterp, tokControl:
		c.attrText += end - start
		if c.attrParts++; c.attrParts > MaxTemplateParts || c.attrParts*c.attrText > maxTemplateWork {
			return c.fail(errorf("template-too-long", c.rng(start, end), "Text too long", fmt.Sprintf("More than %d lines or pieces of text in the strings and heredocs of one attribute. Shorten the text or split it over several attributes.", MaxTemplateParts)))
		}
		if t != tokPart {
			return c.push(t, start, end)
		}
	case tokValue, tokOQuote, tokOHeredoc:
		return c.node(start, end)
	}
	return true
}

// node counts a number, name, string or operator.
func (c *limitCheck) node(start, end int) bool {
	if c.attrNodes++; c.attrNodes > MaxAttributeNodes {
		return c.fail(errorf("expression-too-complex", c.rng(start, end), "Expression too complex", fmt.Sprintf("More than %d numbers, names, strings and operators in one attribute; an offer needs a handful. Shorten the expression.", MaxAttributeNodes)))
	}
	if c.fileNodes++; c.fileNodes > MaxFileNodes {
		return c.fail(errorf("file-too-complex", c.rng(start, end), "File too complex", fmt.Sprintf("More than %d numbers, names, strings and operators in one file; offer files need a few hundred. Split it into several files.", MaxFileNodes)))
	}
	return true
}

func (c *limitCheck) push(t scanTok, start, end int) bool {
	if c.depth == MaxNesting {
		return c.fail(errorf("nesting-too-deep", c.rng(start, end), "Nesting too deep", fmt.Sprintf("More than %d brackets, braces, parentheses, template sequences and directives are open here. Offer files are flat; close what is open or simplify the expression.", MaxNesting)))
	}
	c.open[c.depth], c.items[c.depth] = t, 0
	c.depth++
	return true
}

// close closes what is innermost when a matches it (b for a template
// sequence's two openers). A closer that does not match is left alone:
// the parser stops there with an error and skips ahead, and counting on
// as if nothing had closed can only refuse more.
func (c *limitCheck) close(a, b scanTok) {
	if c.depth > 0 && (c.open[c.depth-1] == a || c.open[c.depth-1] == b) {
		c.depth--
	}
}

// tokDirective marks an if or for directive, which the template parser
// nests like a bracket until its endif or endfor.
const tokDirective scanTok = 255

func (c *limitCheck) keyword(kw string, start, end int) bool {
	switch kw {
	case "if", "for":
		// the directive goes under its "%{", which is innermost
		if !c.push(tokControl, start, end) {
			return false
		}
		c.open[c.depth-2] = tokDirective
	case "endif", "endfor":
		if c.depth >= 2 && c.open[c.depth-2] == tokDirective {
			c.open[c.depth-2] = tokControl
			c.depth--
		}
	}
	return true
}
