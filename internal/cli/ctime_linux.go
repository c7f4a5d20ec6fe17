package cli

import "syscall"

// ctime is the inode's change time, which any write, chmod, chown or link
// moves.
func ctime(st *syscall.Stat_t) syscall.Timespec { return st.Ctim }
