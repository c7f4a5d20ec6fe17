// Package eval scores the built-in rules against the labelled development
// set in the shared directory (eval/dev-sentences.jsonl and
// eval/dev-documents.jsonl), as described in its README.
package eval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/shareddata"
)

// SentenceItem is one labelled paragraph or list item.
type SentenceItem struct {
	ID     string   `json:"id"`
	Source string   `json:"source"`
	Text   string   `json:"text"`
	Labels []string `json:"labels"`
	Note   string   `json:"note"`
}

// DocumentItem is one labelled whole document.
type DocumentItem struct {
	ID     string   `json:"id"`
	Path   string   `json:"path"`
	Kind   string   `json:"kind"`
	Labels []string `json:"labels"`
	Note   string   `json:"note"`
}

// Counts are the true positives, false positives and false negatives of
// one rule.
type Counts struct{ TP, FP, FN int }

// Precision is TP/(TP+FP), or 0 when the rule never fired.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), or 0 when nothing was labelled.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Error is one false positive or false negative.
type Error struct {
	Rule, ItemID, Kind string // Kind is "FP" or "FN"
	Text               string
	Note               string
}

// Report is the result of scoring one set.
type Report struct {
	Name   string
	Rules  []string
	Counts map[string]*Counts
	Errors []Error
	// KindMatches and KindTotal count documents whose detected kind agrees
	// with the label (documents only); KindErrors lists the others.
	KindMatches, KindTotal int
	KindErrors             []string
}

// Add adds the counts and errors of o, a report on other items with the
// same rules.
func (r *Report) Add(o *Report) {
	for _, id := range r.Rules {
		if c := o.Counts[id]; c != nil {
			r.Counts[id].TP += c.TP
			r.Counts[id].FP += c.FP
			r.Counts[id].FN += c.FN
		}
	}
	r.Errors = append(r.Errors, o.Errors...)
}

// Micro sums the counts over all rules.
func (r *Report) Micro() Counts {
	var m Counts
	for _, id := range r.Rules {
		c := r.Counts[id]
		m.TP += c.TP
		m.FP += c.FP
		m.FN += c.FN
	}
	return m
}

func newReport(name string, rules []string) *Report {
	r := &Report{Name: name, Rules: rules, Counts: map[string]*Counts{}}
	for _, id := range rules {
		r.Counts[id] = &Counts{}
	}
	return r
}

// score adds one item's outcome: labels expected, fired rules found.
func (r *Report) score(id, text, note string, labels []string, fired map[string]bool) {
	for _, rule := range r.Rules {
		want := slices.Contains(labels, rule)
		c := r.Counts[rule]
		switch {
		case want && fired[rule]:
			c.TP++
		case fired[rule]:
			c.FP++
			r.Errors = append(r.Errors, Error{rule, id, "FP", text, note})
		case want:
			c.FN++
			r.Errors = append(r.Errors, Error{rule, id, "FN", text, note})
		}
	}
}

// ReadJSONL decodes one JSON value a line into a slice.
func ReadJSONL[T any](path string) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var v T
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		out = append(out, v)
	}
	return out, sc.Err()
}

// ruleIDs returns the IDs of the rules of one scope, in order.
func ruleIDs(rules []*lint.Rule, scope lint.Scope) []string {
	var ids []string
	for _, r := range rules {
		if r.Scope == scope {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// ScoreSentences runs the sentence rules over each item's text, parsed in
// its source file's format, with opts (which say how the learned model is
// used), and scores which rules fire.
func ScoreSentences(items []SentenceItem, rules []*lint.Rule, opts lint.Options) *Report {
	ids := ruleIDs(rules, lint.SentenceScope)
	var run []*lint.Rule
	for _, r := range rules {
		if r.Scope == lint.SentenceScope {
			run = append(run, r)
		}
	}
	rep := newReport("dev-sentences", ids)
	for _, it := range items {
		doc := document.Parse(it.Text, ItemOptions(it.Source))
		fired := map[string]bool{}
		for _, f := range lint.Run(doc, run, opts) {
			fired[f.RuleID] = true
		}
		rep.score(it.ID, it.Text, it.Note, it.Labels, fired)
	}
	return rep
}

// Synthetic is the source of items written for the set rather than copied
// from a file; they are parsed as Markdown with no URI.
const Synthetic = "synthetic"

// ItemOptions returns the parse options for a labelled item from source.
func ItemOptions(source string) document.Options {
	if source == Synthetic || source == "" {
		return document.Options{Format: document.Markdown}
	}
	f, _ := document.FormatOf(source)
	return document.Options{URI: source, Format: f}
}

// ScoreDocuments parses each document (paths relative to shared), runs all
// rules, and scores the document rules and the detected kind.
func ScoreDocuments(shared string, items []DocumentItem, rules []*lint.Rule) (*Report, error) {
	rep := newReport("dev-documents", ruleIDs(rules, lint.DocumentScope))
	for _, it := range items {
		data, err := os.ReadFile(filepath.Join(shared, filepath.FromSlash(it.Path)))
		if err != nil {
			return nil, err
		}
		f, _ := document.FormatOf(it.Path)
		doc := document.Parse(string(data), document.Options{URI: it.Path, Format: f})
		fired := map[string]bool{}
		for _, f := range lint.Run(doc, rules, lint.Options{}) {
			fired[f.RuleID] = true
		}
		rep.score(it.ID, it.Path, it.Note, it.Labels, fired)
		rep.KindTotal++
		if kindName(doc.Kind) == it.Kind {
			rep.KindMatches++
		} else {
			rep.KindErrors = append(rep.KindErrors, fmt.Sprintf("%s %s: detected %s (%s), labelled %s", it.ID, it.Path, kindName(doc.Kind), doc.KindSource, it.Kind))
		}
	}
	return rep, nil
}

// kindName maps a detected kind to the label vocabulary.
func kindName(k document.Kind) string {
	if k == document.KindNone {
		return "other"
	}
	return k.String()
}

// Write prints a per-rule table and the micro-average; verbose adds each
// false positive and false negative with its text.
func (r *Report) Write(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "%s\n", r.Name)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "rule\tTP\tFP\tFN\tprecision\trecall\tF1\t")
	row := func(name string, c Counts) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.2f\t%.2f\t%.2f\t\n", name, c.TP, c.FP, c.FN, c.Precision(), c.Recall(), c.F1())
	}
	for _, id := range r.Rules {
		row(id, *r.Counts[id])
	}
	row("micro-average", r.Micro())
	tw.Flush()
	if r.KindTotal > 0 {
		fmt.Fprintf(w, "kind detection: %d/%d agree (%.2f)\n", r.KindMatches, r.KindTotal, ratio(r.KindMatches, r.KindTotal))
	}
	if !verbose {
		return
	}
	errs := slices.Clone(r.Errors)
	sort.SliceStable(errs, func(i, j int) bool {
		if errs[i].Rule != errs[j].Rule {
			return slices.Index(r.Rules, errs[i].Rule) < slices.Index(r.Rules, errs[j].Rule)
		}
		return errs[i].Kind < errs[j].Kind
	})
	for _, e := range errs {
		fmt.Fprintf(w, "\n%s %s %s: %s\n", e.Kind, e.Rule, e.ItemID, indent(e.Text))
		if e.Note != "" {
			fmt.Fprintf(w, "    note: %s\n", e.Note)
		}
	}
	for _, k := range r.KindErrors {
		fmt.Fprintf(w, "\nkind: %s\n", k)
	}
	fmt.Fprintln(w)
}

func indent(s string) string { return strings.ReplaceAll(s, "\n", "\n    ") }

// FindShared locates the shared directory: the "shared" folder beside the
// module root, found by walking up from dir to the nearest go.mod.
func FindShared(dir string) (string, error) {
	s := shareddata.From(dir)
	if s == "" {
		return "", errors.New("no shared folder beside the module root (use -shared DIR)")
	}
	if _, err := os.Stat(filepath.Join(s, "eval")); err != nil {
		return "", fmt.Errorf("no eval set at %s (use -shared DIR)", s)
	}
	return s, nil
}
