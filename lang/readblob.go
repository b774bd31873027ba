package lang

import "io"

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
