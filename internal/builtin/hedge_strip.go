package builtin

import (
	"slices"
	"strings"
	"sync"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/phrase"
)

// A sentence's hedges go together: a reader still hears a hedge in "Hope
// that's ok: the tracker is up to date." after "Just a quick note," went.
// So every hedging finding of a sentence offers one fix that removes all
// the hedges of its sentence, one after another, each with the mending of
// removeWords, until none is left or one cannot go cleanly; the result is
// a single edit of the sentence.
//
// Besides the rule's phrases, it removes softeners that are not findings
// of their own but read as hedges beside one (fixSofteners): a lone
// "sorry", "no stress", "only if that's okay", "not sure it's my place".

// fixSofteners are removed from a sentence that has a hedge, with the
// group whose removal they take (see hedgeFix).
var fixSofteners = map[string][]string{
	"opener": {
		"sorry", "so sorry", "really sorry", "apologies", "I'm so sorry to trouble you", "I'm sorry to trouble you",
		"so sorry to trouble you", "sorry to trouble you", "I'm sorry to bother you", "I'm so sorry to bother you",
		"just a tiny thing", "just a small thing", "just a quick thing", "quick one", "a quick one",
		"I know this is probably obvious", "this is probably obvious", "I know this is probably a silly question",
		"not sure it's my place", "not sure if it's my place", "I'm not sure it's my place", "I'm not sure if it's my place",
		"hope you don't mind me asking", "I hope you don't mind me asking", "if you don't mind me asking",
		"I hope it's alright to ask", "hope it's alright to ask", "I hope it's ok to ask", "I hope it's okay to ask",
		"not sure if I'm overthinking this", "I'm not sure if I'm overthinking this", "not sure if I'm overthinking",
		"maybe I'm overthinking this", "I hope this makes sense and", "hope this makes sense and", "I hope that makes sense and",
		"I'm not sure I'm explaining this well", "not sure I'm explaining this well", "not sure if I'm explaining this well",
		"idk if this is the right channel", "not sure if this is the right channel", "I don't know if this is the right channel",
		"not sure if this is the right place to raise it", "not sure if this is the right place", "not sure this is the right place",
		"not sure if this is the right place to ask", "sorry if this is the wrong channel", "sorry if this is the wrong place",
		"no stress", "no rush", "no pressure", "no worries if not", "no worries if you can't", "only if that's okay",
		"only if that's ok", "only if that works", "only if that's alright", "if that's alright", "if that's fine",
		"if that works for you", "if that's okay with you", "if that's ok with you", "totally fine if not", "all good if not",
		"no worries if you're too busy", "I hope that's alright", "if possible", "if at all possible",
		"I know this is probably a stupid idea", "I know this is probably a silly idea", "I know this is probably a dumb idea",
		"I know this might be a dumb question", "I know this is a long shot", "I know you're slammed", "I know you're flat out",
		"I know things are hectic", "sorry sorry", "tiny thing", "small thing", "quick thing", "sorry to chase",
		"sorry to chase again", "hope it's ok to ask", "hope it's okay to ask", "hope it's alright to ask",
		"totally up to you", "but totally up to you", "but up to you", "totally your call", "but totally your call",
		"up to you though", "I hope it's alright that I'm reaching out directly", "I hope it's ok that I'm reaching out directly",
		"hope it's okay that I'm reaching out", "I just wanted to quickly ask", "I just wanted to ask", "just wanted to ask",
		"no rush whatsoever", "sorry to ask so late", "sorry for asking so late", "just a gentle nudge", "a gentle nudge",
		"please ignore this if it's not relevant", "and please ignore this if it's not relevant", "sorry to be a pain", "not sure though", "just a thought though", "no rush at all", "no worries at all if not", "whenever suits",
	},
	"maybe": {
		"could I maybe", "can I maybe", "if I could maybe", "to maybe", "we could maybe", "I could maybe",
		"wondering if maybe", "would you maybe", "should we maybe", "maybe we could", "maybe you could",
		"if you maybe", "maybe we should", "I think maybe", "we should maybe", "maybe I'm ready",
	},
	"filler": {
		"could you just", "can you just", "would you just", "I just need", "we just need", "I'm just", "I just",
	},
}

// softenerMatcher finds the rule's hedges and fixSofteners.
var softenerMatcher = sync.OnceValue(func() *phrase.Matcher {
	_, rf := mustLoad("hedging")
	var pats []phrase.Pattern
	for _, g := range sortedHandles(groupHandles("hedging")) {
		if g == hedging.groups.apology {
			continue
		}
		for _, p := range rf.Phrases[g.name] {
			pats = append(pats, phrase.Pattern{Text: p, Group: g.name})
		}
	}
	for _, g := range []string{"filler", "maybe", "opener"} {
		for _, p := range fixSofteners[g] {
			pats = append(pats, phrase.Pattern{Text: p, Group: g})
		}
	}
	return phrase.MustCompile(pats)
})

// maxHedgeSteps bounds the removals of one sentence.
const maxHedgeSteps = 8

// maxStripWhole is the most sentences a block may have for its hedges to
// be stripped with the whole block in view, and for the paragraph-wide
// fix to be offered (see hedgeFixes).
const maxStripWhole = 12

// stripHedges returns the fix that removes every hedge of the sentences
// sis of the block (see above), or false when none can go. A sentence
// left as a statement loses the question mark of uptalk ("the new queue
// works well?").
//
// A block of more than maxStripWhole sentences (a long plain-text run, a
// pasted log) is edited through a window of the sentences sis span
// rather than as a whole, so that the work stays proportional to those
// sentences, not to the block.
func stripHedges(v blockView, sis ...int) (lint.Fix, bool) {
	if len(sis) == 0 {
		return lint.Fix{}, false
	}
	sis = slices.Clone(sis)
	slices.Sort(sis)
	lo, hi := 0, len(v.b.Sentences)
	bs, be := v.b.Span.Start, v.b.Span.End
	if len(v.b.Sentences) > maxStripWhole {
		lo, hi = sis[0], sis[len(sis)-1]+1
		bs, be = v.b.Sentences[lo].Start, v.b.Sentences[hi-1].End
	}
	orig := v.doc.Text[bs:be]
	st := &localBlock{src: orig, masked: v.b.Text[bs-v.b.Span.Start : be-v.b.Span.Start]}
	for _, s := range v.b.Sentences[lo:hi] {
		st.sents = append(st.sents, document.Span{Start: s.Start - bs, End: s.End - bs})
	}
	for _, q := range v.b.Quotations {
		if q.Start >= bs && q.End <= be {
			st.quotes = append(st.quotes, document.Span{Start: q.Start - bs, End: q.End - bs})
		}
	}
	steps, title := 0, ""
	for k := len(sis) - 1; k >= 0; k-- { // from the last: a removed sentence moves none before it
		si := sis[k] - lo
		n, t := st.strip(v, si)
		if n > 0 && title == "" {
			title = t
		}
		steps += n
	}
	if steps == 0 || st.src == orig {
		return lint.Fix{}, false
	}
	if steps > 1 {
		title = "Remove the hedges"
	}
	src := st.src
	p := 0
	for p < len(orig) && p < len(src) && orig[p] == src[p] {
		p++
	}
	q := 0
	for q < len(orig)-p && q < len(src)-p && orig[len(orig)-1-q] == src[len(src)-1-q] {
		q++
	}
	// Keep whole UTF-8 sequences in the edit.
	for p > 0 && p < len(orig) && orig[p]&0xC0 == 0x80 {
		p--
	}
	for q > 0 && orig[len(orig)-q]&0xC0 == 0x80 {
		q--
	}
	e := lint.Edit{Span: document.Span{Start: bs + p, End: bs + len(orig) - q}, NewText: src[p : len(src)-q]}
	return lint.Fix{Title: title, Edits: []lint.Edit{e}, Preferred: true}, true
}

// localBlock is a copy of a block's text being edited.
type localBlock struct {
	src, masked   string
	sents, quotes []document.Span
}

// view returns a view of the copy as a document of one block.
func (st *localBlock) view(v blockView) blockView {
	doc := &document.Document{Text: st.src, Format: v.doc.Format}
	b := *v.b
	b.Span, b.Text, b.Sentences, b.Quotations, b.Parent = document.Span{End: len(st.src)}, st.masked, slices.Clone(st.sents), st.quotes, -1
	if v.b.Parent >= 0 || v.b.Kind != document.Paragraph {
		b.Kind = document.ListItem // no whole-paragraph removal in the copy
	}
	doc.Blocks = []document.Block{b}
	return blockView{doc: doc, b: &doc.Blocks[0]}
}

// strip removes the hedges of sentence si, one at a time, and returns
// how many went and the title of the first removal.
func (st *localBlock) strip(v blockView, si int) (steps int, title string) {
	tried := map[string]bool{}
	handles := groupHandles("hedging")
	for steps < maxHedgeSteps && si < len(st.sents) {
		lv := st.view(v)
		sent := st.sents[si]
		var hs []hit
		m := softenerMatcher()
		for _, x := range m.FindAll(st.masked, nil) {
			sp := document.Span{Start: x.Start, End: x.End}
			if sp.Start >= sent.Start && sp.End <= sent.End && !lv.quoted(sp) {
				hs = append(hs, hit{span: sp, group: handles[m.Patterns()[x.Pattern].Group]})
			}
		}
		slices.SortStableFunc(hs, func(a, b hit) int { return byStartLongest(a.span, b.span) })
		done := false
		for _, h := range longest(hs) {
			key := st.src[h.span.Start:h.span.End] + "\x00" + h.group.name
			if tried[key] || reportedHedge(lv, sent, h) {
				continue
			}
			fx, ok := hedgeFix(lv, h, sent)
			if !ok || len(fx.Edits) == 0 || fx.NeedsInput {
				tried[key] = true
				continue
			}
			n, saved := len(st.sents), *st
			st.apply(fx.Edits)
			if len(st.sents) == n && len(strings.Fields(st.masked[st.sents[si].Start:st.sents[si].End])) < 2 {
				*st = saved // "Sorry to ask so late." must not leave "Late."
				tried[key] = true
				continue
			}
			if steps == 0 {
				title = fx.Title
			}
			steps++
			if len(st.sents) != n {
				return steps, title // the sentence went whole
			}
			done = true
			break
		}
		if !done {
			break
		}
	}
	if steps > 0 && si < len(st.sents) {
		st.statement(si)
	}
	return steps, title
}

// statement ends sentence si with a full stop where it ends with a
// question mark but does not open as a question: the uptalk of a hedged
// statement ("the new queue seems to work well?").
func (st *localBlock) statement(si int) {
	s := st.sents[si]
	t := strings.TrimRight(st.src[s.Start:s.End], " \t\r\n")
	if !strings.HasSuffix(t, "?") || strings.HasSuffix(t, "??") || strings.Count(t, "?") > 1 || questionLead(firstWord(firstClause(t))) {
		return
	}
	for _, part := range strings.FieldsFunc(t, func(r rune) bool { return strings.ContainsRune(",;:—–(", r) }) {
		part = strings.TrimPrefix(strings.TrimSpace(part), "but ")
		if questionLead(firstWord(part)) {
			return
		}
	}
	lo := strings.ToLower(t)
	for _, w := range []string{" or ", "what ", "how ", "why ", "when ", "where ", "who ", "which ", "could you", "can you", "would you", "do you", "did you", "any "} {
		if strings.Contains(lo, w) {
			return
		}
	}
	i := s.Start + len(t) - 1
	st.apply([]lint.Edit{{Span: document.Span{Start: i, End: i + 1}, NewText: "."}})
}

// firstClause returns the start of a sentence after a greeting or a
// label: "Hi, would it be…" -> "would it be…".
func firstClause(t string) string {
	if i := strings.Index(t, ", "); i >= 0 && greetingRE().MatchString(t[:i+1]) {
		return t[i+2:]
	}
	if i := strings.Index(t, ": "); i >= 0 && i < 30 {
		return t[i+2:]
	}
	return t
}

// apply applies edits (in block offsets, not overlapping) to the copy.
func (st *localBlock) apply(edits []lint.Edit) {
	st.src, st.masked, st.sents, st.quotes = applyLocal(st.src, st.masked, st.sents, st.quotes, edits)
}

// applyLocal applies edits (in block offsets, not overlapping) to a
// block's source and masked text, moving the sentence and quotation spans
// after them.
func applyLocal(src, masked string, sents, quotes []document.Span, edits []lint.Edit) (string, string, []document.Span, []document.Span) {
	es := slices.Clone(edits)
	slices.SortFunc(es, func(a, b lint.Edit) int { return b.Span.Start - a.Span.Start })
	move := func(ss []document.Span, e lint.Edit, d int) []document.Span {
		out := ss[:0:0]
		for _, s := range ss {
			switch {
			case s.Start >= e.Span.End:
				s.Start += d
				s.End += d
			case s.End <= e.Span.Start:
			case s.Start <= e.Span.Start && s.End >= e.Span.End:
				s.End += d
			case s.Start >= e.Span.Start && s.End <= e.Span.End:
				continue // removed with the edit
			default:
				s.Start = min(s.Start, e.Span.Start)
				s.End = max(s.End+d, e.Span.Start+len(e.NewText))
			}
			out = append(out, s)
		}
		return out
	}
	for _, e := range es {
		d := len(e.NewText) - e.Span.Len()
		src = src[:e.Span.Start] + e.NewText + src[e.Span.End:]
		masked = masked[:e.Span.Start] + strings.Map(func(r rune) rune {
			if r == '\n' {
				return r
			}
			if r == '*' || r == '_' || r == '`' {
				return ' '
			}
			return r
		}, e.NewText) + masked[e.Span.End:]
		sents = move(sents, e, d)
		quotes = move(quotes, e, d)
	}
	return src, masked, sents, quotes
}
