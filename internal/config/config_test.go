package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestNilAndDefault(t *testing.T) {
	for _, c := range []*Config{nil, Default()} {
		if c.KindFor("a/b.md") != document.KindNone || c.Ignored("a.md") {
			t.Errorf("default config matches globs")
		}
		o := c.Options()
		if o.Disabled != nil || o.Severity != nil {
			t.Errorf("default options = %+v", o)
		}
		if len(c.Rules()) != len(Default().Rules()) {
			t.Errorf("rules differ")
		}
	}
}

func TestLoadExample(t *testing.T) {
	c, err := Load("../../testdata/examples/.upward.toml")
	if err != nil {
		t.Fatal(err)
	}
	o := c.Options()
	if len(o.Disabled) != 0 {
		t.Errorf("disabled = %v", o.Disabled)
	}
	if o.Severity["vague-timing"] != lint.Error {
		t.Errorf("vague-timing severity = %v", o.Severity["vague-timing"])
	}
	if got := o.Extra["vague-timing"]; len(got) != 1 || got[0] != "in a bit" {
		t.Errorf("extra = %q", got)
	}
	if len(c.Custom()) != 1 || c.Custom()[0].ID != "no-just" || c.Custom()[0].Severity != lint.Info {
		t.Errorf("custom = %+v", c.Custom())
	}
	last := c.Rules()[len(c.Rules())-1]
	if last.ID != "no-just" || last.Run == nil {
		t.Errorf("last rule = %+v", last)
	}
	dir := filepath.Dir(c.Path)
	if k := c.KindFor(filepath.Join(dir, "reports", "2026", "w47.md")); k != document.KindStatus {
		t.Errorf("reports kind = %v", k)
	}
	if k := c.KindFor(filepath.Join(dir, "meetings", "standup.md")); k != document.KindMeetingNotes {
		t.Errorf("meetings kind = %v", k)
	}
	if !c.Ignored(filepath.Join(dir, "drafts", "x", "y.md")) || c.Ignored(filepath.Join(dir, "weekly-status.md")) {
		t.Errorf("ignore globs wrong")
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"unknown key", "[rules.hedging]\nenabeld = false\n", `.upward.toml:2: unknown key "rules.hedging.enabeld" (did you mean "enabled"?)`},
		{"unknown top key", "\n\nignored = []\n", `.upward.toml:3: unknown key "ignored" (did you mean "ignore"?)`},
		{"unknown rule", "# c\n[rules.hedgin]\nenabled = false\n", `.upward.toml:2: unknown rule "hedgin" in [rules.hedgin] (did you mean "hedging"?)`},
		{"bad severity", "[rules.hedging]\n\nseverity = \"loud\"\n", `.upward.toml:3: rules.hedging.severity: unknown severity "loud"`},
		{"bad glob", "[kinds]\nstatus-report = [\"reports/[a\"]\n", `.upward.toml:2: kinds.status-report: bad glob "reports/[a"`},
		{"bad kind", "[kinds]\nstatus = []\nbanana = [\"x\"]\n", `.upward.toml:3: unknown document kind "banana"`},
		{"ignore under kinds", "[kinds]\nignore = [\"x\"]\n", `top-level keys such as ignore must come before the first [table]`},
		{"custom clash", "[[custom]]\nid = \"x-y\"\nmessage = \"m\"\nphrases = [\"a\"]\n[[custom]]\nid = \"hedging\"\nmessage = \"m\"\nphrases = [\"a\"]\n", `.upward.toml:6: custom rule id "hedging" clashes with a built-in rule`},
		{"custom no phrases", "[[custom]]\nid = \"x\"\nmessage = \"m\"\n", `.upward.toml:1: custom rule "x" has no phrases`},
		{"custom bad severity", "[[custom]]\nid = \"x\"\nmessage = \"m\"\nphrases = [\"a\"]\nseverity = \"meh\"\n", `.upward.toml:5: custom.severity: unknown severity "meh"`},
		{"custom unknown key", "[[custom]]\nid = \"x\"\nmesage = \"m\"\n", `.upward.toml:3: unknown key "custom.mesage" (did you mean "message"?)`},
		{"syntax", "[rules.hedging\nenabled = false\n", `.upward.toml:1:15: expected '.' or ']' to end table name`},
		{"wrong type", "[rules.hedging]\nenabled = \"no\"\n", `.upward.toml:2: rules.hedging.enabled: incompatible types`},
		{"dotted key", "# x\n\nrules.hedging.enabeld = false\n", `.upward.toml:3: unknown key "rules.hedging.enabeld"`},
		{"quoted table", "[rules.\"crisis\"]\nseverity = \"warning\"\n[rules.'hedging']\nsevertiy = \"info\"\n", `.upward.toml:4: unknown key "rules.hedging.severtiy" (did you mean "severity"?)`},
		{"second custom", "[[custom]]\nid = \"a\"\nmessage = \"m\"\nphrases = [\"x\"]\n\n[[custom]]\nid = \"b\"\nmessage = \"m\"\nphrases = [\"y\"]\nseverity = \"bad\"\n", `.upward.toml:10: custom.severity: unknown severity "bad"`},
		{"multi-line string skipped", "[[custom]]\nid = \"a\"\nmessage = \"\"\"\nseverity = 1\n\"\"\"\nphrases = [\"x\"]\nseverity = \"bad\"\n", `.upward.toml:7: custom.severity`},
		{"absolute glob", "ignore = [\"/etc\"]\n", `.upward.toml:1: ignore: bad glob "/etc"`},
		{"bad sensitivity", "[model]\n\nsensitivity = \"paranoid\"\n", `.upward.toml:3: model.sensitivity: unknown sensitivity "paranoid"`},
		{"model unknown key", "[model]\nenable = false\n", `.upward.toml:2: unknown key "model.enable" (did you mean "enabled"?)`},
		{"bad locale", "# dates\nlocale = \"fr-FR\"\n", `.upward.toml:2: locale: unknown locale "fr-FR"`},
		{"bad profile", "profile = \"ceo\"\n", `.upward.toml:1: profile: unknown profile "ceo" (want exec, manager, peer)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(".upward.toml", []byte(tc.text))
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %q, want it to contain %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error has several lines: %q", err)
			}
		})
	}
}

func TestDisable(t *testing.T) {
	c, err := Parse(".upward.toml", []byte("[rules.hedging]\nenabled = false\n[rules.crisis]\nenabled = true\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !c.Options().Disabled["hedging"] || c.Options().Disabled["crisis"] {
		t.Errorf("disabled = %v", c.Options().Disabled)
	}
}

func TestCustomRuleIDCanBeConfigured(t *testing.T) {
	c, err := Parse(".upward.toml", []byte("[[custom]]\nid = \"no-just\"\nmessage = \"m\"\nphrases = [\"just\"]\n[rules.no-just]\nseverity = \"error\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Options().Severity["no-just"] != lint.Error {
		t.Errorf("severity not applied to custom rule")
	}
}

func TestGlob(t *testing.T) {
	tests := []struct {
		pat, path string
		want      bool
	}{
		{"drafts/**", "drafts/a.md", true},
		{"drafts/**", "drafts/x/y/a.md", true},
		{"drafts/**", "drafts", false},
		{"drafts", "drafts/a.md", true},
		{"drafts", "notes/drafts/a.md", false},
		{"**/weekly-*.md", "weekly-1.md", true},
		{"**/weekly-*.md", "a/b/weekly-1.md", true},
		{"**/weekly-*.md", "a/b/weekly-1.txt", false},
		{"reports/**/*.md", "reports/x.md", true},
		{"reports/**/*.md", "reports/2026/11/x.md", true},
		{"reports/**/*.md", "other/reports/x.md", false},
		{"CHANGELOG.md", "CHANGELOG.md", true},
		{"CHANGELOG.md", "sub/CHANGELOG.md", false},
		{"*.txt", "a.txt", true},
		{"./notes/", "notes/a.md", true},
	}
	for _, tc := range tests {
		g, err := compileGlob(tc.pat)
		if err != nil {
			t.Fatalf("%q: %v", tc.pat, err)
		}
		if got := g.match(tc.path); got != tc.want {
			t.Errorf("%q match %q = %v, want %v", tc.pat, tc.path, got, tc.want)
		}
	}
	// Runs of ** must not make matching exponential (this would hang).
	many, _ := compileGlob(strings.Repeat("**/", 40) + "x")
	if many.match(strings.Repeat("a/", 60)+"b") || !many.match(strings.Repeat("a/", 60)+"x") {
		t.Error("many ** globs match wrongly")
	}
	for _, bad := range []string{"", "a/**b", "../x", "a//b", "[", "/abs"} {
		if _, err := compileGlob(bad); err == nil {
			t.Errorf("compileGlob(%q) succeeded", bad)
		}
	}
}

func TestGlobsRelativeToConfigDir(t *testing.T) {
	root := t.TempDir()
	p := write(t, root, "team/"+FileName, "ignore = [\"drafts\"]\n[kinds]\nmeeting-notes = [\"meetings/**\"]\n")
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Ignored(filepath.Join(root, "team", "drafts", "a.md")) {
		t.Error("team/drafts/a.md not ignored")
	}
	if c.Ignored(filepath.Join(root, "drafts", "a.md")) {
		t.Error("drafts outside the config folder ignored")
	}
	if c.KindFor(filepath.Join(root, "team", "meetings", "a.md")) != document.KindMeetingNotes {
		t.Error("meeting kind not given")
	}
	// Relative paths are taken from the working directory.
	wd, _ := os.Getwd()
	t.Chdir(filepath.Join(root, "team"))
	if !c.Ignored("drafts/a.md") {
		t.Error("relative path not ignored")
	}
	_ = wd
}

func TestLoadMissing(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), FileName))
	if err == nil || !strings.Contains(err.Error(), FileName+": no such file") {
		t.Errorf("err = %v", err)
	}
}

// FuzzParse: any input either loads or fails with a one-line *Error that
// names the file; never a panic.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "[rules.hedging]\nenabled = false\n", "ignore = [\"a/**\"]\n[kinds]\nmeeting-notes = [\"m/**\"]\n",
		"[[custom]]\nid = \"x\"\nmessage = \"m\"\nphrases = [\"a b\"]\n", "[rules.\"hedging\"]\nseverity = 'info'\n",
		"a = \"\"\"\nmulti = 1\n\"\"\"\n", "[kinds\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse("x/.upward.toml", []byte(s))
		if err != nil {
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("error %T %v is not *Error", err, err)
			}
			if !strings.HasPrefix(err.Error(), "x/.upward.toml") || e.Line < 0 {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		_ = c.Rules()
		_ = c.KindFor("x/a/b.md")
		_ = c.Ignored("x/a/b.md")
	})
}

func TestLocale(t *testing.T) {
	c, err := Parse(".upward.toml", []byte("locale = \"en-US\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Options().Dates.Locale; got != "en-US" {
		t.Errorf("locale = %q", got)
	}
	c, err = Parse(".upward.toml", []byte("profile = \"exec\"\n"))
	if err != nil || c.Options().Profile != "exec" || c.WithProfile("peer").Options().Profile != "peer" {
		t.Errorf("profile: %v, %+v", err, c.Options())
	}
}

func TestModelSection(t *testing.T) {
	c, err := Parse(".upward.toml", []byte("[model]\nenabled = false\nsensitivity = \"precise\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if m := c.Options().Model; !m.Off || m.Sensitivity != "precise" {
		t.Errorf("model options %+v", m)
	}
	on := true
	if m := c.WithModel(&on, "thorough").Options().Model; m.Off || m.Sensitivity != "thorough" {
		t.Errorf("WithModel: %+v", m)
	}
	if m := c.WithModel(nil, "").Options().Model; !m.Off || m.Sensitivity != "precise" {
		t.Errorf("WithModel(nil, \"\") changed the file's settings: %+v", m)
	}
}
