package analysis

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/lang"
)

// This file defines the values the features return.

// Hover is the text shown for a position, and the range it is about.
type Hover struct {
	Markdown string
	Range    hcl.Range
}

// CompletionKind says what a completion inserts.
type CompletionKind int

const (
	CompleteBlock CompletionKind = iota + 1
	CompleteAttribute
	CompleteValue
	CompleteReference
)

// Completion is one proposal at the cursor. Insert replaces Replace (the
// part of the word already typed); Snippet, when set, is the same insertion
// with tab stops in the LSP snippet syntax.
type Completion struct {
	Label   string
	Kind    CompletionKind
	Detail  string
	Doc     string // markdown
	Insert  string
	Snippet string
	Replace hcl.Range
}

// Lens is a line of figures shown above a block. With a Command it is a
// button that runs the command with Args.
type Lens struct {
	Range   hcl.Range
	Title   string
	Command string
	Args    []any
}

// InlayHint is a label shown inline at a position, after the text there.
type InlayHint struct {
	Pos     hcl.Pos
	Label   string
	Tooltip string
}

// Edit replaces the text in Range (in Range.Filename) with NewText. An
// insertion has an empty range.
type Edit struct {
	Range   hcl.Range
	NewText string
}

// ActionKind is the kind of a code action.
type ActionKind string

const (
	QuickFix ActionKind = "quickfix"
)

// Action is a code action: a titled set of edits, with the diagnostic it
// resolves when it is a quick fix.
//
// The actions that write text (a counter-proposal, scripts, emails) are
// lazy: Edits is empty until Resolve computes it, so that listing the
// actions at the cursor costs no text. An editor that can resolve a code
// action later (LSP codeAction/resolve) asks for it when the user picks
// one; otherwise Eager resolves them all.
type Action struct {
	Title     string
	Kind      ActionKind
	Edits     []Edit
	Diag      *lang.Diagnostic
	Preferred bool

	resolve func() ([]Edit, error) // set on a lazy action until resolved
}

// Lazy reports whether the action's edits are still to be computed.
func (a *Action) Lazy() bool { return a.resolve != nil }

// Resolve computes the edits of a lazy action; other actions are left as
// they are.
func (a *Action) Resolve() error {
	if a.resolve == nil {
		return nil
	}
	edits, err := a.resolve()
	if err != nil {
		return err
	}
	a.Edits, a.resolve = edits, nil
	return nil
}

// Eager resolves every lazy action and leaves out those that cannot be
// written (a counter whose text cannot be drafted).
func Eager(actions []Action) []Action {
	out := actions[:0:0]
	for _, a := range actions {
		if a.Resolve() == nil {
			out = append(out, a)
		}
	}
	return out
}

// SymbolKind is the kind of a document symbol.
type SymbolKind int

const (
	SymbolOffer SymbolKind = iota + 1
	SymbolCounter
	SymbolCandidate
	SymbolBandData // band, cap, schedule and source blocks
	SymbolBlock    // a nested block: sign_on, equity
	SymbolAttribute
)

// Symbol is an outline entry.
type Symbol struct {
	Name      string
	Detail    string
	Kind      SymbolKind
	Range     hcl.Range // the whole block or attribute
	Selection hcl.Range // its name or label
	Children  []Symbol
}
