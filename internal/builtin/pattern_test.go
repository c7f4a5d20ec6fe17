package builtin

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/upward-lint/upward/internal/builtin/prefilter"
	"github.com/upward-lint/upward/internal/shareddata"
)

// TestPatterns compiles every pattern made by newPattern or lazyRE and
// every pattern of the document rules, so a bad one fails here rather
// than when a text first gets past its prefilter.
func TestPatterns(t *testing.T) {
	if len(patterns) == 0 {
		t.Fatal("no patterns registered through newPattern")
	}
	compile := func(p *pattern) {
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("%s: %v", p, r)
			}
		}()
		p.re()
	}
	for _, p := range patterns {
		compile(p)
	}
	eachDocGroup(func(id, group string, ps *docPatterns) {
		for _, p := range ps.re {
			compile(p)
		}
	})
}

// TestPrefilterSound checks that no prefilter hides a match: over every
// line of the corpus, the labelled sets and the rules' examples, a pattern
// that matches passes its prefilter, on its own (pattern.may) and in its
// group's literal scan (docPatterns.may).
func TestPrefilterSound(t *testing.T) {
	texts := prefilterTexts(t)
	matched := 0
	check := func(p *pattern, s string, groupMay func() bool) {
		if !p.re().MatchString(s) {
			return
		}
		matched++
		l := prefilter.Lower(s)
		if !p.may(l) {
			t.Errorf("%s matches %q, but its prefilter %q says it cannot", p, s, p.filter().Sets)
		}
		if groupMay != nil && !groupMay() {
			t.Errorf("%s matches %q, but its group's literal scan says it cannot", p, s)
		}
		if end := p.matchStart(s); end >= 0 != (p.re().FindStringIndex(s)[0] == 0) {
			t.Errorf("%s on %q: matchStart %d, but the match starts at %d", p, s, end, p.re().FindStringIndex(s)[0])
		}
	}
	for _, p := range patterns {
		for _, s := range texts {
			check(p, s, nil)
		}
	}
	nDoc := 0
	eachDocGroup(func(id, group string, ps *docPatterns) {
		for _, s := range texts {
			found := ps.present(prefilter.Lower(s))
			for k, p := range ps.re {
				check(p, s, func() bool { return ps.may(k, found) })
			}
		}
		nDoc += len(ps.re)
	})
	if n := len(patterns) + nDoc; matched < n {
		t.Errorf("only %d matches for %d patterns: the texts test too little", matched, n)
	}
}

// prefilterTexts returns lines of the corpus, of the labelled sets and the
// rules' examples, and a few texts folding needs to get right.
func prefilterTexts(t *testing.T) []string {
	var texts []string
	for i, f := range shareddata.CorpusFiles() {
		if i%corpusStride != 0 {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	sets, _ := filepath.Glob("../../testdata/train/*.jsonl")
	if s := shareddata.Dir(); s != "" {
		more, _ := filepath.Glob(filepath.Join(s, "eval", "*.jsonl"))
		sets = append(sets, more...)
	}
	for _, f := range sets {
		if strings.Contains(filepath.Base(f), "blind") {
			continue // never read: see README, "blind"
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	for _, id := range IDs {
		_, rf := mustLoad(id)
		for _, e := range rf.Examples {
			texts = append(texts, e.Text)
		}
	}
	return append(texts, "Churn is up 4 points", "ERRORS ROSE from 3 to 9", "Coverage ſlipped", "only 2 of 9 came",
		"NEXT \u017fTEPS", "\u212aey decisions", "Next ſteps: ship it.", "We are utiliſed at 95% capacity")
}

// TestPatternLazy checks that newPattern parses and compiles nothing, and
// that a bad pattern from a rule file panics naming it when first run.
func TestPatternLazy(t *testing.T) {
	p := &pattern{src: `(?i)\bnext\s+steps?\b`}
	if p.compiled != nil || p.anchored != nil || p.info.Sets != nil {
		t.Fatal("pattern worked out before use")
	}
	if !p.may("next steps") || p.may("nothing here") {
		t.Errorf("may: prefilter %q", p.filter().Sets)
	}
	if p.compiled != nil {
		t.Error("may compiled the regexp")
	}
	if !p.match("Next  Steps", "next  steps") || p.compiled == nil {
		t.Error("match did not match and compile")
	}

	bad := &pattern{src: "(?i)(unclosed", where: "rules/some-rule.toml: phrases.lines"}
	if !bad.may("anything") {
		t.Error("a pattern that does not parse has a prefilter that rejects")
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "rules/some-rule.toml: phrases.lines: ") {
			t.Errorf("bad pattern: panic %v, want one naming rules/some-rule.toml: phrases.lines", r)
		}
	}()
	bad.matchStart("x")
}

// TestPrefiltersGenerated keeps the prefilters go generate wrote
// (prefilter_gen.go) in step with rules/*.toml and package prefilter:
// each is what prefilter.Analyze works out now, and every pattern of the
// document rules has one (else its first run parses it).
func TestPrefiltersGenerated(t *testing.T) {
	const stale = "prefilter_gen.go is stale: run go generate ./internal/builtin"
	for _, a := range analyzedPatterns {
		info, err := prefilter.Analyze(a.src)
		if err != nil {
			t.Errorf("%s: %v", a.src, err)
		} else if !reflect.DeepEqual(info, a.info) {
			t.Errorf("%s: prefilter %+v, generated %+v; %s", a.src, info, a.info, stale)
		}
	}
	eachDocGroup(func(id, group string, ps *docPatterns) {
		for _, p := range ps.re {
			if _, ok := slices.BinarySearchFunc(analyzedPatterns[:], p.src, func(a analyzedPattern, src string) int {
				return strings.Compare(a.src, src)
			}); !ok {
				t.Errorf("rules/%s.toml: phrases.%s: no generated prefilter for %s; %s", id, group, p.src, stale)
			}
		}
	})
}
