package builtin

import (
	"strings"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// absorbEcho fixes the rewrites fs of a crisis sentence whose next
// sentence only points back at the alarm: "Month end is a disaster. It has
// been like that since Monday." Once the alarm is replaced, "It has been
// like that" would point at the mitigation. Such a sentence goes into the
// replacement: what it says of time stays as "This has been the case
// since Monday.", before the mitigation ("Month end puts [what] at risk by
// [when]. This has been the case since Monday. To contain it, …"); with no
// fact it goes ("It's been like that."). Only a fix that replaces the
// sentence with one edit is changed; the appended impact keeps the
// writer's words and so what they point at.
func absorbEcho(v blockView, fs []lint.Fix) []lint.Fix {
	for i, f := range fs {
		if len(f.Edits) != 1 || f.Edits[0].Span.Start == f.Edits[0].Span.End {
			continue
		}
		e := f.Edits[0]
		si := v.sentenceAt(e.Span.End - 1)
		if si < 0 || si+1 >= len(v.b.Sentences) {
			continue
		}
		next := v.b.Sentences[si+1]
		if trimSentence(v, v.b.Sentences[si]).End != e.Span.End {
			continue
		}
		said, ok := echoSentence(plainSentence(v, next))
		if !ok || v.src(next) != strings.TrimLeft(v.src(next), "-*+ ") {
			continue
		}
		at := -1
		for _, m := range []string{" To contain it, ", " Instead, "} {
			if j := strings.Index(e.NewText, m); j >= 0 {
				at = j
				break
			}
		}
		if at < 0 {
			continue
		}
		text := e.NewText
		if said != "" {
			text = text[:at] + " " + said + text[at:]
		}
		f.Edits = []lint.Edit{{Span: document.Span{Start: e.Span.Start, End: trimSentence(v, next).End}, NewText: text}}
		fs[i] = f
	}
	return fs
}

// echoSentence reports whether sentence t only points back at what was
// said before it ("It has been like that since Monday.", "It's been this
// way all week.", "Same as yesterday."), and returns what it says with
// "this" in place of the pointer: "This has been the case since Monday.",
// or "" where it adds nothing.
func echoSentence(t string) (string, bool) {
	m := echoSentenceRE().FindStringSubmatch(strings.TrimSpace(t))
	if m == nil {
		return "", false
	}
	rest := strings.TrimSpace(m[2])
	if rest == "" || idleTail[strings.ToLower(rest)] {
		return "", true
	}
	if strings.ContainsAny(rest, ",;:") || len(strings.Fields(rest)) > 6 {
		return "", false // more than when: a fact of its own
	}
	verb := "has been"
	switch strings.ToLower(strings.TrimSpace(m[1])) {
	case "is", "'s", "’s":
		verb = "is"
	case "was":
		verb = "was"
	}
	return "This " + verb + " the case " + rest + ".", true
}

// echoSentenceRE: a pointer ("it", "this", "that", "things"), a verb group
// of "be", and "like that", "this way", "the case" or "the same", then
// what it says of time.
var echoSentenceRE = lazyRE(`^(?i:it|this|that|things)((?:'s|’s| is| are| was| were| has| have|'ve)?(?: been)?)\s+(?i:like (?:that|this)|(?:that|this) way|the case|the same)\b\s*([^.!?]*?)\s*[.!?…]*$`)

// dropSameFixes drops a fix whose result is that of a fix before it: an
// appended impact after alarm clauses taken out reads as the replacement
// of those clauses does ("The supplier missed the 9am slot. This puts
// [what] at risk…").
func dropSameFixes(v blockView, fs []lint.Fix) []lint.Fix {
	seen := map[string]bool{}
	out := fs[:0:0]
	for _, f := range fs {
		t, err := lint.ApplyEdits(v.doc.Text, f.Edits)
		if err == nil && seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, f)
	}
	return out
}
