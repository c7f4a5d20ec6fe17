package config

import (
	"maps"

	"github.com/upward-lint/upward/internal/lint"
)

// WithRuleOverrides returns a copy of c with rules turned on or off
// (enabled) and given a severity (severity), on top of what c says; it is
// how the language server lays editor settings over a config file. A rule
// given a severity is also turned on. Everything else (phrases, kinds,
// ignores, custom rules) is shared with c. IDs are not checked. When a
// rule is in both maps, enabled decides whether it runs.
func (c *Config) WithRuleOverrides(enabled map[string]bool, severity map[string]lint.Severity) *Config {
	if c == nil {
		c = Default()
	}
	n := &Config{Path: c.Path, Dir: c.Dir, opts: c.opts, kinds: c.kinds, ignore: c.ignore, custom: c.custom}
	if len(enabled) == 0 && len(severity) == 0 {
		return n
	}
	n.opts.Disabled = maps.Clone(c.opts.Disabled)
	n.opts.Severity = maps.Clone(c.opts.Severity)
	if n.opts.Disabled == nil {
		n.opts.Disabled = map[string]bool{}
	}
	if n.opts.Severity == nil {
		n.opts.Severity = map[string]lint.Severity{}
	}
	for id, s := range severity {
		n.opts.Severity[id] = s
		delete(n.opts.Disabled, id)
	}
	for id, on := range enabled {
		if on {
			delete(n.opts.Disabled, id)
		} else {
			n.opts.Disabled[id] = true
		}
	}
	return n
}

// WithModel returns a copy of c with the learned model turned on or off
// (enabled, if not nil) and at a sensitivity (if not ""), on top of what c
// says; it is how the language server lays the editor's "model" settings
// over a config file. The sensitivity is not checked.
func (c *Config) WithModel(enabled *bool, sensitivity string) *Config {
	if c == nil {
		c = Default()
	}
	n := &Config{Path: c.Path, Dir: c.Dir, opts: c.opts, kinds: c.kinds, ignore: c.ignore, custom: c.custom}
	if enabled != nil {
		n.opts.Model.Off = !*enabled
	}
	if sensitivity != "" {
		n.opts.Model.Sensitivity = sensitivity
	}
	return n
}
