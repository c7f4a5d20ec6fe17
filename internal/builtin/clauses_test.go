package builtin

import (
	"slices"
	"testing"
)

func TestClauses(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"love how the core emails us the day after we ship 96 samples. fantastic. really great timing as always",
			[]string{"love how the core emails us the day after we ship 96 samples.", "fantastic.", "really great timing as always"}},
		{"4. Pricing: Sales were not consulted on the 8% increase. Again.",
			[]string{"4. Pricing: Sales were not consulted on the 8% increase.", "Again."}},
		{"Regrading request: still no reply (sent Sept, Nov and Jan), starting to feel like nobody cares",
			[]string{"Regrading request: still no reply (sent Sept, Nov and Jan),", "starting to feel like nobody cares"}},
		{"Hi Jonas,\nthe rota changed again 😤 can Jess take the calls",
			[]string{"Hi Jonas,", "the rota changed again 😤", "can Jess take the calls"}},
		{"Dr. Okafor moved the clinic; nobody told us - again", []string{"Dr. Okafor moved the clinic;", "nobody told us", "again"}},
		{"Honestly, the \"quick, small\" fix took 3 days", []string{"Honestly, the \"quick, small\" fix took 3 days"}},
	} {
		var got []string
		for _, s := range clauses(tc.text) {
			got = append(got, tc.text[s.start:s.end])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("clauses(%q)\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}
