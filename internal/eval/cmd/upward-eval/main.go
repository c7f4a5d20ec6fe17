// Command upward-eval prints per-rule precision and recall of the built-in
// rules on the development set in ../shared/eval, or on other labelled sets.
//
//	go run ./internal/eval/cmd/upward-eval [-shared DIR] [-sentences FILE] [-documents FILE] [-v]
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
)

func main() {
	shared := flag.String("shared", "", "the shared directory holding eval/ and corpus/ (default: ../shared beside the module root)")
	sentences := flag.String("sentences", "", "score this sentences `file` (JSON lines) instead of the shared dev set; items with source \"synthetic\" are parsed as Markdown")
	documents := flag.String("documents", "", "score this documents `file` (JSON lines, paths relative to the shared directory) instead of the shared dev set")
	verbose := flag.Bool("v", false, "list every false positive and false negative with its text")
	flag.Parse()
	if err := run(*shared, *sentences, *documents, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "upward-eval:", err)
		os.Exit(2)
	}
}

func run(shared, sentences, documents string, verbose bool) error {
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
		rep := eval.ScoreSentences(sents, rules)
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
