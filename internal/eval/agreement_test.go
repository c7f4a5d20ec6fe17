package eval

import (
	"math"
	"strings"
	"testing"
)

func TestCompareKappa(t *testing.T) {
	first := map[string][]string{"1": {"a"}, "2": {"a"}, "3": nil, "4": nil, "5": {"a", "b"}}
	second := []SecondLabel{
		{ID: "1", Labels: []string{"a"}},
		{ID: "2"},
		{ID: "3"},
		{ID: "4", Labels: []string{"a"}},
		{ID: "5", Labels: []string{"a", "b"}},
	}
	a, err := Compare("x", []string{"a", "b"}, first, second)
	if err != nil {
		t.Fatal(err)
	}
	ra := *a.Per["a"]
	if ra != (RuleAgreement{Both: 2, FirstOnly: 1, SecondOnly: 1, Neither: 1}) {
		t.Fatalf("a: %+v", ra)
	}
	// po = 3/5, p1 = p2 = 3/5, pe = 0.36+0.16 = 0.52: kappa = 0.08/0.48.
	if k := ra.Kappa(); math.Abs(k-0.08/0.48) > 1e-9 {
		t.Errorf("kappa %v", k)
	}
	if k := a.Per["b"].Kappa(); k != 1 {
		t.Errorf("b: kappa %v, want 1", k)
	}
	if a.Exact != 3 || strings.Join(a.Disagreements, ",") != "2,4" {
		t.Errorf("exact %d, disagreements %v", a.Exact, a.Disagreements)
	}
	if _, err := Compare("x", []string{"a"}, first, []SecondLabel{{ID: "9"}}); err == nil {
		t.Error("an unknown ID was accepted")
	}
	// The first labeller's own labels, recorded before adjudication, win.
	b, _ := Compare("x", []string{"a"}, first, []SecondLabel{{ID: "3", Labels: []string{"a"}, FirstLabels: []string{"a"}}})
	if b.Exact != 1 {
		t.Errorf("first_labels ignored: %+v", b)
	}
	if k := (RuleAgreement{Neither: 4}).Kappa(); k == k {
		t.Errorf("kappa with no positives = %v, want NaN", k)
	}
}
