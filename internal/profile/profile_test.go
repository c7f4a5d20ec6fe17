package profile

import (
	"testing"

	"github.com/upward-lint/upward/internal/builtin"
	"github.com/upward-lint/upward/internal/lint"
)

func TestPresets(t *testing.T) {
	// The examples.
	for _, tc := range []struct {
		profile, rule string
		want          lint.Severity
	}{
		{"exec", "crisis", lint.Error},
		{"exec", "open-question", lint.Error},
		{"exec", "missing-next-steps", lint.Error},
		{"exec", "hedging", lint.Warning},
		{"peer", "hedging", lint.Hint},
		{"manager", "vague-timing", lint.Error},
	} {
		if got, ok := Severity(tc.profile, tc.rule); !ok || got != tc.want {
			t.Errorf("%s: %s = %v, %v; want %v", tc.profile, tc.rule, got, ok, tc.want)
		}
	}
	// Every preset names built-in rules, and each profile changes something.
	for _, p := range Names {
		if Descriptions[p] == "" {
			t.Errorf("profile %s has no description", p)
		}
		changes := 0
		for _, id := range Rules(p) {
			r := builtin.Lookup(id)
			if r == nil {
				t.Errorf("profile %s names unknown rule %q", p, id)
				continue
			}
			if s, _ := Severity(p, id); s != r.Severity {
				changes++
			}
		}
		if changes == 0 {
			t.Errorf("profile %s changes no severity", p)
		}
	}
}

func TestApply(t *testing.T) {
	opts := lint.Options{Severity: map[string]lint.Severity{"crisis": lint.Hint}}
	got := Apply(opts, "Executive")
	if got.Severity["crisis"] != lint.Hint {
		t.Errorf("an explicit severity lost to the profile: %v", got.Severity["crisis"])
	}
	if got.Severity["open-question"] != lint.Error {
		t.Errorf("open-question = %v, want error from exec", got.Severity["open-question"])
	}
	if len(opts.Severity) != 1 {
		t.Errorf("Apply changed its argument: %v", opts.Severity)
	}
	if same := Apply(opts, "customers"); len(same.Severity) != 1 {
		t.Errorf("an unknown profile changed severities: %v", same.Severity)
	}
}

func TestFor(t *testing.T) {
	for _, tc := range []struct {
		audience, configured, want string
	}{
		{"", "peer", "peer"},
		{"Leadership", "peer", "exec"},
		{"boss", "", "manager"},
		{"customers", "peer", "peer"}, // not a profile: the configured one
		{"", "", ""},
	} {
		if got := For(map[string]string{"audience": tc.audience}, tc.configured); got != tc.want {
			t.Errorf("For(audience %q, configured %q) = %q, want %q", tc.audience, tc.configured, got, tc.want)
		}
	}
	if err := Check("ceo"); err == nil {
		t.Error("Check(ceo) succeeded")
	}
}
