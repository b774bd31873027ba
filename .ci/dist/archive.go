package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// archiveName is offer_VERSION_OS_ARCH with its extension.
func archiveName(version string, p platform) string {
	ext := ".tar.gz"
	if p.goos == "windows" {
		ext = ".zip"
	}
	return fmt.Sprintf("offer_%s_%s_%s%s", version, p.goos, p.goarch, ext)
}

// entry is one file of an archive.
type entry struct {
	name string
	mode int64
	data []byte
}

// archiveEntries are the files of one archive, sorted by name, under a
// directory named like the archive.
func archiveEntries(version string, p platform, bin string, docs, completions map[string][]byte) ([]entry, error) {
	b, err := os.ReadFile(bin)
	if err != nil {
		return nil, err
	}
	dir := strings.TrimSuffix(strings.TrimSuffix(archiveName(version, p), ".zip"), ".tar.gz") + "/"
	es := []entry{{dir + p.exe(), 0o755, b}}
	for name, data := range docs {
		es = append(es, entry{dir + name, 0o644, data})
	}
	for name, data := range completions {
		es = append(es, entry{dir + name, 0o644, data})
	}
	sort.Slice(es, func(i, j int) bool { return es[i].name < es[j].name })
	return es, nil
}

// writeArchive writes the platform's archive into out and returns its name.
func writeArchive(out, version string, p platform, bin string, docs, completions map[string][]byte, mtime time.Time) (string, error) {
	es, err := archiveEntries(version, p, bin, docs, completions)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if p.goos == "windows" {
		err = writeZip(&buf, es, mtime)
	} else {
		err = writeTarGz(&buf, es, mtime)
	}
	if err != nil {
		return "", err
	}
	name := archiveName(version, p)
	return name, os.WriteFile(filepath.Join(out, name), buf.Bytes(), 0o644)
}

func writeTarGz(buf *bytes.Buffer, es []entry, mtime time.Time) error {
	gz, err := gzip.NewWriterLevel(buf, gzip.BestCompression) // no name, no time in the header
	if err != nil {
		return err
	}
	tw := tar.NewWriter(gz)
	dirs := map[string]bool{}
	for _, e := range es {
		for d := filepath.Dir(e.name); d != "." && !dirs[d]; d = filepath.Dir(d) {
			dirs[d] = true
		}
	}
	var ds []string
	for d := range dirs {
		ds = append(ds, d)
	}
	sort.Strings(ds)
	for _, d := range ds {
		if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeDir, Name: d + "/", Mode: 0o755, ModTime: mtime, Format: tar.FormatPAX}); err != nil {
			return err
		}
	}
	for _, e := range es {
		h := &tar.Header{Typeflag: tar.TypeReg, Name: e.name, Mode: e.mode, Size: int64(len(e.data)), ModTime: mtime, Format: tar.FormatPAX}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if _, err := tw.Write(e.data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

func writeZip(buf *bytes.Buffer, es []entry, mtime time.Time) error {
	zw := zip.NewWriter(buf)
	for _, e := range es {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: mtime}
		h.SetMode(os.FileMode(e.mode))
		w, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := w.Write(e.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// writeChecksums writes checksums.txt: the SHA-256 of every other file in
// out, sorted by name, in the format `sha256sum --check` reads.
func writeChecksums(out string) error {
	names, err := releaseFiles(out)
	if err != nil {
		return err
	}
	var b strings.Builder
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(out, n))
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sum[:]), n)
	}
	return os.WriteFile(filepath.Join(out, "checksums.txt"), []byte(b.String()), 0o644)
}

// releaseFiles lists the files of out except checksums.txt, sorted.
func releaseFiles(out string) ([]string, error) {
	des, err := os.ReadDir(out)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, d := range des {
		if !d.IsDir() && d.Name() != "checksums.txt" {
			names = append(names, d.Name())
		}
	}
	sort.Strings(names)
	return names, nil
}
