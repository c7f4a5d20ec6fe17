package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"github.com/upward-lint/upward/server"
)

func runLSP(e *env, args []string) int {
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			fmt.Fprint(e.stdout, "Usage: upward lsp [--log-file FILE] [--log-level debug|info|warn|error] [--debounce DURATION] [--max-size SIZE]\n\nRuns the language server on stdin/stdout. Documents larger than --max-size (default 16MB) are not linted.\n")
			return 0
		}
	}
	opts, err := server.ParseFlags(args)
	if err != nil {
		e.errorf("lsp: %v", err)
		return 2
	}
	opts.Stderr = e.stderr
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return server.Run(ctx, e.stdin, e.stdout, opts)
}
