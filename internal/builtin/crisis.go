package builtin

import (
	"regexp"
	"strings"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

func crisisRule() *lint.Rule {
	r, rf := mustLoad("crisis")
	ps := compileGroups(rf)
	r.Run = func(p *lint.Pass) {
		extra := extraSet(p.Extra)
		eachBlock(p.Doc, func(v blockView) {
			hs := ps.find(v.doc, v.idx)
			if extra != nil {
				for _, h := range extra.scan(v.b) {
					h.group = "alarm"
					hs = append(hs, h)
				}
			}
			if !groupIs(hs, "alarm") {
				return
			}
			for _, bi := range unitBlocks(v.doc, v.idx) {
				if bi != v.idx {
					hs = append(hs, ps.find(v.doc, bi)...)
				}
			}
			if groupIs(hs, "mitigation") {
				return
			}
			for si, sh := range v.bySentence(hs) {
				sent := v.b.Sentences[si]
				for _, h := range longest(sh) {
					if h.group != "alarm" || v.quoted(h.span) || negated(v, sent, h) {
						continue
					}
					p.Report(lint.Finding{Span: h.span, Message: message(rf, "default"),
						Fixes: []lint.Fix{crisisFix(v, rf, sent)}})
					break
				}
			}
		})
	}
	return r
}

// negated reports whether the alarm word follows a negation ("not a
// disaster", "no crisis", "to avoid a meltdown").
func negated(v blockView, sent document.Span, h hit) bool {
	before := strings.Fields(strings.ToLower(v.masked(document.Span{Start: sent.Start, End: h.span.Start})))
	for i := len(before) - 1; i >= 0 && i >= len(before)-3; i-- {
		switch strings.Trim(before[i], ",;:") {
		case "not", "no", "isn't", "wasn't", "avoid", "prevent", "averted", "never", "without":
			return true
		}
	}
	return false
}

var crisisSubjectRE = regexp.MustCompile(`^((?:the|our|this|that|my) [\w' -]{1,40}?) (?:is|are|was|has become|looks like|will be) `)

// crisisFix replaces the alarm with a statement of impact and mitigation,
// keeping the writer's subject when there is one.
func crisisFix(v blockView, rf *ruleFile, sent document.Span) lint.Fix {
	span := trimSentence(v, sent)
	repl := rf.Replacements["fallback"]
	if m := crisisSubjectRE.FindStringSubmatch(strings.ToLower(v.src(span)[:1]) + v.src(span)[1:]); m != nil && !strings.HasPrefix(m[1], "this ") && !strings.HasPrefix(m[1], "that ") {
		repl = strings.ReplaceAll(rf.Replacements["default"], "{subject}", upperFirst(v.src(span)[:len(m[1])]))
	}
	return replaceFix("State the impact and a mitigation", span, repl)
}
