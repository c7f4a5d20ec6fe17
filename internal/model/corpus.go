package model

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Item is one labelled line of the training corpus (testdata/train/*.jsonl)
// or of the frozen test split (testdata/test/*.jsonl).
type Item struct {
	ID string `json:"id"`
	// Source is "synthetic" or the corpus file the text was copied from.
	Source   string   `json:"source"`
	Register string   `json:"register,omitempty"`
	Field    string   `json:"field,omitempty"`
	Text     string   `json:"text"`
	Labels   []string `json:"labels"`
	Note     string   `json:"note,omitempty"`
	Why      string   `json:"why,omitempty"`
	// Sample is "random" for real text sampled at random, at natural
	// prevalence; empty for written or hand-picked items.
	Sample string `json:"sample,omitempty"`
	// Labeller names who labelled the item, where known.
	Labeller string `json:"labeller,omitempty"`
	Writer   string `json:"writer,omitempty"`
	// Adjudicated, where set, says how a disagreement between two
	// labellers was settled by the catalogue (the labels are the outcome).
	Adjudicated string `json:"adjudicated,omitempty"`
}

// File and Line say where an item was read from, for error messages.
type located struct {
	Item
	File string
	Line int
}

// ReadCorpus reads every *.jsonl file in dir, in name order, and checks
// each line: valid JSON, a unique non-empty ID, a non-empty text, and
// labels that are sentence-rule IDs. Errors name the file and line.
func ReadCorpus(dir string) ([]Item, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no *.jsonl files", dir)
	}
	slices.Sort(files)
	var out []Item
	seen := map[string]string{}
	for _, f := range files {
		items, err := readFile(f)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if prev, ok := seen[it.ID]; ok {
				return nil, fmt.Errorf("%s:%d: duplicate id %q (first at %s)", it.File, it.Line, it.ID, prev)
			}
			seen[it.ID] = fmt.Sprintf("%s:%d", it.File, it.Line)
			out = append(out, it.Item)
		}
	}
	return out, nil
}

func readFile(path string) ([]located, error) {
	var out []located
	err := eachLine(path, func(n int, line []byte) error {
		var it Item
		if err := json.NewDecoder(bytes.NewReader(line)).Decode(&it); err != nil {
			return fmt.Errorf("%s:%d: invalid JSON: %v", path, n, err)
		}
		if it.ID == "" {
			return fmt.Errorf("%s:%d: no id", path, n)
		}
		if strings.TrimSpace(it.Text) == "" {
			return fmt.Errorf("%s:%d: %s: empty text", path, n, it.ID)
		}
		for _, l := range it.Labels {
			if RuleIndex(l) < 0 {
				return fmt.Errorf("%s:%d: %s: unknown rule ID %q (want one of %s)", path, n, it.ID, l, strings.Join(Rules[:], ", "))
			}
		}
		out = append(out, located{Item: it, File: path, Line: n})
		return nil
	})
	return out, err
}

// eachLine calls fn with every non-blank line of the file at path and its
// 1-based number, and stops at the first error.
func eachLine(path string, fn func(n int, line []byte) error) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		if line := bytes.TrimSpace(sc.Bytes()); len(line) > 0 {
			if err := fn(n, line); err != nil {
				return err
			}
		}
	}
	return sc.Err()
}

// ClauseItem is one labelled clause of testdata/clauses: a clause of a
// draft and one labeller's class for it.
type ClauseItem struct {
	ID       string      `json:"id"`
	Draft    string      `json:"draft"`
	Text     string      `json:"text"`
	Label    string      `json:"label"`
	Labeller string      `json:"labeller"`
	Class    ClauseClass `json:"-"`
}

// ReadClauses reads every *.jsonl file of labelled clauses in dir, in
// name order, and checks each line: valid JSON, an id, a draft, a text
// and a known class. Errors name the file and line. A clause labelled by
// two labellers is two items.
func ReadClauses(dir string) ([]ClauseItem, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	var out []ClauseItem
	for _, f := range files {
		err := eachLine(f, func(n int, line []byte) error {
			var it ClauseItem
			if err := json.Unmarshal(line, &it); err != nil {
				return fmt.Errorf("%s:%d: invalid JSON: %v", f, n, err)
			}
			if it.ID == "" || it.Draft == "" || strings.TrimSpace(it.Text) == "" {
				return fmt.Errorf("%s:%d: a clause needs an id, a draft and a text", f, n)
			}
			c, ok := ParseClauseClass(it.Label)
			if !ok {
				return fmt.Errorf("%s:%d: %s: label %q is not one of %s", f, n, it.ID, it.Label, strings.Join(ClauseClasses[:], ", "))
			}
			it.Class = c
			out = append(out, it)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no labelled clauses", dir)
	}
	return out, nil
}

// LabelSet returns the item's labels as a column mask.
func (it Item) LabelSet() [NumRules]bool {
	var ls [NumRules]bool
	for _, l := range it.Labels {
		if r := RuleIndex(l); r >= 0 {
			ls[r] = true
		}
	}
	return ls
}

// CorpusHash is the SHA-256 of the corpus files in dir (names and
// contents, in name order) and of the training settings: what the
// embedded model's Meta.CorpusSHA256 must equal.
func CorpusHash(dir string, opts TrainOptions) (string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil {
		return "", err
	}
	slices.Sort(files)
	h := sha256.New()
	fmt.Fprintf(h, "version %d options %+v\n", Version, opts)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s %d\n", filepath.Base(f), len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
