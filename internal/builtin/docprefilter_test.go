package builtin

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/upward-lint/upward/internal/builtin/prefilter"
	"github.com/upward-lint/upward/internal/builtin/rulefile"
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
			found := ps.present(prefilter.Lower(s))
			for k, re := range ps.re {
				if re.re().MatchString(s) && !ps.may(k, found) {
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
				if loc := re.re().FindStringIndex(s); loc != nil && loc[0] == 0 {
					want = loc[1]
				}
				if got := ps.matchStart(k, s); got != want {
					t.Errorf("%s %s: %s on %q: matchStart %d, want %d", id, group, re, s, got, want)
				}
			}
		}
	})
}

// TestDocCompileLazy checks that docCompile compiles no regexp, and that
// a pattern compiles when first run.
func TestDocCompileLazy(t *testing.T) {
	lines := missingDecisions.lines.pats
	ps := missingDecisions.lines.compile()
	if len(ps.re) < 2 {
		t.Fatal("missing-decisions has fewer than two line patterns")
	}
	for k, p := range ps.re {
		if p.compiled != nil || p.anchored != nil {
			t.Fatalf("pattern %d compiled by docCompile", k)
		}
	}
	p := ps.re[0]
	p.re().MatchString("x")
	if p.compiled == nil || p.compiled.String() != "(?i)"+lines[0] {
		t.Errorf("pattern 0 after MatchString: %v, want (?i)%s compiled", p.compiled, lines[0])
	}
	if ps.re[1].compiled != nil {
		t.Error("pattern 1 compiled by running pattern 0")
	}
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
// for their patterns: parsing each to work out its prefilter and building
// every group's literal scan into a fresh literal table (the regexps
// compile later, when a prefilter first lets a text through).
func BenchmarkDocCompile(b *testing.B) {
	type group struct {
		id, name string
		pats     []string
	}
	var groups []group
	for _, id := range docRuleIDs {
		_, rf := mustLoad(id)
		for name, pats := range rf.Phrases {
			if _, ok := rulefile.GroupPrefix(name); ok {
				groups = append(groups, group{id, name, pats})
			}
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		table := &litTable{size: docTableSize}
		for _, g := range groups {
			docCompileIn(table, g.id, g.name, g.pats)
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
