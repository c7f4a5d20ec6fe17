package builtin

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/upward-lint/upward/internal/builtin/prefilter"
	"github.com/upward-lint/upward/internal/builtin/rulefile"
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/rules"
)

// TestRequiredLiterals checks that newDocPatterns takes its sets from the
// analysis (tested on its own in package prefilter).
func TestRequiredLiterals(t *testing.T) {
	tests := []struct {
		re   string
		want string
	}{
		{`(?i)\b(until|see\s+you)\s+next\b`, `[[until see] [next]]`},
		{`(?i)\b\d{4}-\d{1,2}`, `[]`},
	}
	for _, tc := range tests {
		ps := newDocPatterns([]*regexp.Regexp{regexp.MustCompile(tc.re)})
		var sets [][]string
		for _, set := range ps.reqs[0] {
			var ls []string
			for _, id := range set {
				ls = append(ls, ps.lits[id])
			}
			sets = append(sets, ls)
		}
		if got := fmt.Sprint(sets); got != tc.want {
			t.Errorf("%s: literal sets %s, want %s", tc.re, got, tc.want)
		}
	}
}

// TestPrefilterNeverRejectsAMatch checks, for every pattern of the document
// rules, that the prefilter lets through each text the pattern matches.
func TestPrefilterNeverRejectsAMatch(t *testing.T) {
	texts := []string{
		"Next steps: ship it.", "Until next week,", "See you next week!", "We agreed to ship.", "Next, the exporter.",
		"Action: Ana to do X by Friday.", "AI: Bob", "Decision: go", "No objections, approved.", "ACTION ITEMS",
		"I'll send the next update on Friday.", "Stay tuned for next week's update.", "These updates will be posted twice a month.",
		"- [ ] @ana do X (due 2024-03-14)", "Dan to draft the RFC before the next meeting", "(mw)", "EOW", "by the end of Q3",
		"Weekly status update, posted every Monday.", "LGTM'd", "consensus", "I'm planning to", "TODO: x", "Follow-ups",
		"What's next", "Goals for next week", "To-dos", "AIs", "Resolutions", "Outcome", "in 2 weeks", "Mar 3", "3 March",
		"not decided", "no consensus", "if there's consensus", "REPORT BACK ON MONDAY", "[Eve] review", "Ana & Bob: x",
	}
	eachDocGroup(func(id, group string, ps *docPatterns) {
		for _, s := range texts {
			found := ps.present(docLower(s))
			for k, re := range ps.re {
				if re.MatchString(s) && !ps.may(k, found) {
					t.Errorf("%s %s: %s matches %q but the prefilter rejects it", id, group, re, s)
				}
			}
		}
	})
}

// TestMatchStart checks that matchStart, with its first-byte filter and
// anchored regexps, finds what FindStringIndex finds at the start of a
// text, for every pattern of the document rules.
func TestMatchStart(t *testing.T) {
	texts := []string{
		"Action: Ana to do X", "action items", "**Action items:**", "AI: Bob", "ai", "TODO: x", "To-dos", "* Decisions",
		"Next steps", "next Steps:", "Kelvin", "\u212aelvin", "É", "", " Action", "[Eve] review", "@ana do X", "Decision: go",
		"Ana & Bob: x", "Follow-ups", "What’s next", "“Quoted”", "- [ ] task", "1. Item", "Due Friday", "by EOW",
	}
	eachDocGroup(func(id, group string, ps *docPatterns) {
		for k, re := range ps.re {
			for _, s := range texts {
				want := -1
				if loc := re.FindStringIndex(s); loc != nil && loc[0] == 0 {
					want = loc[1]
				}
				if got := ps.matchStart(k, s); got != want {
					t.Errorf("%s %s: %s on %q: matchStart %d, want %d", id, group, re, s, got, want)
				}
			}
		}
	})
}

// TestDocPrefiltersGenerated keeps the prefilters go generate wrote
// (docprefilter_gen.go) in step with rules/*.toml, the source of truth:
// each phrase group of each document rule has one, for the same patterns,
// and each equals what package prefilter works out now. It also checks
// that the document rules find a generated prefilter for every group they
// compile (else docCompile analyses the group at run time).
func TestDocPrefiltersGenerated(t *testing.T) {
	const stale = "docprefilter_gen.go is stale: run go generate ./internal/builtin"
	names, err := fs.Glob(rules.FS, "*.toml")
	if err != nil {
		t.Fatal(err)
	}
	var want []string // "id group" of the groups of the document rules
	files := map[string]*rulefile.File{}
	for _, n := range names {
		f, err := rulefile.Decode(rules.FS, strings.TrimSuffix(n, ".toml"))
		if err != nil {
			t.Fatal(err)
		}
		files[f.ID] = f
		if f.Scope != "document" {
			continue
		}
		for g := range f.Phrases {
			if _, ok := rulefile.GroupPrefix(g); ok {
				want = append(want, f.ID+" "+g)
			}
		}
	}
	slices.Sort(want)
	var got []string
	for i := range docPrefilterData {
		g := &docPrefilterData[i]
		got = append(got, g.id+" "+g.group)
		f := files[g.id]
		if f == nil {
			continue
		}
		var pats []string
		for _, p := range g.pats {
			pats = append(pats, p.pat)
		}
		if !slices.Equal(pats, f.Phrases[g.group]) {
			t.Errorf("rules/%s.toml: phrases.%s: patterns differ from the generated ones; %s", g.id, g.group, stale)
			continue
		}
		for _, p := range g.pats {
			info, err := prefilter.Analyze(g.prefix + p.pat)
			if err != nil {
				t.Errorf("rules/%s.toml: phrases.%s: %v", g.id, g.group, err)
				continue
			}
			if !reflect.DeepEqual(info, p.info) {
				t.Errorf("rules/%s.toml: phrases.%s: %s%s: prefilter %+v, generated %+v; %s", g.id, g.group, g.prefix, p.pat, info, p.info, stale)
			}
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("generated prefilters for %q, want %q (sorted): %s", got, want, stale)
	}

	// Run the document rules, so they compile their groups, then check
	// that docCompile found each group's prefilter.
	var docRules []*lint.Rule
	for _, id := range docRuleIDs {
		docRules = append(docRules, rule(t, id))
	}
	for _, kind := range []document.Kind{document.KindStatus, document.KindMeetingNotes} {
		doc := document.Parse("# Notes\n\n- Action: ship it\n", document.Options{Format: document.Markdown, KindHint: kind})
		lint.Run(doc, docRules, lint.Options{})
	}
	docPrefilterMissed.Lock()
	defer docPrefilterMissed.Unlock()
	for _, g := range slices.Compact(slices.Sorted(slices.Values(docPrefilterMissed.groups))) {
		t.Errorf("docCompile found no generated prefilter for %s: %s ", g, stale)
	}
}

// TestDocCompileLazy checks that docCompile compiles no regexp, that a
// pattern compiles when first run, and that a bad one panics naming its
// rule file and group then.
func TestDocCompileLazy(t *testing.T) {
	var g *docGroupPrefilter
	for i := range docPrefilterData {
		if len(docPrefilterData[i].pats) >= 2 {
			g = &docPrefilterData[i]
			break
		}
	}
	if g == nil {
		t.Fatal("no generated group with two patterns")
	}
	var pats []string
	for _, p := range g.pats {
		pats = append(pats, p.pat)
	}
	ps := docCompile(g.id, g.group, pats)
	for k, d := range ps.re {
		if d.re != nil || d.anchored != nil {
			t.Fatalf("%s: pattern %d compiled by docCompile", g.group, k)
		}
	}
	d := ps.re[0]
	d.MatchString("x")
	if d.re == nil || d.re.String() != g.prefix+g.pats[0].pat {
		t.Errorf("pattern 0 after MatchString: %v, want %s%s compiled", d.re, g.prefix, g.pats[0].pat)
	}
	if ps.re[1].re != nil {
		t.Error("pattern 1 compiled by running pattern 0")
	}

	bad := &docRE{prefix: "(?i)", pat: "(unclosed", id: "some-rule", group: "lines", info: &prefilter.Info{}}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "rules/some-rule.toml: phrases.lines: ") {
			t.Errorf("bad pattern: panic %v, want one naming rules/some-rule.toml: phrases.lines", r)
		}
	}()
	bad.MatchString("x")
}

// TestLitTableScan checks the literal scan against strings.Contains for
// literals of two to six bytes added in no particular order, so that
// pairs are inserted before, between and after others.
func TestLitTableScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "abcdez'-\xe2\x80\x99 "
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(b)
	}
	tab := &litTable{}
	var lits []string
	for range 300 {
		l := word(2 + rng.IntN(5))
		if id := tab.add(l); id == len(lits) {
			lits = append(lits, l)
		} else if lits[id] != l {
			t.Fatalf("add(%q) = %d, which is %q", l, id, lits[id])
		}
	}
	for range 200 {
		text := word(rng.IntN(40))
		found := tab.scan(text)
		for id, l := range lits {
			if got, want := found.has(id), strings.Contains(text, l); got != want {
				t.Errorf("scan(%q): has %q = %v, want %v", text, l, got, want)
			}
		}
	}
}

// BenchmarkDocCompile measures what the document rules' first run pays
// for their patterns: building every group's prefilter from the generated
// data into a fresh literal table (the regexps compile later, when a
// prefilter first lets a text through).
func BenchmarkDocCompile(b *testing.B) {
	pats := make([][]string, len(docPrefilterData))
	for i := range docPrefilterData {
		for _, p := range docPrefilterData[i].pats {
			pats[i] = append(pats[i], p.pat)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		table := &litTable{size: docPrefilterLiterals}
		for i := range docPrefilterData {
			g := &docPrefilterData[i]
			docCompileIn(table, g.id, g.group, pats[i])
		}
	}
}

// eachDocGroup calls fn with every pattern group of the document rules,
// compiled as the rules compile it.
func eachDocGroup(fn func(id, group string, ps *docPatterns)) {
	for _, id := range docRuleIDs {
		_, rf := mustLoad(id)
		for group, pats := range rf.Phrases {
			if _, ok := rulefile.GroupPrefix(group); ok {
				fn(id, group, docCompile(id, group, pats))
			}
		}
	}
}
