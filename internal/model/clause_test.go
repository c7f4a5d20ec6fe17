package model

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestClauseModelLearnsAndRoundTrips(t *testing.T) {
	var ex []ClauseExample
	for i := 0; i < 20; i++ {
		ex = append(ex,
			ClauseExample{"fantastic, really great timing as always", Vent},
			ClauseExample{"starting to feel like nobody cares", Vent},
			ClauseExample{"the scanner logs drivers out every 20 minutes", Fact},
			ClauseExample{"11 tickets were closed without a comment", Fact},
			ClauseExample{"can someone else take the academy roster from next week", Ask},
			ClauseExample{"Hi Sam,", Frame},
		)
	}
	m := TrainClauses(ex, 12, 5, 1)
	for _, tc := range []struct {
		text string
		want ClauseClass
	}{
		{"really great timing", Vent},
		{"nobody cares", Vent},
		{"the scanner logs out every 20 minutes", Fact},
		{"can someone else take the roster", Ask},
	} {
		if c, p := m.Classify(tc.text); c != tc.want {
			t.Errorf("Classify(%q) = %v (%.2f), want %v", tc.text, c, p, tc.want)
		}
	}
	d, err := DecodeClauseModel(m.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if a, b := m.Probs("really great timing"), d.Probs("really great timing"); a != b {
		t.Errorf("decoded model scores %v, want %v", b, a)
	}
	if !bytes.Equal(d.Encode(), m.Encode()) {
		t.Error("decoded model encodes differently")
	}
	if _, err := DecodeClauseModel([]byte("UPWCLAUS\x05\x00\x00\x00{}")); err == nil {
		t.Error("a truncated clause model decoded")
	}
}

func TestEmbeddedClauseModel(t *testing.T) {
	m, err := DefaultClauseModel()
	if err != nil {
		t.Fatal(err)
	}
	if m.Items < 1000 || m.Counts["vent"] == 0 || m.Counts["ask"] == 0 {
		t.Errorf("embedded clause model trained on %d clauses, %v", m.Items, m.Counts)
	}
	h, err := CorpusHash("../../testdata/clauses", DefaultTrainOptions)
	if err != nil {
		t.Fatal(err)
	}
	if m.CorpusSHA256 != h {
		t.Fatalf("internal/model/clause.bin is stale: trained on %s, testdata/clauses is now %s; run: go run ./cmd/upward-train -clauses testdata/clauses", m.CorpusSHA256, h)
	}
}

func TestReadClausesNamesTheBadLine(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ line, want string }{
		{`{"id":"a#0","draft":"a","text":"fantastic.","label":"rant"}`, `a.jsonl:2: a#0: label "rant" is not one of`},
		{`{"id":"a#0","draft":"a","text":"fantastic."`, `a.jsonl:2: invalid JSON`},
		{`{"id":"a#0","text":"fantastic.","label":"vent"}`, `a.jsonl:2: a clause needs an id, a draft and a text`},
	} {
		good := `{"id":"b#0","draft":"b","text":"the scanner logs out every 20 minutes","label":"fact"}`
		if err := os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(good+"\n"+tc.line+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := ReadClauses(dir)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ReadClauses with %s: error %v, want one containing %q", tc.line, err, tc.want)
		}
	}
	if items, err := ReadClauses("../../testdata/clauses"); err != nil || len(items) < 1000 {
		t.Errorf("ReadClauses(testdata/clauses) = %d items, %v", len(items), err)
	}
}
