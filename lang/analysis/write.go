package analysis

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/offerkit/offerkit/engine/negotiate"
	"github.com/offerkit/offerkit/lang"
)

// This file drafts a script, an email or a counter-proposal and the edit
// that keeps it in a file, for the command line (offer script, email and
// counter with --write) and the editor's actions (draft.go) alike, and
// writes such edits to disk through lang's one atomic writer.

// Draft is a text drafted from the files, and the edit that keeps it in a
// block of a file.
type Draft struct {
	Subject string // an email's subject; "" for a script or a counter
	Text    string // the script, the email's body, or the counter block
	Into    string // where the edit puts it: `counter "round2"`, `offer "amazon_l6"`, the candidate block
	Edit    Edit   // Edit.Range.Filename is the file
}

// DraftFor names what a text is drafted for: a counter, or an offer alone
// (the asks stay placeholders), or neither: the workspace's latest counter,
// else its only offer (lang.Workspace.Facts).
type DraftFor struct{ Counter, Offer string }

func (to DraftFor) facts(ws *lang.Workspace) (*negotiate.Facts, *lang.Doc, error) {
	if to.Counter != "" && to.Offer != "" {
		return nil, nil, fmt.Errorf("give a counter or an offer, not both")
	}
	if to.Offer != "" {
		return ws.OfferFacts(to.Offer)
	}
	return ws.Facts(to.Counter)
}

// DraftScript drafts the script for a lever, or with "questions" the
// answers to the recruiter's questions. A lever's script goes in the
// counter (or, for an offer alone, the offer block); the answers go in the
// candidate block, which is added after the document when there is none.
func DraftScript(ws *lang.Workspace, to DraftFor, lever string) (*Draft, error) {
	f, doc, err := to.facts(ws)
	if err != nil {
		return nil, err
	}
	return draftScript(ws, f, doc, lever)
}

// DraftEmail drafts an email (round1, followup or accept) into the counter,
// or for an offer alone into the offer block.
func DraftEmail(ws *lang.Workspace, to DraftFor, kind string) (*Draft, error) {
	f, doc, err := to.facts(ws)
	if err != nil {
		return nil, err
	}
	return draftEmail(f, doc, kind)
}

func draftScript(ws *lang.Workspace, f *negotiate.Facts, doc *lang.Doc, lever string) (*Draft, error) {
	if lever == "questions" {
		return draftAnswers(ws, f, doc)
	}
	s, err := negotiate.ScriptFor(f, lever)
	if err != nil {
		return nil, err
	}
	t := textsOf(doc)
	e, err := scriptEdit(t.file, t.node, t.texts, t.owner, lever, s.Text)
	return &Draft{Text: s.Text, Into: t.owner, Edit: e}, err
}

func draftEmail(f *negotiate.Facts, doc *lang.Doc, kind string) (*Draft, error) {
	m, err := negotiate.EmailFor(f, kind)
	if err != nil {
		return nil, err
	}
	t := textsOf(doc)
	e, err := emailEdit(t.file, t.node, t.texts, t.owner, kind, m.Subject, m.Body)
	return &Draft{Subject: m.Subject, Text: m.Body, Into: t.owner, Edit: e}, err
}

// draftAnswers puts script "questions" in the candidate block, or adds a
// candidate block holding it at the end of doc's file.
func draftAnswers(ws *lang.Workspace, f *negotiate.Facts, doc *lang.Doc) (*Draft, error) {
	text := negotiate.AnswersText(f)
	d := &Draft{Text: text, Into: "the candidate block"}
	if _, c := ws.Candidate(); c != nil {
		var err error
		d.Edit, err = scriptEdit(c.File, &c.Node, &c.Texts, "The candidate block", "questions", text)
		return d, err
	}
	file := textsOf(doc).file
	script := textBlock("script", "questions", func(b *hclwrite.Body) { b.SetAttributeRaw("text", heredoc(text)) })
	block := "candidate {\n" + blockText(script, indentUnit) + "}\n"
	e := &editor{src: file.Src, name: file.Name}
	at := len(file.Src)
	switch {
	case at == 0:
	case file.Src[at-1] != '\n':
		block = "\n\n" + block
	default:
		block = "\n" + block
	}
	d.Edit = e.insert(at, block)
	return d, nil
}

// target is the block a drafted text goes in.
type target struct {
	file  *lang.File
	node  *lang.Node
	texts *lang.Texts
	owner string
}

// textsOf returns doc's block: the counter, or the offer.
func textsOf(doc *lang.Doc) target {
	if doc.Kind == "counter" {
		c := doc.Counter
		return target{c.File, &c.Node, &c.Texts, fmt.Sprintf("counter %q", c.Name)}
	}
	o := doc.Offer
	return target{o.File, &o.Node, &o.Texts, fmt.Sprintf("offer %q", o.Name)}
}

// DraftCounter drafts the counter-proposal to an offer that "Insert
// counter-proposal" inserts (engine.DraftCounter through counterEdit): the
// edit puts it on the line after the offer. The error is a
// *lang.NoFiguresError when the offer has no figures (the files have
// errors).
func DraftCounter(ws *lang.Workspace, offer string) (*Draft, error) {
	var names []string
	for _, r := range ws.CheckAll() {
		for _, d := range r.Docs {
			if d.Kind != "offer" {
				continue
			}
			if d.Name != offer {
				names = append(names, d.Name)
				continue
			}
			if d.Incomplete() {
				return nil, &lang.NoFiguresError{Doc: d}
			}
			e, text := counterEdit(ws, r, d)
			return &Draft{Text: text, Into: fmt.Sprintf("after offer %q", offer), Edit: e}, nil
		}
	}
	msg := fmt.Sprintf("no offer is named %q", offer)
	if len(names) > 0 {
		msg += "; offers: " + strings.Join(names, ", ")
	}
	return nil, fmt.Errorf("%s", msg)
}

// keptTextActions returns the actions that draft a text into the block at
// pos when it is not a counter: in the version you accepted (an offer with
// accepted = "YYYY-MM-DD", without errors), "Draft acceptance email"
// (offer email accept --offer NAME --write); in the
// candidate block, "Insert answers to the recruiter's questions" (offer
// script questions --write).
func keptTextActions(ws *lang.Workspace, r *lang.Result, pos hcl.Pos) []Action {
	for _, d := range r.Docs {
		if d.Kind == "offer" && d.Node.Range.ContainsOffset(pos.Byte) && !d.Incomplete() && !d.Offer.Version.Accepted.IsZero() {
			return []Action{{Title: "Draft acceptance email", Kind: SourceDraft, resolve: func() ([]Edit, error) {
				dr, err := DraftEmail(ws, DraftFor{Offer: d.Name}, "accept")
				if err != nil {
					return nil, err
				}
				return []Edit{dr.Edit}, nil
			}}}
		}
	}
	if r.File == nil {
		return nil
	}
	for _, c := range r.File.Candidates {
		if c.Range.ContainsOffset(pos.Byte) {
			return []Action{{Title: "Insert answers to the recruiter's questions", Kind: SourceDraft, resolve: func() ([]Edit, error) {
				dr, err := DraftScript(ws, DraftFor{}, "questions")
				if err != nil {
					return nil, err
				}
				return []Edit{dr.Edit}, nil
			}}}
		}
	}
	return nil
}

// WriteEdits applies edits made against src (the file as the workspace
// read it) to the file at path, through lang's atomic writer and its rules
// (docs/security.md): never through a symbolic link, a read-only file only
// when forced, the mode kept, and nothing written when the file changed on
// disk since it was read or when the result would not parse. It reports
// whether the file changed: edits that leave it as it is write nothing.
func WriteEdits(path string, src []byte, edits []Edit, force bool) (bool, error) {
	snap, err := lang.ReadSnapshot(path)
	if err != nil {
		return false, err
	}
	if !bytes.Equal(snap.Data, src) {
		return false, fmt.Errorf("%s: %w", path, lang.ErrChanged)
	}
	out := Apply(src, edits)
	if bytes.Equal(out, src) {
		return false, nil
	}
	if _, diags := hclsyntax.ParseConfig(out, path, hcl.InitialPos); diags.HasErrors() {
		return false, fmt.Errorf("%s: the edit would leave a syntax error (%s); not written", path, diags[0].Summary)
	}
	if err := snap.Writable(force); err != nil {
		return false, err
	}
	if err := snap.Replace(out); err != nil {
		return false, fmt.Errorf("%s: %w", path, err)
	}
	return true, nil
}
