package builtin

import (
	"slices"
	"strings"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// A recommendation after "I have no idea how to respond" contradicts it.
// helplessFix puts the recommendation in place of the helpless clause (the
// [fix] list "helpless" of rules/open-question.toml), in the finding's
// sentence or the one before it, keeping its topic and the rest of the
// message; the open question or ask that follows it goes:
//
//	The Gallagher relationship is souring and I honestly don't know how to fix it. What do you suggest?
//	→ The Gallagher relationship is souring. To fix it, I recommend [option A] over [option B] because [reason]. Does that work for you?
func helplessFix(v blockView, sent document.Span) (lint.Fix, bool) {
	si := v.sentenceAt(sent.Start)
	if si < 0 {
		return lint.Fix{}, false
	}
	phrases := slices.Clone(openQuestion.fix.helpless)
	slices.SortStableFunc(phrases, func(a, b string) int { return len(b) - len(a) })
	for _, k := range []int{si, si - 1} {
		if k < 0 {
			continue
		}
		ss := trimSentence(v, v.b.Sentences[k])
		low := strings.ToLower(strings.ReplaceAll(v.masked(ss), "’", "'"))
		for _, p := range phrases {
			i := indexWord(low, p, 0)
			if i < 0 {
				continue
			}
			return helplessAt(v, k, si, ss, i, i+len(p))
		}
	}
	return lint.Fix{}, false
}

// helplessAt builds the fix for a helpless phrase at [a, b) of sentence k
// (trimmed span ss), the finding being in sentence si.
func helplessAt(v blockView, k, si int, ss document.Span, a, b int) (lint.Fix, bool) {
	src := v.src(ss)
	// The topic runs to the end of the clause.
	rest := src[b:]
	if j := strings.IndexAny(rest, ",;:.?!—–"); j >= 0 {
		rest = rest[:j]
	}
	topic, ok := helplessTopic(src[a:b], strings.TrimSpace(rest))
	if !ok {
		return lint.Fix{}, false // the clause names more than a topic
	}
	rec := openQuestion.repl.recommend
	if topic != "" {
		rec = topic + ", " + lowerFirst(rec)
	}
	// What joins the clause to the facts before it becomes a full stop.
	before := src[:a]
	lead := strings.TrimRight(before, " ")
	for cut := true; cut; {
		cut = false
		for _, j := range []string{" and i honestly", " and i", " and", ",", ";", " —", " –", " -", " but i", " but", " so"} {
			if len(lead) >= len(j) && strings.EqualFold(lead[len(lead)-len(j):], j) {
				lead = strings.TrimRight(lead[:len(lead)-len(j)], " ")
				cut = true
			}
		}
	}
	text := upperFirst(rec)
	label := ""
	if i := strings.Index(lead, ": "); i >= 0 && len(strings.Fields(lead[:i])) <= 3 {
		label, lead = lead[:i+2], lead[i+2:] // "Reinsurance: sorry, not sure how to…"
	}
	if g, ok := courtesyLead(strings.TrimSpace(lead)); ok {
		// "I do apologise for the basic question, but I have no idea how
		// to…": the courtesy goes with the helpless clause; a greeting
		// stays ("Hi, to approach…").
		lead = ""
		if g != "" {
			text = g + lowerFirst(text)
		}
	}
	if strings.TrimSpace(lead) != "" && strings.TrimSpace(strings.TrimRight(lead, ":")) != "" && !strings.HasSuffix(lead, ":") {
		text = lead + ". " + text
	} else if lead != "" {
		text = lead + " " + text
	}
	text = label + text
	edit := ss
	// The finding's open question (or a short ask after the clause) goes.
	last := k
	if si > k {
		last = si
	}
	if n := last + 1; n < len(v.b.Sentences) && isAsk(v.masked(v.b.Sentences[n])) {
		last = n
	}
	if last > k {
		edit.End = trimSentence(v, v.b.Sentences[last]).End
	}
	// What follows the clause in its own sentence goes only if it is an ask.
	tail := strings.TrimSpace(src[b+len(rest):])
	tail = strings.TrimLeft(tail, ",;:—– ")
	if strings.Trim(tail, ".?!… ") != "" && !isAsk(tail) {
		return lint.Fix{}, false
	}
	return rewriteFix("Recommend an option", edit, text), true
}

// isAsk reports whether a sentence only asks for input ("lmk.", "Any
// guidance?", "ideas welcome").
func isAsk(t string) bool {
	t = strings.ToLower(strings.Trim(strings.TrimSpace(t), ".?!… "))
	return t != "" && slices.Contains(openQuestion.fix.asks, t)
}

// helplessTopic turns what follows a helpless phrase into the lead of a
// recommendation: "how to fix it" → "To fix it", "what to do about the
// lease" → "For the lease", "how to proceed" → "" (no topic); false when
// it cannot.
func helplessTopic(phrase, rest string) (string, bool) {
	p := strings.ToLower(phrase)
	for _, w := range []string{"proceed with ", "proceed on ", "move forward with ", "move forward on ", "make progress on ", "proceed", "move forward", "make progress"} {
		if hasPrefixFold(rest, w) && strings.HasSuffix(p, " to") {
			rest = strings.TrimSpace(rest[len(w):])
			if rest == "" {
				return "", true
			}
			p += " about"
			break
		}
	}
	if rest == "" {
		return "", true
	}
	switch {
	case strings.HasSuffix(p, " about") || strings.HasSuffix(p, " with"):
		t := questionTopic("about " + rest)
		return t, t != ""
	case strings.HasSuffix(p, " to") || strings.HasSuffix(p, " we"):
		if t := questionTopic(rest); t != "" {
			return t, true
		}
		// "how to respond": a verb alone.
		if s := parse("I " + rest); (len(s.Tokens) == 2 || len(s.Tokens) == 3 && objectPronoun[s.Tokens[2].Lower]) &&
			(s.Tokens[1].Tag == "VB" || s.Tokens[1].Tag == "VBP") {
			return "To " + rest, true // "how to respond", "how to handle that"
		}
	}
	return "", false
}
