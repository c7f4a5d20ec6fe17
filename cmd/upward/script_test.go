package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/upward-lint/upward/internal/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"upward": func() { os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScript runs the CLI transcripts in testdata/script. Conditions:
// [root] is set when running as root (file modes do not block reads).
// $REPO is the repository's root.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "../../testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       os.Getenv("UPWARD_UPDATE_SCRIPTS") != "",
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Setup: func(e *testscript.Env) error {
			e.Setenv("NO_COLOR", "")
			// $REPO is the repository's root, for scripts that read its
			// files (precommit_hook.txtar reads .pre-commit-hooks.yaml).
			root, err := filepath.Abs("../..")
			e.Setenv("REPO", root)
			return err
		},
	})
}
