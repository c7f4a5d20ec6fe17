//go:build unix

package cli

import (
	"errors"
	"fmt"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

func stat(fi os.FileInfo) *syscall.Stat_t {
	st, _ := fi.Sys().(*syscall.Stat_t)
	return st
}

// keepOwner gives tmp the owner and group of the file read, or fails.
func keepOwner(tmp *os.File, read os.FileInfo) error {
	fi, err := tmp.Stat()
	if err != nil {
		return errors.New(reason(err))
	}
	want, have := stat(read), stat(fi)
	if want == nil || have == nil || (want.Uid == have.Uid && want.Gid == have.Gid) {
		return nil
	}
	if err := tmp.Chown(int(want.Uid), int(want.Gid)); err != nil {
		return fmt.Errorf("cannot keep its owner and group (%d:%d): %v", want.Uid, want.Gid, reason(err))
	}
	return nil
}

func linkCount(fi os.FileInfo) uint64 {
	if st := stat(fi); st != nil {
		return uint64(st.Nlink)
	}
	return 1
}

// changed reports whether the file now is not the file read, or was
// written, truncated, chmod-ed, chown-ed or linked since.
func changed(read, now os.FileInfo) bool {
	a, b := stat(read), stat(now)
	if a == nil || b == nil {
		return read.Size() != now.Size() || !read.ModTime().Equal(now.ModTime())
	}
	return a.Dev != b.Dev || a.Ino != b.Ino || a.Size != b.Size || !read.ModTime().Equal(now.ModTime()) ||
		ctime(a) != ctime(b) || a.Mode != b.Mode || a.Uid != b.Uid || a.Gid != b.Gid || a.Nlink != b.Nlink
}

func canWrite(path string) error {
	return unix.Access(path, unix.W_OK)
}

// processRunning reports whether a process with that PID exists.
func processRunning(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
