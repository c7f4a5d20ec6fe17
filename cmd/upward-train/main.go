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
// (recall from every positive, false alarms from every negative: written
// hard negatives and real paragraphs alike);
// the veto margin is the one below which dropping the phrase rules' hits
// removes the most wrong hits for the right ones lost (see vetoCost).
package main

import (
	"flag"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"path/filepath"
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
	dev := flag.Bool("dev", false, "measure instead of training: 5-fold cross-validation of phrases alone, the model alone and both, on the corpus")
	curve := flag.Bool("curve", false, "measure instead of training: the learning curve, models built on 1/8, 1/4, 1/2 and all of the corpus, scored on the frozen test split (testdata/test)")
	clauses := flag.String("clauses", "", "train the clause model instead, on the labelled clauses in this `folder` (testdata/clauses), and write it to internal/model/clause.bin")
	flag.Parse()
	var err error
	if *clauses != "" {
		err = runClauses(*clauses, "internal/model/clause.bin")
	} else if *curve {
		err = runCurve(*corpus, "testdata/test")
	} else if *dev {
		err = runDev(*corpus)
	} else {
		err = run(*corpus, *out)
	}
	if err != nil {
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

// runDev scores the sentence rules on each fold of the corpus with a
// model built (trained, calibrated, thresholds chosen) on the other four,
// separately for written messages and for real paragraphs sampled at
// random. The phrase lists were tuned on much of this corpus, so phrase
// figures are in-sample; the model's are not.
func runDev(dir string) error {
	items, err := model.ReadCorpus(dir)
	if err != nil {
		return err
	}
	type part struct {
		name  string
		items []eval.SentenceItem
	}
	reps := map[string]*eval.Report{}
	var order []string
	for k := range folds {
		var train []model.Item
		var msgs, real []eval.SentenceItem
		for _, it := range items {
			if fold(it.ID) != k {
				train = append(train, it)
				continue
			}
			si := eval.SentenceItem{ID: it.ID, Source: it.Source, Text: it.Text, Labels: it.Labels, Note: it.Note}
			if it.Sample == "random" {
				real = append(real, si)
			} else {
				msgs = append(msgs, si)
			}
		}
		m, err := Build(train, model.DefaultTrainOptions)
		if err != nil {
			return err
		}
		builtin.SetModel(m)
		for _, p := range []part{{"messages", msgs}, {"real", real}} {
			for _, mode := range []string{"off", "alone", "on"} {
				for _, sens := range []string{"precise", "balanced", "thorough"} {
					if mode == "off" && sens != "balanced" {
						continue
					}
					opts := lint.Options{Model: lint.ModelOptions{Off: mode == "off", Alone: mode == "alone", Sensitivity: sens}}
					rep := eval.ScoreSentences(p.items, builtin.All(), opts)
					key := fmt.Sprintf("%s: model %s, %s", p.name, mode, sens)
					if mode == "off" {
						key = p.name + ": phrases alone (in-sample)"
					}
					if reps[key] == nil {
						reps[key] = rep
						order = append(order, key)
					} else {
						reps[key].Add(rep)
					}
				}
			}
		}
	}
	builtin.SetModel(nil)
	for _, key := range order {
		reps[key].Name = key
		reps[key].Write(os.Stdout, false)
		fmt.Println()
	}
	return nil
}

// runCurve builds models on growing subsets of the corpus (chosen by
// item ID, so each contains the last) and scores the sentence rules, the
// model alone and combined at balanced sensitivity, on each file of the
// frozen test split. It only reports: nothing here chooses anything.
func runCurve(dir, testDir string) error {
	items, err := model.ReadCorpus(dir)
	if err != nil {
		return err
	}
	files, _ := filepath.Glob(filepath.Join(testDir, "*.jsonl"))
	if len(files) == 0 {
		return fmt.Errorf("no %s/*.jsonl", testDir)
	}
	fmt.Println("items\tset\tmodel alone P/R/F1\tcombined P/R/F1")
	for _, frac := range []int{8, 4, 2, 1} {
		var sub []model.Item
		for _, it := range items {
			h := fnv.New32a()
			h.Write([]byte("curve:" + it.ID))
			if h.Sum32()%8 < uint32(8/frac) {
				sub = append(sub, it)
			}
		}
		m, err := Build(sub, model.DefaultTrainOptions)
		if err != nil {
			return err
		}
		builtin.SetModel(m)
		for _, f := range files {
			test, err := eval.ReadJSONL[eval.SentenceItem](f)
			if err != nil {
				return err
			}
			alone := eval.ScoreSentences(test, builtin.All(), lint.Options{Model: lint.ModelOptions{Alone: true}}).Micro()
			both := eval.ScoreSentences(test, builtin.All(), lint.Options{}).Micro()
			fmt.Printf("%d\t%s\t%.2f/%.2f/%.2f\t%.2f/%.2f/%.2f\n", len(sub), filepath.Base(f),
				alone.Precision(), alone.Recall(), alone.F1(), both.Precision(), both.Recall(), both.F1())
		}
	}
	builtin.SetModel(nil)
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
		var pos, neg []float64
		var nReal, posReal int
		for i, e := range ex {
			all = append(all, oof[i][r])
			ys = append(ys, e.Labels[r])
			if e.Labels[r] {
				pos = append(pos, oof[i][r])
				m.Positives[id]++
			}
			if !e.Labels[r] {
				neg = append(neg, oof[i][r])
			}
			if e.Random {
				nReal++
				if e.Labels[r] {
					posReal++
				}
			}
		}
		slices.Sort(pos)
		slices.Sort(neg)
		if verbose {
			printTop(ex, oof, r)
		}
		prev := max((float64(posReal)+0.5)/(float64(nReal)+1), minPrevalence)
		train := float64(len(pos)) / float64(len(ex))
		a, b := model.Platt(all, ys)
		m.PlattA[r] = a
		m.PlattB[r] = b + logit(prev) - logit(train)
		rn := map[string]any{"prevalence_real": round(prev), "positives": len(pos), "auc_oof": round(auc(all, ys))}
		for name, target := range map[string]float64{"balanced": model.Targets[model.Balanced], "precise": model.Targets[model.Precise], "thorough": model.Targets[model.Thorough]} {
			t := model.Threshold(pos, neg, prev, target, 10)
			th := m.Thresholds[name]
			if !math.IsInf(t, 1) {
				th[r] = &t
			}
			m.Thresholds[name] = th
			p, rec, fa := model.PrecisionAt(t, pos, neg, prev)
			rn[name] = map[string]any{"threshold": round(t), "est_precision": round(p), "recall_oof": round(rec), "false_alarm_oof": round(fa)}
		}
		if verbose {
			printVeto(ex, oof, fired, r)
		}
		if v, ok := vetoMargin(oof, ex, fired, r); ok {
			m.Veto[r] = &v
			rn["veto"] = round(v)
		}
		notes[id] = rn
	}
	m.Notes = notes
	m.Prepare()
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

// vetoCost is how many wrong phrase hits a veto must remove for each
// right one it removes.
const vetoCost = 1

// vetoMargin is the out-of-fold margin below which rule r's phrase hits
// are dropped: the one that removes the most wrong hits, less vetoCost
// for each right hit removed, over every item where the phrases fire. It
// reports false when no veto gains anything.
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
	best, gain, found := 0.0, 0, false
	g := 0
	for n := 1; n <= len(hs); n++ {
		if hs[n-1].ok {
			g -= vetoCost
		} else {
			g++
		}
		if n < len(hs) && hs[n].m == hs[n-1].m {
			continue
		}
		if g > gain {
			next := hs[n-1].m + 1e-3
			if n < len(hs) {
				next = hs[n].m
			}
			best, gain, found = (hs[n-1].m+next)/2, g, true
		}
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

// printVeto prints, for the items where rule r's phrases fire, the
// out-of-fold margins of right and wrong hits, by decile.
func printVeto(ex []model.Example, oof [][model.NumRules]float64, fired [][model.NumRules]bool, r int) {
	for _, random := range []bool{false, true} {
		var ok, bad []float64
		for i, e := range ex {
			if fired[i][r] && e.Random == random {
				if e.Labels[r] {
					ok = append(ok, oof[i][r])
				} else {
					bad = append(bad, oof[i][r])
				}
			}
		}
		slices.Sort(ok)
		slices.Sort(bad)
		q := func(xs []float64) string {
			var b strings.Builder
			for d := 0; d <= 10 && len(xs) > 0; d += 2 {
				fmt.Fprintf(&b, " %5.1f", xs[min(len(xs)-1, d*len(xs)/10)])
			}
			return b.String()
		}
		fmt.Printf("veto %s random=%v: right %d:%s | wrong %d:%s\n", model.Rules[r], random, len(ok), q(ok), len(bad), q(bad))
	}
}

// auc is the area under the ROC curve of margins ms for labels ys: the
// chance that a positive outscores a negative.
func auc(ms []float64, ys []bool) float64 {
	idx := make([]int, len(ms))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return cmpFloat(ms[a], ms[b]) })
	var rankSum, npos float64
	for rank, i := range idx {
		if ys[i] {
			rankSum += float64(rank + 1)
			npos++
		}
	}
	nneg := float64(len(ms)) - npos
	if npos == 0 || nneg == 0 {
		return 0
	}
	return (rankSum - npos*(npos+1)/2) / (npos * nneg)
}
