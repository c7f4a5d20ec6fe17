// Package cli is the `upward` command line: lint, rules, explain, version,
// lsp and help. Main is the whole program; cmd/upward only calls it.
package cli

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
)

// version is set at link time:
//
//	go build -ldflags "-X github.com/upward-lint/upward/internal/cli.version=v0.1.0" ./cmd/upward
var version = ""

const usage = `upward lints status reports, meeting notes and messages to your manager
for managing-up problems, and offers rewrites.

Usage:
  upward lint [flags] [PATH...]   lint files and folders (default ".") or - for stdin
  upward rules                    list the rules
  upward explain RULE             show a rule's documentation and examples
  upward lsp [flags]              run the language server on stdin/stdout
  upward version                  print the version
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
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "upward %s\n", Version())
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

// Version returns the version set at link time, else the module version
// and VCS revision recorded in the binary, else "devel".
func Version() string {
	v := version
	info, ok := debug.ReadBuildInfo()
	if v == "" && ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		v = info.Main.Version
	}
	if v == "" {
		v = "devel"
		if ok {
			var rev, modified string
			for _, s := range info.Settings {
				switch s.Key {
				case "vcs.revision":
					rev = s.Value
				case "vcs.modified":
					modified = s.Value
				}
			}
			if len(rev) > 12 {
				rev = rev[:12]
			}
			if rev != "" {
				v += " " + rev
				if modified == "true" {
					v += "+dirty"
				}
			}
		}
	}
	return v + " " + runtime.Version()
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
