package lang

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// This file defines how offerkit rewrites a file in place (offer fmt -w, and
// an editor's "format and save"): the new text goes to a temporary file in
// the same directory, is flushed to disk, and replaces the original by a
// rename only if the original still holds what was read. A crash at any
// point leaves either the old file or the new one, never a half-written one.

// ErrChanged means the file changed on disk after it was read; it was left
// as it is.
var ErrChanged = errors.New("the file changed on disk since it was read; not overwritten")

// Snapshot is a file as read: where it is, what it held, and its metadata at
// that time.
type Snapshot struct {
	Path    string // as given
	real    string // symlinks resolved: the file that is replaced
	Data    []byte
	Mode    fs.FileMode
	ModTime time.Time
	Size    int64
}

// The writing rules (docs/security.md): offerkit writes a file only
// through the atomic writer below, which refuses to write through a
// symbolic link (the link's target may be anywhere: a .env, ~/.bashrc),
// refuses a read-only file unless forced, keeps the file's mode bits
// (setuid, setgid and sticky included) and never leaves a part-written
// file.

// ErrSymlink refuses a write through a symbolic link.
var ErrSymlink = errors.New("is a symbolic link; offerkit does not write through links (write to the file it points to, or replace the link with a copy)")

// ErrReadOnly refuses to replace a read-only file.
var ErrReadOnly = errors.New("is read-only; not replaced (make it writable, or pass --force)")

// ErrNotRegular refuses to replace something other than a regular file (a
// directory, a device, a FIFO or a socket) with an output file.
var ErrNotRegular = errors.New("not a regular file; not replaced")

// ErrReadOnlyOutput refuses to replace a read-only output file (-o has no
// --force: the file was made read-only to keep it).
var ErrReadOnlyOutput = errors.New("is read-only; not replaced (make it writable, or choose another output file)")

// WriteRefused reports whether err is a refusal by the writing rules (a
// link, not a regular file, a read-only file, a file changed since it was
// read), rather than a failure of the system (no permission on the
// directory, a full disk).
func WriteRefused(err error) bool {
	for _, r := range []error{ErrSymlink, ErrNotRegular, ErrReadOnly, ErrReadOnlyOutput, ErrChanged} {
		if errors.Is(err, r) {
			return true
		}
	}
	return false
}

// ReadSnapshot reads a file for a later Replace: a regular file, not a
// link, by the reading rules (readfile.go).
func ReadSnapshot(path string) (*Snapshot, error) {
	lst, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if lst.Mode()&os.ModeSymlink != 0 {
		return nil, fmt.Errorf("%s %w", path, ErrSymlink)
	}
	data, err := ReadRegular(path)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	mode := st.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
	return &Snapshot{Path: path, real: path, Data: data, Mode: mode, ModTime: st.ModTime(), Size: st.Size()}, nil
}

// Writable refuses a read-only snapshot unless force is set.
func (s *Snapshot) Writable(force bool) error {
	if !force && s.Mode&0o222 == 0 {
		return fmt.Errorf("%s %w", s.Path, ErrReadOnly)
	}
	return nil
}

// beforeRename, when set (by tests), runs after the temporary file is
// written and flushed and before the rename; an error stops the write there,
// as a crash would.
var beforeRename func(tmp string) error

// Replace atomically replaces the file's content with data, keeping its
// permission bits. It returns ErrChanged, and writes nothing, when the file's
// size, modification time or content differ from the snapshot. Through a
// symlink, the file the link points to is replaced.
func (s *Snapshot) Replace(data []byte) error {
	return writeAtomic(s.real, data, s.Mode, s.unchanged)
}

// WriteFile atomically writes data to path, a new file or one to be
// overwritten whatever it holds (an output file such as a report), with the
// given permission bits: a crash leaves either the old file or the new one,
// never a part of it.
// It refuses a path that is a symbolic link, something other than a
// regular file, or a read-only file, and keeps the mode of a file it
// replaces.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	if st, err := os.Lstat(path); err == nil {
		if st.Mode()&os.ModeSymlink != 0 {
			return fmt.Errorf("%s %w", path, ErrSymlink)
		}
		if !st.Mode().IsRegular() {
			return fmt.Errorf("%s: %w", path, ErrNotRegular)
		}
		if st.Mode()&0o222 == 0 {
			return fmt.Errorf("%s %w", path, ErrReadOnlyOutput)
		}
		perm = st.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
	}
	return writeAtomic(path, data, perm, nil)
}

// SameFile reports whether a and b name one file (an output path that is
// one of the inputs); false when either does not exist.
func SameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// writeAtomic writes data to a temporary file next to path, flushes it,
// runs check (when set) and renames the temporary file over path.
func writeAtomic(path string, data []byte, perm fs.FileMode, check func() error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	// The name ends neither in .offer.hcl nor in .bands.hcl, so that a file
	// left behind by a crash is never read as an offer.
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	renamed := false
	defer func() {
		if !renamed {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), perm); err != nil { // by name: setuid and the like need chmod, not fchmod, on some systems
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if beforeRename != nil {
		if err := beforeRename(tmp.Name()); err != nil {
			return err
		}
	}
	if check != nil {
		if err := check(); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	renamed = true
	// Make the rename itself durable; not every system can sync a
	// directory, and the data is already safe, so errors are ignored.
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// unchanged checks the file on disk against the snapshot.
func (s *Snapshot) unchanged() error {
	st, err := os.Stat(s.real)
	if err != nil {
		return fmt.Errorf("%w (%v)", ErrChanged, err)
	}
	if st.Size() != s.Size || !st.ModTime().Equal(s.ModTime) {
		return ErrChanged
	}
	now, err := os.ReadFile(s.real)
	if err != nil || !bytes.Equal(now, s.Data) {
		return ErrChanged
	}
	return nil
}
