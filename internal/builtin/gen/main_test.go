package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/upward-lint/upward/rules"
)

// TestGeneratedFileUpToDate checks that internal/builtin/rulefiles_gen.go
// and prefilter_gen.go are byte for byte what the generator writes from
// rules/*.toml now.
func TestGeneratedFileUpToDate(t *testing.T) {
	files, err := decodeAll(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		gen  func() ([]byte, error)
	}{
		{"rulefiles_gen.go", func() ([]byte, error) { return generate(files) }},
		{"prefilter_gen.go", func() ([]byte, error) { return generatePrefilters(files) }},
	} {
		want, err := tc.gen()
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile("../" + tc.name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("internal/builtin/%s is stale: run go generate ./internal/builtin", tc.name)
		}
	}
}

// TestGenerateChecks checks that the generator refuses a rule file that
// fails the checks, so a bad file never reaches the generated code.
func TestGenerateChecks(t *testing.T) {
	fsys := fstest.MapFS{"x.toml": {Data: []byte("id = \"x\"\nseverity = \"warning\"\nscope = \"page\"\n")}}
	if _, err := decodeAll(fsys); err == nil || !strings.Contains(err.Error(), `unknown scope "page"`) {
		t.Errorf("decodeAll error = %v, want unknown scope", err)
	}
	fsys["x.toml"].Data = []byte("id = \"x\"\nseverity = \"warning\"\n")
	files, err := decodeAll(fsys)
	if err != nil {
		t.Fatal(err)
	}
	src, err := generate(files)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(src, []byte(`"x",`)) {
		t.Errorf("generated code has no rule x:\n%s", src)
	}
}

// TestGeneratePrefilters checks which groups get prefilters, with which
// prefix (the source is prefix and pattern), and that a pattern that does
// not compile is refused.
func TestGeneratePrefilters(t *testing.T) {
	fsys := fstest.MapFS{
		"d.toml": {Data: []byte(`id = "d"
severity = "warning"
scope = "document"
[phrases]
headings = ['\bnext\s+steps?\b']
owner = ['@[a-z]+', '\bAna\b']
notnames = ['(not a pattern']
`)},
		"s.toml": {Data: []byte("id = \"s\"\nseverity = \"warning\"\n[phrases]\nwords = ['sentence only']\n")},
	}
	files, err := decodeAll(fsys)
	if err != nil {
		t.Fatal(err)
	}
	src, err := generatePrefilters(files)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"{`(?i)\\bnext\\s+steps?\\b`, prefilter.Info{Sets: [][]string{{\"next\"}, {\"steps\", \"step\"}}",
		`{"@[a-z]+", prefilter.Info{First: [4]uint64{0x0, 0x1, 0x0, 0x0}, FirstKnown: true}}`,
		"{`\\bAna\\b`, prefilter.Info{Sets: [][]string{{\"ana\"}}",
	} {
		if !bytes.Contains(src, []byte(want)) {
			t.Errorf("generated prefilters lack %s:\n%s", want, src)
		}
	}
	for _, unwanted := range []string{"not a pattern", "sentence only"} {
		if bytes.Contains(src, []byte(unwanted)) {
			t.Errorf("generated prefilters have %q:\n%s", unwanted, src)
		}
	}
	fsys["d.toml"].Data = []byte("id = \"d\"\nseverity = \"warning\"\nscope = \"document\"\n[phrases]\nlines = ['(unclosed']\n")
	if files, err = decodeAll(fsys); err != nil {
		t.Fatal(err)
	}
	if _, err := generatePrefilters(files); err == nil || !strings.Contains(err.Error(), "rules/d.toml: phrases.lines: ") {
		t.Errorf("generatePrefilters error = %v, want one naming rules/d.toml: phrases.lines", err)
	}
}
