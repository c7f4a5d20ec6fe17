package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"

	"github.com/rogpeppe/go-internal/diff"
)

// writeAtomic replaces the file at path with data: it writes a temporary
// file in the same folder, syncs it, gives it the old file's mode and
// renames it over the old one, so a crash leaves the old file or the new
// one, never half of either. A symlink is followed and its target replaced.
// read is the file's state when it was read; if the file has changed since,
// nothing is written.
func writeAtomic(path string, data []byte, read os.FileInfo) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return errors.New(reason(err))
	}
	fi, err := os.Stat(target)
	if err != nil {
		return errors.New(reason(err))
	}
	if read != nil && (fi.Size() != read.Size() || !fi.ModTime().Equal(read.ModTime())) {
		return errors.New("file changed while it was being linted")
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".upward-*")
	if err != nil {
		return errors.New(reason(err))
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return errors.New(reason(err))
	}
	if err := tmp.Chmod(fi.Mode().Perm()); err != nil {
		return errors.New(reason(err))
	}
	if err := tmp.Sync(); err != nil {
		return errors.New(reason(err))
	}
	if err := tmp.Close(); err != nil {
		return errors.New(reason(err))
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return errors.New(reason(err))
	}
	ok = true
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // make the rename durable where the OS allows
		d.Close()
	}
	return nil
}

// unifiedDiff returns a unified diff (3 lines of context) from old to new,
// labelled a/path and b/path.
func unifiedDiff(path, old, new string) []byte {
	path = filepath.ToSlash(path)
	d := diff.Diff(quoteName("a/"+path), []byte(old), quoteName("b/"+path), []byte(new))
	// Drop the "diff a/x b/x" line: patch(1) and git apply need only ---/+++.
	if i := bytes.IndexByte(d, '\n'); i >= 0 && bytes.HasPrefix(d, []byte("diff ")) {
		d = d[i+1:]
	}
	return d
}
