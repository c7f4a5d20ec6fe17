package builtin

import (
	"strings"
	"unicode"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

func hedgingRule() *lint.Rule {
	r, rf := mustLoad("hedging")
	ps := compileGroups(rf)
	r.Run = func(p *lint.Pass) {
		eachBlockHits(p, ps, "", func(v blockView, hs []hit) {
			last := -1
			for _, h := range longest(hs) {
				if h.span.Start < last || v.quoted(h.span) {
					continue
				}
				si := v.sentenceOf(h.span)
				if si < 0 {
					continue
				}
				last = h.span.End
				f := lint.Finding{Span: h.span, Message: message(rf, h.group)}
				if fx, ok := hedgeFix(v, rf, h, v.b.Sentences[si]); ok {
					f.Fixes = []lint.Fix{fx}
				}
				p.Report(f)
			}
		})
	}
	// An apology is the phrases' call (see the apology group).
	learnedRule(r, rf, func(v blockView) bool { return !groupIs(ps.findAll(v), "apology") })
	return r
}

// longest drops hits that lie inside a longer hit, keeping the order of
// the rest.
func longest(hs []hit) []hit {
	if len(hs) < 2 {
		return hs
	}
	spans := make([]document.Span, len(hs))
	for i, h := range hs {
		spans[i] = h.span
	}
	c := newContainers(spans)
	out := make([]hit, 0, len(hs))
	for _, h := range hs {
		if !c.inside(h.span) {
			out = append(out, h)
		}
	}
	return out
}

// hedgeFix removes the hedge, keeping the rest of the sentence.
func hedgeFix(v blockView, rf *ruleFile, h hit, sent document.Span) (lint.Fix, bool) {
	text := v.doc.Text
	before := strings.TrimSpace(v.masked(document.Span{Start: sent.Start, End: h.span.Start}))
	atStart := before == ""
	switch h.group {
	case "filler", "maybe":
		// Drop the word "just" or "maybe".
		word := "just"
		if h.group == "maybe" {
			word = "maybe"
		}
		m := strings.ToLower(text[h.span.Start:h.span.End])
		i := strings.Index(m, word)
		if i < 0 {
			return lint.Fix{}, false
		}
		start, end := h.span.Start+i, h.span.Start+i+len(word)
		if start == sent.Start {
			// "Just checking…" at the start: capitalise what follows.
			for end < h.span.End && text[end] == ' ' {
				end++
			}
			return replaceFix("Remove \""+word+"\"", document.Span{Start: start, End: h.span.End}, upperFirst(text[end:h.span.End])), true
		}
		for end < sent.End && text[end] == ' ' {
			end++
		}
		return replaceFix("Remove \""+word+"\"", document.Span{Start: start, End: end}, ""), true
	case "wonder":
		// "I was wondering if you could review it." → "Could you review it?"
		rest := strings.TrimSpace(text[h.span.End:sent.End])
		m := wonderRE().FindStringSubmatch(rest)
		if !atStart || m == nil {
			return lint.Fix{}, false
		}
		return replaceFix("Ask directly", trimSentence(v, sent), "Could "+m[1]+" "+m[2]+"?"), true
	case "delay":
		rest := strings.TrimLeft(text[h.span.End:sent.End], " ")
		if rest == "" || strings.Trim(rest, "!.") == "" || strings.HasPrefix(rest, "for a while") {
			// Replace the apology sentence, keeping its final mark.
			end := strings.TrimRight(text[h.span.End:sent.End], " ")
			mark := "."
			if strings.HasSuffix(end, "!") {
				mark = "!"
			}
			if !atStart {
				return replaceFix("Thank the reader instead", h.span, lowerFirst(rf.Replacements["delay"])), true
			}
			return replaceFix("Thank the reader instead", document.Span{Start: sent.Start, End: trimSentence(v, sent).End}, rf.Replacements["delay"]+mark), true
		}
		return replaceFix("Thank the reader instead", h.span, capitalIf(rf.Replacements["delay"], atStart)), true
	}
	// opener, doubt, tag, extra: delete the hedge and the joint after it.
	end := h.span.End
	rest := text[end:sent.End]
	for _, joint := range []string{", but ", " but ", ", so ", ", ", " that ", " - ", " — ", ": "} {
		if strings.HasPrefix(rest, joint) {
			end += len(joint)
			rest = text[end:sent.End]
			break
		}
	}
	for end < sent.End && text[end] == ' ' {
		end++
	}
	rest = text[end:sent.End]
	if strings.Trim(rest, " !?.,") == "" {
		// The hedge is the whole sentence: delete it with the space before it.
		start := sent.Start
		if !atStart {
			// A trailing tag: delete from the comma or space before it.
			start = h.span.Start
			for start > sent.Start && (text[start-1] == ' ' || text[start-1] == ',') {
				start--
			}
			return replaceFix("Remove the hedge", document.Span{Start: start, End: h.span.End}, ""), true
		}
		endS := trimSentence(v, sent).End
		for start > v.b.Span.Start && (text[start-1] == ' ' || text[start-1] == '\t') {
			start--
		}
		if start == sent.Start {
			// First sentence of the block: eat the space after it instead.
			for endS < len(text) && text[endS] == ' ' {
				endS++
			}
		}
		return replaceFix("Remove the hedge", document.Span{Start: start, End: endS}, ""), true
	}
	switch strings.ToLower(firstWord(rest)) {
	case "for", "if", "to", "again", "whether":
		// "Apologies in advance for…", "Just checking in to see if…":
		// deleting the hedge would leave a fragment.
		return lint.Fix{}, false
	}
	if atStart {
		r := []rune(rest)
		if len(r) > 0 && unicode.IsLower(r[0]) {
			return replaceFix("Remove the hedge", document.Span{Start: sent.Start, End: end + len(string(r[0]))}, string(unicode.ToUpper(r[0]))), true
		}
		return replaceFix("Remove the hedge", document.Span{Start: sent.Start, End: end}, ""), true
	}
	start := h.span.Start
	if start > sent.Start && text[start-1] == ' ' {
		start--
	}
	return replaceFix("Remove the hedge", document.Span{Start: start, End: h.span.End}, ""), true
}

var wonderRE = lazyRE(`^(?:maybe |perhaps )?(you|we) (?:could|can|would|might) ([^\n]+?)[.?!]*$`)

func capitalIf(s string, up bool) string {
	if up {
		return upperFirst(s)
	}
	return lowerFirst(s)
}
