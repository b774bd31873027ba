package lang

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/engine/negotiate"
	"github.com/zclconf/go-cty/cty"
)

// This file decodes the blocks issue 4 added: the non-money levers (bonus,
// flexibility, promotion), a counter's script and email blocks with their
// placeholders, and the policy block of band files.

// termValues are the non-money lever blocks of an offer or counter; nil
// where absent.
type termValues struct {
	bonus     *engine.BonusChange
	flex      *engine.Flexibility
	promotion *engine.Promotion
}

func (d *decoder) terms(n *Node) termValues {
	var tv termValues
	if b := n.Block("bonus"); b != nil {
		tv.bonus = &engine.BonusChange{}
		tv.bonus.GuaranteedYear1 = decodePtr(b, "guaranteed_year1", d.money)
		if a := b.Attr("refresher"); a != nil {
			if m, ok := d.money(a); ok {
				tv.bonus.Refresher = &m
				d.deprecatedRefresher(n, a, m)
			}
		}
	}
	if b := n.Block("flexibility"); b != nil {
		fl := &engine.Flexibility{}
		decodeInto(b, "remote", &fl.Remote, d.boolean)
		if a := b.Attr("office_days"); a != nil {
			if v, ok := d.integer(a, 0, 5); ok {
				fl.OfficeDays, fl.HasOfficeDays = v, true
			}
		}
		decodeInto(b, "relocation_items", &fl.RelocationItems, d.strList)
		if fl.Remote && fl.HasOfficeDays && fl.OfficeDays > 0 {
			d.add(errorf("conflicting-attributes", b.Attr("office_days").Range, "Remote with office days",
				"A fully remote role has no office days. Set remote = false for a hybrid schedule, or remove office_days."))
		}
		tv.flex = fl
	}
	if b := n.Block("promotion"); b != nil {
		p := &engine.Promotion{}
		decodeInto(b, "level", &p.Level, d.str)
		if a := b.Attr("months"); a != nil {
			p.Months, _ = d.integer(a, 1, 60)
		}
		tv.promotion = p
	}
	return tv
}

// boolean decodes a true/false attribute.
func (d *decoder) boolean(a *AttrNode) (bool, bool) {
	v, ok := d.value(a.Expr)
	if !ok {
		return false, false
	}
	if v.IsNull() || v.Type() != cty.Bool {
		d.wrongType(a, KindBool, typeName(v))
		return false, false
	}
	return v.True(), true
}

// strList decodes a list of strings.
func (d *decoder) strList(a *AttrNode) ([]string, bool) {
	vals, rngs, ok := d.elements(a, KindStringList)
	if !ok {
		return nil, false
	}
	var out []string
	good := true
	for i, v := range vals {
		if v.IsNull() || v.Type() != cty.String {
			d.add(errorf("wrong-type", rngs[i], "Wrong type in "+a.Name,
				fmt.Sprintf("%s lists strings, such as [\"Moving costs\", \"Temporary housing\"]; item %d is %s.", a.Name, i+1, typeName(v))))
			good = false
			continue
		}
		out = append(out, v.AsString())
	}
	return out, good
}

// TextDoc is a decoded script or email block of a counter, an offer or
// the candidate block.
type TextDoc struct {
	Node
	Label   string // the lever of a script, the kind of an email
	Text    string // a script's text, an email's body
	Subject string // an email's subject
}

// ScriptLabels are the labels a script block may have: a lever, or
// "questions" (the answers to the recruiter's questions).
var ScriptLabels = append(append([]string(nil), engine.LeverNames...), "questions")

// texts decodes the script and email blocks of n (a counter, an offer or
// the candidate block; owner names it in messages), checks their labels
// and reports every placeholder left in them.
func (d *decoder) texts(f *File, owner string, n *Node, doc *Texts) {
	seen := map[string]*Node{}
	for _, c := range n.Children {
		if c.Type != "script" && c.Type != "email" {
			continue
		}
		td := &TextDoc{Node: *c, Label: c.Labels[0]}
		allowed := ScriptLabels
		if c.Type == "email" {
			allowed = negotiate.EmailKinds
		}
		if !contains(allowed, td.Label) {
			msg := fmt.Sprintf("%q is not a %s. ", td.Label, map[string]string{"script": "lever", "email": "kind of email"}[c.Type])
			if s := suggest(td.Label, allowed); s != "" {
				msg += fmt.Sprintf("Did you mean %q? ", s)
			}
			d.add(errorf("invalid-value", c.LabelRanges[0], "Unknown "+c.Type+" label", msg+"Use one of: "+strings.Join(allowed, ", ")+"."))
		}
		key := c.Type + " " + td.Label
		if prev := seen[key]; prev != nil {
			d.add(errorf("duplicate-block", c.DefRange(), "Duplicate "+c.Type+" block",
				fmt.Sprintf("%s already has %s %q (line %d). Keep one of them.", owner, c.Type, td.Label, prev.DefRange().Start.Line)))
		}
		seen[key] = c
		for _, name := range []string{"text", "subject", "body"} {
			a := c.Attr(name)
			if a == nil {
				continue
			}
			s, ok := d.str(a)
			if !ok {
				continue
			}
			switch name {
			case "subject":
				td.Subject = s
			default:
				td.Text = s
			}
			d.placeholders(f, a)
		}
		if c.Type == "script" {
			doc.Scripts = append(doc.Scripts, td)
		} else {
			doc.Emails = append(doc.Emails, td)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// placeholders reports each [[...]] in an attribute's source text at its
// exact range.
func (d *decoder) placeholders(f *File, a *AttrNode) {
	r := a.ValueRange
	if r.End.Byte > len(f.Src) || r.Start.Byte > r.End.Byte {
		return
	}
	src := f.Src[r.Start.Byte:r.End.Byte]
	for _, m := range negotiate.PlaceholderPattern.FindAllIndex(src, -1) {
		start := Advance(r.Start, src[:m[0]])
		end := Advance(start, src[m[0]:m[1]])
		rng := hcl.Range{Filename: r.Filename, Start: start, End: end}
		d.add(&Diagnostic{Code: "unfilled-placeholder", Severity: engine.Warning, Summary: "Unfilled placeholder", Subject: rng,
			Detail: fmt.Sprintf("%s is still a placeholder. Replace it with your own words (or delete the sentence) before you send the text.", src[m[0]:m[1]])})
	}
}

// PolicyDoc is a decoded policy block.
type PolicyDoc struct {
	Node
	Approval []engine.Tier          // nil when the block states no tiers
	Room     map[string]engine.Room // by lever
}

func (d *decoder) policy(n *Node) *PolicyDoc {
	doc := &PolicyDoc{Node: *n, Room: map[string]engine.Room{}}
	var tiers []engine.Tier
	good := true
	var prev *engine.Dec
	approvals := 0
	for _, c := range n.Children {
		if c.Type == "approval" {
			approvals++
		}
	}
	i := 0
	for _, c := range n.Children {
		switch c.Type {
		case "approval":
			i++
			t := engine.Tier{}
			decodeInto(c, "who", &t.Who, d.str)
			a := c.Attr("up_to")
			switch {
			case a == nil && i < approvals:
				d.add(errorf("missing-attribute", c.DefRange(), "Missing up_to",
					"Only the last approval tier may leave out up_to; give this one the largest increase it covers, in percent."))
				good = false
			case a != nil:
				x, ok := d.dec(a, false, KindPercent)
				if !ok {
					good = false
					break
				}
				if x.Sign() == 0 || (prev != nil && x.Cmp(*prev) <= 0) {
					d.add(errorf("invalid-value", a.ValueRange, "Tiers out of order",
						fmt.Sprintf("up_to is %s%%; each tier must cover more than the one before it and more than 0%%. List the tiers from the smallest.", x)))
					good = false
				}
				t.UpTo, prev = x, &x
			}
			tiers = append(tiers, t)
		case "room":
			lever := c.Labels[0]
			if !contains(RoomLevers, lever) {
				msg := fmt.Sprintf("%q has no usual room in offerkit.", lever)
				if s := suggest(lever, RoomLevers); s != "" {
					msg += fmt.Sprintf(" Did you mean %q?", s)
				}
				d.add(errorf("invalid-value", c.LabelRanges[0], "Unknown lever", msg+" Rooms are for: "+strings.Join(RoomLevers, ", ")+"."))
				continue
			}
			lo, hi := c.Attr("low"), c.Attr("high")
			if lo == nil || hi == nil {
				continue
			}
			l, ok1 := d.dec(lo, false, KindPercent)
			h, ok2 := d.dec(hi, false, KindPercent)
			if !ok1 || !ok2 {
				continue
			}
			if l.Cmp(h) > 0 {
				d.add(errorf("invalid-value", lo.Range, "Room upside down",
					fmt.Sprintf("low (%s%%) is above high (%s%%); write the low end of the room first.", l, h)))
				continue
			}
			doc.Room[lever] = engine.Room{Lo: l, Hi: h}
		}
	}
	if good && len(tiers) > 0 {
		doc.Approval = tiers
	}
	return doc
}
