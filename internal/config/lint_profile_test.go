package config

import (
	"testing"

	"github.com/upward-lint/upward/internal/lint"
)

func severityOf(t *testing.T, fs []lint.Finding, rule string) lint.Severity {
	t.Helper()
	for _, f := range fs {
		if f.RuleID == rule {
			return f.Severity
		}
	}
	t.Fatalf("no %s finding in %+v", rule, fs)
	return 0
}

// TestProfiles: the configured profile sets severities, the front
// matter's audience wins over it, and an explicit severity wins over both.
func TestProfiles(t *testing.T) {
	const body = "Sorry to bother you, but the vendor's sandbox is down. This is a disaster.\n"
	parse := func(src string) *Config {
		c, err := Parse("/p/.upward.toml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	peer := parse("profile = \"peer\"\n[model]\nenabled = false\n")
	_, fs := lintString("a.md", body, peer)
	if s := severityOf(t, fs, "hedging"); s != lint.Hint {
		t.Errorf("peer: hedging %v, want hint", s)
	}
	_, fs = lintString("a.md", "---\naudience: executive\n---\n"+body, peer)
	if s := severityOf(t, fs, "crisis"); s != lint.Error {
		t.Errorf("front matter exec: crisis %v, want error", s)
	}
	if s := severityOf(t, fs, "hedging"); s != lint.Warning {
		t.Errorf("front matter exec: hedging %v, want warning", s)
	}
	explicit := parse("profile = \"exec\"\n[rules.crisis]\nseverity = \"info\"\n[model]\nenabled = false\n")
	_, fs = lintString("a.md", body, explicit)
	if s := severityOf(t, fs, "crisis"); s != lint.Info {
		t.Errorf("explicit severity: crisis %v, want info", s)
	}

	// A session notices a change of audience in an unchanged body.
	var s LintCache
	_, fs = s.Lint(explicit, "a.md", formatOf("a.md"), "---\naudience: peer\n---\n"+body)
	if sev := severityOf(t, fs, "hedging"); sev != lint.Hint {
		t.Errorf("session, peer: hedging %v", sev)
	}
	_, fs = s.Lint(explicit, "a.md", formatOf("a.md"), "---\naudience: exec\n---\n"+body)
	if sev := severityOf(t, fs, "hedging"); sev != lint.Warning {
		t.Errorf("session, exec: hedging %v", sev)
	}
}
