package builtin

import (
	"strings"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

func crisisRule() *lint.Rule {
	r, rf := mustLoad("crisis")
	ps := compileGroups(rf)
	r.Run = func(p *lint.Pass) {
		eachBlockHits(p, ps, "alarm", func(v blockView, hs []hit) {
			if !groupIs(hs, "alarm") {
				return
			}
			hs = ps.withLazy(v.b, hs)
			for _, bi := range unitBlocks(v.doc, v.idx) {
				if bi != v.idx {
					hs = append(hs, ps.findAll(v.at(bi))...)
				}
			}
			if groupIs(hs, "mitigation") {
				return
			}
			for si, sh := range v.bySentence(hs) {
				sent := v.b.Sentences[si]
				for _, h := range longest(sh) {
					if h.group != "alarm" || v.quoted(h.span) || negated(v, sent, h) || compound(v.doc.Text, h.span) {
						continue
					}
					p.Report(lint.Finding{Span: h.span, Message: message(rf, "default"),
						Fixes: []lint.Fix{crisisFix(v, rf, sent)}})
					break
				}
			}
		})
	}
	// A model hit needs no mitigation in the unit, like a phrase hit.
	learnedRule(r, rf, func(v blockView) bool {
		for _, bi := range unitBlocks(v.doc, v.idx) {
			if groupIs(ps.findAll(v.at(bi)), "mitigation") {
				return false
			}
		}
		return true
	})
	return r
}

// negated reports whether the alarm word follows a negation ("not a
// disaster", "no crisis", "to avoid a meltdown").
func negated(v blockView, sent document.Span, h hit) bool {
	before := lastWords(v.masked(document.Span{Start: sent.Start, End: h.span.Start}), 3)
	for i := len(before) - 1; i >= 0; i-- {
		switch strings.Trim(before[i], ",;:") {
		case "not", "no", "isn't", "wasn't", "avoid", "prevent", "averted", "never", "without":
			return true
		}
	}
	return false
}

// crisisSubjectRE matches the subject of "<subject> is a disaster" and its
// kin: up to six words before the verb.
var crisisSubjectRE = lazyRE(`^([\w'’-]+(?: [\w'’-]+){0,5}?) (?:is|are|was|were|has been|have been|has become|turned into|looks like|will be) `)

// notSubjects are subjects that name nothing the rewrite could keep.
var notSubjects = map[string]bool{
	"it": true, "this": true, "that": true, "everything": true, "we": true, "they": true, "all": true,
	"there": true, "i": true, "he": true, "she": true, "things": true, "it all": true, "this all": true,
}

// crisisFix replaces the alarm with a statement of impact and mitigation,
// keeping the writer's subject when there is one ("The migration is a
// mess" → "The migration puts [what] at risk…").
func crisisFix(v blockView, rf *ruleFile, sent document.Span) lint.Fix {
	span := trimSentence(v, sent)
	repl := rf.Replacements["fallback"]
	text := v.src(span)
	// Drop a leading sentence adverb: "Honestly, the release is a mess".
	if w, rest, ok := strings.Cut(text, " "); ok && strings.HasSuffix(strings.TrimRight(strings.ToLower(w), ","), "ly") {
		text = rest
	}
	if m := crisisSubjectRE().FindStringSubmatch(text); m != nil && !notSubjects[strings.ToLower(m[1])] {
		repl = strings.ReplaceAll(rf.Replacements["default"], "{subject}", upperFirst(m[1]))
	}
	return rewriteFix("State the impact and a mitigation", span, repl)
}
