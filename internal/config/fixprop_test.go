package config

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/upward-lint/upward/internal/builtin/rulefile"
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/shareddata"
	"github.com/upward-lint/upward/rules"
)

// TestFixProperties checks every fix that `upward lint --fix` and fix-all
// may apply unseen (lint.Fix.Automatic) over every sentence of the shared
// corpus (each document linted whole, with the model on and off) and over
// generated variants: each hedge and apology phrase of rules/hedging.toml
// after a greeting, a label, a bold label, an emoji, inside brackets,
// mid-sentence, as a sentence of its own, in a list, in a quote, on a
// line of its own, and in a CRLF file with a byte order mark. For each
// such fix, applied alone:
//
//   - it adds no doubled punctuation or spaces to the lines it touches;
//   - the fixed sentence's first letter keeps its case;
//   - no byte changes outside the finding's sentence (and the white space
//     and emphasis marks beside it), byte for byte;
//   - the byte order mark and the line endings stay;
//   - relinting finds no finding of the same rule at the same place.
//
// And for each document, a second --fix changes nothing. Every finding of
// a sentence rule, and every edit of its fixes, stays inside one block.
//
// The corpus is ../shared/corpus; without it the corpus half is skipped,
// except in CI (CI=true), where it is an error.
func TestFixProperties(t *testing.T) {
	modelOff, err := Parse("off.toml", []byte("[model]\nenabled = false\n"))
	if err != nil {
		t.Fatal(err)
	}
	t.Run("corpus", func(t *testing.T) {
		files := shareddata.CorpusFiles()
		if len(files) == 0 {
			if os.Getenv("CI") == "true" {
				t.Fatal("no shared corpus (../shared/corpus) in CI")
			}
			t.Skip("no shared corpus (../shared/corpus)")
		}
		var c fixCounts
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Base(filepath.Dir(f)) + "/" + filepath.Base(f)
			for _, cfg := range []*Config{nil, modelOff} {
				checkFixes(t, &c, name, string(b), cfg)
			}
		}
		if c.fixes == 0 {
			t.Error("the corpus gave no automatic fix to check")
		}
		t.Logf("corpus (%d files, each linted with the model on and off): %s", len(files), c)
	})
	t.Run("variants", func(t *testing.T) {
		var c fixCounts
		vs := hedgeVariants(t)
		for i, v := range vs {
			checkFixes(t, &c, fmt.Sprintf("variant %d", i), v, modelOff)
		}
		// Every phrase is flagged in most contexts, and most of those
		// findings have a fix to check.
		if c.findings < len(vs)/2 || c.fixes < c.findings/2 {
			t.Errorf("variants: too little checked: %s", c)
		}
		t.Logf("variants: %s", c)
	})
}

// fixCounts counts what TestFixProperties checked.
type fixCounts struct {
	docs, sentences, findings, fixes, declined, rewrites, refixed, modelAfter, endings int
	byRule                                                                             map[string]int
}

func (c fixCounts) String() string {
	var rs []string
	for r, n := range c.byRule {
		rs = append(rs, fmt.Sprintf("%s %d", r, n))
	}
	sort.Strings(rs)
	return fmt.Sprintf("%d documents, %d sentences, %d findings; %d automatic fixes checked (%s); "+
		"%d sentence-rule findings with no automatic fix, of which %d offer a rewrite; %d documents fixed twice; "+
		"%d learned-model findings where a fix was; %d fixes of every kind checked for BOM and line endings",
		c.docs, c.sentences, c.findings, c.fixes, strings.Join(rs, ", "), c.declined, c.rewrites, c.refixed, c.modelAfter, c.endings)
}

// checkFixes lints text and checks the properties of every automatic fix.
func checkFixes(t *testing.T, c *fixCounts, name, text string, cfg *Config) {
	t.Helper()
	path := "notes.md"
	doc, fs := lintString(path, text, cfg)
	c.docs++
	for _, b := range doc.Blocks {
		c.sentences += len(b.Sentences)
	}
	for _, f := range fs {
		c.findings++
		bi := blockOf(doc, f.Span)
		sentenceRule := isSentenceRule(f.RuleID)
		if sentenceRule && bi < 0 {
			t.Errorf("%s: %s finding %q crosses a block", name, f.RuleID, text[f.Span.Start:f.Span.End])
			continue
		}
		auto := 0
		for _, fx := range f.Fixes {
			if sentenceRule {
				for _, e := range fx.Edits {
					if !insideBlock(doc, bi, e.Span) {
						t.Errorf("%s: %s fix %q edits %q outside its block", name, f.RuleID, fx.Title, text[e.Span.Start:e.Span.End])
					}
				}
			}
			checkEndings(t, name, doc.Text, f, fx)
			c.endings++
			if !fx.Automatic() {
				if fx.Rewrites {
					c.rewrites++
				}
				continue
			}
			auto++
			c.fixes++
			if c.byRule == nil {
				c.byRule = map[string]int{}
			}
			c.byRule[f.RuleID]++
			checkFix(t, name, doc, f, fx, cfg, &c.modelAfter)
		}
		if auto == 0 && sentenceRule {
			c.declined++
		}
	}
	// --fix twice: the second run has nothing to do.
	once, n, _, _ := cfg.Fix(path, formatOf(path), text, doc, fs)
	if n > 0 {
		c.refixed++
		d2, fs2 := lintString(path, once, cfg)
		if twice, m, _, _ := cfg.Fix(path, formatOf(path), once, d2, fs2); m != 0 || twice != once {
			t.Errorf("%s: a second --fix changed the text:\n%s", name, changed(once, twice))
		}
	}
}

// checkFix checks one automatic fix of finding f, applied alone.
func checkFix(t *testing.T, name string, doc *document.Document, f lint.Finding, fx lint.Fix, cfg *Config, modelAfter *int) {
	t.Helper()
	old := doc.Text
	neu, err := lint.ApplyEdits(old, fx.Edits)
	what := fmt.Sprintf("%s: %s fix %q of %q", name, f.RuleID, fx.Title, excerpt(old, f.Span))
	if err != nil {
		t.Errorf("%s: %v", what, err)
		return
	}
	if neu == old {
		t.Errorf("%s: changes nothing", what)
		return
	}
	sent, ok := sentenceOf(doc, f.Span)
	if !ok {
		t.Errorf("%s: not inside a sentence", what)
		return
	}
	// No byte changes outside the sentence and the space and marks
	// around it: the text before it and after it stay, byte for byte.
	lo, hi := sent.Start, sent.End
	for lo > 0 && strings.IndexByte(" \t\r\n*_~", old[lo-1]) >= 0 {
		lo--
	}
	for hi < len(old) && strings.IndexByte(" \t\r\n*_~", old[hi]) >= 0 {
		hi++
	}
	if !strings.HasPrefix(neu, old[:lo]) || !strings.HasSuffix(neu[lo:], old[hi:]) {
		t.Errorf("%s: changes text outside its sentence:\n%s", what, changed(old, neu))
	}
	// What the edits cover, in the old text and in the new.
	p, qo := len(old), 0
	for _, e := range fx.Edits {
		p, qo = min(p, e.Span.Start), max(qo, e.Span.End)
	}
	qn := qo + len(neu) - len(old)
	// No doubled punctuation or spaces on the lines it touches.
	ls, le := lineStart(old, p), lineEnd(old, qo)
	oldLines, newLines := old[ls:le], neu[ls:le+qn-qo]
	for _, bad := range doubled {
		if strings.Count(newLines, bad) > strings.Count(oldLines, bad) {
			t.Errorf("%s: leaves %q:\n%s", what, bad, changed(old, neu))
		}
	}
	// The sentence's first letter keeps its case, unless the sentence is
	// gone.
	removed := p <= trimStart(old, sent.Start) && qo >= sent.End
	if !removed {
		was, _ := firstLetter(old[sent.Start:])
		is, word := firstLetter(neu[min(sent.Start, p):])
		if unicode.IsUpper(was) != unicode.IsUpper(is) && !mixedCase(word) {
			t.Errorf("%s: the sentence's first letter %q became %q:\n%s", what, was, is, changed(old, neu))
		}
	}
	// Relinting finds nothing of the rule where the fix was. The learned
	// model may still score the mended sentence as the rule's (it weighs
	// the whole sentence, not the phrase the fix removed): such findings
	// are counted, not failed; the phrase fixtures and the variants run
	// with the model off.
	_, fs := lintString("notes.md", neu, cfg)
	at := document.Span{Start: p, End: max(p, qn)}
	for _, g := range fs {
		if g.RuleID != f.RuleID {
			continue
		}
		if strings.HasPrefix(g.Why, "learned model") {
			*modelAfter++
			continue
		}
		if at.Len() > 0 && g.Span.Overlaps(at) || at.Len() == 0 && g.Span.Start < p && p < g.Span.End {
			t.Errorf("%s: relinting still finds %q at the fix:\n%s", what, neu[g.Span.Start:g.Span.End], changed(old, neu))
		}
	}
}

// checkEndings checks that a fix, of any kind, keeps the text's byte
// order mark and line endings: no bare LF in a CRLF text, no lone CR.
func checkEndings(t *testing.T, name, old string, f lint.Finding, fx lint.Fix) {
	t.Helper()
	neu, err := lint.ApplyEdits(old, fx.Edits)
	if err != nil {
		t.Errorf("%s: %s fix %q: %v", name, f.RuleID, fx.Title, err)
		return
	}
	if strings.HasPrefix(old, "\ufeff") != strings.HasPrefix(neu, "\ufeff") {
		t.Errorf("%s: %s fix %q changes the byte order mark", name, f.RuleID, fx.Title)
	}
	crlf := strings.Contains(old, "\r\n") && bareLF(old) == 0
	if crlf && bareLF(neu) > 0 || loneCR(neu) > loneCR(old) {
		t.Errorf("%s: %s fix %q changes the line endings:\n%s", name, f.RuleID, fx.Title, changed(old, neu))
	}
}

func loneCR(s string) int { return strings.Count(s, "\r") - strings.Count(s, "\r\n") }

// doubled are marks, and joints, a fix must not leave doubled (more of
// them than the lines it touched had before).
var doubled = []string{"  ", ",,", ",.", ".,", ";,", ",;", ":,", ",:", " ,", " .", " ;", " :", " ?", " !",
	"( ", " )", "()", "[]", "??", "?.", ".?", "!.", "..", ":.", ";.", "(,", ",)",
	" and but ", " and and ", " but but ", " but and ", " so but ", " that that ", " and so ", " the the "}

// diffRange returns the first byte where old and neu differ and the ends
// of the differing runs in each: old[:p] == neu[:p] and old[qo:] ==
// neu[qn:].
func diffRange(old, neu string) (p, qo, qn int) {
	for p < len(old) && p < len(neu) && old[p] == neu[p] {
		p++
	}
	qo, qn = len(old), len(neu)
	for qo > p && qn > p && old[qo-1] == neu[qn-1] {
		qo--
		qn--
	}
	return p, qo, qn
}

func lineStart(s string, i int) int { return strings.LastIndexByte(s[:i], '\n') + 1 }

func lineEnd(s string, i int) int {
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(s)
}

func bareLF(s string) int { return strings.Count(s, "\n") - strings.Count(s, "\r\n") }

func trimStart(s string, i int) int {
	for i < len(s) && strings.IndexByte(" \t\r\n", s[i]) >= 0 {
		i++
	}
	return i
}

// firstLetter returns the first letter of s and the word holding it.
func firstLetter(s string) (rune, string) {
	for i, r := range s {
		if unicode.IsLetter(r) {
			end := strings.IndexFunc(s[i:], func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
			if end < 0 {
				end = len(s) - i
			}
			return r, s[i : i+end]
		}
	}
	return 0, ""
}

// mixedCase reports whether a word has a capital after its first letter
// ("iOS", "eBay"): such a word keeps its case at the start of a sentence.
func mixedCase(w string) bool {
	_, n := utf8.DecodeRuneInString(w)
	return strings.IndexFunc(w[min(n, len(w)):], unicode.IsUpper) >= 0
}

func isSentenceRule(id string) bool {
	return slices.Contains([]string{"problem-only", "complaint", "open-question", "hedging", "vague-timing", "crisis"}, id)
}

func blockOf(doc *document.Document, s document.Span) int {
	for i, b := range doc.Blocks {
		if b.Span.Contains(s) {
			return i
		}
	}
	return -1
}

// insideBlock reports whether an edit stays in block bi: inside it, or
// beyond it only over white space (a removed paragraph takes its blank
// line along).
func insideBlock(doc *document.Document, bi int, e document.Span) bool {
	b := doc.Blocks[bi].Span
	if b.Contains(e) {
		return true
	}
	lo, hi := max(e.Start, b.Start), min(e.End, b.End)
	outside := doc.Text[e.Start:lo] + doc.Text[hi:e.End]
	return lo <= hi && strings.TrimSpace(outside) == ""
}

func sentenceOf(doc *document.Document, s document.Span) (document.Span, bool) {
	for _, b := range doc.Blocks {
		for _, ss := range b.Sentences {
			if ss.Start <= s.Start && s.Start < ss.End {
				return ss, true
			}
		}
	}
	return document.Span{}, false
}

func excerpt(text string, s document.Span) string {
	lo, hi := lineStart(text, s.Start), lineEnd(text, s.End)
	return text[lo:hi]
}

// changed shows the lines that differ between a and b.
func changed(a, b string) string {
	p, qa, qb := diffRange(a, b)
	lo := lineStart(a, p)
	return fmt.Sprintf("  before: %q\n  after:  %q", a[lo:lineEnd(a, qa)], b[lo:lineEnd(b, qb)])
}

// hedgeVariants returns documents that put each phrase of the hedging
// rule, and each of the complaint rule's openers (also removed by their
// fix), in each context of contexts.
func hedgeVariants(t *testing.T) []string {
	var out []string
	for _, rg := range []struct{ rule, group string }{
		{"hedging", "opener"}, {"hedging", "filler"}, {"hedging", "wonder"}, {"hedging", "maybe"},
		{"hedging", "tag"}, {"hedging", "doubt"}, {"hedging", "delay"}, {"complaint", "opener"},
	} {
		rf, err := rulefile.Decode(rules.FS, rg.rule)
		if err != nil {
			t.Fatal(err)
		}
		if len(rf.Phrases[rg.group]) == 0 {
			t.Fatalf("%s.toml has no %q phrases", rg.rule, rg.group)
		}
		for _, p := range rf.Phrases[rg.group] {
			p = strings.ReplaceAll(p, "{word}", "message")
			p = strings.ReplaceAll(strings.ReplaceAll(p, " , ", ", "), " ,", ",")
			for _, c := range contexts(rg.rule + "/" + rg.group) {
				out = append(out, c(p))
			}
		}
	}
	return out
}

// contexts returns the variant makers for a phrase of the rule/group: the
// phrase in a clause ("sorry to bother you, but the build is green"),
// placed after a greeting, a label and so on.
func contexts(group string) []func(string) string {
	clause := func(p string) string { return p + ", but the build is green" }
	switch group {
	case "hedging/filler":
		clause = func(p string) string { return "I " + p + " say the build is green" }
	case "hedging/wonder":
		clause = func(p string) string { return p + " you could review the plan" }
	case "hedging/maybe":
		clause = func(p string) string { return p + " review the plan" }
	case "hedging/tag":
		clause = func(p string) string { return "the build is green, " + p }
	case "hedging/delay":
		clause = func(p string) string { return p + ", the numbers are in" }
	case "complaint/opener":
		clause = func(p string) string { return strings.TrimSuffix(p, ",") + ", nobody reviewed the migration plan" }
	}
	up := func(s string) string {
		r, n := utf8.DecodeRuneInString(s)
		return string(unicode.ToUpper(r)) + s[n:]
	}
	return []func(string) string{
		func(p string) string { return up(clause(p)) + ".\n" },
		func(p string) string { return clause(p) + ".\n" },
		func(p string) string { return "Hi Dana, " + clause(p) + ".\n" },
		func(p string) string { return "Note: " + clause(p) + ".\n" },
		func(p string) string { return "**Update:** " + up(clause(p)) + ".\n" },
		func(p string) string { return "🚀 " + up(clause(p)) + ".\n" },
		func(p string) string { return "The build (" + p + ") is green.\n" },
		func(p string) string { return "The build is green (" + p + ").\n" },
		func(p string) string { return "The report is ready and " + clause(p) + ".\n" },
		func(p string) string { return "The report, " + p + ", is ready.\n" },
		func(p string) string { return "The build is green. " + up(p) + ". Tests pass.\n" },
		func(p string) string { return "The build is green.\n" + up(p) + "!\n" },
		func(p string) string { return "- " + up(clause(p)) + ".\n- Dana owns the pager.\n" },
		func(p string) string { return "1. Dana owns the pager\n2. " + clause(p) + "?\n" },
		func(p string) string { return "Dana owns the pager\n" + up(clause(p)) + ".\n" },
		func(p string) string { return "> " + up(clause(p)) + ".\n" },
		func(p string) string { return "She wrote \"" + clause(p) + "\" on the ticket.\n" },
		func(p string) string { return "\ufeff" + up(clause(p)) + ".\r\nDana owns the pager.\r\n" },
		func(p string) string { return "# Weekly update\r\n\r\n" + up(p) + ".\r\n\r\nThe build is green.\r\n" },
	}
}
