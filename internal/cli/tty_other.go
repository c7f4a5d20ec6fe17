//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly || windows)

package cli

// isTTY is false where upward cannot ask: no colour by default.
func isTTY(uintptr) bool { return false }
