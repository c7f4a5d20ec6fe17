package main

import (
	"fmt"
	"os"

	"github.com/upward-lint/upward/internal/eval"
	"github.com/upward-lint/upward/internal/model"
)

const clauseEpochs = 10

// runClauses measures the clause model by 5-fold cross-validation over
// drafts (a draft's clauses stay in one fold), then trains it on every
// labelled clause and writes it to out.
func runClauses(dir, out string) error {
	items, err := model.ReadClauses(dir)
	if err != nil {
		return err
	}
	ex := make([]model.ClauseExample, len(items))
	for i, it := range items {
		ex[i] = model.ClauseExample{Text: it.Text, Class: it.Class}
	}
	const k = int(model.NumClauseClasses)
	var conf [k][k]int
	type scored struct {
		p    float64
		vent bool
	}
	var vents []scored
	for f := range folds {
		var train []model.ClauseExample
		for i, it := range items {
			if fold(it.Draft) != f {
				train = append(train, ex[i])
			}
		}
		m := model.TrainClauses(train, model.DefaultClauseBits, clauseEpochs, 1)
		for i, it := range items {
			if fold(it.Draft) != f {
				continue
			}
			c, _ := m.Classify(it.Text)
			conf[ex[i].Class][c]++
			vents = append(vents, scored{m.Probs(it.Text)[model.Vent], ex[i].Class == model.Vent})
		}
	}
	fmt.Printf("clause model, 5-fold cross-validation over drafts (%d clauses):\n", len(items))
	right := 0
	for c := range k {
		right += conf[c][c]
		n := eval.Counts{TP: conf[c][c]}
		for o := range k {
			if o != c {
				n.FP += conf[o][c]
				n.FN += conf[c][o]
			}
		}
		fmt.Printf("  %-6s precision %.2f recall %.2f (%d)\n", model.ClauseClasses[c], n.Precision(), n.Recall(), n.TP+n.FN)
	}
	fmt.Printf("  accuracy %.2f\n", float64(right)/float64(len(items)))
	for _, t := range []float64{0.5, 0.6, 0.7, 0.8, 0.9} {
		var n eval.Counts
		for _, v := range vents {
			switch {
			case v.p >= t && v.vent:
				n.TP++
			case v.p >= t:
				n.FP++
			case v.vent:
				n.FN++
			}
		}
		fmt.Printf("  vent at p ≥ %.1f: precision %.2f recall %.2f\n", t, n.Precision(), n.Recall())
	}
	m := model.TrainClauses(ex, model.DefaultClauseBits, clauseEpochs, 1)
	m.CorpusSHA256, err = model.CorpusHash(dir, model.DefaultTrainOptions)
	if err != nil {
		return err
	}
	m.Counts = map[string]int{}
	for _, e := range ex {
		m.Counts[e.Class.String()]++
	}
	return os.WriteFile(out, m.Encode(), 0o644)
}
