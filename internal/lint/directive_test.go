package lint

import (
	"strings"
	"testing"

	"github.com/upward-lint/upward/internal/document"
)

func TestCheckDirectives(t *testing.T) {
	rules := []*Rule{{ID: "vague-timing"}, {ID: "hedging"}, {ID: "no-just"}}
	for _, tc := range []struct {
		text, format string
		want         []DirectiveProblem // Span is checked through the text it covers
	}{
		{"<!-- upward-disable-next-line vague-timng -->\nI'll send it soon.\n", "md",
			[]DirectiveProblem{{Name: "vague-timng", Suggest: "vague-timing", Directive: "upward-disable-next-line"}}},
		{"<!-- upward-disable hedging, VAGUE-TIMNG, no-just -->\n", "md",
			[]DirectiveProblem{{Name: "vague-timng", Suggest: "vague-timing", Directive: "upward-disable"}}},
		{"<!-- upward-enable zzz -- the reason names hedgin -->\n", "md",
			[]DirectiveProblem{{Name: "zzz", Directive: "upward-enable"}}},
		{"# upward-disable-next-line hedgin\nSorry to bother you.\n", "txt",
			[]DirectiveProblem{{Name: "hedgin", Suggest: "hedging", Directive: "upward-disable-next-line"}}},
		{"<!-- upward-disable -->\n<!-- upward-disable-next-line hedging -->\n", "md", nil},
	} {
		f := document.Markdown
		if tc.format == "txt" {
			f = document.PlainText
		}
		doc := document.Parse(tc.text, document.Options{Format: f})
		got := CheckDirectives(doc, rules)
		if len(got) != len(tc.want) {
			t.Errorf("%q: got %+v, want %+v", tc.text, got, tc.want)
			continue
		}
		for i, g := range got {
			w := tc.want[i]
			if g.Name != w.Name || g.Suggest != w.Suggest || g.Directive != w.Directive {
				t.Errorf("%q: got %+v, want %+v", tc.text, g, w)
			}
			if covered := tc.text[g.Span.Start:g.Span.End]; !strings.EqualFold(covered, w.Name) {
				t.Errorf("%q: span covers %q, want the name %q", tc.text, covered, w.Name)
			}
		}
	}
	p := DirectiveProblem{Name: "vague-timng", Suggest: "vague-timing", Directive: "upward-disable-next-line"}
	if got, want := p.Message(), `unknown rule "vague-timng" in upward-disable-next-line (did you mean "vague-timing"?)`; got != want {
		t.Errorf("Message() = %q, want %q", got, want)
	}
}
