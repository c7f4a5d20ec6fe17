package model

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEmbeddedModelIsFresh(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatalf("embedded model: %v", err)
	}
	h, err := CorpusHash("../../testdata/train", DefaultTrainOptions)
	if err != nil {
		t.Fatal(err)
	}
	if m.CorpusSHA256 != h {
		t.Fatalf("internal/model/model.bin is stale: it was trained on corpus %s, testdata/train is now %s; run: go run ./cmd/upward-train", m.CorpusSHA256, h)
	}
}

func TestEncodeDecode(t *testing.T) {
	m := New(10)
	m.Nudge("nobody told me", 1, 2)
	m.Bias[1] = -1.5
	v := 1.25
	m.Veto[2] = &v
	m.Prepare()
	got, err := Decode(m.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Encode(), m.Encode()) {
		t.Error("round trip changed the model")
	}
	if got.Score("nobody told me") != m.Score("nobody told me") {
		t.Error("round trip changed scores")
	}
	for _, bad := range [][]byte{nil, []byte("UPWMODEL"), append([]byte("UPWMODEL\xff\xff\xff\x00"), '{'), m.Encode()[:100]} {
		if _, err := Decode(bad); err == nil {
			t.Errorf("Decode(%q...) accepted a broken file", bad[:min(len(bad), 12)])
		}
	}
}

func tinyCorpus() []Example {
	var ex []Example
	add := func(text string, labels ...int) {
		e := Example{ID: text, Text: text}
		for _, l := range labels {
			e.Labels[l] = true
		}
		ex = append(ex, e)
	}
	for i := range 20 {
		n := strings.Repeat("x", i%5)
		add("nobody told me about the freeze again"+n, 1)
		add("the freeze moved to the 12th" + n)
		add("I'll send it when things calm down"+n, 4)
		add("I'll send it on Friday at 10" + n)
	}
	return ex
}

func TestTrainDeterministic(t *testing.T) {
	opts := TrainOptions{Bits: 10, Epochs: 3, Rate: 0.3, L2: 1e-6, Seed: 7}
	a := Train(tinyCorpus(), opts).Encode()
	b := Train(tinyCorpus(), opts).Encode()
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings on the same data differ")
	}
	opts.Seed = 8
	if bytes.Equal(a, Train(tinyCorpus(), opts).Encode()) {
		t.Error("the seed changes nothing: is the order really shuffled?")
	}
}

func TestTrainLearns(t *testing.T) {
	m := Train(tinyCorpus(), TrainOptions{Bits: 12, Epochs: 10, Rate: 0.3, L2: 1e-6, Seed: 1})
	c, v := RuleIndex("complaint"), RuleIndex("vague-timing")
	if s := m.Score("nobody told me about the move"); s[c] <= m.Score("the move is on the 12th")[c] {
		t.Errorf("complaint: %v vs %v", s[c], m.Score("the move is on the 12th")[c])
	}
	if s := m.Score("will do it when things calm down"); s[v] <= m.Score("will do it on Friday at 10")[v] {
		t.Errorf("vague-timing scores do not separate")
	}
	words := m.Explain("honestly nobody told me", c, 2)
	if len(words) == 0 {
		t.Fatal("no explanation")
	}
	var got []string
	for _, w := range words {
		got = append(got, "honestly nobody told me"[w.Start:w.End])
	}
	if !strings.Contains(strings.Join(got, " "), "nobody") && !strings.Contains(strings.Join(got, " "), "told") {
		t.Errorf("explanation %v names neither 'nobody' nor 'told'", got)
	}
}

func TestFeaturesNormalise(t *testing.T) {
	m := New(12)
	m.Nudge("can't ship 14%", 0, 1)
	if a, b := m.Score("CAN’T ship 23%"), m.Score("can't ship 14%"); a != b {
		t.Errorf("case, curly apostrophes or digits change the score: %v vs %v", a, b)
	}
}

func TestScoreAllocatesNothing(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "The vendor's sandbox keeps timing out and nobody has said when it'll be fixed?"
	if n := testing.AllocsPerRun(100, func() { m.Score(text) }); n != 0 {
		t.Errorf("Score allocates %v times", n)
	}
}

func TestReadCorpusErrors(t *testing.T) {
	cases := map[string]string{
		"unknown rule ID": `{"id":"a","source":"synthetic","text":"x","labels":["problem-onyl"]}`,
		"duplicate id":    `{"id":"a","source":"synthetic","text":"x","labels":[]}` + "\n" + `{"id":"a","source":"synthetic","text":"y","labels":[]}`,
		"empty text":      `{"id":"a","source":"synthetic","text":"  ","labels":[]}`,
		"invalid JSON":    `{"id":"a","source":"synthetic","text":"x","labels":[]`,
		"no id":           `{"source":"synthetic","text":"x","labels":[]}`,
	}
	for want, line := range cases {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte("\n"+line+"\n"), 0o644)
		_, err := ReadCorpus(dir)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "a.jsonl:") {
			t.Errorf("%s: got %v", want, err)
		}
	}
}

func FuzzScore(f *testing.F) {
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("Sorry to bother you, but the report is ready.")
	f.Add("’’’\xe2\x80")
	f.Add("a\xffb")
	f.Fuzz(func(t *testing.T, s string) {
		m.Score(s)
		for r := range NumRules {
			for _, c := range m.Explain(s, r, 3) {
				if c.Start < 0 || c.End > len(s) || c.Start >= c.End {
					t.Fatalf("contribution %+v out of range for %d bytes", c, len(s))
				}
				if utf8.ValidString(s) && !utf8.ValidString(s[c.Start:c.End]) {
					t.Fatalf("contribution %+v cuts a character", c)
				}
			}
		}
	})
}

func BenchmarkScoreSentence(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	// An average sentence of the corpus is about 100 bytes.
	text := "The vendor's sandbox keeps timing out, so the load test slipped to next week."
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		m.Score(text)
	}
}

// TestFrozenSplitIsUnseen checks that no text of the frozen test split
// repeats a training text (case, punctuation and spacing aside): a test
// item seen in training measures nothing.
func TestFrozenSplitIsUnseen(t *testing.T) {
	train, err := ReadCorpus("../../testdata/train")
	if err != nil {
		t.Fatal(err)
	}
	test, err := ReadCorpus("../../testdata/test")
	if err != nil {
		t.Fatal(err)
	}
	key := func(s string) string {
		var b strings.Builder
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
		}) {
			b.WriteString(w)
			b.WriteByte(' ')
		}
		return b.String()
	}
	seen := map[string]string{}
	for _, it := range train {
		seen[key(it.Text)] = it.ID
	}
	ids := map[string]bool{}
	for _, it := range train {
		ids[it.ID] = true
	}
	for _, it := range test {
		if id, ok := seen[key(it.Text)]; ok {
			t.Errorf("test item %s repeats training item %s: %q", it.ID, id, it.Text)
		}
		if ids[it.ID] {
			t.Errorf("test item ID %s is also a training ID", it.ID)
		}
	}
	if len(test) < 2000 {
		t.Errorf("frozen split has %d items, want at least 2,000", len(test))
	}
}
