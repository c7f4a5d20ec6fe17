package rewrites

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestJudged(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("sample.jsonl", `{"id":"a","rule":"crisis"}
{"id":"b","rule":"crisis"}
{"id":"c","rule":"hedging"}
{"id":"a","rule":"hedging"}
`)
	write("judged.R1.jsonl", `{"id":"a","verdict":"accept"}
{"id":"b","verdict":"reject"}
{"id":"c","verdict":"accept-after-placeholders"}
{"id":"a","verdict":"reject"}
`)
	write("judged.R2.jsonl", `{"id":"a","verdict":"accept"}
{"id":"b","verdict":"accept"}
{"id":"c","verdict":"accept"}
{"id":"a","verdict":"reject"}
`)
	j, err := ReadJudged(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	j.Report(&b)
	out := b.String()
	for _, want := range []string{
		"crisis 2 50% 100% 50% 50% 0.00",
		"hedging  2   50%   50%         50%  100%   1.00",
		"all 4 50% 75% 50% 75% 0.50",
	} {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), strings.Join(strings.Fields(want), " ")) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}

	write("judged.R3.jsonl", `{"id":"a","verdict":"accept"}
{"id":"x","verdict":"accept"}
{"id":"c","verdict":"accept"}
{"id":"a","verdict":"maybe"}
`)
	if _, err := ReadJudged(dir); err == nil || !strings.Contains(err.Error(), `verdict for "x"`) {
		t.Errorf("a verdict out of order: err = %v", err)
	}
}
