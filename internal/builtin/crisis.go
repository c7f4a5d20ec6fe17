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
				var alarms []hit
				for _, h := range longest(sh) {
					if h.group != "alarm" || v.quoted(h.span) || negated(v, sent, h) || compound(v.doc.Text, h.span) {
						continue
					}
					alarms = append(alarms, h)
				}
				if len(alarms) > 0 {
					p.Report(lint.Finding{Span: alarms[0].span, Message: message(rf, "default"),
						Fixes: crisisFixes(v, rf, sent, alarms)})
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
	withModelRewrites(r, nil)
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
