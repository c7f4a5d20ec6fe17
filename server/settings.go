package server

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/upward-lint/upward/internal/config"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/model"
	"github.com/upward-lint/upward/internal/profile"
)

// settings are the editor's settings under the section "upward", from
// workspace/configuration, workspace/didChangeConfiguration or
// initializationOptions:
//
//	{"rules": {"hedging": false, "vague-timing": "error",
//	           "crisis": {"enabled": true, "severity": "hint"}},
//	 "model": {"enabled": true, "sensitivity": "precise"}}
//
// "model" turns the learned model on or off and sets its sensitivity
// (precise, balanced or thorough), as [model] does in .upward.toml.
// "profile" ("exec", "manager" or "peer") chooses the audience profile, as
// profile does in .upward.toml; a document's front matter audience wins.
//
// A rule's value is true or "on" (run it), false or "off" (don't), a
// severity ("error", "warning", "info", "hint": run it at that severity) or
// an object with "enabled" and/or "severity". Settings are laid over the
// .upward.toml that applies to each file: a rule the settings name is on or
// off and at the severity they say, whatever the file says; everything else
// (phrases, kinds, ignores, custom rules and the rules the settings don't
// name) comes from the file.
type settings struct {
	enabled  map[string]bool
	severity map[string]lint.Severity
	// modelOn and sensitivity are the "model" settings, if given.
	modelOn     *bool
	sensitivity string
	// profile is the "profile" setting, if given.
	profile string
}

func (s settings) empty() bool {
	return len(s.enabled) == 0 && len(s.severity) == 0 && s.modelOn == nil && s.sensitivity == "" && s.profile == ""
}

// apply lays the settings over cfg.
func (s settings) apply(cfg *config.Config) *config.Config {
	if s.empty() {
		return cfg
	}
	if len(s.enabled) > 0 || len(s.severity) > 0 {
		cfg = cfg.WithRuleOverrides(s.enabled, s.severity)
	}
	if s.modelOn != nil || s.sensitivity != "" {
		cfg = cfg.WithModel(s.modelOn, s.sensitivity)
	}
	if s.profile != "" {
		cfg = cfg.WithProfile(s.profile)
	}
	return cfg
}

// setModel decodes the "model" settings; it returns a warning for a bad
// value and ignores it.
func (s *settings) setModel(raw json.RawMessage) string {
	var m struct {
		Enabled     *bool   `json:"enabled"`
		Sensitivity *string `json:"sensitivity"`
	}
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return fmt.Sprintf("upward.model: want {\"enabled\": true|false, \"sensitivity\": \"precise\"|\"balanced\"|\"thorough\"}: %v", err)
	}
	s.modelOn = m.Enabled
	if m.Sensitivity != nil {
		if _, err := model.ParseSensitivity(*m.Sensitivity); err != nil {
			return "upward.model.sensitivity: " + err.Error()
		}
		s.sensitivity = *m.Sensitivity
	}
	return ""
}

// parseSettings decodes settings from a JSON value that is either the
// "upward" section itself or an object holding it. Problems with single
// rules are returned as warnings and those rules ignored; err is set only
// when the value as a whole has the wrong shape. known reports whether a
// rule ID exists.
func parseSettings(raw json.RawMessage, known func(string) bool) (s settings, warnings []string, err error) {
	if len(raw) == 0 || string(raw) == "null" {
		return settings{}, nil, nil
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(raw, &top); err != nil {
		return settings{}, nil, fmt.Errorf("settings: want an object: %v", err)
	}
	if sec, ok := top["upward"]; ok {
		if string(sec) == "null" {
			return settings{}, nil, nil
		}
		top = nil
		if err := json.Unmarshal(sec, &top); err != nil {
			return settings{}, nil, fmt.Errorf("settings: upward: want an object: %v", err)
		}
	}
	if m, ok := top["model"]; ok && string(m) != "null" {
		if w := s.setModel(m); w != "" {
			warnings = append(warnings, w)
		}
	}
	if p, ok := top["profile"]; ok && string(p) != "null" {
		var name string
		if err := json.Unmarshal(p, &name); err != nil {
			warnings = append(warnings, fmt.Sprintf("upward.profile: want a string (exec, manager or peer), got %s", truncate(string(p), 40)))
		} else if err := profile.Check(name); err != nil {
			warnings = append(warnings, "upward.profile: "+err.Error())
		} else {
			s.profile = name
		}
	}
	rulesRaw, ok := top["rules"]
	if !ok || string(rulesRaw) == "null" {
		return s, warnings, nil
	}
	var rules map[string]json.RawMessage
	if err := json.Unmarshal(rulesRaw, &rules); err != nil {
		return settings{}, nil, fmt.Errorf("settings: upward.rules: want an object mapping rule IDs to true, false or a severity: %v", err)
	}
	ids := make([]string, 0, len(rules))
	for id := range rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	s.enabled, s.severity = map[string]bool{}, map[string]lint.Severity{}
	for _, id := range ids {
		if known != nil && !known(id) {
			warnings = append(warnings, fmt.Sprintf("upward.rules: unknown rule %q (see `upward rules`)", id))
			continue
		}
		if w := s.setRule(id, rules[id]); w != "" {
			warnings = append(warnings, w)
		}
	}
	return s, warnings, nil
}

// setRule decodes one rule's value; it returns a warning for a bad one.
func (s *settings) setRule(id string, raw json.RawMessage) string {
	bad := fmt.Sprintf("upward.rules.%s: want true, false, \"off\" or a severity (error, warning, info, hint), got %s", id, truncate(string(raw), 40))
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return bad
	}
	switch v := v.(type) {
	case bool:
		s.enabled[id] = v
	case string:
		return s.setWord(id, v, bad)
	case map[string]any:
		for k := range v {
			if k != "enabled" && k != "severity" {
				return fmt.Sprintf("upward.rules.%s: unknown key %q (want enabled or severity)", id, k)
			}
		}
		if sev, ok := v["severity"]; ok {
			str, ok := sev.(string)
			if !ok {
				return bad
			}
			if w := s.setWord(id, str, bad); w != "" {
				return w
			}
		}
		if en, ok := v["enabled"]; ok {
			b, ok := en.(bool)
			if !ok {
				return fmt.Sprintf("upward.rules.%s.enabled: want true or false", id)
			}
			s.enabled[id] = b
		}
	default:
		return bad
	}
	return ""
}

func (s *settings) setWord(id, word, bad string) string {
	switch w := strings.ToLower(strings.TrimSpace(word)); w {
	case "off", "false", "disabled", "none":
		s.enabled[id] = false
	case "on", "true", "enabled":
		s.enabled[id] = true
	default:
		if w == "information" {
			w = "info"
		}
		sev, err := lint.ParseSeverity(w)
		if err != nil {
			return bad
		}
		s.severity[id] = sev
	}
	return ""
}
