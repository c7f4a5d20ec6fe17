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
// sends them, re-using the work on the parts an edit did not touch: a
// Markdown text is re-parsed only where it changed (document.Reparse),
// and the findings of sentence rules, which look at one block and the
// list items around it, are kept per run of the document's parts (see
// document.Part), keyed by their text. Document rules and inline
// directives always see the whole document; what the document rules work
// out per part is kept too (see lint.PartMemo). The results are those of
// Config.Lint, with offsets into the text. Calls must not overlap (the
// server lints each document under its own mutex); the zero value is
// ready.
type LintCache struct {
	doc   *document.Document // the last document linted
	found map[sentenceKey][]lint.Finding
	cfg   string // the configKey of found
	parts lint.PartMemo
}

// sentenceKey identifies the sentence-rule findings of a run of parts
// under one config: its text and the document's kind. The findings are
// kept with offsets from the run's start.
type sentenceKey struct {
	text string
	kind document.Kind
}

// Lint is c.Lint(path, f, text), from the cache where it can.
func (lc *LintCache) Lint(c *Config, path string, f document.Format, text string) (*document.Document, []lint.Finding) {
	doc := document.Reparse(lc.doc, text, c.parseOptions(path, f))
	lc.doc = doc
	rules, opts := c.Rules(), c.lintOptions(doc, path)
	parts := doc.Parts()
	if len(parts) < 2 {
		lc.found = nil
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
	if ck := configKey(sentence, opts); ck != lc.cfg {
		lc.found, lc.cfg = nil, ck
	}
	// Allowed phrases may reach across parts: Merge drops them.
	partOpts := opts
	partOpts.Allow = nil
	found := make(map[sentenceKey][]lint.Finding)
	var all []lint.Finding
	for first := 0; first < len(parts); {
		end := runEnd(doc, parts, first)
		span := document.Span{Start: parts[first].Span.Start, End: parts[end-1].Span.End}
		k := sentenceKey{text[span.Start:span.End], doc.Kind}
		fs, ok := found[k]
		if !ok {
			fs, ok = lc.found[k]
		}
		if !ok {
			fs = lint.Run(partsDocument(doc, parts[first].First, parts[end-1].End), sentence, partOpts)
			for i := range fs {
				fs[i] = shift(fs[i], -span.Start)
			}
		}
		found[k] = fs
		for _, f := range fs {
			all = append(all, shift(f, span.Start))
		}
		first = end
	}
	lc.found = found
	// Directives and allowed phrases over the whole document, as in Lint.
	docOpts := opts
	docOpts.Parts = &lc.parts
	return doc, lint.Merge(doc, opts, lint.Run(doc, docRules, docOpts), all)
}

// runEnd returns the end of the run of parts that starts at parts[first]:
// it ends after a part whose first and last 32 bytes hash to 0 mod 8, so
// that runs keep their boundaries where an edit does not reach, and are
// some eight parts long.
func runEnd(doc *document.Document, parts []document.Part, first int) int {
	for i := first; i < len(parts); i++ {
		t := doc.Text[parts[i].Span.Start:parts[i].Span.End]
		head, tail := t, ""
		if len(t) > 64 {
			head, tail = t[:32], t[len(t)-32:]
		}
		if fnv(fnv(2166136261, head), tail)%8 == 0 {
			return i + 1
		}
	}
	return len(parts)
}

// fnv hashes s into h by FNV-1a.
func fnv(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

// partsDocument returns doc with only blocks [first, end), for the
// sentence rules: offsets stay those of doc, Parent and Section indexes
// are moved (-1 for a section heading before first).
func partsDocument(doc *document.Document, first, end int) *document.Document {
	d := *doc
	d.Directives = nil
	d.Blocks = slices.Clone(doc.Blocks[first:end])
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if b.Parent >= 0 {
			b.Parent -= first
		}
		if b.Section >= first {
			b.Section -= first
		} else {
			b.Section = -1
		}
	}
	return &d
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
