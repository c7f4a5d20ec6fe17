// Package profile holds the audience profiles: severity presets that say
// what matters to the reader of a document. An executive skims for risk and
// a recommendation, a manager for dates and a paper trail, a peer minds
// little of the polish. A profile is chosen by `profile = "exec"` in
// .upward.toml or the editor settings, and per document by front matter
// `audience: exec`, which wins.
//
// A profile sets severities only: rules stay on or off as configured, and
// a severity the config or the settings give a rule explicitly wins over
// the profile's.
package profile

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/upward-lint/upward/internal/lint"
)

// Names are the profiles, in the order tables list them.
var Names = []string{"exec", "manager", "peer"}

// Descriptions say who each profile is for.
var Descriptions = map[string]string{
	"exec":    "a senior reader who skims: risk, a recommendation and what happens next come first",
	"manager": "your manager: dates, the update cadence and the paper trail matter most",
	"peer":    "a colleague: framing polish matters less; hedging is a hint",
}

// presets are the severities each profile gives; rules not named keep
// their default.
var presets = map[string]map[string]lint.Severity{
	"exec": {
		"crisis":             lint.Error,
		"open-question":      lint.Error,
		"missing-next-steps": lint.Error,
		"problem-only":       lint.Error,
		"hedging":            lint.Warning,
		"action-item-owner":  lint.Info,
	},
	"manager": {
		"vague-timing":           lint.Error,
		"missing-update-cadence": lint.Error,
		"missing-action-items":   lint.Error,
	},
	"peer": {
		"hedging":                lint.Hint,
		"complaint":              lint.Info,
		"open-question":          lint.Hint,
		"problem-only":           lint.Info,
		"crisis":                 lint.Info,
		"missing-update-cadence": lint.Hint,
		"missing-next-steps":     lint.Info,
	},
}

// aliases are the other words front matter may use for a profile.
var aliases = map[string]string{
	"exec": "exec", "execs": "exec", "executive": "exec", "executives": "exec", "leadership": "exec",
	"manager": "manager", "managers": "manager", "boss": "manager", "lead": "manager",
	"peer": "peer", "peers": "peer", "team": "peer", "colleague": "peer", "colleagues": "peer",
}

// Parse returns the profile a name means ("exec", "executive",
// "leadership", "manager", "boss", "peer", "team", …, in any case); ok is
// false for another word.
func Parse(name string) (string, bool) {
	p, ok := aliases[strings.ToLower(strings.TrimSpace(name))]
	return p, ok
}

// Check returns an error for a name that is no profile.
func Check(name string) error {
	if _, ok := Parse(name); !ok {
		return fmt.Errorf("unknown profile %q (want %s)", name, strings.Join(Names, ", "))
	}
	return nil
}

// Severity returns the severity profile gives rule, and false when it
// leaves the rule at its default.
func Severity(profile, rule string) (lint.Severity, bool) {
	p, _ := Parse(profile)
	s, ok := presets[p][rule]
	return s, ok
}

// Rules returns the IDs of the rules profile sets, sorted.
func Rules(profile string) []string {
	p, _ := Parse(profile)
	return slices.Sorted(maps.Keys(presets[p]))
}

// Apply returns opts with profile's severities for the rules whose
// severity opts does not set; opts is not changed. An empty or unknown
// profile changes nothing.
func Apply(opts lint.Options, profile string) lint.Options {
	p, ok := Parse(profile)
	if !ok {
		return opts
	}
	sev := maps.Clone(opts.Severity)
	if sev == nil {
		sev = map[string]lint.Severity{}
	}
	for id, s := range presets[p] {
		if _, set := sev[id]; !set {
			sev[id] = s
		}
	}
	opts.Severity = sev
	return opts
}

// For returns the profile that applies to a document: its front matter's
// audience when that names a profile, else the configured one.
func For(frontMatter map[string]string, configured string) string {
	if p, ok := Parse(frontMatter["audience"]); ok {
		return p
	}
	if p, ok := Parse(configured); ok {
		return p
	}
	return ""
}
