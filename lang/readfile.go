package lang

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/hashicorp/hcl/v2"
)

// This file is the one way offerkit reads an offer, band, tax or rates
// file, for every command and the language server (docs/security.md):
//   - only a regular file is read: a device, a FIFO or a socket is refused
//     from its metadata, without opening it for a blocking read;
//   - a symbolic link is followed only when its target stays inside the
//     directory the file is read from (its negotiation), so a link cannot
//     bring another file's text into the output;
//   - the size is checked before reading, and the read is bounded: a file
//     over MaxFileSize is refused with its real size, never read.
// A refused file is still part of its workspace, with one located
// diagnostic that says why (Refusal), so lint exits 1 and the other files
// are checked as usual.

// Refusal is why a file was not read: a diagnostic code and a sentence.
type Refusal struct {
	Path    string
	Code    string // "file-too-large", "not-regular-file", "link-outside", "unreadable-file"
	Message string
}

func (r *Refusal) Error() string { return r.Path + ": " + r.Message }

// Diagnostic returns the refusal as a diagnostic at the top of the file.
func (r *Refusal) Diagnostic() *Diagnostic {
	start := hcl.Pos{Line: 1, Column: 1}
	summary := map[string]string{"file-too-large": "File too large", "not-regular-file": "Not a regular file", "link-outside": "Link out of the directory", "unreadable-file": "Unreadable file"}[r.Code]
	return errorf(r.Code, hcl.Range{Filename: r.Path, Start: start, End: start}, summary, r.Message)
}

// ReadFile reads name by the rules above. root is the directory a link
// must stay inside; "" means name's own directory. Errors are a *Refusal
// or a *LoadError (the file does not exist or cannot be opened).
func ReadFile(name, root string) ([]byte, error) {
	target, st, err := resolveLink(name, root)
	if err != nil {
		return nil, err
	}
	return readRegular(name, target, st)
}

// Judge says, from its metadata alone, whether the rules above refuse
// name as a special file or a link out of root ("" is name's own
// directory): a *Refusal, a *LoadError (it does not exist), or nil. It
// opens nothing: a file that is not to be read at all (cmd/offer's PATH
// of another kind) is judged without reading it. The size is judged as
// ReadFile reads.
func Judge(name, root string) error {
	_, st, err := resolveLink(name, root)
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return refusedNotRegular(name, st.Mode())
	}
	return nil
}

// resolveLink applies the link rule to name: the file it leads to (name
// itself when it is no link) and that file's metadata.
func resolveLink(name, root string) (string, os.FileInfo, error) {
	st, err := os.Lstat(name)
	if err != nil {
		return "", nil, &LoadError{Path: name, Err: unwrapPathError(err)}
	}
	target := name
	if st.Mode()&os.ModeSymlink != 0 {
		if root == "" {
			root = filepath.Dir(name)
		}
		inside, err := filepath.EvalSymlinks(root)
		if err != nil {
			return "", nil, &LoadError{Path: root, Err: unwrapPathError(err)}
		}
		insideAbs, _ := filepath.Abs(inside)
		var ok bool
		target, ok, err = ResolveInside(name, []string{insideAbs})
		if err != nil {
			return "", nil, &LoadError{Path: name, Err: unwrapPathError(err)}
		}
		if !ok {
			return "", nil, RefuseLinkOutside(name, root, "the directory it reads")
		}
		if st, err = os.Stat(target); err != nil {
			return "", nil, &LoadError{Path: name, Err: unwrapPathError(err)}
		}
	}
	return target, st, nil
}

// RefuseLinkOutside is the refusal of a link at path to a file outside
// where (a directory, or the language server's workspace folders), inside
// being what offerkit reads ("the directory it reads").
func RefuseLinkOutside(path, where, inside string) *Refusal {
	return &Refusal{Path: path, Code: "link-outside",
		Message: fmt.Sprintf("The file is a link to a file outside %s; offerkit follows links only inside %s. Copy the file here instead.", where, inside)}
}

// ReadRegular reads path, already judged safe to read (the language
// server's rule, lsp/access.go), by the regular-file and size rules.
func ReadRegular(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, &LoadError{Path: path, Err: unwrapPathError(err)}
	}
	return readRegular(path, path, st)
}

func readRegular(name, target string, st os.FileInfo) ([]byte, error) {
	if !st.Mode().IsRegular() {
		return nil, refusedNotRegular(name, st.Mode())
	}
	if st.Size() > MaxFileSize {
		return nil, refusedTooLarge(name, st.Size())
	}
	// O_NONBLOCK: should the file have been swapped for a FIFO since the
	// Stat above, opening it does not wait for a writer.
	f, err := os.OpenFile(target, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, &LoadError{Path: name, Err: unwrapPathError(err)}
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil, &Refusal{Path: name, Code: "not-regular-file", Message: "The file stopped being a regular file while it was read; offerkit reads only regular files."}
	}
	src, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, &LoadError{Path: name, Err: err}
	}
	if len(src) > MaxFileSize { // it grew since the Stat
		return nil, refusedTooLarge(name, int64(len(src)))
	}
	return src, nil
}

func refusedNotRegular(name string, m os.FileMode) *Refusal {
	return &Refusal{Path: name, Code: "not-regular-file", Message: notRegularMessage(m)}
}

func refusedTooLarge(name string, size int64) *Refusal {
	return &Refusal{Path: name, Code: "file-too-large",
		Message: fmt.Sprintf("The file is %s bytes; offerkit reads files of at most %s bytes. Split it into several files.", sizeText(size), sizeText(MaxFileSize))}
}

// sizeText is "52,428,800"; a file that grew past the limit while read
// says "more than 4,194,304".
func sizeText(n int64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// notRegularMessage says what the special file is and what to do for
// that kind of file. Renaming is advice for a directory alone: a FIFO or a
// socket usually belongs to a program that expects its name, and the file
// may be one whose name is fixed (.gitattributes).
func notRegularMessage(m os.FileMode) string {
	const only = "offerkit reads only regular files."
	switch {
	case m&os.ModeNamedPipe != 0:
		return "The file is a named pipe (FIFO), not a regular file: reading it would wait for the program that writes to it. " + only +
			" Save the text it should hold as a regular file of this name (remove the pipe first), or move the pipe out of this directory if a program needs it."
	case m&os.ModeSocket != 0:
		return "The file is a socket, not a regular file: a program's connection point, which holds no text. " + only +
			" Move it out of this directory, or have the program that made it use another path."
	case m&os.ModeDevice != 0:
		return "The file is a device, not a regular file: it holds no text. " + only +
			" Remove the device node from this directory (the device itself is not touched) and save the text as a regular file of this name."
	case m.IsDir():
		return "The name is a directory's, not a regular file's. " + only + " Name a file instead, or rename the directory."
	}
	return "The file is a special file, not a regular file. " + only + " Replace it with a regular file holding the text."
}

// ResolveInside is the one link rule of offerkit, for the CLI (ReadFile)
// and the language server (lsp/access.go): it resolves name's symbolic
// links and reports whether the file they lead to is inside one of dirs
// (absolute, their own links resolved). A link is followed only then.
func ResolveInside(name string, dirs []string) (target string, inside bool, err error) {
	target, err = filepath.EvalSymlinks(name)
	if err != nil {
		return "", false, err
	}
	if target, err = filepath.Abs(target); err != nil {
		return "", false, err
	}
	for _, d := range dirs {
		if Within(d, target) {
			return target, true, nil
		}
	}
	return target, false, nil
}

// Within reports whether path is dir or inside it (both absolute and
// clean).
func Within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// SetRefused records a file that was not read, with the diagnostic that
// says why, so that it is reported like any other file of the workspace.
func (p *Project) SetRefused(r *Refusal) {
	kind, _ := KindOf(r.Path)
	if kind == 0 {
		kind = OfferFile
	}
	w := p.Hold(r.Path) // kept until the file is in (Project.Remove)
	defer p.Release(r.Path)
	w.mu.Lock()
	defer w.mu.Unlock()
	w.put(r.Path, &File{Name: r.Path, Kind: kind, Diags: Diagnostics{r.Diagnostic()}})
}

// IsRefusal reports whether code is the diagnostic of a file the reading
// rules refused (not-regular-file, link-outside, file-too-large).
func IsRefusal(code string) bool {
	switch code {
	case "not-regular-file", "link-outside", "file-too-large", "unreadable-file":
		return true
	}
	return false
}

// Refused returns the diagnostic of every file of p that the reading rules
// refused, whether it was named or read as a sibling of a named file: a
// command that checks one file of a negotiation reports the others it
// could not read, since the negotiation is judged without them.
func (p *Project) Refused() Diagnostics {
	var out Diagnostics
	for _, w := range p.Workspaces() {
		for _, f := range w.Files() {
			for _, d := range f.Diags {
				if IsRefusal(d.Code) {
					out = append(out, d)
				}
			}
		}
	}
	return out
}
