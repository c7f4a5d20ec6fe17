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
// report or meeting notes, and action-item-owner, which checks each action
// item. Their phrase patterns live in rules/<id>.toml.

func documentRules() []*lint.Rule {
	owner, actionSections := actionItemOwner()
	return []*lint.Rule{
		missingSection("missing-next-steps", sectionSpec{
			openTasks: true,
			fix: func(doc *document.Document, ds *docStructure) lint.Edit {
				return insertBlock(doc.Text, endInsertion(doc), sectionLines(doc, sectionLevel(doc), "Next steps", "- [next step]")...)
			},
		}),
		missingSection("missing-update-cadence", sectionSpec{
			titles: true,
			fix: func(doc *document.Document, ds *docStructure) lint.Edit {
				return insertBlock(doc.Text, len(doc.Text), "Next update: [date]")
			},
		}),
		missingSection("missing-decisions", sectionSpec{
			fix: func(doc *document.Document, ds *docStructure) lint.Edit {
				// Before the action items, as a sibling of their section;
				// else at the end.
				at, level := endInsertion(doc), sectionLevel(doc)
				if h := firstHeadingMatching(doc, ds, actionSections()); h >= 0 && !isFirstHeading(doc, h) {
					at, level = docLineStart(doc, doc.Blocks[h].Span.Start), doc.Blocks[h].Level
				}
				return insertBlock(doc.Text, at, sectionLines(doc, level, "Decisions", "- [decision]")...)
			},
		}),
		missingSection("missing-action-items", sectionSpec{
			anyTasks:  true,
			lineStart: true,
			fix: func(doc *document.Document, ds *docStructure) lint.Edit {
				return insertBlock(doc.Text, endInsertion(doc), sectionLines(doc, sectionLevel(doc), "Action items", "- [ ] [owner]: [task] (due [date])")...)
			},
		}),
		owner,
	}
}

// sectionPatterns gives each missing-section rule's compiled heading, line
// and negation patterns, for DocumentOutline.
var sectionPatterns = map[string]func() (headings, lines, negations *docPatterns){}

// docPatternsCompile holds the pattern compilers of the document rules
// built so far.
var docPatternsCompile struct {
	sync.Mutex
	fns []func()
}

// onFirstRun registers compile, which compiles a document rule's patterns,
// and returns a function that runs every registered compiler once. The
// rules' patterns compile together on the first run of any of them, so
// that docStruct scans blocks for all their literals at once.
func onFirstRun(compile func()) func() {
	once := sync.OnceFunc(compile)
	docPatternsCompile.Lock()
	docPatternsCompile.fns = append(docPatternsCompile.fns, once)
	docPatternsCompile.Unlock()
	return func() {
		docPatternsCompile.Lock()
		fns := docPatternsCompile.fns
		docPatternsCompile.Unlock()
		for _, f := range fns {
			f()
		}
	}
}

// sectionSpec is what differs between the missing-section rules.
type sectionSpec struct {
	// openTasks: an unticked task item counts as the thing looked for;
	// anyTasks: any task item does.
	openTasks, anyTasks bool
	// lineStart: line patterns must match at the start of a block's prose
	// (they are labels such as "Action:"), not anywhere in it.
	lineStart bool
	// titles: the title and front matter can show the section too:
	// phrases.titles match the title or series, and a front matter key
	// of phrases.front_matter_keys with a value counts.
	titles bool
	// fix builds the insertion for a document that lacks the section.
	fix func(*document.Document, *docStructure) lint.Edit
}

// missingSection builds a rule that reports a document with no heading
// matching phrases.headings and no block matching phrases.lines (unless
// negated by phrases.negations just before the match).
func missingSection(id string, spec sectionSpec) *lint.Rule {
	r, rf := mustLoad(id)
	// The patterns compile on first use: a run over documents of other
	// kinds never needs them.
	var headings, lines, negations, titles *docPatterns
	var present *blockFact
	fmKeys := rf.Phrases["front_matter_keys"]
	compile := onFirstRun(func() {
		headings = docCompile(id, "headings", rf.Phrases["headings"])
		lines = docCompile(id, "lines", rf.Phrases["lines"])
		negations = docCompile(id, "negations", rf.Phrases["negations"])
		if spec.titles {
			titles = docCompile(id, "titles", rf.Phrases["titles"])
		}
		present = newBlockFact(func(doc *document.Document, i int, db *docBlock) int64 {
			if sectionPresent(doc, i, db, spec.lineStart, headings, lines, negations) {
				return 1
			}
			return 0
		})
	})
	msg, title := rf.Messages["missing"], rf.Messages["fix"]
	sectionPatterns[id] = func() (h, l, n *docPatterns) {
		compile()
		return headings, lines, negations
	}
	r.Run = func(p *lint.Pass) {
		compile()
		doc := p.Doc
		if spec.titles && titlePresent(doc, titles, fmKeys) {
			return
		}
		extra := docExtraPatterns(p.Extra)
		ds := docStruct(p)
		for i := range doc.Blocks {
			b := &doc.Blocks[i]
			if b.Kind == document.TaskItem && (spec.anyTasks || spec.openTasks && !b.Checked) {
				return
			}
			db := ds.blocks[i]
			if !db.ok {
				continue
			}
			if extra.matchAny(db.norm) || ds.fact(doc, i, present) != 0 {
				return
			}
		}
		p.Report(lint.Finding{
			Span:    titleSpan(doc),
			Message: msg,
			Fixes: withDates(p.Dates, lint.Fix{
				Title: title, Edits: []lint.Edit{spec.fix(doc, ds)}, NeedsInput: true, Preferred: true,
			}),
		})
	}
	return r
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

// firstHeadingMatching returns the index of the first heading whose prose
// matches one of res, or -1.
func firstHeadingMatching(doc *document.Document, ds *docStructure, res *docPatterns) int {
	for i := range doc.Blocks {
		if doc.Blocks[i].Kind != document.Heading {
			continue
		}
		if db := ds.blocks[i]; db.ok && res.matchAnyFound(db.norm, db.found) {
			return i
		}
	}
	return -1
}

// actionItemOwner builds the rule that checks each action item for an owner
// and a due date. It also returns the patterns of action-item section
// headings in meeting notes, before which missing-decisions inserts.
func actionItemOwner() (*lint.Rule, func() *docPatterns) {
	const id = "action-item-owner"
	r, rf := mustLoad(id)
	// The patterns compile on first use (see missingSection).
	type patterns struct {
		meeting, status, labels, owners, dues *docPatterns
		notNames                              map[string]bool
		// Facts of a block: whether it is a heading of, or stands in for
		// a heading of, an action-item section of meeting notes or a
		// status report; where its label ends (see labelAt); whether the
		// task after the label names an owner (1) and a due date (2).
		meetingHead, statusHead, meetingPseudo, statusPseudo, label, ownerDue *blockFact
	}
	var ps *patterns
	compile := onFirstRun(func() {
		ps = &patterns{
			meeting:  docCompile(id, "meeting_sections", rf.Phrases["meeting_sections"]),
			status:   docCompile(id, "status_sections", rf.Phrases["status_sections"]),
			labels:   docCompile(id, "labels", rf.Phrases["labels"]),
			owners:   docCompile(id, "owner", rf.Phrases["owner"]),
			dues:     docCompile(id, "due", rf.Phrases["due"]),
			notNames: map[string]bool{},
		}
		for _, w := range rf.Phrases["notnames"] {
			ps.notNames[strings.ToLower(w)] = true
		}
		matches := func(g *docPatterns) *blockFact {
			return newBlockFact(func(_ *document.Document, _ int, db *docBlock) int64 {
				return b2i(g.matchAnyFound(db.norm, db.found))
			})
		}
		pseudo := func(g *docPatterns) *blockFact {
			return newBlockFact(func(_ *document.Document, _ int, db *docBlock) int64 {
				return b2i(isPseudoHeading(db.norm, g, db.found))
			})
		}
		ps.meetingHead, ps.statusHead = matches(ps.meeting), matches(ps.status)
		ps.meetingPseudo, ps.statusPseudo = pseudo(ps.meeting), pseudo(ps.status)
		ps.label = newBlockFact(func(_ *document.Document, _ int, db *docBlock) int64 {
			ls, end := labelAt(ps.labels, db)
			return int64(ls)<<32 | int64(end+1) // 0: no label
		})
		ps.ownerDue = newBlockFact(func(doc *document.Document, i int, db *docBlock) int64 {
			t := db.text
			if ls, end := labelAt(ps.labels, db); end >= 0 {
				t = t[ls+end:]
			}
			t = docNormalize(t)
			v := int64(0)
			if ps.owners.mayAny(db.found) && hasOwner(ps.owners, ps.notNames, t) {
				v |= 1
			}
			if ps.dues.mayAny(db.found) && ps.dues.matchAny(t) {
				v |= 2
			}
			return v
		})
	})
	m := rf.Messages
	// scan finds the action items of doc.
	scan := func(doc *document.Document, ds *docStructure) []ActionItem {
		var items []ActionItem
		sectionHead, sectionPseudo := ps.meetingHead, ps.meetingPseudo
		if doc.Kind == document.KindStatus {
			sectionHead, sectionPseudo = ps.statusHead, ps.statusPseudo
		}
		// actionHead[h] is set for headings of action-item sections and
		// the headings nested under them.
		actionHead := make([]bool, len(doc.Blocks))
		var stack []int // enclosing headings, outermost first
		for h := range doc.Blocks {
			hb := &doc.Blocks[h]
			if hb.Kind != document.Heading {
				continue
			}
			for len(stack) > 0 && doc.Blocks[stack[len(stack)-1]].Level >= hb.Level {
				stack = stack[:len(stack)-1]
			}
			if len(stack) > 0 && actionHead[stack[len(stack)-1]] {
				actionHead[h] = true
			} else if ds.blocks[h].ok && ds.fact(doc, h, sectionHead) != 0 {
				actionHead[h] = true
			}
			stack = append(stack, h)
		}
		isItem := make([]bool, len(doc.Blocks))
		// pseudo marks list items that stand in for an action-items
		// heading ("* Action items"); afterPseudo is set after such a
		// paragraph ("**Action items:**") until the list that follows ends.
		pseudo := make([]bool, len(doc.Blocks))
		afterPseudo := false
		for i := range doc.Blocks {
			b := &doc.Blocks[i]
			if b.Kind == document.Heading || b.Kind == document.TableCell {
				afterPseudo = false
				continue
			}
			if b.Parent >= 0 && isItem[b.Parent] {
				continue // a sub-bullet of an action item is part of it
			}
			if !ds.blocks[i].ok {
				continue
			}
			sp, start := ds.prose(doc, i)
			if ds.fact(doc, i, sectionPseudo) != 0 {
				pseudo[i] = true
				afterPseudo = b.Kind == document.Paragraph
				continue
			}
			if b.Kind == document.Paragraph && b.Parent < 0 {
				afterPseudo = false
			}
			if b.Checked {
				continue
			}
			// The task text starts after an "Action:" label, if a line of
			// the block starts with one; the finding covers that line on.
			lab := ds.fact(doc, i, ps.label)
			ls, lend := int(lab>>32), int(lab&(1<<32-1))-1
			labelled := lend >= 0
			if labelled {
				sp.Start = start + ls
				start += ls + lend
			}
			inSection := b.Kind != document.Paragraph &&
				(b.Section >= 0 && actionHead[b.Section] || b.Parent >= 0 && pseudo[b.Parent] || b.Parent < 0 && afterPseudo)
			item := labelled || inSection || b.Kind == document.TaskItem && doc.Kind != document.KindStatus
			if !item {
				continue
			}
			isItem[i] = true
			od := ds.fact(doc, i, ps.ownerDue)
			items = append(items, ActionItem{
				Span: sp, Owner: od&1 != 0, Due: od&2 != 0 || inSection && sectionDue(doc, ds, i, ps.dues),
				start: start, labelled: labelled,
			})
		}
		return items
	}
	actionItemsOf = func(doc *document.Document) []ActionItem {
		compile()
		return scan(doc, &docStructure{blocks: newDocBlocks(doc, 0, len(doc.Blocks))})
	}
	r.Run = func(p *lint.Pass) {
		compile()
		doc := p.Doc
		for _, it := range scan(doc, docStruct(p)) {
			sp, start, labelled, hasOwner, hasDue := it.Span, it.start, it.labelled, it.Owner, it.Due
			if hasOwner && hasDue {
				continue
			}
			var fix lint.Fix
			var msg string
			// "Action: [owner] to update …" reads better than "Action: [owner]: …".
			ownerText := "[owner]: "
			if labelled {
				ownerText = "[owner] to "
			}
			end := dueInsertion(doc.Text, sp)
			switch {
			case !hasOwner && !hasDue && end <= start:
				// A bare label ("Action:"): fill in the whole skeleton.
				msg = m["both"]
				sep := ""
				if start > 0 && !docIsSpace(doc.Text[start-1]) {
					sep = " "
				}
				fix = lint.Fix{Title: m["fix"], Edits: []lint.Edit{
					{Span: document.Span{Start: start, End: start}, NewText: sep + ownerText + "[task] (due [date])"},
				}}
			case !hasOwner && !hasDue:
				msg = m["both"]
				fix = lint.Fix{Title: m["fix"], Edits: []lint.Edit{
					{Span: document.Span{Start: start, End: start}, NewText: ownerText},
					{Span: document.Span{Start: end, End: end}, NewText: " (due [date])"},
				}}
			case !hasOwner:
				msg = m["owner"]
				fix = lint.Fix{Title: m["fixowner"], Edits: []lint.Edit{
					{Span: document.Span{Start: start, End: start}, NewText: ownerText},
				}}
			default:
				msg = m["due"]
				fix = lint.Fix{Title: m["fixdue"], Edits: []lint.Edit{
					{Span: document.Span{Start: end, End: end}, NewText: " (due [date])"},
				}}
			}
			fix.NeedsInput, fix.Preferred = true, true
			p.Report(lint.Finding{Span: sp, Message: msg, Fixes: []lint.Fix{fix}})
		}
	}
	return r, func() *docPatterns { compile(); return ps.meeting }
}

// labelAt returns where the "Action:"-like label that starts a line of
// the block's prose text starts and ends, as offsets of the line start and
// of the label's end from it; end is -1 if there is none.
func labelAt(labels *docPatterns, db *docBlock) (ls, end int) {
	t := db.text
	// The literal prefilter reads normalized text; t is not, so it only
	// rules labels out when t has no typographic marks.
	if !labels.mayAny(db.found) && strings.IndexByte(t, 0xE2) < 0 {
		return 0, -1
	}
	for _, ls := range db.lines {
		for k := range labels.re {
			if end := labels.matchStart(k, t[ls:min(len(t), ls+80)]); end >= 0 {
				return ls, end
			}
		}
	}
	return 0, -1
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// ownerWord matches the words of an owner match.
var ownerWord = lazyRE(`[A-Za-z]+`)

// hasOwner reports whether the task text t names an owner: a match of one
// of owners whose first word (after "maybe", "perhaps") is not in notNames
// (lower-case).
func hasOwner(owners *docPatterns, notNames map[string]bool, t string) bool {
	found := owners.present(prefilter.Lower(t))
	for k, re := range owners.re {
		if !owners.may(k, found) {
			continue
		}
		for _, loc := range re.FindAllStringIndex(t, -1) {
			first := ""
			for _, w := range ownerWord().FindAllString(t[loc[0]:loc[1]], -1) {
				if w = strings.ToLower(w); w != "maybe" && w != "perhaps" && w != "probably" {
					first = w
					break
				}
			}
			if first != "" && notNames[first] {
				continue
			}
			return true
		}
	}
	return false
}

// sectionDue reports whether the heading of the action-item section of
// block i, or a paragraph of that section before block i, gives a due date
// for all its items ("Before the next meeting:").
func sectionDue(doc *document.Document, ds *docStructure, i int, dues *docPatterns) bool {
	h := doc.Blocks[i].Section
	if h < 0 {
		return false
	}
	for k := h; k < i; k++ {
		if k != h && (doc.Blocks[k].Section != h || doc.Blocks[k].Kind != document.Paragraph) {
			continue
		}
		if db := ds.blocks[k]; db.ok && dues.matchAnyFound(db.norm, db.found) {
			return true
		}
	}
	return false
}

// dueInsertion is where " (due [date])" goes: at the end of the item's
// prose, before a final full stop.
func dueInsertion(text string, sp document.Span) int {
	end := sp.End
	if end-1 > sp.Start && text[end-1] == '.' && text[end-2] != '.' {
		end--
	}
	return end
}
