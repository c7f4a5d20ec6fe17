package config

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// LintCache lints successive versions of one document, as an editor
// sends them, re-using the work on the parts an edit did not touch: a long
// Markdown text is parsed in top-level pieces (see document.Cache), and
// the findings of sentence rules, which look at one block and the list
// item or paragraph around it, are kept per piece. Document rules and
// inline directives always see the whole document. The results are those
// of Config.Lint. Calls must not overlap (the server lints each document
// under its own mutex); the zero value is ready.
type LintCache struct {
	docs document.Cache
}

// sentenceKey is the Document.PieceMemo key of a piece's sentence-rule
// findings (offsets into the piece). The piece itself is part of the key
// in effect: the memo lives with the parsed piece, which the Cache keys by
// its text and by the link reference definitions it was parsed with.
type sentenceKey struct {
	kind document.Kind
	cfg  string // see configKey
}

// Lint is c.Lint(path, f, text), from the cache where it can.
func (lc *LintCache) Lint(c *Config, path string, f document.Format, text string) (*document.Document, []lint.Finding) {
	doc := lc.docs.Parse(text, c.parseOptions(path, f))
	rules, opts := c.Rules(), c.lintOptions(doc, path)
	pieces := doc.Pieces()
	if len(pieces) < 2 {
		return doc, lint.Run(doc, rules, opts)
	}
	var sentence, docRules []*lint.Rule
	for _, r := range rules {
		if r.Scope == lint.SentenceScope {
			sentence = append(sentence, r)
		} else {
			docRules = append(docRules, r)
		}
	}
	ck := configKey(sentence, opts)
	var found []lint.Finding
	for i, p := range pieces {
		fs := doc.PieceMemo(i, sentenceKey{doc.Kind, ck}, func() any {
			return lint.Run(doc.PieceDocument(i), sentence, opts)
		}).([]lint.Finding)
		for _, f := range fs {
			found = append(found, shift(f, p.Span.Start))
		}
	}
	// Directives and allowed phrases over the whole document, as in Lint.
	return doc, lint.Merge(doc, opts, lint.Run(doc, docRules, opts), found)
}

// configKey identifies what the findings of sentence rules depend on in
// a config: the rules themselves and the options. An editor may hand over
// a new but equal config for every change.
func configKey(rules []*lint.Rule, opts lint.Options) string {
	var b strings.Builder
	for _, r := range rules {
		fmt.Fprintf(&b, "%p,", r)
	}
	b.WriteByte('\n')
	for _, k := range slices.Sorted(maps.Keys(opts.Disabled)) {
		fmt.Fprintf(&b, "%q=%v,", k, opts.Disabled[k])
	}
	b.WriteByte('\n')
	for _, k := range slices.Sorted(maps.Keys(opts.Severity)) {
		fmt.Fprintf(&b, "%q=%d,", k, opts.Severity[k])
	}
	for _, m := range []map[string][]string{opts.Extra, opts.Allow} {
		b.WriteByte('\n')
		for _, k := range slices.Sorted(maps.Keys(m)) {
			fmt.Fprintf(&b, "%q=%q,", k, m[k])
		}
	}
	fmt.Fprintf(&b, "\nmodel=%+v", opts.Model)
	// The rewrites of vague-timing name dates counted from these.
	fmt.Fprintf(&b, "\ndates=%s,%s,%q", opts.Dates.Base.Format("2006-01-02"), opts.Dates.Today.Format("2006-01-02"), opts.Dates.Locale)
	return b.String()
}

// shift returns f with its span and edits moved by off, sharing nothing
// with f.
func shift(f lint.Finding, off int) lint.Finding {
	f.Span.Start += off
	f.Span.End += off
	if f.Fixes != nil {
		fixes := make([]lint.Fix, len(f.Fixes))
		for i, fx := range f.Fixes {
			edits := make([]lint.Edit, len(fx.Edits))
			for j, e := range fx.Edits {
				e.Span.Start += off
				e.Span.End += off
				edits[j] = e
			}
			fx.Edits = edits
			fixes[i] = fx
		}
		f.Fixes = fixes
	}
	return f
}
