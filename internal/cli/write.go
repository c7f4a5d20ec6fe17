package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/rogpeppe/go-internal/diff"
)

// fixTarget is a file --fix is about to rewrite.
type fixTarget struct {
	// path is the file's path as walked or named.
	path string
	// f is the file as opened for reading, still open; read is its state
	// then (f.Stat()).
	f    *os.File
	read os.FileInfo
	// explicit is set for a path named on the command line; root is the
	// folder named on the command line that path was found under.
	explicit bool
	root     string
}

// fixWriter writes the files --fix rewrites; see write.
type fixWriter struct {
	mu      sync.Mutex
	cleaned map[string]bool // folders whose stale temporary files are gone
}

// write replaces the file t with data, or refuses and says why, leaving it
// as it was. It writes a temporary file in the same folder, named
// .NAME.upward-PID-RANDOM.tmp, syncs it, gives it the old file's owner,
// group and mode, and renames it over the old file: a crash leaves the old
// file or the new one, never half of either, and at worst a temporary file
// that the next --fix in that folder removes (one whose PID is no longer a
// running process).
//
// It refuses:
//   - a read-only file (no write permission bit), or one the user may not
//     write to;
//   - a file with more than one hard link, which the rename would split;
//   - a file whose owner or group it cannot give the new file (another
//     user's file in a folder the user may write to);
//   - a symlink met while walking a folder whose target lies outside that
//     folder (a symlink named on the command line is followed wherever it
//     points);
//   - a file that changed since it was read (its inode, size, modification
//     or change time, mode, owner or link count), checked once more
//     immediately before the rename; on Linux also a file another program
//     opened in that moment (see lease), which would otherwise write to
//     the file being replaced.
//
// A symlink stays a symlink: the file it points to is replaced. A program
// that keeps the file open for writing all along (rather than opening it
// for each write) writes to the replaced file after the rename; no rename
// can avoid that, and the lease, which cannot be taken while the file is
// open elsewhere, does not see it.
func (w *fixWriter) write(t fixTarget, data []byte) error {
	target := t.path
	li, err := os.Lstat(t.path)
	if err != nil {
		return errors.New(reason(err))
	}
	if li.Mode()&os.ModeSymlink != 0 {
		if target, err = filepath.EvalSymlinks(t.path); err != nil {
			return errors.New(reason(err))
		}
		if !t.explicit && !within(t.root, target) {
			return fmt.Errorf("a symlink to %s, outside %s (name it on the command line to fix it)", quoteName(target), quoteName(t.root))
		}
	}
	if err := writable(target, t.read); err != nil {
		return err
	}
	if n := linkCount(t.read); n > 1 {
		return fmt.Errorf("it has %d hard links, which replacing it would split", n)
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	w.clean(dir)

	tmp, err := os.CreateTemp(dir, "."+base+".upward-"+strconv.Itoa(os.Getpid())+"-*.tmp")
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
	// Owner first: changing it clears the set-user-ID and set-group-ID bits.
	if err := keepOwner(tmp, t.read); err != nil {
		return err
	}
	if err := tmp.Chmod(t.read.Mode() & (os.ModePerm | os.ModeSetuid | os.ModeSetgid | os.ModeSticky)); err != nil {
		return errors.New(reason(err))
	}
	if err := tmp.Sync(); err != nil {
		return errors.New(reason(err))
	}
	if err := tmp.Close(); err != nil {
		return errors.New(reason(err))
	}
	// From here to the rename nothing may be slow. The lease (Linux)
	// makes another program's open() of the file wait, and shows it.
	l, busy := takeLease(t.f)
	defer l.release()
	if busy {
		// Open elsewhere all along: writing may be under way.
		return errChanged
	}
	now, err := os.Stat(target)
	if err != nil {
		return errors.New(reason(err))
	}
	if changed(t.read, now) || !l.undisturbed() {
		return errChanged
	}
	if l == nil {
		if err := os.Rename(tmp.Name(), target); err != nil {
			return errors.New(reason(err))
		}
		ok = true
	} else {
		// Exchange rather than rename, so that the old file stays at the
		// temporary name until no one can have opened it meanwhile.
		if err := exchange(tmp.Name(), target); err != nil {
			if err := os.Rename(tmp.Name(), target); err != nil {
				return errors.New(reason(err))
			}
			ok = true
			if !l.undisturbed() {
				return fmt.Errorf("%w; anything it wrote to the old file is lost", errLate)
			}
		} else if !l.undisturbed() {
			// An open() found the old file between the check and the
			// exchange: put it back (the deferred cleanup removes the
			// new one).
			if err := exchange(tmp.Name(), target); err != nil {
				ok = true
				return fmt.Errorf("%w; the old file, with anything it wrote, is kept as %s", errLate, quoteName(tmp.Name()))
			}
			return errChanged
		} else {
			_ = os.Remove(tmp.Name()) // the old file
			ok = true
		}
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // make the rename durable where the OS allows
		d.Close()
	}
	return nil
}

var (
	errChanged = errors.New("file changed while it was being linted")
	// errLate is a change that came too late to refuse: another program
	// opened the file between the last check and the rename.
	errLate = errors.New("fixed, but another program opened the file as it was being replaced")
)

// writable refuses a file the user should not or cannot rewrite.
func writable(path string, fi os.FileInfo) error {
	if fi.Mode().Perm()&0o222 == 0 {
		return fmt.Errorf("read-only (mode %04o); make it writable to fix it", fi.Mode().Perm())
	}
	if err := canWrite(path); err != nil {
		return fmt.Errorf("not writable by you (%v)", err)
	}
	return nil
}

// within reports whether path lies in the folder root, symlinks resolved.
func within(root, path string) bool {
	r, err := filepath.EvalSymlinks(root)
	if err != nil {
		return false
	}
	r, err = filepath.Abs(r)
	if err != nil {
		return false
	}
	p, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(r, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// tempName matches the temporary files write makes: .NAME.upward-PID-RANDOM.tmp.
var tempName = regexp.MustCompile(`^\..+\.upward-([0-9]+)-[0-9]+\.tmp$`)

// clean removes, once per run, the temporary files of earlier runs in dir
// whose process is gone (killed during --fix).
func (w *fixWriter) clean(dir string) {
	w.mu.Lock()
	if w.cleaned == nil {
		w.cleaned = map[string]bool{}
	}
	done := w.cleaned[dir]
	w.cleaned[dir] = true
	w.mu.Unlock()
	if done {
		return
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		m := tempName.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		if pid, err := strconv.Atoi(m[1]); err == nil && !processRunning(pid) {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
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
