package lang

import (
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/offerkit/offerkit/engine"
)

// Decode parses and decodes one file. It never fails: what could not be
// decoded is reported in File.Diags and left out of the model.
// A file whose name is neither *.offer.hcl nor *.bands.hcl is read as an
// offer file.
func Decode(filename string, src []byte) *File {
	return DecodeAs(filename, src, kindOrOffer(filename))
}

// kindOrOffer is the kind a file is decoded as: its name's, or an offer
// file's.
func kindOrOffer(filename string) FileKind {
	if kind, ok := KindOf(filename); ok {
		return kind
	}
	return OfferFile
}

// DecodeAs decodes a file as the given kind, whatever its name.
func DecodeAs(filename string, src []byte, kind FileKind) *File {
	return decodeAfter(nil, filename, src, kind)
}

// decodeAfter decodes a new text of a file; prev is its previous decoded
// form, or nil. When prev parsed without diagnostics, the parse reuses the
// syntax of the blocks the edit did not touch.
func decodeAfter(prev *File, filename string, src []byte, kind FileKind) *File {
	var prevSyntax *hcl.File
	if prev != nil && prev.cleanParse {
		prevSyntax = prev.Syntax
	}
	syn, diags := parseAfter(prevSyntax, filename, src)
	return decodeParsed(filename, src, kind, syn, diags, false)
}

// decodeParsed decodes a parsed file. slow turns off the literal fast
// paths (literal.go), for the tests that hold them to evaluation.
func decodeParsed(filename string, src []byte, kind FileKind, syn *hcl.File, diags Diagnostics, slow bool) *File {
	f := &File{Name: filename, Kind: kind, Src: src, Syntax: syn, Diags: diags, cleanParse: len(diags) == 0}
	body := f.Body()
	if body == nil {
		return f
	}
	d := &decoder{src: src, slow: slow}
	d.reserve(body)
	schema := SchemaFor(kind)
	for _, n := range d.nodes(body, schema.Blocks, fileLevel) {
		switch n.Type {
		case "offer":
			f.Offers = append(f.Offers, d.offer(f, n))
		case "counter":
			f.Counters = append(f.Counters, d.counter(f, n))
		case "candidate":
			f.Candidates = append(f.Candidates, d.candidate(f, n))
		case "band":
			if b := d.band(n); b != nil {
				f.Bands = append(f.Bands, b)
			}
		case "cap":
			if c := d.cap(n); c != nil {
				f.Caps = append(f.Caps, c)
			}
		case "schedule":
			if s := d.scheduleBlock(n); s != nil {
				f.Schedules = append(f.Schedules, s)
			}
		case "source":
			f.Sources = append(f.Sources, d.source(n))
		case "policy":
			f.Policies = append(f.Policies, d.policy(n))
		case "jurisdiction":
			if j := d.jurisdiction(n); j != nil {
				f.Jurisdictions = append(f.Jurisdictions, j)
			}
		case "hub":
			if h := d.hub(n); h != nil {
				f.Hubs = append(f.Hubs, h)
			}
		case "rates":
			f.Rates = append(f.Rates, d.rates(n))
		}
	}
	f.Diags = append(f.Diags, d.diags...)
	return f
}

// fileLevel marks the top level, where unique blocks are counted per
// workspace rather than per parent.
const fileLevel = true

// nodes matches a body against block schemas: it reports unknown blocks and
// attributes, wrong label counts and repeated unique blocks, and returns the
// blocks that fit with their attributes.
func (d *decoder) nodes(body *hclsyntax.Body, schemas []*Block, top bool) []*Node {
	for _, attr := range body.Attributes {
		if top {
			d.add(errorf("unknown-attribute", attr.NameRange, "Unexpected attribute",
				fmt.Sprintf("%q cannot stand at the top level of the file; put it inside a block%s.", attr.Name, blockList(schemas))))
		}
	}
	if len(body.Blocks) == 0 {
		return nil
	}
	// The blocks of a body in one slice (from the file's arena below the
	// top level, whose nodes the docs copy); the slot of a block left out
	// is used by the next one.
	var store []Node
	if top {
		store = make([]Node, len(body.Blocks))
	} else {
		store = d.takeNodes(len(body.Blocks))
	}
	out := make([]*Node, 0, len(body.Blocks))
	seen := map[string]*Node{}
	for _, blk := range body.Blocks {
		var schema *Block
		for _, s := range schemas {
			if s.Type == blk.Type {
				schema = s
			}
		}
		if schema == nil {
			msg := fmt.Sprintf("A %q block is not expected here.", blk.Type)
			if s := suggest(blk.Type, blockTypes(schemas)); s != "" {
				msg += fmt.Sprintf(" Did you mean %q?", s)
			} else {
				msg += blockList(schemas)
			}
			d.add(errorf("unknown-block", blk.TypeRange, "Unknown block type", msg))
			continue
		}
		if len(blk.Labels) != len(schema.Labels) {
			rng := blk.TypeRange
			if len(blk.Labels) > len(schema.Labels) {
				rng = blk.LabelRanges[len(schema.Labels)]
			}
			d.add(errorf("block-labels", rng, "Wrong number of labels",
				fmt.Sprintf("%s %s block takes %s; write it as %s.", article(blk.Type), blk.Type, labelCount(schema), headerExample(schema))))
			continue
		}
		n := &store[len(out)]
		d.fill(n, blk, schema)
		if schema.Unique && !top {
			if prev, dup := seen[blk.Type]; dup {
				d.add(errorf("duplicate-block", blk.TypeRange, "Duplicate "+blk.Type+" block",
					fmt.Sprintf("%s %s block may appear once here; another is at line %d. Merge them.", article(blk.Type), blk.Type, prev.TypeRange.Start.Line)))
				continue
			}
			seen[blk.Type] = n
		}
		out = append(out, n)
	}
	return out
}

func labelCount(b *Block) string {
	switch len(b.Labels) {
	case 0:
		return "no labels"
	case 1:
		return "one label (" + b.Labels[0] + ")"
	}
	return fmt.Sprintf("%d labels (%v)", len(b.Labels), b.Labels)
}

func headerExample(b *Block) string {
	s := b.Type
	for _, l := range b.Labels {
		s += fmt.Sprintf(" %q", "<"+l+">")
	}
	return s + " { ... }"
}

func blockTypes(bs []*Block) []string {
	var out []string
	for _, b := range bs {
		out = append(out, b.Type)
	}
	return out
}

func blockList(bs []*Block) string {
	if len(bs) == 0 {
		return ""
	}
	s := " Expected one of:"
	for i, b := range bs {
		if i > 0 {
			s += ","
		}
		s += " " + b.Type
	}
	return s + "."
}

// fill builds a located block in n and checks its attributes and nested
// blocks against its schema.
func (d *decoder) fill(n *Node, blk *hclsyntax.Block, schema *Block) {
	*n = Node{
		Schema: schema, Type: blk.Type, Labels: blk.Labels,
		TypeRange: blk.TypeRange, LabelRanges: blk.LabelRanges,
		Range: ordered(blk.Range()), Syntax: blk,
	}
	attrs := d.takeAttrs(len(blk.Body.Attributes))
	for _, attr := range blk.Body.Attributes {
		if schema.Attr(attr.Name) == nil && (schema.ExtraName == nil || !schema.ExtraName(attr.Name)) {
			msg := fmt.Sprintf("%s %s block has no attribute %q.", article(blk.Type), blk.Type, attr.Name)
			if s := suggest(attr.Name, schema.AttrNames()); s != "" {
				msg += fmt.Sprintf(" Did you mean %q?", s)
			} else if len(schema.Attrs) > 0 {
				msg += " Its attributes are: " + joinNames(schema.AttrNames()) + "."
			}
			d.add(errorf("unknown-attribute", attr.NameRange, "Unknown attribute", msg))
			continue
		}
		attrs = append(attrs, AttrNode{Name: attr.Name, Range: ordered(attr.Range()), NameRange: attr.NameRange,
			ValueRange: ordered(attr.Expr.Range()), Expr: attr.Expr})
	}
	// hclsyntax keeps attributes in a map; the node keeps them in source
	// order. Blocks have a handful, so insertion sort.
	for i := 1; i < len(attrs); i++ {
		for j := i; j > 0 && attrs[j].NameRange.Start.Byte < attrs[j-1].NameRange.Start.Byte; j-- {
			attrs[j], attrs[j-1] = attrs[j-1], attrs[j]
		}
	}
	if len(attrs) > 0 {
		n.Attrs = attrs
	}
	for _, a := range schema.Attrs {
		if a.Required && n.Attr(a.Name) == nil {
			d.add(errorf("missing-attribute", n.DefRange(), "Missing "+a.Name,
				fmt.Sprintf("%s %s block needs %s (%s): %s", article(blk.Type), blk.Type, a.Name, a.Kind, a.Doc)))
		}
	}
	kids := d.nodes(blk.Body, schema.Blocks, false)
	if len(kids) > 0 {
		n.Children = kids
	}
}

// reserve allocates, for a file's body, one arena for the nodes of every
// block below the top level and one for the attribute nodes of every block,
// instead of one allocation per block.
func (d *decoder) reserve(body *hclsyntax.Body) {
	var nested, attrs int
	var count func(b *hclsyntax.Body, top bool)
	count = func(b *hclsyntax.Body, top bool) {
		for _, blk := range b.Blocks {
			if !top {
				nested++
			}
			attrs += len(blk.Body.Attributes)
			count(blk.Body, false)
		}
	}
	count(body, true)
	d.nodeArena = make([]Node, nested)
	d.attrArena = make([]AttrNode, attrs)
}

// takeNodes returns n zeroed nodes from the arena.
func (d *decoder) takeNodes(n int) []Node {
	if n > len(d.nodeArena) {
		return make([]Node, n)
	}
	out := d.nodeArena[:n:n]
	d.nodeArena = d.nodeArena[n:]
	return out
}

// takeAttrs returns an empty list with room for n attribute nodes from the
// arena.
func (d *decoder) takeAttrs(n int) []AttrNode {
	if n > len(d.attrArena) {
		return make([]AttrNode, 0, n)
	}
	out := d.attrArena[:0:n]
	d.attrArena = d.attrArena[n:]
	return out
}

// article returns "An" before a vowel and "A" otherwise.
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "An"
	}
	return "A"
}

func joinNames(names []string) string {
	s := ""
	for i, n := range names {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return s
}

// leverValues are the attributes and blocks offers and counters share; nil
// where absent or invalid.
type leverValues struct {
	base, relocation *engine.Money
	bonus            *engine.Dec
	start            *time.Time
	level            *string
	signOn           *engine.SignOn
	equity           *engine.GrantChange
	schedule         ScheduleRef
	terms            termValues // bonus, flexibility, promotion (decode_counter.go)
}

func (d *decoder) levers(n *Node) leverValues {
	var lv leverValues
	if a := n.Attr("base"); a != nil {
		if m, ok := d.money(a); ok {
			lv.base = &m
		}
	}
	if a := n.Attr("relocation"); a != nil {
		if m, ok := d.money(a); ok {
			lv.relocation = &m
		}
	}
	if a := n.Attr("bonus_target"); a != nil {
		if x, ok := d.dec(a, false, KindPercent); ok {
			lv.bonus = &x
		}
	}
	if a := n.Attr("start"); a != nil {
		if t, ok := d.date(a); ok {
			lv.start = &t
		}
	}
	if a := n.Attr("level"); a != nil {
		if s, ok := d.str(a); ok {
			lv.level = &s
		}
	}
	if b := n.Block("sign_on"); b != nil {
		var s engine.SignOn
		for i := range s {
			if a := b.Attr(signOnYears[i]); a != nil {
				s[i], _ = d.money(a)
			}
		}
		lv.signOn = &s
	}
	if b := n.Block("equity"); b != nil {
		lv.equity, lv.schedule = d.equity(b)
	}
	lv.terms = d.terms(n)
	return lv
}

// signOnYears are the attributes of a sign_on block, year 1 first.
var signOnYears = [engine.Years]string{"year1", "year2", "year3", "year4"}

// minGrowth and maxGrowth bound a grant's growth, in percent a year.
var minGrowth, maxGrowth = engine.DecInt(-100), engine.DecInt(1000)

func (d *decoder) equity(b *Node) (*engine.GrantChange, ScheduleRef) {
	g := &engine.GrantChange{}
	var sched ScheduleRef
	if a := b.Attr("value"); a != nil {
		if m, ok := d.money(a); ok {
			g.Value = &m
		}
	}
	if a := b.Attr("shares"); a != nil {
		if x, ok := d.dec(a, false, KindDecimal); ok {
			g.Shares = &x
		}
	}
	if a := b.Attr("price"); a != nil {
		if x, ok := d.dec(a, false, KindDecimal); ok {
			g.Price = &x
		}
	}
	if a := b.Attr("growth"); a != nil {
		if x, ok := d.dec(a, true, KindPercent); ok {
			if x.Cmp(minGrowth) < 0 || x.Cmp(maxGrowth) > 0 {
				d.add(errorf("invalid-value", a.ValueRange, "Growth out of range",
					fmt.Sprintf("growth is %s%% a year; it must be between -100 and 1000.", x)))
			} else {
				g.Growth = &x
			}
		}
	}
	if a := b.Attr("schedule"); a != nil {
		sched, _ = d.schedule(a)
	}
	if b.Attr("value") != nil && b.Attr("shares") != nil {
		d.add(errorf("conflicting-attributes", b.Attr("shares").Range, "Both value and shares",
			"State the grant either as value (preferred) or as shares with a price, not both. Remove one of them."))
	}
	if b.Attr("shares") != nil && b.Attr("price") == nil {
		d.add(errorf("missing-attribute", b.Attr("shares").Range, "Missing price",
			"A grant stated in shares needs price, the share price that values it. Add price = <per share>, or state value instead."))
	}
	return g, sched
}

func (d *decoder) offer(f *File, n *Node) *OfferDoc {
	doc := &OfferDoc{Node: *n, File: f, Name: n.Labels[0]}
	o := &doc.Offer
	o.Name = doc.Name
	for _, s := range [...]struct {
		name string
		dst  *string
	}{{"company", &o.Company}, {"track", &o.Track}, {"location", &o.Location}, {"currency", &o.Currency}} {
		if a := n.Attr(s.name); a != nil {
			*s.dst, _ = d.str(a)
		}
	}
	if o.Currency == "" {
		o.Currency = "USD"
	}
	if a := n.Attr("tax_region"); a != nil {
		doc.TaxRegion = d.region(a)
	}
	for _, t := range [...]struct {
		name string
		dst  *time.Time
	}{{"received", &o.Received}, {"expires", &o.Expires}} {
		if a := n.Attr(t.name); a != nil {
			*t.dst, _ = d.date(a)
		}
	}
	lv := d.levers(n)
	if lv.base != nil {
		o.Base = *lv.base
	}
	if lv.relocation != nil {
		o.Relocation = *lv.relocation
	}
	if lv.bonus != nil {
		o.BonusTarget = *lv.bonus
	}
	if lv.start != nil {
		o.Start = *lv.start
	}
	if lv.level != nil {
		o.Level = *lv.level
	}
	if lv.signOn != nil {
		o.SignOn = *lv.signOn
	}
	if lv.equity != nil {
		o.Equity = engine.Counter{Equity: lv.equity}.Apply(engine.Offer{}).Equity
		if o.Equity.Value == 0 && !o.Equity.InShares() && n.Block("equity").Attr("value") == nil && n.Block("equity").Attr("shares") == nil {
			d.add(errorf("missing-attribute", n.Block("equity").TypeRange, "Grant without a value",
				"An equity block needs value (the grant's worth) or shares with price."))
		}
	}
	doc.Schedule = lv.schedule
	lv.terms.applyTo(o)
	return doc
}

func (d *decoder) counter(f *File, n *Node) *CounterDoc {
	doc := &CounterDoc{Node: *n, File: f, Name: n.Labels[0]}
	c := &doc.Counter
	c.Name = doc.Name
	c.Round = 1
	if a := n.Attr("offer"); a != nil {
		doc.OfferRange = a.ValueRange
		if name, ok := d.reference(a); ok {
			doc.OfferRef = name
			c.Offer = name
		}
	}
	if a := n.Attr("round"); a != nil {
		if r, ok := d.integer(a, 1, 10); ok {
			c.Round = r
		}
	}
	if a := n.Attr("sent"); a != nil {
		if t, ok := d.date(a); ok {
			c.Sent = t
		}
	}
	lv := d.levers(n)
	c.Base, c.Relocation, c.BonusTarget, c.Level, c.SignOn, c.Equity, c.Start = lv.base, lv.relocation, lv.bonus, lv.level, lv.signOn, lv.equity, lv.start
	c.Bonus, c.Flexibility, c.Promotion = lv.terms.bonus, lv.terms.flex, lv.terms.promotion
	doc.Schedule = lv.schedule
	d.texts(f, doc)
	return doc
}

func (d *decoder) candidate(f *File, n *Node) *CandidateDoc {
	doc := &CandidateDoc{Node: *n, File: f}
	c := &doc.Candidate
	c.TargetPercentile = engine.DefaultTargetPercentile
	if a := n.Attr("walk_away"); a != nil {
		c.WalkAway, _ = d.money(a)
	}
	if a := n.Attr("unvested_equity"); a != nil {
		c.UnvestedEquity, _ = d.money(a)
	}
	if a := n.Attr("target_percentile"); a != nil {
		if p, ok := d.integer(a, 0, 100); ok {
			c.TargetPercentile = p
		}
	}
	d.household(doc, n)
	return doc
}

func (d *decoder) band(n *Node) *BandDoc {
	b := &engine.Band{Level: n.Labels[0], Track: n.Labels[1], Location: n.Labels[2], Percentiles: [2]int{0, 100}}
	ranges := map[string]*engine.Range{"base": &b.Base, "equity": &b.Equity, "sign_on": &b.SignOn, "year1_total": &b.Year1Total}
	good := true
	for name, dst := range ranges {
		if a := n.Attr(name); a != nil {
			r, ok := d.moneyRange(a)
			*dst = r
			good = good && ok
		}
	}
	if a := n.Attr("percentiles"); a != nil {
		p, ok := d.intList(a, 0, 100)
		switch {
		case ok && (len(p) != 2 || p[0] >= p[1]):
			d.add(errorf("invalid-value", a.ValueRange, "Invalid percentiles",
				"percentiles takes two whole percentiles, low first, such as [25, 75]."))
		case ok:
			b.Percentiles = [2]int{p[0], p[1]}
		}
	}
	if a := n.Attr("source"); a != nil {
		b.Source, _ = d.str(a)
	}
	if !good || n.Attr("base") == nil {
		return nil
	}
	return &BandDoc{Node: *n, Band: b}
}

func (d *decoder) cap(n *Node) *CapDoc {
	c := engine.Cap{Level: n.Labels[0]}
	a := n.Attr("base")
	if a == nil {
		return nil
	}
	m, ok := d.money(a)
	if !ok {
		return nil
	}
	c.Base = m
	if s := n.Attr("source"); s != nil {
		c.Source, _ = d.str(s)
	}
	return &CapDoc{Node: *n, Cap: c}
}

func (d *decoder) scheduleBlock(n *Node) *ScheduleDoc {
	s := engine.Schedule{Name: n.Labels[0]}
	a := n.Attr("percent")
	if a == nil {
		return nil
	}
	pct, ok := d.percentList(a)
	if !ok {
		return nil
	}
	s.Percent = pct
	if c := n.Attr("cadence"); c != nil {
		s.Cadence, _ = d.intList(c, 1, 12)
	}
	if src := n.Attr("source"); src != nil {
		s.Source, _ = d.str(src)
	}
	if err := s.Validate(); err != nil {
		rng := a.ValueRange
		if fe, ok := err.(*engine.FieldError); ok && fe.Field == "cadence" && n.Attr("cadence") != nil {
			rng = n.Attr("cadence").ValueRange
		}
		d.engineError(err, rng)
		return nil
	}
	return &ScheduleDoc{Node: *n, Schedule: s}
}

func (d *decoder) source(n *Node) *SourceDoc {
	doc := &SourceDoc{Node: *n}
	if a := n.Attr("name"); a != nil {
		doc.Source.Name, _ = d.str(a)
	}
	if a := n.Attr("as_of"); a != nil {
		if s, ok := d.str(a); ok {
			if _, err := time.Parse("2006-01", s); err != nil {
				d.add(errorf("invalid-value", a.ValueRange, "Invalid as_of",
					fmt.Sprintf("as_of is %q; write the month the figures were current as \"YYYY-MM\".", s)))
			}
			doc.Source.AsOf = s
		}
	}
	return doc
}
