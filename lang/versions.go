package lang

import (
	"fmt"
	"sort"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/engine/negotiate"
)

// This file resolves the versions of an employer's offer: an offer block
// with `revises = offer.<name>` restates what changed and inherits the
// rest from the version it revises, across the files of a workspace. A
// chain starts at an offer without `revises`.

// Version is where an offer block stands in its chain of versions.
type Version struct {
	Doc    *OfferDoc
	Parent *OfferDoc // the version it revises; nil for a first version or a broken reference
	Root   *OfferDoc // the chain's first version; the block itself for a first version
	Number int       // 1 for the first version, 2 for its first revision, ...
	// Offer is the version as it stands: what the block states over what it
	// inherits. Its schedule is resolved by the checker from Schedule.
	Offer    engine.Offer
	Schedule ScheduleRef
	// Broken is set when the chain cannot be followed (a cycle, a missing
	// version, another company's offer): the figures are the block's own.
	Broken bool
	cause  string        // the code of what broke it
	diags  []*Diagnostic // reported in the block's file
}

// Label says which version an offer is, such as "revision 2 of amazon_l6";
// "" for a first version.
func (v *Version) Label() string {
	if v == nil || v.Number < 2 || v.Root == nil {
		return ""
	}
	return fmt.Sprintf("revision %d of %s", v.Number, v.Root.Name)
}

// Chain is the versions of one employer's offer, first version first
// (by version number, then date received, then file order).
type Chain struct {
	Root     *OfferDoc
	Versions []*Version
}

// Latest returns the chain's latest version.
func (c *Chain) Latest() *Version { return c.Versions[len(c.Versions)-1] }

// Accepted returns the chain's accepted version, or nil.
func (c *Chain) Accepted() *Version {
	for _, v := range c.Versions {
		if !v.Doc.Version.Accepted.IsZero() {
			return v
		}
	}
	return nil
}

// Current returns the version that stands for the chain: its accepted
// version, else its latest.
func (c *Chain) Current() *Version {
	if a := c.Accepted(); a != nil {
		return a
	}
	return c.Latest()
}

// Company returns the chain's company as its versions state it.
func (c *Chain) Company() string { return c.Latest().Offer.Company }

// resolveVersions builds the versions and chains of the index's offers.
func (ix *index) resolveVersions() {
	ix.versions = make(map[*OfferDoc]*Version, len(ix.offers))
	state := map[*OfferDoc]int{} // 1 resolving, 2 done
	var resolve func(o *OfferDoc) *Version
	resolve = func(o *OfferDoc) *Version {
		if v := ix.versions[o]; v != nil && state[o] == 2 {
			return v
		}
		v := &Version{Doc: o, Root: o, Number: 1, Offer: o.Offer, Schedule: o.Schedule}
		ix.versions[o] = v
		ref := o.Version.Revises
		if ref == "" {
			state[o] = 2
			return v
		}
		state[o] = 1
		defer func() { state[o] = 2 }()
		parent := ix.offers[ref]
		switch {
		case parent == nil:
			v.Broken, v.Root, v.cause = true, nil, "unknown-reference"
			msg := fmt.Sprintf("No offer block is named %q in this workspace.", ref)
			if s := suggest(ref, ix.offerList); s != "" {
				msg += fmt.Sprintf(" Did you mean offer.%s?", s)
			}
			v.diags = append(v.diags, errorf("unknown-reference", o.Version.RevisesRange, "Unknown offer", msg+" A revision names the earlier version of the same employer's offer."))
			return v
		case state[parent] == 1 || parent == o:
			v.Broken, v.Root, v.cause = true, nil, "revision-cycle"
			v.diags = append(v.diags, errorf("revision-cycle", o.Version.RevisesRange, "Versions revise each other",
				fmt.Sprintf("Offer %q revises offer %q, which leads back to %q. One version of the chain must be the first: remove its revises.", o.Name, ref, o.Name)))
			return v
		}
		pv := resolve(parent)
		if pv.Broken {
			v.Broken, v.Root, v.cause = true, nil, pv.cause
			v.diags = append(v.diags, errorf(pv.cause, o.Version.RevisesRange, "Chain of versions broken",
				fmt.Sprintf("Offer %q revises %q, whose own chain of versions cannot be followed (%s); fix that offer's revises.", o.Name, ref, pv.cause)))
			return v
		}
		if o.Attr("company") != nil && pv.Offer.Company != "" && !engine.SameCompany(o.Offer.Company, pv.Offer.Company) {
			v.Broken, v.Root, v.cause = true, nil, "revision-company"
			v.diags = append(v.diags, errorf("revision-company", o.Attr("company").ValueRange, "Revision of another company's offer",
				fmt.Sprintf("Offer %q revises %q, an offer from %s, but names %s. A revision is the same employer's new version; for another employer's offer remove revises.", o.Name, ref, pv.Offer.Company, o.Offer.Company)))
			return v
		}
		v.Parent, v.Root, v.Number = parent, pv.Root, pv.Number+1
		v.Offer, v.Schedule = inherit(pv, o), pv.Schedule
		if o.Schedule.Set {
			v.Schedule = o.Schedule
		}
		return v
	}
	for _, f := range ix.files {
		for _, o := range f.Offers {
			resolve(o)
		}
	}
	ix.chainOf = map[*OfferDoc]*Chain{}
	for _, name := range ix.offerList {
		v := ix.versions[ix.offers[name]]
		if v.Root == nil {
			continue
		}
		ch := ix.chainOf[v.Root]
		if ch == nil {
			ch = &Chain{Root: v.Root}
			ix.chainOf[v.Root] = ch
			ix.chains = append(ix.chains, ch)
		}
		ch.Versions = append(ch.Versions, v)
	}
	for _, ch := range ix.chains {
		sort.SliceStable(ch.Versions, func(i, j int) bool {
			a, b := ch.Versions[i], ch.Versions[j]
			if a.Number != b.Number {
				return a.Number < b.Number
			}
			return a.Offer.Received.Before(b.Offer.Received)
		})
		for _, v := range ch.Versions[1:] {
			ix.chainOf[v.Doc] = ch
		}
	}
	ix.outcomes()
}

// inherit returns a revision as it stands: the block's own statements over
// the version it revises. received and expires are each version's own.
func inherit(parent *Version, o *OfferDoc) engine.Offer {
	off := o.Version.Change.Apply(parent.Offer)
	off.Name = o.Name
	for _, s := range [...]struct {
		name     string
		dst, own *string
	}{{"company", &off.Company, &o.Offer.Company}, {"track", &off.Track, &o.Offer.Track},
		{"location", &off.Location, &o.Offer.Location}, {"currency", &off.Currency, &o.Offer.Currency}} {
		if o.Attr(s.name) != nil {
			*s.dst = *s.own
		}
	}
	off.Received, off.Expires = o.Offer.Received, o.Offer.Expires
	return off
}

// outcomes checks the accepted dates: at most one accepted version per
// company, and an accepted version that a later one revises is a warning.
func (ix *index) outcomes() {
	first := map[string]*Version{}
	for _, name := range ix.offerList {
		v := ix.versions[ix.offers[name]]
		if v.Doc.Version.Accepted.IsZero() {
			continue
		}
		key := engine.CompanyKey(v.Offer.Company)
		if key == "" {
			key = "offer " + name
			if v.Root != nil {
				key = "offer " + v.Root.Name
			}
		}
		if prev := first[key]; prev != nil {
			v.diags = append(v.diags, errorf("accepted-twice", v.Doc.Version.AcceptedRange, "Second accepted version",
				fmt.Sprintf("Offer %q is already recorded as accepted (%s:%d); at most one version of an employer's offers is accepted. Remove one of the accepted dates.",
					prev.Doc.Name, prev.Doc.File.Name, prev.Doc.Version.AcceptedRange.Start.Line)))
			continue
		}
		first[key] = v
		if ch := ix.chainOf[v.Root]; ch != nil && v.Root != nil && ch.Latest().Number > v.Number {
			later := ch.Latest()
			d := errorf("accepted-earlier", v.Doc.Version.AcceptedRange, "An earlier version is accepted",
				fmt.Sprintf("Offer %q is accepted, but %q (version %d) revises it later. Check that the accepted date is on the version you signed.", v.Doc.Name, later.Doc.Name, later.Number))
			d.Severity = engine.Warning
			v.diags = append(v.diags, d)
		}
	}
}

// Version returns the version of the named offer, or nil.
func (w *Workspace) Version(name string) *Version {
	w.mu.Lock()
	defer w.mu.Unlock()
	ix := w.index()
	if o := ix.offers[name]; o != nil {
		return ix.versions[o]
	}
	return nil
}

// Chains returns the workspace's version chains, in the order of their
// first versions' names.
func (w *Workspace) Chains() []*Chain {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.index().chains
}

// ChainOf returns the chain an offer belongs to, or nil when its chain is
// broken.
func (w *Workspace) ChainOf(name string) *Chain {
	w.mu.Lock()
	defer w.mu.Unlock()
	ix := w.index()
	if o := ix.offers[name]; o != nil {
		if v := ix.versions[o]; v != nil && v.Root != nil {
			return ix.chainOf[v.Root]
		}
	}
	return nil
}

// laterVersions returns the names of the offers of f and of every offer
// that revises one of them, directly or through other versions: the blocks
// whose figures change with f.
func laterVersions(files []*File, f *File) map[string]bool {
	set := map[string]bool{}
	if f == nil {
		return set
	}
	for _, o := range f.Offers {
		set[o.Name] = true
	}
	for grew := true; grew; {
		grew = false
		for _, g := range files {
			for _, o := range g.Offers {
				if r := o.Version.Revises; r != "" && set[r] && !set[o.Name] {
					set[o.Name], grew = true, true
				}
			}
		}
	}
	return set
}

// usesVersions reports whether a file holds a revision or a counter of one
// of the named offers.
func usesVersions(f *File, names map[string]bool) bool {
	for _, o := range f.Offers {
		if names[o.Version.Revises] || names[o.Name] && o.Version.IsRevision() {
			return true
		}
	}
	for _, c := range f.Counters {
		if names[c.OfferRef] {
			return true
		}
	}
	return false
}

// CurrentVersions keeps, of a list of checked offers, the one that stands
// for each chain (its accepted version, else its latest), in the order of
// the chains' first appearance. Offers whose chain is broken stand alone.
func CurrentVersions(offers []*Doc) []*Doc {
	var out []*Doc
	at := map[*OfferDoc]int{}
	for _, d := range offers {
		if d.Kind != "offer" {
			continue
		}
		v := d.Version
		if v == nil || v.Root == nil {
			out = append(out, d)
			continue
		}
		i, seen := at[v.Root]
		if !seen {
			at[v.Root] = len(out)
			out = append(out, d)
			continue
		}
		if standsBefore(d, out[i]) {
			out[i] = d
		}
	}
	return out
}

// standsBefore reports whether version a stands for its chain rather than
// b: an accepted version, else the later one.
func standsBefore(a, b *Doc) bool {
	aa, ba := !a.Offer.Version.Accepted.IsZero(), !b.Offer.Version.Accepted.IsZero()
	if aa != ba {
		return aa
	}
	if a.Version.Number != b.Version.Number {
		return a.Version.Number > b.Version.Number
	}
	return b.Analysis.Offer.Received.Before(a.Analysis.Offer.Received)
}

// Competitors returns the offers that compete with an offer of the named
// company: the version standing for each chain of another company. An
// offer whose company is not stated competes with every named one, and
// none competes with an offer of an unstated company that is in its own
// chain.
func Competitors(offers []*Doc, of *Doc) []*Doc {
	var out []*Doc
	company := of.Analysis.Offer.Company
	for _, d := range CurrentVersions(offers) {
		if d.Incomplete() || sameChain(d, of) || engine.SameCompany(d.Analysis.Offer.Company, company) {
			continue
		}
		if engine.CompanyKey(company) == "" && engine.CompanyKey(d.Analysis.Offer.Company) == "" {
			continue // two offers without a company: nothing says they are rivals
		}
		out = append(out, d)
	}
	return out
}

// sameChain reports whether two offers are versions of one chain.
func sameChain(a, b *Doc) bool {
	if a.Offer == b.Offer {
		return true
	}
	return a.Version != nil && b.Version != nil && a.Version.Root != nil && a.Version.Root == b.Version.Root
}

// versionFacts tells the texts which version of the employer's offer an
// acceptance accepts (the chain's accepted version, else its latest), the
// chain's first version, and whether any counter answered the chain.
func versionFacts(f *negotiate.Facts, answered *Doc, offers, counters []*Doc) {
	v := answered.Version
	if v == nil || v.Root == nil {
		return
	}
	var first, current *Doc
	for _, d := range CurrentVersions(offers) {
		if sameChain(d, answered) {
			current = d
		}
	}
	for _, d := range offers {
		if d.Offer == v.Root {
			first = d
		}
	}
	if current == nil || first == nil || current.Incomplete() || first.Incomplete() {
		return
	}
	f.Accepting, f.FirstVersion = &current.Analysis, &first.Analysis
	for _, c := range counters {
		if c.Version != nil && c.Version.Root == v.Root {
			f.Negotiated = true
		}
	}
}
