package builtin

import (
	"strings"
	"testing"

	"github.com/upward-lint/upward/internal/lint"
)

// A hedge removal that would leave "I'm but I've…" is not offered.
func TestHedgeRemovalStrandsNoSubject(t *testing.T) {
	text := "I'm not sure if this is useful, but I've put together a comparison of the three fit-out quotes for Unit 7 (attached).\n"
	fs := runRule(t, "hedging", text, lint.Options{Model: lint.ModelOptions{Off: true}})
	if len(fs) == 0 {
		t.Fatal("no hedging finding")
	}
	for _, f := range fs {
		for _, fx := range f.Fixes {
			got, err := lint.ApplyEdits(text, fx.Edits)
			if err != nil || strings.Contains(got, "I'm but") {
				t.Errorf("fix %q gives %q (%v)", fx.Title, got, err)
			}
		}
	}
}
