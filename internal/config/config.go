// Package config reads .upward.toml files.
//
// A config file applies to the files in its folder and below; for each file
// the nearest .upward.toml found by walking up from the file's folder is used
// (files are never merged). Every key is optional:
//
//	# Top-level keys must come before the first [table].
//	ignore = ["drafts/**", "CHANGELOG.md"]  # never lint these paths
//	locale = "en-US"                   # how rewrites write dates (default en-GB; or iso)
//	profile = "exec"                   # audience: severity presets (exec, manager, peer)
//
//	[rules.hedging]
//	enabled = false                    # turn a rule off
//
//	[rules.vague-timing]
//	severity = "error"                 # error, warning, info or hint
//	extra = ["in a bit"]               # more phrases for the rule to flag
//	allow = ["soon-ish"]               # findings inside these are dropped
//
//	[model]                            # the learned model beside the phrases
//	enabled = true                     # false: phrases alone decide
//	sensitivity = "balanced"           # precise, balanced or thorough
//
//	[kinds]                            # document kind by path
//	status-report = ["reports/**/*.md", "**/weekly-*.md"]
//	meeting-notes = ["meetings/**"]
//
//	[[custom]]                         # a custom phrase rule
//	id = "no-just"
//	message = "Drop \"just\": it undercuts the request."
//	phrases = ["just checking in"]
//	replacement = "checking in"        # optional: the quick fix
//	severity = "info"                  # optional, default warning
//
// [rules.ID] accepts the built-in rule IDs (see `upward rules`) and the IDs
// of custom rules. Kind names are those of document.ParseKind
// ("status-report", "meeting-notes", "none", ...); the first glob in file
// order that matches a path gives its kind.
//
// Globs are slash-separated paths relative to the config file's folder,
// matched segment by segment with path.Match syntax, where a segment "**"
// matches any number of segments. A glob that matches a folder also matches
// everything below it, so "drafts" and "drafts/**" are the same.
//
// Loading is strict: an unknown key, an unknown rule ID, kind or severity, a
// malformed glob, or a custom rule whose ID clashes with another rule is an
// error that names the file, the line and the key.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/upward-lint/upward/internal/builtin"
	"github.com/upward-lint/upward/internal/dates"
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/model"
	"github.com/upward-lint/upward/internal/profile"
	"github.com/upward-lint/upward/internal/regfile"
)

// FileName is the name of the config file looked up from each linted file's
// folder upward.
const FileName = ".upward.toml"

// Config is a loaded configuration. The zero value (or nil) is the default:
// every built-in rule at its default severity.
type Config struct {
	// Path is the file it was read from, "" for the default.
	Path string
	// Dir is the absolute folder globs are relative to ("" for the default).
	Dir string

	opts   lint.Options
	kinds  []kindGlob
	ignore []glob
	custom []CustomRule

	rulesOnce sync.Once
	rules     []*lint.Rule
}

// CustomRule is a phrase rule defined in a [[custom]] table.
type CustomRule struct {
	ID, Message string
	Phrases     []string
	Replacement string
	Severity    lint.Severity

	rule *lint.Rule
}

type kindGlob struct {
	kind document.Kind
	g    glob
}

// Error is a problem in a config file. Line is 0 when unknown.
type Error struct {
	Path string
	Line int
	Col  int
	// Key is the dotted key at fault, if any.
	Key string
	Msg string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// Default returns the configuration used when no file is found.
func Default() *Config { return &Config{} }

// file is the TOML schema of .upward.toml.
type file struct {
	Ignore []string              `toml:"ignore"`
	Rules  map[string]ruleConfig `toml:"rules"`
	Kinds  map[string][]string   `toml:"kinds"`
	Custom []customConfig        `toml:"custom"`
	Model  *modelConfig          `toml:"model"`

	// How rewrites write dates, and the audience profile.
	Locale  *string `toml:"locale"`
	Profile *string `toml:"profile"`
}

type modelConfig struct {
	Enabled     *bool   `toml:"enabled"`
	Sensitivity *string `toml:"sensitivity"`
}

type ruleConfig struct {
	Enabled  *bool    `toml:"enabled"`
	Severity *string  `toml:"severity"`
	Extra    []string `toml:"extra"`
	Allow    []string `toml:"allow"`
}

type customConfig struct {
	ID          string   `toml:"id"`
	Message     string   `toml:"message"`
	Phrases     []string `toml:"phrases"`
	Replacement string   `toml:"replacement"`
	Severity    string   `toml:"severity"`
}

// Known keys, for "did you mean" hints.
var (
	topKeys    = []string{"ignore", "locale", "profile", "rules", "kinds", "custom", "model"}
	modelKeys  = []string{"enabled", "sensitivity"}
	ruleKeys   = []string{"enabled", "severity", "extra", "allow"}
	customKeys = []string{"id", "message", "phrases", "replacement", "severity"}
)

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// MaxFileSize is the largest config file read. A config file in a cloned
// repository is input from a stranger: it may be a symlink to /dev/zero or
// a FIFO, which Load refuses as not regular files.
const MaxFileSize = 1 << 20

// Load reads and validates one config file, which must be a regular file
// (or a symlink to one) of at most MaxFileSize bytes. Errors name the file,
// line and key.
func Load(path string) (*Config, error) {
	data, err := ReadFile(path)
	if err != nil {
		return nil, &Error{Path: path, Msg: readReason(err)}
	}
	return Parse(path, data)
}

// ReadFile reads the config file at path as Load does, without parsing it.
func ReadFile(path string) ([]byte, error) {
	data, _, err := regfile.ReadFile(path, MaxFileSize)
	var tl *regfile.TooLargeError
	if errors.As(err, &tl) {
		return nil, errTooLarge
	}
	return data, err
}

var errTooLarge = fmt.Errorf("larger than %s, the limit for a config file", regfile.FormatSize(MaxFileSize))

// Parse validates the contents of a config file read from path.
func Parse(path string, data []byte) (*Config, error) {
	if len(data) > MaxFileSize {
		return nil, &Error{Path: path, Msg: errTooLarge.Error()}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	var f file
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return nil, decodeError(path, data, err)
	}
	v := &validator{path: path, lines: scanKeyLines(string(data))}
	if und := md.Undecoded(); len(und) > 0 {
		for _, k := range und {
			v.unknownKey(k)
		}
		return nil, v.first()
	}
	c := &Config{Path: path, Dir: filepath.Dir(abs)}
	v.build(c, &f)
	if err := v.first(); err != nil {
		return nil, err
	}
	return c, nil
}

func readReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// probe reports whether a config file is at p; err is why p cannot be
// looked at.
func probe(p string) (bool, error) {
	fi, err := os.Stat(p)
	switch {
	case err == nil:
		return !fi.IsDir(), nil
	case errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR):
		return false, nil
	}
	return false, &Error{Path: p, Msg: readReason(err)}
}

// Options turns the config into lint options. The result is shared: do not
// modify it.
func (c *Config) Options() lint.Options {
	if c == nil {
		return lint.Options{}
	}
	return c.opts
}

// Rules returns the rules to run: the built-ins plus custom phrase rules.
// The slice is shared: do not modify it.
func (c *Config) Rules() []*lint.Rule {
	if c == nil || len(c.custom) == 0 {
		return builtin.All()
	}
	c.rulesOnce.Do(func() {
		rs := slices.Clone(builtin.All())
		for _, cr := range c.custom {
			if cr.rule != nil {
				rs = append(rs, cr.rule)
			}
		}
		c.rules = rs
	})
	return c.rules
}

// Custom returns the custom rules defined in the file, in file order.
func (c *Config) Custom() []CustomRule {
	if c == nil {
		return nil
	}
	return c.custom
}

// KindFor returns the document kind the config's globs give path, or KindNone.
func (c *Config) KindFor(path string) document.Kind {
	if c == nil || len(c.kinds) == 0 {
		return document.KindNone
	}
	rel, ok := c.rel(path)
	if !ok {
		return document.KindNone
	}
	for _, k := range c.kinds {
		if k.g.match(rel) {
			return k.kind
		}
	}
	return document.KindNone
}

// Ignored reports whether path matches the config's ignore globs.
func (c *Config) Ignored(path string) bool {
	if c == nil || len(c.ignore) == 0 {
		return false
	}
	rel, ok := c.rel(path)
	if !ok {
		return false
	}
	for _, g := range c.ignore {
		if g.match(rel) {
			return true
		}
	}
	return false
}

// rel returns path relative to the config's folder, slash-separated, and
// false when path is outside it.
func (c *Config) rel(path string) (string, bool) {
	if c.Dir == "" {
		return "", false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	r, err := filepath.Rel(c.Dir, abs)
	if err != nil || r == "." || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// validator collects errors with their lines while building a Config.
type validator struct {
	path  string
	lines *keyLines
	errs  []*Error
}

func (v *validator) errorf(key []string, index int, format string, args ...any) {
	line := v.lines.find(key, index)
	v.errs = append(v.errs, &Error{Path: v.path, Line: line, Key: strings.Join(key, "."), Msg: fmt.Sprintf(format, args...)})
}

func (v *validator) first() error {
	if len(v.errs) == 0 {
		return nil
	}
	sort.SliceStable(v.errs, func(i, j int) bool { return v.errs[i].Line < v.errs[j].Line })
	return v.errs[0]
}

func (v *validator) unknownKey(k toml.Key) {
	msg := fmt.Sprintf("unknown key %q", k.String())
	if s := suggestKey(k); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	v.errs = append(v.errs, &Error{Path: v.path, Line: v.lines.find(k, -1), Key: k.String(), Msg: msg})
}

// suggestKey returns the known key nearest to the unknown key k, or "".
func suggestKey(k toml.Key) string {
	var known []string
	switch {
	case len(k) == 1:
		known = topKeys
	case !slices.Contains(topKeys, k[0]):
		// A misspelt table: [rule.hedging] for [rules.hedging].
		top := lint.Closest(k[0], topKeys)
		if top == "" {
			return ""
		}
		fixed := append([]string{top}, k[1:]...)
		if top == "rules" && !slices.Contains(builtin.IDs, k[1]) {
			if id := lint.Closest(k[1], builtin.IDs); id != "" {
				fixed[1] = id
			}
		}
		return strings.Join(fixed, ".")
	case k[0] == "rules" && len(k) == 3:
		known = ruleKeys
	case k[0] == "custom" && len(k) == 2:
		known = customKeys
	case k[0] == "model" && len(k) == 2:
		known = modelKeys
	}
	return lint.Closest(k[len(k)-1], known)
}

func (v *validator) build(c *Config, f *file) {
	custom := map[string]bool{}
	for i, cc := range f.Custom {
		key := []string{"custom"}
		switch {
		case cc.ID == "":
			v.errorf(key, i, "custom rule %d has no id", i+1)
			continue
		case !idPattern.MatchString(cc.ID):
			v.errorf(append(key, "id"), i, "custom rule id %q: use lower-case letters, digits and dashes", cc.ID)
			continue
		case slices.Contains(builtin.IDs, cc.ID):
			v.errorf(append(key, "id"), i, "custom rule id %q clashes with a built-in rule", cc.ID)
			continue
		case custom[cc.ID]:
			v.errorf(append(key, "id"), i, "custom rule id %q is defined twice", cc.ID)
			continue
		}
		custom[cc.ID] = true
		if strings.TrimSpace(cc.Message) == "" {
			v.errorf(key, i, "custom rule %q has no message", cc.ID)
		}
		if len(cc.Phrases) == 0 {
			v.errorf(key, i, "custom rule %q has no phrases", cc.ID)
		}
		for _, p := range cc.Phrases {
			if strings.TrimSpace(p) == "" {
				v.errorf(append(key, "phrases"), i, "custom rule %q has an empty phrase", cc.ID)
			}
			if msg := phraseTooLong(p); msg != "" {
				v.errorf(append(key, "phrases"), i, "custom rule %q: %s", cc.ID, msg)
			}
		}
		sev := lint.Warning
		if cc.Severity != "" {
			s, err := lint.ParseSeverity(cc.Severity)
			if err != nil {
				v.errorf(append(key, "severity"), i, "custom.severity: %v", err)
			}
			sev = s
		}
		cr := CustomRule{ID: cc.ID, Message: strings.TrimSpace(cc.Message), Phrases: cc.Phrases, Replacement: cc.Replacement, Severity: sev}
		if cr.Message != "" && len(cc.Phrases) > 0 {
			r, err := builtin.NewPhraseRule(cr.ID, cr.Message, cr.Phrases, cr.Replacement, cr.Severity)
			if err != nil {
				v.errorf(append(key, "phrases"), i, "%v", err)
				continue
			}
			r.Source = "custom rule in " + v.path
			cr.rule = r
		}
		c.custom = append(c.custom, cr)
	}

	ids := make([]string, 0, len(f.Rules))
	for id := range f.Rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		rc := f.Rules[id]
		key := []string{"rules", id}
		if !slices.Contains(builtin.IDs, id) && !custom[id] {
			msg := fmt.Sprintf("unknown rule %q in [rules.%s]", id, id)
			if s := lint.Closest(id, builtin.IDs); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			} else {
				msg += " (see `upward rules`)"
			}
			v.errorf(key, -1, "%s", msg)
			continue
		}
		if rc.Enabled != nil && !*rc.Enabled {
			if c.opts.Disabled == nil {
				c.opts.Disabled = map[string]bool{}
			}
			c.opts.Disabled[id] = true
		}
		if rc.Severity != nil {
			s, err := lint.ParseSeverity(*rc.Severity)
			if err != nil {
				v.errorf(append(key, "severity"), -1, "rules.%s.severity: %v", id, err)
			} else {
				if c.opts.Severity == nil {
					c.opts.Severity = map[string]lint.Severity{}
				}
				c.opts.Severity[id] = s
			}
		}
		for _, fp := range []struct {
			field   string
			phrases []string
		}{{"extra", rc.Extra}, {"allow", rc.Allow}} {
			for _, p := range fp.phrases {
				if msg := phraseTooLong(p); msg != "" {
					v.errorf(append(key, fp.field), -1, "rules.%s.%s: %s", id, fp.field, msg)
				}
			}
		}
		if len(rc.Extra) > 0 {
			if c.opts.Extra == nil {
				c.opts.Extra = map[string][]string{}
			}
			c.opts.Extra[id] = nonEmpty(rc.Extra)
		}
		if len(rc.Allow) > 0 {
			if c.opts.Allow == nil {
				c.opts.Allow = map[string][]string{}
			}
			c.opts.Allow[id] = nonEmpty(rc.Allow)
		}
	}

	if m := f.Model; m != nil {
		if m.Enabled != nil && !*m.Enabled {
			c.opts.Model.Off = true
		}
		if m.Sensitivity != nil {
			if _, err := model.ParseSensitivity(*m.Sensitivity); err != nil {
				v.errorf([]string{"model", "sensitivity"}, -1, "model.sensitivity: %v", err)
			} else {
				c.opts.Model.Sensitivity = *m.Sensitivity
			}
		}
	}

	type kindEntry struct {
		name string
		line int
	}
	var kinds []kindEntry
	for name := range f.Kinds {
		kinds = append(kinds, kindEntry{name, v.lines.find([]string{"kinds", name}, -1)})
	}
	sort.Slice(kinds, func(i, j int) bool {
		if kinds[i].line != kinds[j].line {
			return kinds[i].line < kinds[j].line
		}
		return kinds[i].name < kinds[j].name
	})
	for _, ke := range kinds {
		key := []string{"kinds", ke.name}
		kind, ok := document.ParseKind(ke.name)
		if !ok {
			msg := fmt.Sprintf("unknown document kind %q (want status-report, meeting-notes or none)", ke.name)
			if ke.name == "ignore" {
				msg += "; top-level keys such as ignore must come before the first [table]"
			}
			v.errorf(key, -1, "%s", msg)
			continue
		}
		for _, p := range f.Kinds[ke.name] {
			g, err := compileGlob(p)
			if err != nil {
				v.errorf(key, -1, "kinds.%s: %v", ke.name, err)
				continue
			}
			c.kinds = append(c.kinds, kindGlob{kind, g})
		}
	}

	if f.Locale != nil {
		if _, err := dates.ParseStyle(*f.Locale); err != nil {
			v.errorf([]string{"locale"}, -1, "locale: %v", err)
		} else {
			c.opts.Dates.Locale = *f.Locale
		}
	}
	if f.Profile != nil {
		if err := profile.Check(*f.Profile); err != nil {
			v.errorf([]string{"profile"}, -1, "profile: %v", err)
		} else {
			c.opts.Profile = *f.Profile
		}
	}

	for _, p := range f.Ignore {
		g, err := compileGlob(p)
		if err != nil {
			v.errorf([]string{"ignore"}, -1, "ignore: %v", err)
			continue
		}
		c.ignore = append(c.ignore, g)
	}
}

// The longest phrase a config may give (custom phrases, extra, allow).
// Phrases are short by nature, and matching cost grows with their length:
// a custom phrase of 10,000 words took over a minute on a 400 KB document.
const (
	MaxPhraseWords = 12
	MaxPhraseBytes = 200
)

// phraseTooLong says what is wrong with a phrase over the limits, or "".
func phraseTooLong(p string) string {
	if n := len(strings.Fields(p)); n > MaxPhraseWords {
		return fmt.Sprintf("phrase %q has %d words; a phrase may have at most %d", truncateText(p, 40), n, MaxPhraseWords)
	}
	if len(p) > MaxPhraseBytes {
		return fmt.Sprintf("phrase %q is %d bytes long; a phrase may have at most %d", truncateText(p, 40), len(p), MaxPhraseBytes)
	}
	return ""
}

func truncateText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// closest returns the candidate within edit distance 2 of s, or "".
// typeErr matches BurntSushi/toml's decoding errors, which are not ParseErrors.
var typeErr = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "(.*?)"\): (.*)$`)

func decodeError(path string, data []byte, err error) *Error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		e := &Error{Path: path, Line: pe.Position.Line, Col: pe.Position.Col, Key: pe.LastKey, Msg: pe.Message}
		if s := pe.Position.Start; s > 0 && s <= len(data) {
			// Recompute from the byte offset: an error at a line's end is
			// on that line, not the next.
			e.Line = strings.Count(string(data[:s]), "\n") + 1
			e.Col = s - strings.LastIndexByte(string(data[:s]), '\n')
		}
		if pe.LastKey != "" {
			e.Msg = fmt.Sprintf("%s: %s", pe.LastKey, pe.Message)
		}
		return e
	}
	if m := typeErr.FindStringSubmatch(err.Error()); m != nil {
		e := &Error{Path: path, Key: m[2], Msg: m[2] + ": " + m[3]}
		fmt.Sscan(m[1], &e.Line)
		return e
	}
	return &Error{Path: path, Msg: strings.TrimPrefix(err.Error(), "toml: ")}
}
