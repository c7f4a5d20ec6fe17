package lint

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/upward-lint/upward/internal/document"
)

func sp(s, e int) document.Span { return document.Span{Start: s, End: e} }

func TestApplyEdits(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		edits []Edit
		want  string
		err   string
	}{
		{"none", "abc", nil, "abc", ""},
		{"replace", "Sorry, the report is ready.", []Edit{{sp(0, 8), "T"}}, "The report is ready.", ""},
		{"unordered", "abcdef", []Edit{{sp(4, 5), "E"}, {sp(0, 1), "A"}}, "AbcdEf", ""},
		{"insert and replace", "abc", []Edit{{sp(1, 1), "X"}, {sp(1, 2), "Y"}}, "aXYc", ""},
		{"adjacent", "abc", []Edit{{sp(0, 1), "1"}, {sp(1, 2), "2"}}, "12c", ""},
		{"overlap", "abcdef", []Edit{{sp(0, 3), "x"}, {sp(2, 4), "y"}}, "abcdef", "overlapping"},
		{"two inserts at one place", "abc", []Edit{{sp(1, 1), "x"}, {sp(1, 1), "y"}}, "abc", "overlapping"},
		{"out of range", "abc", []Edit{{sp(2, 9), "x"}}, "abc", "out of range"},
		{"negative", "abc", []Edit{{sp(-1, 1), "x"}}, "abc", "out of range"},
		{"reversed", "abc", []Edit{{sp(2, 1), "x"}}, "abc", "out of range"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ApplyEdits(tc.text, tc.edits)
			if tc.err == "" && err != nil || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
				t.Fatalf("err = %v, want %q", err, tc.err)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestFixAllSkipsPlaceholdersAndOverlaps(t *testing.T) {
	text := "Sorry to bother you, but it is ready. I'll send it soon."
	fs := []Finding{
		{RuleID: "hedging", Span: sp(0, 24), Fixes: []Fix{{Title: "drop", Edits: []Edit{{sp(0, 25), ""}}}}},
		{RuleID: "overlapping", Span: sp(5, 10), Fixes: []Fix{{Title: "clash", Edits: []Edit{{sp(5, 10), "zzz"}}}}},
		{RuleID: "vague-timing", Span: sp(51, 55), Fixes: []Fix{{Title: "date", NeedsInput: true, Edits: []Edit{{sp(51, 55), "by [Friday]"}}}}},
	}
	got, n, err := FixAll(text, fs)
	if err != nil {
		t.Fatal(err)
	}
	if want := "it is ready. I'll send it soon."; got != want || n != 1 {
		t.Errorf("FixAll = %q, %d; want %q, 1", got, n, want)
	}
}

// TestFixAllNeverRewrites checks that a fix replacing the writer's words
// is only ever offered: FixAll takes the finding's next automatic fix, or
// none.
func TestFixAllNeverRewrites(t *testing.T) {
	text := "Dana owns the pager. Nobody told me the freeze moved."
	rewrite := Fix{Title: "Ask to be looped in", Rewrites: true, Edits: []Edit{{sp(0, len(text)), "Could you loop me in when the freeze date changes?"}}}
	insert := Fix{Title: "Add a request", Edits: []Edit{{sp(len(text), len(text)), " Please loop me in."}}}
	for _, tc := range []struct {
		fixes []Fix
		want  string
		n     int
	}{
		{[]Fix{rewrite}, text, 0},
		{[]Fix{rewrite, insert}, text + " Please loop me in.", 1},
	} {
		got, n, err := FixAll(text, []Finding{{RuleID: "complaint", Span: sp(21, len(text)), Fixes: tc.fixes}})
		if err != nil || got != tc.want || n != tc.n {
			t.Errorf("FixAll = %q, %d, %v; want %q, %d", got, n, err, tc.want, tc.n)
		}
	}
	for _, fx := range []Fix{{}, {NeedsInput: true}, {Rewrites: true}, {NeedsInput: true, Rewrites: true}} {
		if got, want := fx.Automatic(), !fx.NeedsInput && !fx.Rewrites; got != want {
			t.Errorf("%+v.Automatic() = %v, want %v", fx, got, want)
		}
	}
}

func TestRunDirectivesSeverityAllow(t *testing.T) {
	text := "one soon\n<!-- x -->\ntwo soon\nthree soon\nfour soon\n"
	doc := &document.Document{Text: text}
	// A toy rule flagging every "soon".
	rule := &Rule{ID: "vague-timing", Severity: Warning, Run: func(p *Pass) {
		for i := 0; ; {
			j := strings.Index(p.Doc.Text[i:], "soon")
			if j < 0 {
				return
			}
			p.Reportf(sp(i+j, i+j+4), nil, "soon")
			i += j + 4
		}
	}}
	lineOf := func(fs []Finding) []int {
		var out []int
		for _, f := range fs {
			out = append(out, strings.Count(text[:f.Span.Start], "\n")+1)
		}
		return out
	}
	cmt := strings.Index(text, "<!-- x -->")
	c := sp(cmt, cmt+len("<!-- x -->"))

	doc.Directives = []document.Directive{{Kind: document.DisableNextLine, Span: c}}
	if got := lineOf(Run(doc, []*Rule{rule}, Options{})); !slices.Equal(got, []int{1, 4, 5}) {
		t.Errorf("disable-next-line: lines %v", got)
	}
	doc.Directives = []document.Directive{{Kind: document.Disable, Rules: []string{"other"}, Span: c}}
	if got := lineOf(Run(doc, []*Rule{rule}, Options{})); len(got) != 4 {
		t.Errorf("disable of another rule silenced: lines %v", got)
	}
	e := strings.Index(text, "four")
	doc.Directives = []document.Directive{{Kind: document.Disable, Rules: []string{"vague-timing"}, Span: c}, {Kind: document.Enable, Span: sp(e-1, e-1)}}
	if got := lineOf(Run(doc, []*Rule{rule}, Options{})); !slices.Equal(got, []int{1, 5}) {
		t.Errorf("disable/enable: lines %v", got)
	}
	doc.Directives = nil
	fs := Run(doc, []*Rule{rule}, Options{Severity: map[string]Severity{"vague-timing": Error}, Allow: map[string][]string{"vague-timing": {"three soon"}}})
	if len(fs) != 3 || fs[0].Severity != Error || fs[0].RuleID != "vague-timing" {
		t.Errorf("severity/allow: %+v", fs)
	}
	if fs := Run(doc, []*Rule{rule}, Options{Disabled: map[string]bool{"vague-timing": true}}); len(fs) != 0 {
		t.Errorf("disabled rule ran: %+v", fs)
	}
}

func TestAllowed(t *testing.T) {
	text := "We will ship it SOON-ish, at some\n  point next year. Über bald."
	at := func(s string) document.Span {
		i := strings.Index(text, s)
		return sp(i, i+len(s))
	}
	for _, tc := range []struct {
		span  document.Span
		allow string
		want  bool
	}{
		{at("SOON"), "soon-ish", true},            // overlapping, any case
		{at("SOON"), "soon", true},                // inside
		{at("SOON"), "ship", false},               // elsewhere
		{at("some\n  point"), "some point", true}, // a space matches a line break and indent
		{at("at some\n  point"), "AT   SOME POINT", true},
		{at("point"), "some point", true},
		{at("next"), "some point", false},
		{at("Über"), "über bald", true},
		{at("bald"), "überbald", false},
		{sp(3, 3), "will", true}, // an empty span inside an allowed phrase
	} {
		if got := allowed(text, tc.span, []string{tc.allow}); got != tc.want {
			t.Errorf("allowed(%q, allow %q) = %v, want %v", text[tc.span.Start:tc.span.End], tc.allow, got, tc.want)
		}
	}
}

func TestSeverity(t *testing.T) {
	for _, s := range []Severity{Error, Warning, Info, Hint} {
		got, err := ParseSeverity(s.String())
		if err != nil || got != s {
			t.Errorf("ParseSeverity(%q) = %v, %v", s, got, err)
		}
	}
	if _, err := ParseSeverity("fatal"); err == nil {
		t.Error("ParseSeverity(fatal) succeeded")
	}
	if !Error.AtLeast(Warning) || Hint.AtLeast(Info) {
		t.Error("AtLeast order wrong")
	}
}

// FuzzApplyEdits checks that applying edits keeps the text outside the
// edited spans, in order, and that a rejected set leaves text unchanged.
func FuzzApplyEdits(f *testing.F) {
	f.Add("héllo wörld", 1, 3, "X", 5, 5, "Y")
	f.Add("abc", 0, 0, "", 0, 0, "")
	f.Fuzz(func(t *testing.T, text string, s1, e1 int, n1 string, s2, e2 int, n2 string) {
		edits := []Edit{{sp(s1, e1), n1}, {sp(s2, e2), n2}}
		got, err := ApplyEdits(text, edits)
		if err != nil {
			if got != text {
				t.Fatalf("failed apply changed the text: %q", got)
			}
			return
		}
		a, b := edits[0], edits[1]
		if b.Span.Start < a.Span.Start || b.Span.Start == a.Span.Start && b.Span.End < a.Span.End {
			a, b = b, a
		}
		if a.Span.End > b.Span.Start {
			t.Fatalf("overlapping edits accepted: %+v", edits)
		}
		want := text[:a.Span.Start] + a.NewText + text[a.Span.End:b.Span.Start] + b.NewText + text[b.Span.End:]
		if got != want {
			t.Fatalf("got %q, want %q", got, want)
		}
		if utf8.ValidString(text) && utf8.ValidString(n1) && utf8.ValidString(n2) &&
			utf8.RuneStart(byteAt(text, s1)) && utf8.RuneStart(byteAt(text, e1)) &&
			utf8.RuneStart(byteAt(text, s2)) && utf8.RuneStart(byteAt(text, e2)) && !utf8.ValidString(got) {
			t.Fatalf("rune-aligned edits made invalid UTF-8: %q", got)
		}
	})
}

func byteAt(s string, i int) byte {
	if i >= len(s) {
		return 'a'
	}
	return s[i]
}

func TestMemoSharedAcrossRulesOfOneRun(t *testing.T) {
	type key struct{}
	calls := 0
	var got []any
	mk := func(id string) *Rule {
		return &Rule{ID: id, Run: func(p *Pass) {
			got = append(got, p.Memo(key{}, func() any { calls++; return calls }))
		}}
	}
	doc := &document.Document{Text: "x"}
	Run(doc, []*Rule{mk("a"), mk("b")}, Options{})
	Run(doc, []*Rule{mk("a")}, Options{})
	if calls != 2 || got[0] != 1 || got[1] != 1 || got[2] != 2 {
		t.Errorf("calls = %d, values %v; want one computation per run", calls, got)
	}
}

// TestPickFixesMatchesApplyEdits checks PickFixes against its definition:
// a fix is taken when ApplyEdits accepts it together with those taken
// before. Random fixes, with inserts, touching and nested spans.
func TestPickFixesMatchesApplyEdits(t *testing.T) {
	text := strings.Repeat("abcdefghij", 3)
	rng := rand.New(rand.NewPCG(9, 10))
	edit := func() Edit {
		s := rng.IntN(len(text)+4) - 2
		return Edit{Span: document.Span{Start: s, End: s + rng.IntN(4)}, NewText: "x"}
	}
	for range 3000 {
		fs := make([]Finding, rng.IntN(8))
		for i := range fs {
			for range rng.IntN(3) {
				fx := Fix{NeedsInput: rng.IntN(5) == 0, Rewrites: rng.IntN(5) == 0}
				for range 1 + rng.IntN(2) {
					fx.Edits = append(fx.Edits, edit())
				}
				fs[i].Fixes = append(fs[i].Fixes, fx)
			}
		}
		var want []Edit
		var wantFixed []int
		for i, f := range fs {
			for _, fx := range f.Fixes {
				trial := append(slices.Clone(want), fx.Edits...)
				if fx.NeedsInput || fx.Rewrites {
					continue
				}
				if _, err := ApplyEdits(text, trial); err == nil {
					want, wantFixed = trial, append(wantFixed, i)
					break
				}
			}
		}
		got, fixed := PickFixes(len(text), fs)
		gotText, err1 := ApplyEdits(text, got)
		wantText, err2 := ApplyEdits(text, want)
		if !slices.Equal(fixed, wantFixed) || gotText != wantText || (err1 == nil) != (err2 == nil) {
			t.Fatalf("findings %+v: PickFixes fixed %v (%q), want %v (%q)", fs, fixed, gotText, wantFixed, wantText)
		}
	}
}

// TestFilterDirectivesMatchesWalk checks filterDirectives against the plain
// definition (walk every directive for every finding) on random documents
// of disable, enable and disable-next-line comments and random findings.
func TestFilterDirectivesMatchesWalk(t *testing.T) {
	silenced := func(text string, ds []document.Directive, f Finding) bool {
		lineStart := func(off int) int { return strings.LastIndexByte(text[:min(off, len(text))], '\n') + 1 }
		nextLine := func(off int) int {
			if off > len(text) {
				return len(text) + 1
			}
			if i := strings.IndexByte(text[off:], '\n'); i >= 0 {
				return off + i + 1
			}
			return len(text) + 1
		}
		off := false
		for _, d := range ds {
			if !names(d, f.RuleID) {
				continue
			}
			switch d.Kind {
			case document.Disable:
				off = off || d.Span.End <= f.Span.Start
			case document.Enable:
				if d.Span.End <= f.Span.Start {
					off = false
				}
			case document.DisableNextLine:
				if nextLine(d.Span.End) == lineStart(f.Span.Start) {
					return true
				}
			}
		}
		return off
	}
	lines := []string{"Some text here.", "<!-- upward-disable hedging -->", "<!-- upward-disable -->", "<!-- upward-enable hedging -->",
		"<!-- upward-enable -->", "<!-- upward-disable-next-line -->", "<!-- upward-disable-next-line crisis -->", "", "More text. <!-- upward-disable crisis -->"}
	rules := []string{"hedging", "crisis", "complaint"}
	rng := rand.New(rand.NewPCG(11, 12))
	for range 500 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(lines[rng.IntN(len(lines))])
			b.WriteString("\n")
		}
		doc := document.Parse(b.String(), document.Options{Format: document.PlainText})
		var fs []Finding
		for range rng.IntN(10) {
			s := rng.IntN(len(doc.Text) + 1)
			fs = append(fs, Finding{RuleID: rules[rng.IntN(len(rules))], Span: document.Span{Start: s, End: s}})
		}
		var want []Finding
		for _, f := range fs {
			if !silenced(doc.Text, doc.Directives, f) {
				want = append(want, f)
			}
		}
		got := filterDirectives(doc, slices.Clone(fs))
		if !slices.EqualFunc(got, want, func(a, b Finding) bool { return a.RuleID == b.RuleID && a.Span == b.Span }) {
			t.Fatalf("text %q, directives %+v, findings %+v:\ngot  %+v\nwant %+v", doc.Text, doc.Directives, fs, got, want)
		}
	}
}
