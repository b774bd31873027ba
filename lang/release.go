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
	for _, n := range f.TopNodes() {
		releaseNode(n)
	}
	for _, t := range f.texts() {
		t.release()
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
