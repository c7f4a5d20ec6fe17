// Command upward-train trains the sentence rules' learned model on the
// labelled corpus and writes the weights the binary embeds.
//
//	go run ./cmd/upward-train [-corpus testdata/train] [-o internal/model/model.bin]
//
// It is deterministic: the same corpus gives the same file, byte for byte.
// Training: a logistic regression per rule (see internal/model) on every
// item. Calibration and thresholds come from 5-fold cross-validation on
// the corpus alone (never testdata/test): out-of-fold margins give each
// rule's Platt scaling, shifted to the rule's prevalence in the randomly
// sampled real paragraphs (at least minPrevalence); each sensitivity's threshold is the lowest
// margin whose estimated precision at that prevalence reaches the target
// (recall from every positive, false alarms from the real paragraphs);
// the veto margin is the highest below which the phrase rules' hits are
// mostly wrong.
package main

import (
	"flag"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"slices"
	"strings"

	"github.com/upward-lint/upward/internal/builtin"
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/eval"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/model"
)

func main() {
	corpus := flag.String("corpus", "testdata/train", "the `folder` of labelled *.jsonl files")
	out := flag.String("o", "internal/model/model.bin", "the model `file` to write")
	flag.BoolVar(&verbose, "v", false, "list the real paragraphs each rule scores highest out of fold")
	flag.Parse()
	if err := run(*corpus, *out); err != nil {
		fmt.Fprintln(os.Stderr, "upward-train:", err)
		os.Exit(1)
	}
}

const folds = 5

var verbose bool

// minPrevalence is the lowest prevalence thresholds are chosen for. Project
// minutes and reports, the real text sampled, almost never vent, hedge or
// raise alarm; messages to a manager do. A rule measured at 0.02% would
// get a threshold no real paragraph in the sample reaches, however likely
// the message; the floor keeps it at about one false alarm in a thousand
// real paragraphs at 80% recall.
const minPrevalence = 0.005

func run(dir, out string) error {
	items, err := model.ReadCorpus(dir)
	if err != nil {
		return err
	}
	hash, err := model.CorpusHash(dir, model.DefaultTrainOptions)
	if err != nil {
		return err
	}
	m, err := Build(items, model.DefaultTrainOptions)
	if err != nil {
		return err
	}
	m.CorpusSHA256 = hash
	if err := os.WriteFile(out, m.Encode(), 0o644); err != nil {
		return err
	}
	printNotes(m)
	return nil
}

// Examples turns corpus items into training examples: each item's text as
// the sentence rules read it (builtin.ModelText).
func Examples(items []model.Item) []model.Example {
	ex := make([]model.Example, len(items))
	for i, it := range items {
		doc := document.Parse(it.Text, eval.ItemOptions(it.Source))
		ex[i] = model.Example{ID: it.ID, Text: builtin.ModelText(doc), Labels: it.LabelSet(), Random: it.Sample == "random"}
	}
	return ex
}

// fold assigns an item to a cross-validation fold by its ID.
func fold(id string) int {
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % folds)
}

// Build trains, calibrates and sets the thresholds of a model on items.
func Build(items []model.Item, opts model.TrainOptions) (*model.Model, error) {
	ex := Examples(items)
	oof := OutOfFold(ex, opts)
	m := model.Train(ex, opts)
	m.Items = len(ex)
	m.Positives = map[string]int{}
	fired := phraseHits(items)
	m.Thresholds = map[string][model.NumRules]*float64{}
	notes := map[string]any{}
	for r, id := range model.Rules {
		var all []float64
		var ys []bool
		var pos, realNeg []float64
		var nReal, posReal int
		for i, e := range ex {
			all = append(all, oof[i][r])
			ys = append(ys, e.Labels[r])
			if e.Labels[r] {
				pos = append(pos, oof[i][r])
				m.Positives[id]++
			}
			if e.Random {
				nReal++
				if e.Labels[r] {
					posReal++
				} else {
					realNeg = append(realNeg, oof[i][r])
				}
			}
		}
		slices.Sort(pos)
		slices.Sort(realNeg)
		if verbose {
			printTop(ex, oof, r)
		}
		prev := max((float64(posReal)+0.5)/(float64(nReal)+1), minPrevalence)
		train := float64(len(pos)) / float64(len(ex))
		a, b := model.Platt(all, ys)
		m.PlattA[r] = a
		m.PlattB[r] = b + logit(prev) - logit(train)
		rn := map[string]any{"prevalence_real": round(prev), "positives": len(pos)}
		for name, target := range map[string]float64{"balanced": model.Targets[model.Balanced], "precise": model.Targets[model.Precise], "thorough": model.Targets[model.Thorough]} {
			t := model.Threshold(pos, realNeg, prev, target, 10)
			th := m.Thresholds[name]
			if !math.IsInf(t, 1) {
				th[r] = &t
			}
			m.Thresholds[name] = th
			p, rec, fa := model.PrecisionAt(t, pos, realNeg, prev)
			rn[name] = map[string]any{"threshold": round(t), "est_precision_real": round(p), "recall_oof": round(rec), "false_alarm_real": round(fa)}
		}
		if v, ok := vetoMargin(oof, ex, fired, r); ok {
			m.Veto[r] = &v
			rn["veto"] = round(v)
		}
		notes[id] = rn
	}
	m.Notes = notes
	return m, nil
}

// OutOfFold returns each example's margins from a model trained on the
// other folds.
func OutOfFold(ex []model.Example, opts model.TrainOptions) [][model.NumRules]float64 {
	out := make([][model.NumRules]float64, len(ex))
	for k := range folds {
		var train []model.Example
		for _, e := range ex {
			if fold(e.ID) != k {
				train = append(train, e)
			}
		}
		m := model.Train(train, opts)
		for i, e := range ex {
			if fold(e.ID) == k {
				s := m.Score(e.Text)
				for r := range model.NumRules {
					out[i][r] = float64(s[r])
				}
			}
		}
	}
	return out
}

// phraseHits says, per item and rule, whether the phrase rules alone fire.
func phraseHits(items []model.Item) [][model.NumRules]bool {
	var rules []*lint.Rule
	for _, r := range builtin.All() {
		if r.Scope == lint.SentenceScope {
			rules = append(rules, r)
		}
	}
	out := make([][model.NumRules]bool, len(items))
	for i, it := range items {
		doc := document.Parse(it.Text, eval.ItemOptions(it.Source))
		for _, f := range lint.Run(doc, rules, lint.Options{Model: lint.ModelOptions{Off: true}}) {
			if r := model.RuleIndex(f.RuleID); r >= 0 {
				out[i][r] = true
			}
		}
	}
	return out
}

// vetoMargin is the highest out-of-fold margin below which at least 8 of
// the phrase rules' hits of rule r lie and at most 15% of them are right.
func vetoMargin(oof [][model.NumRules]float64, ex []model.Example, fired [][model.NumRules]bool, r int) (float64, bool) {
	type hit struct {
		m  float64
		ok bool
	}
	var hs []hit
	for i := range ex {
		if fired[i][r] {
			hs = append(hs, hit{oof[i][r], ex[i].Labels[r]})
		}
	}
	slices.SortFunc(hs, func(a, b hit) int { return cmpFloat(a.m, b.m) })
	best, found := 0.0, false
	tp := 0
	for n := 1; n <= len(hs); n++ {
		if hs[n-1].ok {
			tp++
		}
		if n < 8 || float64(tp) > 0.15*float64(n) {
			continue
		}
		// Between this hit and the next, so that this one is vetoed.
		next := hs[n-1].m + 1e-6
		if n < len(hs) {
			if hs[n].m == hs[n-1].m {
				continue
			}
			next = hs[n].m
		}
		best, found = (hs[n-1].m+next)/2, true
	}
	return best, found
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func logit(p float64) float64 { return math.Log(p / (1 - p)) }

func round(x float64) float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return 0
	}
	return math.Round(x*1000) / 1000
}

func printNotes(m *model.Model) {
	fmt.Printf("trained on %d items; positives per rule: %v\n", m.Items, m.Positives)
	for _, id := range model.Rules {
		fmt.Printf("%-14s %v\n", id, strings.TrimPrefix(fmt.Sprint(m.Notes[id]), "map"))
	}
}

// printTop lists the randomly sampled real items that rule r scores
// highest out of fold, with their labels.
func printTop(ex []model.Example, oof [][model.NumRules]float64, r int) {
	var idx []int
	for i, e := range ex {
		if e.Random {
			idx = append(idx, i)
		}
	}
	slices.SortFunc(idx, func(a, b int) int { return cmpFloat(oof[b][r], oof[a][r]) })
	fmt.Printf("== %s: real paragraphs scored highest\n", model.Rules[r])
	for _, i := range idx[:min(12, len(idx))] {
		fmt.Printf("%6.2f %-5v %s %q\n", oof[i][r], ex[i].Labels[r], ex[i].ID, ex[i].Text[:min(140, len(ex[i].Text))])
	}
}
