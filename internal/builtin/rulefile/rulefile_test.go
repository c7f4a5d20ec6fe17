package rulefile

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

const valid = `id = "x"
title = "T"
severity = "info"
scope = "document"
kinds = ["status-report"]
doc = """
Some doc.
"""
[messages]
default = "m"
[phrases]
g = ["a", "b"]
[[hint]]
when = ["w"]
text = "[h]"
[[example]]
text = "e"
hit = true
`

func TestDecode(t *testing.T) {
	f, err := Decode(fstest.MapFS{"x.toml": {Data: []byte(valid)}}, "x")
	if err != nil {
		t.Fatal(err)
	}
	if f.Messages["default"] != "m" || !slices.Equal(f.Phrases["g"], []string{"a", "b"}) ||
		len(f.Hints) != 1 || f.Hints[0].Text != "[h]" || len(f.Examples) != 1 || !f.Examples[0].Hit {
		t.Errorf("Decode = %+v", f)
	}
	r, err := f.Rule()
	if err != nil {
		t.Fatal(err)
	}
	if r.ID != "x" || r.Severity != lint.Info || r.Scope != lint.DocumentScope || r.Doc != "Some doc." ||
		!slices.Equal(r.Kinds, []document.Kind{document.KindStatus}) || len(r.Examples) != 1 || r.Examples[0].Text != "e" {
		t.Errorf("Rule = %+v", r)
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, tc := range []struct{ name, old, new, want string }{
		{"unknown key", `title = "T"`, "title = \"T\"\ntitel = \"T\"", "rules/x.toml: unknown keys: titel"},
		{"unknown example key", "hit = true", "hit = true\nhits = true", "rules/x.toml: unknown keys: example.hits"},
		{"id", `id = "x"`, `id = "y"`, `rules/x.toml: id is "y", want "x"`},
		{"severity", `severity = "info"`, `severity = "fatal"`, `rules/x.toml: unknown severity "fatal"`},
		{"scope", `scope = "document"`, `scope = "paragraph"`, `rules/x.toml: unknown scope "paragraph"`},
		{"kind", `kinds = ["status-report"]`, `kinds = ["novel"]`, `rules/x.toml: unknown kind "novel"`},
		{"syntax", `title = "T"`, `title = "T`, "rules/x.toml: toml:"},
		{"type", `title = "T"`, `title = 1`, "rules/x.toml: toml:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(valid, tc.old, tc.new, 1)
			if src == valid {
				t.Fatalf("%q is not in the valid file", tc.old)
			}
			_, err := Decode(fstest.MapFS{"x.toml": {Data: []byte(src)}}, "x")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Decode error = %v, want one containing %q", err, tc.want)
			}
		})
	}
	if _, err := Decode(fstest.MapFS{}, "x"); err == nil {
		t.Error("Decode of a missing file: no error")
	}
}
