package eval

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
)

// Agreement compares two labellers' labels on the same items, per rule.
type Agreement struct {
	Name  string
	Items int
	// Exact counts the items whose label sets are equal.
	Exact int
	Rules []string
	Per   map[string]*RuleAgreement
	// Disagreements lists the item IDs whose label sets differ.
	Disagreements []string
}

// RuleAgreement is one rule's 2x2 table between two labellers.
type RuleAgreement struct {
	Both, FirstOnly, SecondOnly, Neither int
}

// Kappa is Cohen's kappa, or NaN where chance agreement is total (neither
// labeller, or both, used the rule on every item).
func (a RuleAgreement) Kappa() float64 {
	n := float64(a.Both + a.FirstOnly + a.SecondOnly + a.Neither)
	if n == 0 {
		return nan()
	}
	po := float64(a.Both+a.Neither) / n
	p1 := float64(a.Both+a.FirstOnly) / n
	p2 := float64(a.Both+a.SecondOnly) / n
	pe := p1*p2 + (1-p1)*(1-p2)
	if pe == 1 {
		return nan()
	}
	return (po - pe) / (1 - pe)
}

func nan() float64 {
	var z float64
	return z / z
}

// SecondLabel is a second labeller's labels for an item, with the first
// labeller's as they were before any adjudication (FirstLabels; nil: take
// the labels the item carries in its set).
type SecondLabel struct {
	ID          string   `json:"id"`
	Labels      []string `json:"labels"`
	FirstLabels []string `json:"first_labels"`
}

// Compare builds the agreement between first (the labels an item carries
// in its set, unless the second label records the first labeller's) and
// second (another labeller's labels), over the items in second. An ID of
// second missing from first is an error.
func Compare(name string, rules []string, first map[string][]string, second []SecondLabel) (*Agreement, error) {
	a := &Agreement{Name: name, Rules: rules, Per: map[string]*RuleAgreement{}}
	for _, r := range rules {
		a.Per[r] = &RuleAgreement{}
	}
	for _, it := range second {
		f, ok := first[it.ID]
		if !ok {
			return nil, fmt.Errorf("%s: item %q is in no labelled set", name, it.ID)
		}
		if it.FirstLabels != nil {
			f = it.FirstLabels
		}
		a.Items++
		same := true
		for _, r := range rules {
			x, y := slices.Contains(f, r), slices.Contains(it.Labels, r)
			ra := a.Per[r]
			switch {
			case x && y:
				ra.Both++
			case x:
				ra.FirstOnly++
				same = false
			case y:
				ra.SecondOnly++
				same = false
			default:
				ra.Neither++
			}
		}
		if same {
			a.Exact++
		} else {
			a.Disagreements = append(a.Disagreements, it.ID)
		}
	}
	sort.Strings(a.Disagreements)
	return a, nil
}

// Write prints the per-rule table.
func (a *Agreement) Write(w io.Writer) {
	fmt.Fprintf(w, "%s: %d items labelled twice, %d (%.1f%%) with the same labels\n", a.Name, a.Items, a.Exact, 100*ratio(a.Exact, a.Items))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "rule\tboth\tfirst only\tsecond only\tkappa\t")
	for _, r := range a.Rules {
		ra := a.Per[r]
		k := "n/a"
		if v := ra.Kappa(); v == v {
			k = fmt.Sprintf("%.2f", v)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t\n", r, ra.Both, ra.FirstOnly, ra.SecondOnly, k)
	}
	tw.Flush()
	if len(a.Disagreements) > 0 {
		fmt.Fprintf(w, "disagreements: %s\n", strings.Join(a.Disagreements, " "))
	}
}

// AgreementName names a second-labels file: "train-real.D1.jsonl" is
// "train-real, D1".
func AgreementName(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), ".jsonl")
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		return base[:i] + ", second labeller " + base[i+1:]
	}
	return base
}
