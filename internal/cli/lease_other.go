//go:build !linux

package cli

import (
	"errors"
	"os"
)

// lease is a write lease on the file --fix replaces; only Linux has them
// (see lease_linux.go).
type lease struct{}

func takeLease(*os.File) (*lease, bool) { return nil, false }
func (*lease) undisturbed() bool        { return true }
func (*lease) release()                 {}
func exchange(string, string) error     { return errors.ErrUnsupported }
