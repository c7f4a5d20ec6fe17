package builtin

import (
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/upward-lint/upward/internal/builtin/rulefile"
	"github.com/upward-lint/upward/rules"
)

// TestRuleFilesMatchTOML keeps rules/*.toml, the source of truth, and the
// Go generated from them in step: every file decodes strictly and checks,
// and equals its generated value.
func TestRuleFilesMatchTOML(t *testing.T) {
	const stale = "rulefiles_gen.go is stale: run go generate ./internal/builtin"
	names, err := fs.Glob(rules.FS, "*.toml")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, n := range names {
		ids = append(ids, strings.TrimSuffix(n, ".toml"))
	}
	slices.Sort(ids)
	var gen []string
	for _, d := range ruleFileData {
		gen = append(gen, d.file.ID)
	}
	if !slices.Equal(ids, gen) {
		t.Fatalf("rule files %v, generated %v: %s", ids, gen, stale)
	}
	for _, id := range ids {
		want, err := rulefile.Decode(rules.FS, id)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if got := genRuleFile(id); !reflect.DeepEqual(got, want) {
			t.Errorf("rules/%s.toml and its generated value differ in %s; %s", id, diffFields(got, want), stale)
		}
	}
	if genRuleFile("no-such-rule") != nil {
		t.Error(`genRuleFile("no-such-rule") != nil`)
	}
}

// TestRuleFilesRegistered checks that every built-in rule has a rule file
// and every rule file a built-in rule, and that loading one fails cleanly
// for an unknown ID.
func TestRuleFilesRegistered(t *testing.T) {
	var files []string
	for _, d := range ruleFileData {
		files = append(files, d.file.ID)
	}
	if got := slices.Sorted(slices.Values(IDs)); !slices.Equal(got, files) {
		t.Errorf("IDs %v, rule files %v", got, files)
	}
	for _, id := range IDs {
		r, rf, err := loadRule(id)
		if err != nil {
			t.Errorf("loadRule(%q): %v", id, err)
			continue
		}
		if r.ID != id || rf.ID != id {
			t.Errorf("loadRule(%q) = rule %q, file %q", id, r.ID, rf.ID)
		}
	}
	if _, _, err := loadRule("no-such-rule"); err == nil || !strings.Contains(err.Error(), "no such rule file") {
		t.Errorf(`loadRule("no-such-rule") error = %v, want "no such rule file"`, err)
	}
}

// diffFields names the fields in which two rule files differ.
func diffFields(a, b *rulefile.File) string {
	if a == nil || b == nil {
		return "all fields"
	}
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	var names []string
	for i := range va.NumField() {
		if !reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			names = append(names, va.Type().Field(i).Name)
		}
	}
	return strings.Join(names, ", ")
}
