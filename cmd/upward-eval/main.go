// Command upward-eval prints per-rule precision and recall of the built-in
// rules on the development set in ../shared/eval, or on other labelled sets.
//
//	go run ./cmd/upward-eval [-shared DIR] [-sentences FILE] [-documents FILE] [-model on|off|alone] [-sensitivity S] [-v]
//	go run ./cmd/upward-eval -frozen [-sensitivity S]
//	go run ./cmd/upward-eval -agreement
//
// -model says how the sentence rules use the learned model: on (the
// default, as users run it), off (phrases alone), alone (the model
// alone), veto-only or add-only (one part of the combination). -frozen
// scores the frozen test split (testdata/test/*.jsonl) in each of these
// modes, one table each.
// -agreement compares each second labeller's labels in testdata/agreement
// with the labels the same items carry in testdata/train or testdata/test
// (Cohen's kappa per rule).
//
// With no -sentences or -documents it scores the shared development set
// (eval/dev-sentences.jsonl and eval/dev-documents.jsonl). With -sentences
// alone it scores that file and skips documents; with -documents alone it
// scores those documents (paths relative to the shared directory) only.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/upward-lint/upward/internal/builtin"
	"github.com/upward-lint/upward/internal/eval"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/model"
)

func main() {
	shared := flag.String("shared", "", "the shared directory holding eval/ and corpus/ (default: ../shared beside the module root)")
	sentences := flag.String("sentences", "", "score this sentences `file` (JSON lines) instead of the shared dev set; items with source \"synthetic\" are parsed as Markdown")
	documents := flag.String("documents", "", "score this documents `file` (JSON lines, paths relative to the shared directory) instead of the shared dev set")
	verbose := flag.Bool("v", false, "list every false positive and false negative with its text")
	mode := flag.String("model", "on", "how sentence rules use the learned model: on, off, alone, veto-only (phrases with the veto) or add-only (phrases plus the model's own hits, no veto)")
	sens := flag.String("sensitivity", "balanced", "the model's sensitivity: precise, balanced or thorough")
	frozen := flag.Bool("frozen", false, "score the frozen test split (testdata/test) with phrases alone, the model alone and both")
	agreement := flag.Bool("agreement", false, "print the agreement of the items labelled twice (testdata/agreement)")
	flag.Parse()
	opts, err := modelOptions(*mode, *sens)
	if err == nil && *agreement {
		err = runAgreement()
	} else if err == nil && *frozen {
		err = runFrozen(*sens, *verbose)
	} else if err == nil {
		err = run(*shared, *sentences, *documents, opts, *verbose)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "upward-eval:", err)
		os.Exit(2)
	}
}

func modelOptions(mode, sens string) (lint.Options, error) {
	var o lint.Options
	o.Model.Sensitivity = sens
	switch mode {
	case "on":
	case "off":
		o.Model.Off = true
	case "alone":
		o.Model.Alone = true
	case "veto-only":
		o.Model.NoAdd = true
	case "add-only":
		o.Model.NoVeto = true
	default:
		return o, fmt.Errorf("-model %q: want on, off, alone, veto-only or add-only", mode)
	}
	return o, nil
}

// runAgreement prints the agreement of every file in testdata/agreement.
func runAgreement() error {
	first := map[string][]string{}
	for _, dir := range []string{"train", "test"} {
		items, err := model.ReadCorpus(filepath.Join("testdata", dir))
		if err != nil {
			return err
		}
		for _, it := range items {
			first[it.ID] = it.Labels
		}
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "agreement", "*.jsonl"))
	if len(files) == 0 {
		return fmt.Errorf("no testdata/agreement/*.jsonl (run from the module root)")
	}
	for _, f := range files {
		second, err := eval.ReadJSONL[eval.SecondLabel](f)
		if err != nil {
			return err
		}
		a, err := eval.Compare(eval.AgreementName(f), model.Rules[:], first, second)
		if err != nil {
			return err
		}
		a.Write(os.Stdout)
		fmt.Println()
	}
	return nil
}

// runFrozen scores every file of the frozen test split in each mode.
func runFrozen(sens string, verbose bool) error {
	files, err := filepath.Glob(filepath.Join("testdata", "test", "*.jsonl"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no testdata/test/*.jsonl (run from the module root)")
	}
	for _, f := range files {
		sents, err := eval.ReadJSONL[eval.SentenceItem](f)
		if err != nil {
			return err
		}
		for _, mode := range []string{"off", "alone", "veto-only", "add-only", "on"} {
			opts, _ := modelOptions(mode, sens)
			rep := eval.ScoreSentences(sents, builtin.All(), opts)
			rep.Name = fmt.Sprintf("%s (%d items), model %s, %s", setName(f), len(sents), mode, sens)
			rep.Write(os.Stdout, verbose && mode == "on")
		}
	}
	return nil
}

func run(shared, sentences, documents string, opts lint.Options, verbose bool) error {
	if sentences == "" && documents == "" || documents != "" {
		// The default set, or documents: both need the shared directory.
		if shared == "" {
			s, err := eval.FindShared(".")
			if err != nil {
				return err
			}
			shared = s
		}
	}
	if sentences == "" && documents == "" {
		sentences = filepath.Join(shared, "eval", "dev-sentences.jsonl")
		documents = filepath.Join(shared, "eval", "dev-documents.jsonl")
	}
	rules := builtin.All()
	if sentences != "" {
		sents, err := eval.ReadJSONL[eval.SentenceItem](sentences)
		if err != nil {
			return err
		}
		rep := eval.ScoreSentences(sents, rules, opts)
		rep.Name = setName(sentences)
		rep.Write(os.Stdout, verbose)
	}
	if documents != "" {
		docs, err := eval.ReadJSONL[eval.DocumentItem](documents)
		if err != nil {
			return err
		}
		rep, err := eval.ScoreDocuments(shared, docs, rules)
		if err != nil {
			return err
		}
		rep.Name = setName(documents)
		if sentences != "" {
			fmt.Println()
		}
		rep.Write(os.Stdout, verbose)
	}
	return nil
}

// setName names a report after its file: "dev-sentences" for
// .../dev-sentences.jsonl.
func setName(path string) string {
	base := filepath.Base(path)
	return base[:len(base)-len(filepath.Ext(base))]
}
