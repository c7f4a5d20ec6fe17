// Package cli is the `upward` command line: lint, rules, explain, version,
// lsp and help. Main is the whole program; cmd/upward only calls it.
package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/upward-lint/upward/internal/version"
)

const usage = `upward lints status reports, meeting notes and messages to your manager
for managing-up problems, and offers rewrites.

Usage:
  upward lint [flags] [PATH...]   lint files and folders (default ".") or - for stdin
  upward rules                    list the rules
  upward explain RULE             show a rule's documentation and examples
  upward explain --profiles       show what each audience profile makes of each rule
  upward allow RULE PHRASE        never flag PHRASE for RULE (edits .upward.toml)
  upward disable RULE             turn RULE off (edits .upward.toml)
  upward lsp [flags]              run the language server on stdin/stdout
  upward version                  print the version and commit
  upward help                     show this help

Run "upward lint -h" for the lint flags.
Exit status: 0 no findings at or above --fail-level, 1 findings, 2 usage, I/O or config errors.
`

// env is what a command may touch of the outside world.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// tty is set when stdout is a terminal.
	tty bool
}

// errorf writes one line to stderr; characters that are not printable
// (a newline or escape in a file name) are escaped (see quoteName).
func (e *env) errorf(format string, args ...any) {
	fmt.Fprintf(e.stderr, "upward: %s\n", escapeControls(fmt.Sprintf(format, args...)))
}

// Main runs the upward command with args (without the program name) and
// returns the process exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, tty: isTerminal(stdout)}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "lint":
		return runLint(e, rest)
	case "rules":
		return runRules(e, rest)
	case "explain":
		return runExplain(e, rest)
	case "allow":
		return runAllow(e, rest, false)
	case "disable":
		return runAllow(e, rest, true)
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "upward %s\n", version.Long())
		return 0
	case "lsp":
		return runLSP(e, rest)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	e.errorf("unknown command %q (run \"upward help\")", cmd)
	return 2
}

// isTerminal reports whether w is a terminal (not merely a character
// device: /dev/null is one too) and TERM is not "dumb".
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || strings.EqualFold(os.Getenv("TERM"), "dumb") {
		return false
	}
	rc, err := f.SyscallConn()
	if err != nil {
		return false
	}
	tty := false
	if err := rc.Control(func(fd uintptr) { tty = isTTY(fd) }); err != nil {
		return false
	}
	return tty
}
