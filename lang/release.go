package lang

// release drops a decoded file's syntax tree and everything in the decoded
// model that points into it (Node.Syntax and AttrNode.Expr), keeping the
// model, its values and its ranges: all that checking a workspace and
// reporting on it read. Projects made for checking (NewCheckProject,
// LoadForCheck: offer lint, report, compare and bands) release every file
// they decode, so that a run over many files does not keep every syntax
// tree alive. A released file cannot be re-parsed incrementally, edited,
// formatted or completed; the language server and the commands that write
// to files never release.
func (f *File) release() {
	f.Syntax, f.cleanParse = nil, false
	for _, o := range f.Offers {
		releaseNode(&o.Node)
		o.Texts.release()
	}
	for _, c := range f.Counters {
		releaseNode(&c.Node)
		c.Texts.release()
	}
	for _, c := range f.Candidates {
		releaseNode(&c.Node)
		c.Texts.release()
	}
	for _, b := range f.Bands {
		releaseNode(&b.Node)
	}
	for _, c := range f.Caps {
		releaseNode(&c.Node)
	}
	for _, s := range f.Schedules {
		releaseNode(&s.Node)
	}
	for _, s := range f.Sources {
		releaseNode(&s.Node)
	}
	for _, p := range f.Policies {
		releaseNode(&p.Node)
	}
}

func releaseNode(n *Node) {
	n.Syntax = nil
	for i := range n.Attrs {
		n.Attrs[i].Expr = nil
	}
	for _, c := range n.Children {
		releaseNode(c)
	}
}

func (t *Texts) release() {
	for _, x := range t.Scripts {
		releaseNode(&x.Node)
	}
	for _, x := range t.Emails {
		releaseNode(&x.Node)
	}
}
