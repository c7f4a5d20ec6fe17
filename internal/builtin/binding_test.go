package builtin

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestBinderRejectsMisspeltNames checks that a name a rule file lacks is an
// error, never a silent default.
func TestBinderRejectsMisspeltNames(t *testing.T) {
	_, rf := mustLoad("complaint")
	b := &binder{rf: rf, handles: newHandles(rf)}
	if b.group("burnout") == nil || b.message("burnout") == "" || b.replacement("uninformed-about") == "" || b.err() != nil {
		t.Fatalf("binding existing names: %v", b.err())
	}
	b.group("burnuot")
	b.message("burnuot")
	b.replacement("uninformed_about")
	b.groupIn("crisis", "alarms")
	err := b.err()
	for _, want := range []string{
		`rules/complaint.toml: no phrase group "burnuot"`,
		`rules/complaint.toml: no message "burnuot"`,
		`rules/complaint.toml: no replacement "uninformed_about"`,
		`rules/complaint.toml: no phrase group "alarms" in rules/crisis.toml`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error = %v, want one containing %q", err, want)
		}
	}
}

// TestBinderRejectsMisspeltDocumentNames checks the same for the pattern
// groups and word lists of a document rule, and that each is bound as what
// it is.
func TestBinderRejectsMisspeltDocumentNames(t *testing.T) {
	_, rf := mustLoad("action-item-owner")
	b := &binder{rf: rf, handles: newHandles(rf)}
	if g := b.patterns("owner"); len(g.pats) == 0 || g.rule != "action-item-owner" || g.name != "owner" {
		t.Errorf("patterns(owner) = %+v", g)
	}
	if len(b.words("notnames")) == 0 || b.err() != nil {
		t.Fatalf("binding existing names: %v", b.err())
	}
	b.patterns("ownr")
	b.words("notname")
	b.patterns("notnames")
	b.words("due")
	err := b.err()
	for _, want := range []string{
		`rules/action-item-owner.toml: no phrase group "ownr"`,
		`rules/action-item-owner.toml: no phrase group "notname"`,
		`rules/action-item-owner.toml: phrases.notnames is a word list, not patterns`,
		`rules/action-item-owner.toml: phrases.due is patterns, not a word list`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error = %v, want one containing %q", err, want)
		}
	}
}

// TestBindingsCheckEveryName binds each rule to a copy of its
// file without one of the names it uses, for every such name: each must
// be a load error.
func TestBindingsCheckEveryName(t *testing.T) {
	var ids []string
	for _, bd := range bindings {
		ids = append(ids, bd.id)
		_, rf := mustLoad(bd.id)
		b := &binder{rf: rf, handles: newHandles(rf)}
		bd.bind(b)
		if err := b.err(); err != nil {
			t.Fatalf("%s: %v", bd.id, err)
		}
		if len(b.asked) == 0 {
			t.Errorf("%s binds no names", bd.id)
		}
		for _, n := range b.asked {
			c := *rf
			c.Phrases, c.Messages, c.Replacements = maps.Clone(rf.Phrases), maps.Clone(rf.Messages), maps.Clone(rf.Replacements)
			c.Fix = maps.Clone(rf.Fix)
			switch n.kind {
			case "group":
				delete(c.Phrases, n.name)
			case "message":
				delete(c.Messages, n.name)
			case "replacement":
				delete(c.Replacements, n.name)
			case "fix":
				delete(c.Fix, n.name)
			}
			b := &binder{rf: &c, handles: newHandles(&c)}
			bd.bind(b)
			want := "rules/" + bd.id + ".toml: no " + strings.NewReplacer("group", "phrase group", "fix", "fix list").Replace(n.kind) + ` "` + n.name + `"`
			if err := b.err(); err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s without %s %q: error %v, want one containing %q", bd.id, n.kind, n.name, err, want)
			}
		}
	}
	slices.Sort(ids)
	want := slices.Concat(sentenceRuleIDs, docRuleIDs)
	slices.Sort(want)
	if !slices.Equal(ids, want) {
		t.Errorf("bound rules %v, want the sentence and document rules %v", ids, want)
	}
}

// TestLazyGroupsLeftOutOfSharedScan checks that the context groups the
// rules declare lazy are scanned only by their rule, and every other group
// by the shared scanner.
func TestLazyGroupsLeftOutOfSharedScan(t *testing.T) {
	sc := sentenceScanner()
	shared := map[*phraseGroup]bool{}
	for _, g := range sc.group {
		shared[g] = true
	}
	var lazy []string
	for _, id := range sentenceRuleIDs {
		for _, g := range sortedHandles(groupHandles(id)) {
			if g.lazy == shared[g] {
				t.Errorf("%v: lazy %v, in the shared scan %v", g, g.lazy, shared[g])
			}
			if g.lazy {
				lazy = append(lazy, g.String())
			}
		}
	}
	want := []string{
		"problem-only/forward", "problem-only/imperative", "problem-only/neutral", "problem-only/notproblem", "problem-only/sense",
		"complaint/ask", "open-question/answer", "open-question/options", "hedging/apology",
		"vague-timing/concrete", "vague-timing/hypothetical", "vague-timing/imperative", "vague-timing/promise", "vague-timing/weak",
		"crisis/mitigation", "crisis/negation",
	}
	if !slices.Equal(lazy, want) {
		t.Errorf("lazy groups %v, want %v", lazy, want)
	}
}
