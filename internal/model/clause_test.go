package model

import (
	"bytes"
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
}
