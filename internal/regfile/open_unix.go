//go:build unix

package regfile

import "syscall"

// openFlags makes opening a FIFO return at once instead of waiting for a
// writer; Open then refuses it.
const openFlags = syscall.O_NONBLOCK
