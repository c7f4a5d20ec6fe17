// Command upward-eval prints per-rule precision and recall of the built-in
// rules on the development set in ../shared/eval.
//
//	go run ./internal/eval/cmd/upward-eval [-shared DIR] [-v]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/upward-lint/upward/internal/builtin"
	"github.com/upward-lint/upward/internal/eval"
)

func main() {
	shared := flag.String("shared", "", "the shared directory holding eval/ and corpus/ (default: ../shared beside the module root)")
	verbose := flag.Bool("v", false, "list every false positive and false negative with its text")
	flag.Parse()
	if err := run(*shared, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "upward-eval:", err)
		os.Exit(2)
	}
}

func run(shared string, verbose bool) error {
	if shared == "" {
		s, err := eval.FindShared(".")
		if err != nil {
			return err
		}
		shared = s
	}
	rules := builtin.All()
	sents, err := eval.ReadJSONL[eval.SentenceItem](filepath.Join(shared, "eval", "dev-sentences.jsonl"))
	if err != nil {
		return err
	}
	eval.ScoreSentences(sents, rules).Write(os.Stdout, verbose)
	docs, err := eval.ReadJSONL[eval.DocumentItem](filepath.Join(shared, "eval", "dev-documents.jsonl"))
	if err != nil {
		return err
	}
	rep, err := eval.ScoreDocuments(shared, docs, rules)
	if err != nil {
		return err
	}
	fmt.Println()
	rep.Write(os.Stdout, verbose)
	return nil
}
