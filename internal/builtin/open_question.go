package builtin

import (
	"strings"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

func openQuestionRule() *lint.Rule {
	r, rf := mustLoad("open-question")
	ps := compileGroups(rf)
	r.Run = func(p *lint.Pass) {
		eachBlockHits(p, ps, "statement", func(v blockView, hs []hit) {
			if !groupIs(hs, "question", "statement") {
				return
			}
			hs = ps.withLazy(v.b, hs)
			// Options or a recommendation anywhere in the unit answer it.
			for _, bi := range unitBlocks(v.doc, v.idx) {
				if bi != v.idx {
					hs = append(hs, ps.findAll(v.at(bi))...)
				}
			}
			if offersOptions(hs) {
				return
			}
			for si, sh := range v.bySentence(hs) {
				sent := v.b.Sentences[si]
				stext := v.masked(sent)
				h, ok := firstOf(longest(sh), "question", "statement")
				if !ok || v.quoted(h.span) {
					continue
				}
				if h.group == "question" {
					// "Ideas?" and "Thoughts?" count only as the whole question.
					if w := strings.ToLower(v.src(h.span)); (w == "ideas" || w == "thoughts") && !bareWordQuestion(v, sent, h) {
						continue
					}
					if !isQuestion(stext) || strings.Contains(strings.ToLower(questionPart(v, sent, h)), " or ") {
						continue
					}
				}
				p.Report(lint.Finding{Span: trimSentence(v, sent), Message: message(rf, "default"),
					Fixes: []lint.Fix{openFix(v, rf, h, sent)}})
			}
		})
	}
	learnedRule(r, rf, nil)
	return r
}

// offersOptions reports whether an options phrase stands apart from every
// open question: "should we" in "What should we do?" or "How should we…?"
// offers nothing.
func offersOptions(hs []hit) bool {
	var questions []document.Span
	for _, q := range hs {
		if q.group == "question" || q.group == "statement" {
			questions = append(questions, q.span)
		}
	}
	var asked *overlapping
	for _, o := range hs {
		if o.group != "options" {
			continue
		}
		if asked == nil {
			a := newOverlapping(questions)
			asked = &a
		}
		if !asked.overlaps(o.span) {
			return true
		}
	}
	return false
}

// bareWordQuestion reports whether the hit is the sentence's only word
// ("Thoughts?").
func bareWordQuestion(v blockView, sent document.Span, h hit) bool {
	return strings.TrimSpace(v.masked(document.Span{Start: sent.Start, End: h.span.Start})) == "" &&
		strings.Trim(v.masked(document.Span{Start: h.span.End, End: sent.End}), " ?!") == ""
}

// questionPart is the sentence from the hit to its end.
func questionPart(v blockView, sent document.Span, h hit) string {
	return v.masked(document.Span{Start: h.span.Start, End: sent.End})
}

// openFix replaces the open question with a recommendation between options.
func openFix(v blockView, rf *ruleFile, h hit, sent document.Span) lint.Fix {
	const title = "Recommend an option"
	repl := rf.Replacements["default"]
	span := trimSentence(v, sent)
	before := v.doc.Text[sent.Start:h.span.Start]
	lead := strings.TrimSpace(v.masked(document.Span{Start: sent.Start, End: h.span.Start}))
	if strings.HasSuffix(lead, ":") {
		// "Matteo: what should we do?" keeps the speaker.
		return rewriteFix(title, document.Span{Start: h.span.Start, End: span.End}, repl)
	}
	if lead != "" {
		// Keep the facts before the question: "X stalled, not sure what to do"
		// becomes "X stalled. I recommend …".
		if i := strings.LastIndexAny(before, ",;—–-"); i >= 0 && strings.TrimSpace(before[i+1:]) == "" {
			return rewriteFix(title, document.Span{Start: sent.Start + i, End: span.End}, ". "+repl)
		}
		return replaceFix(title, document.Span{Start: span.End, End: span.End}, " "+repl)
	}
	if m := topicRE().FindStringSubmatch(v.masked(document.Span{Start: h.span.End, End: span.End})); m != nil && h.group == "question" {
		// "What should I do about the refund flow?" keeps its topic.
		repl = "For " + m[1] + ", " + repl
	}
	return rewriteFix(title, span, repl)
}

// topicRE matches the rest of an open question that names its topic:
// "about the legacy refund flow?", "we should handle the renewals?".
var topicRE = lazyRE(`^\s*(?:(?:we|I) (?:should|could|can|do) )?(?:(?:handle|approach|deal with|tackle|fix|solve|manage|do) )?(?:about |with |regarding |for |on )?((?:the|our|this|these|those|my|your) [^?]{1,60}?)\s*\?\s*$`)
