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
// is byte for byte what the generator writes from rules/*.toml now.
func TestGeneratedFileUpToDate(t *testing.T) {
	want, err := generate(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../rulefiles_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("internal/builtin/rulefiles_gen.go is stale: run go generate ./internal/builtin")
	}
}

// TestGenerateChecks checks that the generator refuses a rule file that
// fails the checks, so a bad file never reaches the generated code.
func TestGenerateChecks(t *testing.T) {
	fsys := fstest.MapFS{"x.toml": {Data: []byte("id = \"x\"\nseverity = \"warning\"\nscope = \"page\"\n")}}
	if _, err := generate(fsys); err == nil || !strings.Contains(err.Error(), `unknown scope "page"`) {
		t.Errorf("generate error = %v, want unknown scope", err)
	}
	fsys["x.toml"].Data = []byte("id = \"x\"\nseverity = \"warning\"\n")
	src, err := generate(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(src, []byte(`"x",`)) {
		t.Errorf("generated code has no rule x:\n%s", src)
	}
}
