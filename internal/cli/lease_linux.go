package cli

import (
	"errors"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// lease is a write lease (fcntl F_SETLEASE) on the file --fix is about to
// replace. While it is held, another program's open() of the file waits
// until it is released, and the lease shows that someone is waiting: so a
// program that opens the file to append between the last check and the
// rename is seen, instead of writing to the replaced file. A lease can be
// taken only when no other program has the file open, on a file one owns
// (or as root), and on file systems that support it; otherwise there is
// none, and the check before the rename stands alone.
type lease struct {
	fd uintptr
}

// takeLease tries for up to about 10 ms to take a write lease on f (the
// file as opened for reading). It returns nil when leases cannot be had
// here (not the owner, no support), and busy when the file stayed open
// elsewhere all that time: then another program may be about to write to
// it, and replacing it could lose what it writes.
func takeLease(f *os.File) (l *lease, busy bool) {
	rc, err := f.SyscallConn()
	if err != nil {
		return nil, false
	}
	var fd uintptr
	if rc.Control(func(x uintptr) { fd = x }) != nil {
		return nil, false
	}
	for range 20 {
		_, err := unix.FcntlInt(fd, unix.F_SETLEASE, unix.F_WRLCK)
		if err == nil {
			return &lease{fd: fd}, false
		}
		if !errors.Is(err, unix.EAGAIN) {
			return nil, false // not the owner, or no lease support here
		}
		// Open elsewhere right now: another program reading or
		// appending. Wait for it to close the file.
		time.Sleep(500 * time.Microsecond)
	}
	return nil, true
}

// undisturbed reports whether no one has tried to open the file since the
// lease was taken; true without a lease.
func (l *lease) undisturbed() bool {
	if l == nil {
		return true
	}
	t, err := unix.FcntlInt(l.fd, unix.F_GETLEASE, 0)
	return err == nil && t == unix.F_WRLCK
}

// release lets waiting opens proceed.
func (l *lease) release() {
	if l != nil {
		_, _ = unix.FcntlInt(l.fd, unix.F_SETLEASE, unix.F_UNLCK)
	}
}

// exchange swaps the files at a and b atomically.
func exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
