package lang

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzCheck feeds any bytes through parse, decode, workspace check and the
// engine. Nothing may panic, and every finding must carry a code, a
// severity and a range inside the file.
func FuzzCheck(f *testing.F) {
	seeds, _ := filepath.Glob("../examples/*/*.hcl")
	more, _ := filepath.Glob("../testdata/*/*.hcl")
	for _, p := range append(seeds, more...) {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src, filepath.Base(p) == "" || filepath.Ext(p) == ".hcl" && len(p) > 10 && p[len(p)-10:] == ".bands.hcl")
		}
	}
	f.Add([]byte("offer \"o\" {\n  base = 1e400\n}\n"), false)
	f.Add([]byte("counter \"c\" {\n  offer = offer.o[0]\n}\n"), false)
	f.Fuzz(func(t *testing.T, src []byte, bands bool) {
		name := "f.offer.hcl"
		if bands {
			name = "f.bands.hcl"
		}
		w := NewWorkspace()
		w.Set(name, src)
		w.Set("other.offer.hcl", []byte("offer \"o\" {\n  base = 100000\n}\n"))
		r := w.Check(name)
		for _, d := range r.Diags {
			if d.Code == "" || d.Severity < 1 || d.Severity > 4 {
				t.Fatalf("diagnostic without code or severity: %+v", d)
			}
			s := d.Subject
			if s.Filename != name {
				t.Fatalf("diagnostic in %q: %+v", s.Filename, d)
			}
			if s.Start.Byte < 0 || s.End.Byte < s.Start.Byte || s.End.Byte > len(src) {
				t.Fatalf("range %d-%d outside a %d-byte file: %+v", s.Start.Byte, s.End.Byte, len(src), d)
			}
		}
		// A project made for checking, which drops the syntax, checks alike.
		p := NewCheckProject(nil)
		p.Set(name, src)
		p.Set("other.offer.hcl", []byte("offer \"o\" {\n  base = 100000\n}\n"))
		if got, want := lintText(p.Check([]string{name})), lintText([]*Result{r}); got != want {
			t.Fatalf("released project checks differently:\n%s\nwant\n%s", got, want)
		}
	})
}
