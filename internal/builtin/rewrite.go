package builtin

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/grammar"
	"github.com/upward-lint/upward/internal/lint"
)

// The rewrites of the sentence rules turn a framing into what it stands
// for (a complaint into a request, an alarm into impact and mitigation, an
// open question into a recommendation) and keep the writer's facts: the
// subject, the object, the cause, names, numbers and dates are carried
// over as written, found with the grammar package (parts of speech and
// noun phrases), and only what the writer alone knows is left as a
// [placeholder]. A finding offers its rewrites ranked, the one that keeps
// most of the writer's words first; each title says what it does.

// candidate is one rewrite of a sentence's text.
type candidate struct {
	title, text string
}

// sentenceParts splits the trimmed source text of a sentence into a
// lead to keep as it is (a speaker or a label: "Dana: ", "**Risk:** ",
// "Access:** "), the body a rewrite replaces, and the final mark ("." "?"
// "!" "??" or "").
func sentenceParts(src string) (lead, body, mark string) {
	body = src
	if m := labelLeadRE().FindString(body); m != "" && len(m) < len(body) {
		lead, body = m, body[len(m):]
	}
	t := strings.TrimRight(body, ".!?…")
	mark = body[len(t):]
	return lead, strings.TrimRightFunc(t, unicode.IsSpace), mark
}

// labelLeadRE matches a label or a speaker before a sentence.
var labelLeadRE = lazyRE(`^(?:\*\*[^*\n]{1,40}:\*\*\s+|[\p{L}][\p{L}\p{N} &/'’-]{0,30}:\*\*\s+|(?:[\p{Lu}][\p{L}'’-]*|Me|Q|A)(?: [\p{Lu}][\p{L}'’-]*)?:\s+)`)

// finish gives a rewritten text its first capital and, when it has none,
// a final full stop.
func finish(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	s = upperFirst(s)
	r, _ := utf8.DecodeLastRuneInString(s)
	if !strings.ContainsRune(".!?", r) {
		s += "."
	}
	return s
}

// rewriteFixes builds the fixes that replace the body of the sentences
// of span (trimmed, see trimSentence) with each candidate, keeping the
// lead; the first is preferred.
func rewriteFixes(v blockView, span document.Span, cands []candidate) []lint.Fix {
	lead, _, _ := sentenceParts(v.src(span))
	span.Start += len(lead)
	var out []lint.Fix
	seen := map[string]bool{}
	for _, c := range cands {
		if c.text == "" || seen[c.text] {
			continue
		}
		seen[c.text] = true
		f := rewriteFix(c.title, span, c.text)
		f.Preferred = len(out) == 0
		out = append(out, f)
	}
	return out
}

// appendAfter returns the insertion that appends text after a sentence:
// a full stop first where the sentence has no final mark ("Cluster down
// since Tuesday" + " To move this forward…").
func appendAfter(v blockView, sent document.Span, text string) lint.Edit {
	span := trimSentence(v, sent)
	src := strings.TrimRight(v.src(span), " *_)\"”’")
	r, _ := utf8.DecodeLastRuneInString(src)
	if src != "" && !strings.ContainsRune(".!?…:", r) && !endsInMarkup(v.src(span)) {
		text = "." + text
	}
	return lint.Edit{Span: document.Span{Start: span.End, End: span.End}, NewText: text}
}

// unitEnd returns the sentence after which a proposal about the sentence
// sent goes: the last of its block (paragraph or list item) that goes on
// with the same facts, so that "Heads up: the revamp is slipping. Design
// handoff is two weeks late." gets its next step after the handoff. It
// stops before a later sentence that hands the matter over (a question,
// or one opening with an ask: "Please advise.") or turns to another topic
// ("Also, …", "Thanks!"): the proposal goes before those.
func unitEnd(v blockView, sent document.Span) document.Span {
	si := v.sentenceAt(sent.Start)
	if si < 0 {
		return sent
	}
	end := sent
	for _, s := range v.b.Sentences[si+1:] {
		t := strings.TrimSpace(v.masked(s))
		if t == "" {
			continue
		}
		if isQuestion(t) || opensWith(t, problemOnly.fix.asks) || opensWith(t, problemOnly.fix.topicShifts) || signOff(t) {
			break
		}
		end = s
	}
	return trimSentence(v, end)
}

// signOff reports whether a sentence only signs a message off: a name
// alone ("Matt", "— Dev") or a closing with or without one ("Regards,
// Ioana", "Best regards,\nTomasz", "Cheers"). Nothing a rewrite adds goes
// after it, and no rewrite takes it for a fact.
func signOff(t string) bool {
	t = strings.Join(strings.Fields(t), " ")
	if signOffRE().MatchString(t) {
		return true
	}
	if !nameAloneRE().MatchString(t) {
		return false
	}
	for _, tok := range parse(strings.TrimLeft(t, "-–—~ ")).Tokens {
		if !strings.HasPrefix(tok.Tag, "NN") || notNames[tok.Lower] {
			return false // "Ridiculous", "Again": a word, not a name
		}
	}
	return true
}

var (
	signOffRE   = lazyRE(`^(?i:(?:kind |best |warm |warmest |many |with )?(?:regards|thanks|thank you|cheers|best|br|rgds|ta|yours|speak soon|talk soon))(?:[,!.]? [\p{Lu}][\p{L}'’.-]+(?: [\p{Lu}][\p{L}'’.-]+)?)?[,!.]?$`)
	nameAloneRE = lazyRE(`^(?:[-–—~] ?)?[\p{Lu}][\p{L}'’-]{1,20}(?: [\p{Lu}][\p{L}'’-]{1,20})?$`)
)

// opensWith reports whether the sentence t, after a speaker or a label,
// opens with one of the words (lower case, whole words).
func opensWith(t string, words []string) bool {
	if m := labelLeadRE().FindString(t); m != "" && len(m) < len(t) {
		t = t[len(m):]
	}
	t = strings.ToLower(strings.TrimLeft(t, "-*+>#_ \t"))
	for _, w := range words {
		if strings.HasPrefix(t, w) && (len(t) == len(w) || !isWordByte(t[len(w)])) {
			return true
		}
	}
	return false
}

// endsInMarkup reports whether a sentence ends in something that takes no
// full stop after it: a link, inline code, an emoji.
func endsInMarkup(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == ')' && strings.Contains(s, "](") || r == '`' || r > 0x2000 && !unicode.IsLetter(r) && !unicode.IsPunct(r)
}

// parse analyses a text for a rewrite.
func parse(s string) grammar.Sentence { return grammar.Parse(s) }

// lowerNP writes a noun phrase to go inside a sentence: a common word that
// only starts the writer's sentence loses its capital ("The migration" ->
// "the migration"), a name keeps it ("Finance", "Globex").
func lowerNP(s grammar.Sentence, c grammar.Chunk) string {
	t := s.Of(c)
	if c.Start == 0 && c.Len() > 0 {
		switch s.Tokens[c.Start].Tag {
		case "DT", "PRP$", "PRP", "CD", "PDT":
			return lowerFirst(t)
		}
	}
	return t
}

// plural reports whether a noun phrase takes "are".
func plural(s grammar.Sentence, c grammar.Chunk) bool {
	if c.Len() == 0 {
		return false
	}
	h := s.Tokens[c.End-1]
	if h.Tag == "NNS" || h.Tag == "NNPS" {
		return true
	}
	switch h.Lower {
	case "we", "they", "you", "these", "those":
		return true
	}
	return false
}

// be returns "is" or "are" for a noun phrase.
func be(s grammar.Sentence, c grammar.Chunk) string {
	if plural(s, c) {
		return "are"
	}
	return "is"
}

// trimClause cuts s at the first clause break after at least from bytes:
// ", and", " and then", "; ", " — ", " - ", ", which", ", so ".
func trimClause(s string, from int) string {
	cut := len(s)
	for _, br := range []string{", and ", " and then ", "; ", " — ", " – ", " - ", ", which ", ", so ", ", but ", " but ", ". ", ", while ", ", it's ", " and still ", ", still ", " and now ", " and I'm ", " and i'm ", ", whatever", " lol", " 🙃", "? ", "?? ", "! ", " even though ", " although "} {
		from := min(from, len(s))
		i := strings.Index(strings.ToLower(s[from:]), strings.ToLower(br))
		for i >= 0 && br == ". " && document.AbbrevAt(s, i+from) {
			// "at St. Luke's": not the end of the clause
			j := strings.Index(s[i+from+len(br):], br)
			if j < 0 {
				i = -1
				break
			}
			i += len(br) + j
		}
		if i >= 0 && i+from < cut {
			cut = i + from
		}
	}
	return strings.TrimRight(s[:cut], " ,;:")
}

// withModelRewrites gives the findings of the learned model alone (see
// learnedRule) the rule's rewrites of their sentence, first, before the
// model's own fix, which inserts the rule's template after the sentence
// (it keeps every word, but leaves the framing it is meant to replace);
// and mends that insertion after a sentence with no final mark.
func withModelRewrites(r *lint.Rule, rewrites func(v blockView, span document.Span) []lint.Fix) {
	run := r.Run
	r.Run = func(p *lint.Pass) {
		fs := p.Collect(run)
		var byStart map[int]blockView
		for _, f := range fs {
			if strings.HasPrefix(f.Why, "learned model") {
				if byStart == nil {
					byStart = map[int]blockView{}
					eachBlock(p, func(v blockView) {
						for _, s := range v.b.Sentences {
							byStart[s.Start] = v
						}
					})
				}
				if v, ok := byStart[f.Span.Start]; ok {
					f.Fixes = mendModelFixes(v, f)
					if rewrites != nil {
						rw := rewrites(v, f.Span)
						f.Fixes = append(rw, slices.DeleteFunc(f.Fixes, func(m lint.Fix) bool { return insertsSame(m, rw) })...)
						for i := range f.Fixes {
							f.Fixes[i].Preferred = i == 0
						}
					}
				}
			}
			p.Report(f)
		}
	}
}

// insertsSame reports whether the fix m only inserts text that one of the
// fixes rw inserts too (the model's template after the sentence, where a
// rewrite puts the same after the paragraph's facts).
func insertsSame(m lint.Fix, rw []lint.Fix) bool {
	if len(m.Edits) != 1 || m.Edits[0].Span.Len() != 0 {
		return false
	}
	t := strings.Trim(m.Edits[0].NewText, " .")
	for _, f := range rw {
		if len(f.Edits) == 1 && f.Edits[0].Span.Len() == 0 && strings.Trim(f.Edits[0].NewText, " .") == t {
			return true
		}
	}
	return false
}

// mendModelFixes puts a full stop before the template a model fix inserts
// after a sentence that has no final mark.
func mendModelFixes(v blockView, f lint.Finding) []lint.Fix {
	out := make([]lint.Fix, len(f.Fixes))
	for i, fx := range f.Fixes {
		out[i] = fx
		if len(fx.Edits) == 1 && fx.Edits[0].Span.Len() == 0 && fx.Edits[0].Span.Start == f.Span.End {
			e := appendAfter(v, f.Span, fx.Edits[0].NewText)
			out[i].Edits = []lint.Edit{e}
		}
	}
	return out
}
