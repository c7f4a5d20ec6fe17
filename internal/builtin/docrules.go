package builtin

import (
	"regexp"
	"strings"
	"sync"
	"unicode"

	"github.com/upward-lint/upward/internal/builtin/prefilter"
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// The five document rules: four that look for a missing part of a status
// report or meeting notes (sectionRule: missing_next_steps.go,
// missing_update_cadence.go, missing_decisions.go,
// missing_action_items.go), and action-item-owner (action_item_owner.go),
// which checks each action item. Their patterns live in rules/<id>.toml.
// This file holds what they share.

func documentRules() []*lint.Rule {
	return []*lint.Rule{
		missingNextSteps.rule(), missingUpdateCadence.rule(), missingDecisions.rule(), missingActionItems.rule(),
		actionItemOwnerRule(),
	}
}

// compileDocRules compiles the patterns of every document rule, once. The
// rules call it on their first run, so a run over documents of other kinds
// never compiles them, and it compiles them all together, so that
// docStruct scans blocks for all their literals at once.
var compileDocRules = sync.OnceFunc(func() {
	actionItemOwner.compile()
	for _, r := range []*sectionRule{missingNextSteps, missingUpdateCadence, missingDecisions, missingActionItems} {
		r.compile()
	}
})

// A sectionRule reports a document with no heading matching headings and
// no block matching lines (unless negated by negations just before the
// match). Its file may lack any of the three groups.
type sectionRule struct {
	id                         string
	headings, lines, negations patternGroup
	// titles, if set, says that the title and front matter can show the
	// section too.
	titles *titleCues
	msg    struct{ missing, fix string }
	// openTasks: an unticked task item counts as the thing looked for;
	// anyTasks: any task item does.
	openTasks, anyTasks bool
	// lineStart: line patterns must match at the start of a block's prose
	// (they are labels such as "Action:"), not anywhere in it.
	lineStart bool
	// fix builds the insertion for a document that lacks the section.
	fix func(*document.Document, *docStructure) lint.Edit

	// pats are the compiled groups (see compileDocRules); present is
	// whether a block shows the section (see sectionPresent).
	pats struct {
		headings, lines, negations, titles *docPatterns
		present                            *blockFact
	}
}

// titleCues are the patterns that match the title or series of a document
// that shows the section (phrases.titles), and the front matter keys that
// show it when they have a value (phrases.front_matter_keys).
type titleCues struct {
	titles          patternGroup
	frontMatterKeys []string
}

// bindSection completes r, bound from b's file, with the ID and the
// messages every sectionRule has.
func bindSection(b *binder, r *sectionRule) *sectionRule {
	r.id = b.rf.ID
	r.msg.missing, r.msg.fix = b.message("missing"), b.message("fix")
	return r
}

func (r *sectionRule) compile() {
	r.pats.headings = r.headings.compile()
	r.pats.lines = r.lines.compile()
	r.pats.negations = r.negations.compile()
	if r.titles != nil {
		r.pats.titles = r.titles.titles.compile()
	}
	r.pats.present = newBlockFact(func(doc *document.Document, i int, db *docBlock) int64 {
		if sectionPresent(doc, i, db, r.lineStart, r.pats.headings, r.pats.lines, r.pats.negations) {
			return 1
		}
		return 0
	})
}

// rule returns the lint rule, reporting a document that lacks the section.
func (r *sectionRule) rule() *lint.Rule {
	lr, _ := mustLoad(r.id)
	lr.Run = func(p *lint.Pass) {
		compileDocRules()
		doc := p.Doc
		if r.titles != nil && titlePresent(doc, r.pats.titles, r.titles.frontMatterKeys) {
			return
		}
		extra := docExtraPatterns(p.Extra)
		ds := docStruct(p)
		for i := range doc.Blocks {
			b := &doc.Blocks[i]
			if b.Kind == document.TaskItem && (r.anyTasks || r.openTasks && !b.Checked) {
				return
			}
			db := ds.blocks[i]
			if !db.ok {
				continue
			}
			if extra.matchAny(db.norm) || ds.fact(doc, i, r.pats.present) != 0 {
				return
			}
		}
		p.Report(lint.Finding{
			Span:    titleSpan(doc),
			Message: r.msg.missing,
			Fixes: withDates(p.Dates, lint.Fix{
				Title: r.msg.fix, Edits: []lint.Edit{r.fix(doc, ds)}, NeedsInput: true, Preferred: true,
			}),
		})
	}
	return lr
}

// titlePresent reports whether doc's title, front matter title or series
// matches titles, or its front matter gives a value for one of keys.
func titlePresent(doc *document.Document, titles *docPatterns, keys []string) bool {
	for _, k := range keys {
		if strings.TrimSpace(doc.FrontMatter[k]) != "" {
			return true
		}
	}
	for _, t := range []string{doc.Title, doc.FrontMatter["title"], doc.FrontMatter["series"]} {
		if t != "" && titles.matchAny(docNormalize(t)) {
			return true
		}
	}
	return false
}

// sectionPresent reports whether block i (db) shows the section a
// missing-section rule looks for: a heading matching headings, a
// paragraph or list item standing in for one, or a block matching lines
// (at the start of one of its lines, with lineStart), not negated just
// before.
func sectionPresent(doc *document.Document, i int, db *docBlock, lineStart bool, headings, lines, negations *docPatterns) bool {
	t := db.norm
	if doc.Blocks[i].Kind == document.Heading {
		return headings.matchAnyFound(t, db.found)
	}
	if isPseudoHeading(t, headings, db.found) {
		return true
	}
	if !lines.mayAny(db.found) {
		return false
	}
	if lineStart {
		// Labels start a line of the block; they are short.
		starts := db.lines
		if len(t) != len(db.text) {
			starts = lineStarts(t)
		}
		for _, ls := range starts {
			head := t[ls:min(len(t), ls+80)]
			for k := range lines.re {
				if lines.may(k, db.found) && lines.matchStart(k, head) >= 0 {
					return true
				}
			}
		}
		return false
	}
	// Match sentence by sentence, and only sentences that pass the
	// prefilter: the regexps never scan the whole block.
	sents := blockSentences(doc, i, db)
	var lowered []string // sents, lower-cased when first needed
	for k, re := range lines.re {
		if !lines.may(k, db.found) {
			continue
		}
		if lowered == nil {
			lowered = make([]string, len(sents))
			for j, s := range sents {
				lowered[j] = prefilter.Lower(s)
			}
		}
		for j, s := range sents {
			if !lines.mayText(k, lowered[j]) {
				continue
			}
			for _, loc := range re.FindAllStringIndex(s, -1) {
				// Negations look at the few words just before the match.
				if !negations.matchAny(s[max(0, loc[0]-negationWindow):loc[0]]) {
					return true
				}
			}
		}
	}
	return false
}

// blockSentences returns the normalized masked text of each sentence of
// block i's own prose, or its normalized prose if it has no sentences.
func blockSentences(doc *document.Document, i int, db *docBlock) []string {
	b := &doc.Blocks[i]
	base := b.Span.Start
	sp := document.Span{Start: db.sp.Start + base, End: db.sp.End + base}
	var out []string
	for _, s := range b.Sentences {
		if s.End <= sp.Start || s.Start >= sp.End {
			continue
		}
		start, end := max(s.Start, sp.Start)-b.Span.Start, min(s.End, sp.End)-b.Span.Start
		out = append(out, docNormalize(b.Text[start:end]))
	}
	if len(out) == 0 {
		out = []string{db.norm}
	}
	return out
}

// isPseudoHeading reports whether t, the prose of a paragraph or list
// item, stands in for a heading: a heading phrase alone, or a few words
// starting with one and ending in a colon ("* Decisions", "**Action items
// for next week:**"). "Name resolution", "Joyee next steps" or "todos all
// addressed" are not headings.
func isPseudoHeading(t string, headings *docPatterns, found litSet) bool {
	if !headings.mayAny(found) {
		return false
	}
	t = strings.TrimSpace(t)
	colon := strings.HasSuffix(t, ":")
	t = strings.TrimRight(t, ": ")
	if t == "" || !fewWords(t, 4) || strings.ContainsAny(t, ".!?") {
		return false
	}
	for k := range headings.re {
		if headings.may(k, found) {
			// The phrase must be all of it, or start a "…:" label.
			if end := headings.matchStart(k, t); end >= 0 && (colon || end == len(t)) {
				return true
			}
		}
	}
	return false
}

// fewWords reports whether t has at most n space-separated words.
func fewWords(t string, n int) bool {
	words, in := 0, false
	for _, r := range t {
		if unicode.IsSpace(r) {
			in = false
			continue
		}
		if !in {
			if words++; words > n {
				return false
			}
			in = true
		}
	}
	return true
}

// lineStarts returns the offsets in t where a line's text starts: the
// start of the first line, and of each later line that is not blank at
// the end of t, after its indentation.
func lineStarts(t string) []int {
	starts := document.LineStarts(t)
	out := starts[:1]
	for _, s := range starts[1:] {
		s += len(t[s:]) - len(strings.TrimLeft(t[s:], " \t\r"))
		if s < len(t) {
			out = append(out, s)
		}
	}
	return out
}

// negationWindow is how many bytes before a match the negation patterns
// see: enough for the five words they look at.
const negationWindow = 60

var docExtraCache sync.Map // phrases joined with NUL -> *docPatterns

// docExtraPatterns turns the phrases a config adds to a rule into
// case-insensitive literal matchers (nil for none), compiled once per list.
func docExtraPatterns(extra []string) *docPatterns {
	if len(extra) == 0 {
		return nil
	}
	key := strings.Join(extra, "\x00")
	if v, ok := docExtraCache.Load(key); ok {
		return v.(*docPatterns)
	}
	var res []*regexp.Regexp
	for _, e := range extra {
		if e = strings.TrimSpace(e); e != "" {
			res = append(res, regexp.MustCompile(`(?i)\b`+regexp.QuoteMeta(e)))
		}
	}
	ps := newDocPatterns(res)
	docExtraCache.Store(key, ps)
	return ps
}
