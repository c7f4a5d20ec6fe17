package cli

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/upward-lint/upward/internal/config"
	"github.com/upward-lint/upward/internal/configedit"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/regfile"
)

// runAllow is `upward allow RULE PHRASE [--config F]`: it adds PHRASE to
// the allow list of RULE in the nearest .upward.toml (or F), creating the
// file in the working directory when there is none. With disable set it is
// `upward disable RULE`, which turns RULE off instead. The file keeps its
// comments and layout; a file that does not load is left untouched.
func runAllow(e *env, args []string, disable bool) int {
	name, want := "allow", "RULE PHRASE"
	if disable {
		name, want = "disable", "RULE"
	}
	fl := flag.NewFlagSet("upward "+name, flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	cfgPath := fl.String("config", "", "edit `FILE` instead of the nearest .upward.toml (created if missing)")
	fl.Usage = func() {
		fmt.Fprintf(fl.Output(), "Usage: upward %s %s [--config FILE]\n\n", name, want)
		if disable {
			fmt.Fprint(fl.Output(), "Turns RULE off in the nearest .upward.toml ([rules.RULE] enabled = false).\n\n")
		} else {
			fmt.Fprint(fl.Output(), "Adds PHRASE to RULE's allow list in the nearest .upward.toml: text containing\nit is never flagged by RULE.\n\n")
		}
		fmt.Fprint(fl.Output(), "The file keeps its comments and layout. Without one, .upward.toml is created in\nthe current folder.\n\nFlags:\n")
		fl.PrintDefaults()
	}
	var pos []string
	for {
		if err := fl.Parse(args); err != nil {
			return flagErr(err)
		}
		rest := fl.Args()
		if len(rest) == 0 {
			break
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	n := 2
	if disable {
		n = 1
	}
	if len(pos) != n {
		e.errorf("%s: want %s (run \"upward %s -h\")", name, want, name)
		return 2
	}
	rule := pos[0]

	path := *cfgPath
	if path == "" {
		path = config.FileName
		if found := config.NewResolver(nil).Nearest("."); found != "" {
			path = shortPath(found)
		}
	}
	// As config.Load reads it: a regular file (a FIFO or a symlink to
	// /dev/zero is refused) of at most config.MaxFileSize. It stays open
	// for the write's last check (see fixWriter.write).
	f, fi, err := regfile.Open(path)
	exists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		e.errorf("%s: %s", quoteName(path), reason(err))
		return 2
	}
	var data []byte
	if exists {
		defer f.Close()
		if data, err = regfile.Read(f, fi.Size(), config.MaxFileSize); err != nil {
			var tl *regfile.TooLargeError
			if errors.As(err, &tl) {
				e.errorf("%s: larger than %s, the limit for a config file", quoteName(path), regfile.FormatSize(config.MaxFileSize))
			} else {
				e.errorf("%s: %s", quoteName(path), reason(err))
			}
			return 2
		}
	}
	src := string(data)
	cfg, err := config.Parse(path, data)
	if err != nil {
		e.errorf("%v", err)
		e.errorf("%s: not changed: fix the error above first", path)
		return 2
	}
	if msg := unknownRule(cfg, rule); msg != "" {
		e.errorf("%s: %s", name, msg)
		return 2
	}

	var out string
	var changed bool
	if disable {
		out, changed, err = configedit.Disable(src, rule)
	} else {
		out, changed, err = configedit.Allow(src, rule, pos[1])
	}
	if err != nil {
		e.errorf("%s: not changed: %v", path, err)
		return 2
	}
	what, already := "disabled "+rule, rule+" is already disabled"
	if !disable {
		what, already = fmt.Sprintf("allowed %q for %s", pos[1], rule), fmt.Sprintf("%q is already allowed for %s", pos[1], rule)
	}
	if !changed {
		e.errorf("%s: %s", path, already)
		return 0
	}
	if _, err := config.Parse(path, []byte(out)); err != nil {
		// configedit keeps the TOML valid; this guards the schema too.
		e.errorf("%s: not changed: the edit would not load: %v", path, err)
		return 2
	}
	if exists {
		err = (&fixWriter{}).write(fixTarget{path: path, f: f, read: fi, explicit: true}, []byte(out))
	} else {
		err = createFile(path, []byte(out))
	}
	if err != nil {
		e.errorf("%s: not changed: %v", path, err)
		return 2
	}
	verb := "in"
	if !exists {
		verb = "in new file"
	}
	e.errorf("%s %s %s", what, verb, path)
	return 0
}

// unknownRule returns why rule is not a rule of cfg, or "".
func unknownRule(cfg *config.Config, rule string) string {
	var ids []string
	for _, r := range cfg.Rules() {
		ids = append(ids, r.ID)
	}
	if slices.Contains(ids, rule) {
		return ""
	}
	if s := lint.Closest(rule, ids); s != "" {
		return fmt.Sprintf("unknown rule %q (did you mean %q?)", rule, s)
	}
	return fmt.Sprintf("unknown rule %q (run \"upward rules\" for the list)", rule)
}

// createFile writes a new file, failing if one appeared meanwhile.
func createFile(path string, data []byte) error {
	if dir := filepath.Dir(path); dir != "." {
		if _, err := os.Stat(dir); err != nil {
			return errors.New(reason(err))
		}
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return errors.New(reason(err))
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return errors.New(reason(err))
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return errors.New(reason(err))
	}
	return nil
}
