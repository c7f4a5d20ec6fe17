package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/upward-lint/upward/internal/builtin"
	"github.com/upward-lint/upward/internal/config"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/profile"
)

// cwdConfig loads the config named by --config, else the one found from the
// working directory, else the default.
func cwdConfig(explicit string) (*config.Config, error) {
	if explicit != "" {
		return config.Load(explicit)
	}
	rv := config.NewResolver(nil).Resolve(".")
	return rv.Config, rv.Err
}

func scopeName(r *lint.Rule) string {
	if r.Scope == lint.DocumentScope {
		return "document"
	}
	return "sentence"
}

func runRules(e *env, args []string) int {
	fs := flag.NewFlagSet("upward rules", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	cfgPath := fs.String("config", "", "read `FILE` instead of the nearest .upward.toml")
	if err := fs.Parse(args); err != nil {
		return flagErr(err)
	}
	if fs.NArg() > 0 {
		e.errorf("rules: unexpected argument %q", fs.Arg(0))
		return 2
	}
	cfg, err := cwdConfig(*cfgPath)
	if err != nil {
		e.errorf("%v", err)
		return 2
	}
	opts := profile.Apply(cfg.Options(), cfg.Options().Profile)
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tSCOPE\tTITLE")
	for _, r := range cfg.Rules() {
		sev := r.Severity.String()
		if s, ok := opts.Severity[r.ID]; ok {
			sev = s.String()
		}
		if opts.Disabled[r.ID] {
			sev = "off"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, sev, scopeName(r), r.Title)
	}
	tw.Flush()
	return 0
}

func runExplain(e *env, args []string) int {
	fs := flag.NewFlagSet("upward explain", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	cfgPath := fs.String("config", "", "read `FILE` instead of the nearest .upward.toml")
	profiles := fs.Bool("profiles", false, "print the audience profiles' severities instead")
	if err := fs.Parse(args); err != nil {
		return flagErr(err)
	}
	if *profiles {
		if fs.NArg() > 0 {
			e.errorf("explain: --profiles takes no rule")
			return 2
		}
		explainProfiles(e.stdout)
		return 0
	}
	if fs.NArg() != 1 {
		e.errorf("explain: want one rule ID (run \"upward rules\" for the list)")
		return 2
	}
	id := fs.Arg(0)
	cfg, err := cwdConfig(*cfgPath)
	if err != nil {
		// A broken config must not hide the built-in docs.
		fmt.Fprintf(e.stderr, "upward: %v (showing built-in rules only)\n", err)
		cfg = config.Default()
	}
	var ids []string
	for _, r := range cfg.Rules() {
		if strings.EqualFold(r.ID, id) {
			explain(e.stdout, r)
			return 0
		}
		ids = append(ids, r.ID)
	}
	if s := lint.Closest(id, ids); s != "" {
		e.errorf("explain: unknown rule %q (did you mean %q?)", id, s)
	} else {
		e.errorf("explain: unknown rule %q (run \"upward rules\" for the list)", id)
	}
	return 2
}

func explain(w io.Writer, r *lint.Rule) {
	fmt.Fprintf(w, "%s: %s\n\n", r.ID, r.Title)
	fmt.Fprintf(w, "Severity: %s. Scope: %s", r.Severity, scopeName(r))
	if len(r.Kinds) > 0 {
		var ks []string
		for _, k := range r.Kinds {
			ks = append(ks, k.String())
		}
		fmt.Fprintf(w, " (%s)", strings.Join(ks, ", "))
	}
	fmt.Fprintln(w, ".")
	if doc := r.Text(); doc != "" {
		fmt.Fprintf(w, "\n%s\n", doc)
	}
}

// explainProfiles prints the audience profiles and the severity each gives
// each rule ("-": the rule's default).
func explainProfiles(w io.Writer) {
	fmt.Fprintln(w, "Audience profiles: profile = \"NAME\" in .upward.toml or the editor settings, or")
	fmt.Fprintln(w, "audience: NAME in a document's front matter (which wins). A severity set in the")
	fmt.Fprintln(w, "config or the settings for a rule wins over the profile's.")
	fmt.Fprintln(w)
	for _, p := range profile.Names {
		fmt.Fprintf(w, "  %-8s %s\n", p, profile.Descriptions[p])
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprint(tw, "RULE\tDEFAULT")
	for _, p := range profile.Names {
		fmt.Fprintf(tw, "\t%s", strings.ToUpper(p))
	}
	fmt.Fprintln(tw)
	for _, r := range builtin.All() {
		fmt.Fprintf(tw, "%s\t%s", r.ID, r.Severity)
		for _, p := range profile.Names {
			if s, ok := profile.Severity(p, r.ID); ok {
				fmt.Fprintf(tw, "\t%s", s)
			} else {
				fmt.Fprint(tw, "\t-")
			}
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
}

// flagErr maps a flag parse error to an exit code: -h is success.
func flagErr(err error) int {
	if err == flag.ErrHelp {
		return 0
	}
	return 2
}
