package builtin

import (
	"fmt"
	"regexp"
	"testing"
)

func TestRequiredLiterals(t *testing.T) {
	tests := []struct {
		re   string
		want string
	}{
		{`(?i)\bnext\s+steps?\b`, `[[next] [steps step]]`},
		{`(?i)\b(until|see\s+you)\s+next\b`, `[[until see] [next]]`},
		{`(?i)\bwill\s+(co-)?[a-z]+`, `[[will]]`},
		{`(?i)^(action|ai)\s*:`, `[[action ai]]`},
		{`(?i)\bupdates?\s+(posted|sent)`, `[[updates update] [posted sent]]`},
		{`(?i)\b\d{4}-\d{1,2}`, `[]`},
		{`(?i)(a|\d+)x`, `[]`},
		{`(?i)[a-z]+ly`, `[[ly]]`},
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
	for _, id := range docRuleIDs {
		_, rf := mustLoad(id)
		for group, pats := range rf.Phrases {
			if group == "notnames" {
				continue
			}
			prefix := "(?i)"
			if group == "owner" {
				prefix = ""
			}
			ps := docCompile(id, group, prefix, pats)
			for _, s := range texts {
				found := ps.present(docLower(s))
				for k, re := range ps.re {
					if re.MatchString(s) && !ps.may(k, found) {
						t.Errorf("%s %s: %s matches %q but the prefilter rejects it", id, group, re, s)
					}
				}
			}
		}
	}
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
	for _, id := range docRuleIDs {
		_, rf := mustLoad(id)
		for group, pats := range rf.Phrases {
			if group == "notnames" {
				continue
			}
			prefix := "(?i)"
			if group == "owner" {
				prefix = ""
			}
			ps := docCompile(id, group, prefix, pats)
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
		}
	}
}
