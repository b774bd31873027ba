package lang

import (
	"fmt"
	"io"
)

// ReadBlob reads a file's text from r (the output of git show REV:PATH)
// by ReadFile's size rule: the read is bounded, and text over MaxFileSize
// is refused (a *Refusal, "file-too-large") without reading the rest. name
// is how the file is named to people (REV:PATH).
func ReadBlob(name string, r io.Reader) ([]byte, error) {
	src, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, &LoadError{Path: name, Err: err}
	}
	if len(src) > MaxFileSize {
		return nil, refusedTooLarge(name, int64(len(src)))
	}
	return src, nil
}

// CheckBlob judges a committed file from its tree entry before it is read
// (git ls-tree -l): a symbolic link or a submodule is refused as
// not-regular-file (a link's blob is its target's name, and a link is not
// followed out of a commit), and a blob over MaxFileSize as file-too-large
// with its real size. mode is git's octal mode ("100644", "120000").
func CheckBlob(name, mode string, size int64) error {
	switch mode {
	case "100644", "100755":
	case "120000":
		return &Refusal{Path: name, Code: "not-regular-file",
			Message: "The file is a symbolic link in this commit; offerkit reads only regular files from git, and never follows a committed link. Commit the file's text itself in place of the link to have later versions read."}
	default:
		return &Refusal{Path: name, Code: "not-regular-file",
			Message: fmt.Sprintf("The entry has git mode %s (a submodule or another special entry), not a regular file; offerkit reads only regular files from git. Commit the offer file itself in this repository to have later versions read.", mode)}
	}
	if size > MaxFileSize {
		return refusedTooLarge(name, size)
	}
	return nil
}
