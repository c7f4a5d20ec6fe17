// Command upward lints status reports, meeting notes and messages to one's
// manager for managing-up problems, on the command line (upward lint) or as
// a language server (upward lsp).
package main

import (
	"os"

	"github.com/upward-lint/upward/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
