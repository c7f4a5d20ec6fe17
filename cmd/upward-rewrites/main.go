// Command upward-rewrites measures the sentence rules' quick-fix rewrites
// on the labelled sets (see package rewrites): per rule, how many of the
// first fixes of correct findings keep at least 80% of the writer's facts,
// show no broken-text signal and re-lint clean, and how many placeholders
// they leave; then the same over every alternative fix.
//
//	go run ./cmd/upward-rewrites [-set train|test|all|DIR] [-model on|off] [-v] [-rule ID]
//	go run ./cmd/upward-rewrites -sample FILE [-n 300] [-seed 15]
//	go run ./cmd/upward-rewrites -judged DIR
//
// -set picks testdata/train (where rewrites are tuned), testdata/test (the
// frozen split, for reporting only) or both, one table each, or any
// folder of items in the labelled sets' format (see model.Item). -v lists
// every scored fix that loses facts, shows a signal or re-lints dirty.
// -sample writes a judged sample to FILE: n first rewrites of correct
// findings on testdata/test (or the set -set names), drawn at random, an
// equal share per rule,
// as JSON lines {id, rule, fix, original, rewrite}.
// -judged reads a judged sample (DIR/sample.jsonl and one
// DIR/judged.<reviewer>.jsonl per reviewer) and prints per rule each
// reviewer's acceptance, the share every reviewer accepted, and the first
// two reviewers' agreement and Cohen's kappa.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/upward-lint/upward/internal/builtin"
	"github.com/upward-lint/upward/internal/eval/rewrites"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/model"
)

func main() {
	set := flag.String("set", "train", "which labelled set: train, test, all, or a folder of labelled JSON lines")
	mode := flag.String("model", "on", "the learned model: on (as users run it) or off (phrases alone)")
	verbose := flag.Bool("v", false, "list each fix that loses facts, shows a broken-text signal or re-lints dirty")
	rule := flag.String("rule", "", "with -v, list only this rule's fixes")
	all := flag.Bool("all", false, "with -v, list every scored fix, not only those with a problem")
	sample := flag.String("sample", "", "write a judged sample of first rewrites to this `file` (from testdata/test unless -set train)")
	n := flag.Int("n", 300, "with -sample, how many rewrites")
	seed := flag.Uint64("seed", 15, "with -sample, the random seed")
	judged := flag.String("judged", "", "report the verdicts of a judged sample in this `dir`")
	flag.Parse()
	if *judged != "" {
		j, err := rewrites.ReadJudged(*judged)
		fail(err)
		j.Report(os.Stdout)
		return
	}
	var opts lint.Options
	switch *mode {
	case "on":
	case "off":
		opts.Model.Off = true
	default:
		fail(fmt.Errorf("-model %q: want on or off", *mode))
	}
	if *sample != "" {
		from := setDir("test")
		if setGiven() {
			from = setDir(*set)
		}
		fail(writeSample(*sample, from, *n, *seed, opts))
		return
	}
	var dirs []string
	switch *set {
	case "train", "test":
		dirs = []string{setDir(*set)}
	case "all":
		dirs = []string{setDir("train"), setDir("test")}
	default:
		if fi, err := os.Stat(*set); err != nil || !fi.IsDir() {
			fail(fmt.Errorf("-set %q: want train, test, all or a folder of labelled JSON lines", *set))
		}
		dirs = []string{*set}
	}
	for i, d := range dirs {
		items, err := model.ReadCorpus(d)
		if err != nil {
			fail(fmt.Errorf("%v (run from the module root)", err))
		}
		ss := rewrites.Score(items, builtin.All(), opts)
		if i > 0 {
			fmt.Println()
		}
		name := fmt.Sprintf("%s (%d items), model %s", d, len(items), *mode)
		rewrites.Write(os.Stdout, name+": first fix of each correct finding", rewrites.Summarise(ss, true))
		fmt.Println()
		rewrites.Write(os.Stdout, name+": every fix of each correct finding", rewrites.Summarise(ss, false))
		fmt.Println()
		rewrites.Write(os.Stdout, name+": first fix of each correct finding of the phrases (not the model alone)",
			rewrites.SummariseIf(ss, true, func(s rewrites.Scored) bool { return !s.Model }))
		if *verbose {
			for _, s := range ss {
				if *rule != "" && s.Rule != *rule || !*all && s.Retention() >= 0.8 && len(s.Signals) == 0 && s.Clean {
					continue
				}
				if s.Rank < 0 {
					fmt.Printf("\n%s %s: no fix\n  %s\n", s.ItemID, s.Rule, s.Text)
					continue
				}
				fmt.Printf("\n%s %s #%d %q", s.ItemID, s.Rule, s.Rank, s.Title)
				if s.Model {
					fmt.Print(" (model)")
				}
				fmt.Printf("\n  - %s\n  + %s\n", s.Original, s.Fixed)
				if len(s.Lost) > 0 {
					fmt.Printf("  lost %d/%d: %s\n", len(s.Lost), len(s.Facts), strings.Join(s.Lost, ", "))
				}
				if len(s.Signals) > 0 {
					fmt.Printf("  signals: %s\n", strings.Join(s.Signals, ", "))
				}
				if !s.Clean {
					fmt.Println("  re-lint: still flagged")
				}
			}
		}
	}
}

// sampleLine is one rewrite for the judges.
type sampleLine struct {
	ID       string `json:"id"`
	Rule     string `json:"rule"`
	Register string `json:"register,omitempty"`
	Fix      string `json:"fix"`
	Original string `json:"original"`
	Rewrite  string `json:"rewrite"`
}

// writeSample draws n first rewrites of correct findings on the labelled
// items in dir, an equal share per rule (the rest, where a rule has too
// few, from the others), in random order.
func writeSample(path, dir string, n int, seed uint64, opts lint.Options) error {
	items, err := model.ReadCorpus(dir)
	if err != nil {
		return fmt.Errorf("%v (run from the module root)", err)
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	byRule := map[string][]rewrites.Scored{}
	for _, s := range rewrites.Score(items, builtin.All(), opts) {
		if s.Rank == 0 {
			byRule[s.Rule] = append(byRule[s.Rule], s)
		}
	}
	for _, r := range model.Rules {
		rng.Shuffle(len(byRule[r]), func(i, j int) { byRule[r][i], byRule[r][j] = byRule[r][j], byRule[r][i] })
	}
	var picked []rewrites.Scored
	for len(picked) < n {
		took := false
		for _, r := range model.Rules {
			if len(byRule[r]) > 0 && len(picked) < n {
				picked = append(picked, byRule[r][0])
				byRule[r] = byRule[r][1:]
				took = true
			}
		}
		if !took {
			break
		}
	}
	rng.Shuffle(len(picked), func(i, j int) { picked[i], picked[j] = picked[j], picked[i] })
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	counts := map[string]int{}
	for _, s := range picked {
		counts[s.Rule]++
		if err := enc.Encode(sampleLine{ID: s.ItemID, Rule: s.Rule, Register: s.Register, Fix: s.Title, Original: s.Text, Rewrite: s.FixedText}); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	var parts []string
	for _, r := range model.Rules {
		parts = append(parts, fmt.Sprintf("%s %d", r, counts[r]))
	}
	slices.Sort(parts)
	fmt.Printf("wrote %d rewrites to %s (%s)\n", len(picked), path, strings.Join(parts, ", "))
	return nil
}

func fail(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "upward-rewrites:", err)
		os.Exit(2)
	}
}

// setDir is the folder of a named labelled set ("train", "test"), or
// the set itself when it names a folder.
func setDir(set string) string {
	if set == "train" || set == "test" {
		return filepath.Join("testdata", set)
	}
	return set
}

// setGiven reports whether -set was given on the command line.
func setGiven() bool {
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "set" })
	return given
}
