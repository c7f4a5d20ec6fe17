package builtin

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/upward-lint/upward/internal/shareddata"
)

// TestGuardLiterals checks that no guard hides a match: over every line of
// the corpus, the labelled sets and the rules' examples, a pattern that
// matches has one of its literals in the text.
func TestGuardLiterals(t *testing.T) {
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
	texts = append(texts, "Churn is up 4 points", "ERRORS ROSE from 3 to 9", "Coverage ſlipped", "only 2 of 9 came")
	if len(guards) == 0 {
		t.Fatal("no guarded patterns registered")
	}
	matched := 0
	for _, g := range guards {
		for _, s := range texts {
			if !g.re().MatchString(s) {
				continue
			}
			matched++
			if !g.may(guardLower(s)) {
				t.Errorf("%s matches %q, but its guard %q says it cannot", g.re(), s, g.lits)
			}
		}
	}
	if matched < len(guards) {
		t.Errorf("only %d matches for %d guarded patterns: the texts test too little", matched, len(guards))
	}
}
