package lint

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/upward-lint/upward/internal/document"
)

// filterDirectives drops findings silenced by inline directives.
// upward-disable silences from the end of the comment until a matching
// upward-enable (or the end of the document); upward-disable-next-line
// silences findings that start on the line after the comment's last line.
//
// Each finding costs a binary search, not a walk over every directive: a
// long document can hold thousands of both.
func filterDirectives(doc *document.Document, fs []Finding) []Finding {
	if len(doc.Directives) == 0 || len(fs) == 0 {
		return fs
	}
	m := doc.Mapper()
	// The disable-next-line directives by the line they silence.
	nextLine := map[int][]document.Directive{}
	for _, d := range doc.Directives {
		if d.Kind == document.DisableNextLine {
			l := m.Line(d.Span.End) + 1
			nextLine[l] = append(nextLine[l], d)
		}
	}
	// Per rule, its disables and enables in document order.
	type toggle struct {
		end int
		off bool
	}
	toggles := map[string][]toggle{}
	out := fs[:0]
	for _, f := range fs {
		ts, ok := toggles[f.RuleID]
		if !ok {
			for _, d := range doc.Directives {
				if (d.Kind == document.Disable || d.Kind == document.Enable) && names(d, f.RuleID) {
					ts = append(ts, toggle{d.Span.End, d.Kind == document.Disable})
				}
			}
			slices.SortStableFunc(ts, func(a, b toggle) int { return a.end - b.end })
			toggles[f.RuleID] = ts
		}
		// The last toggle that ends before the finding decides.
		k := sort.Search(len(ts), func(i int) bool { return ts[i].end > f.Span.Start }) - 1
		off := k >= 0 && ts[k].off
		for _, d := range nextLine[m.Line(f.Span.Start)] {
			off = off || names(d, f.RuleID)
		}
		if !off {
			out = append(out, f)
		}
	}
	return out
}

func names(d document.Directive, id string) bool {
	return len(d.Rules) == 0 || slices.Contains(d.Rules, id)
}

// DirectiveProblem is a rule name in an inline directive that is not the ID
// of any rule: a typo that would otherwise silence nothing.
type DirectiveProblem struct {
	// Span covers the name in the directive (or the whole comment when the
	// name cannot be found in it).
	Span document.Span
	// Name is the name as written (lower-cased); Suggest is the nearest
	// rule ID, or "".
	Name, Suggest string
	// Directive is the directive's keyword, e.g. "upward-disable-next-line".
	Directive string
}

// Message is a one-line description of the problem.
func (p DirectiveProblem) Message() string {
	msg := fmt.Sprintf("unknown rule %q in %s", p.Name, p.Directive)
	if p.Suggest != "" {
		return msg + fmt.Sprintf(" (did you mean %q?)", p.Suggest)
	}
	return msg + " (see `upward rules`)"
}

// CheckDirectives returns the names in doc's directives that are not IDs
// of rules, in document order.
func CheckDirectives(doc *document.Document, rules []*Rule) []DirectiveProblem {
	if len(doc.Directives) == 0 {
		return nil
	}
	var ids []string
	for _, r := range rules {
		ids = append(ids, r.ID)
	}
	var out []DirectiveProblem
	for _, d := range doc.Directives {
		for _, name := range d.Rules {
			if slices.Contains(ids, name) {
				continue
			}
			out = append(out, DirectiveProblem{
				Span:      nameSpan(doc.Text, d, name),
				Name:      name,
				Suggest:   Closest(name, ids),
				Directive: directiveKeyword(d.Kind),
			})
		}
	}
	return out
}

func directiveKeyword(k document.DirectiveKind) string {
	switch k {
	case document.Enable:
		return "upward-enable"
	case document.DisableNextLine:
		return "upward-disable-next-line"
	}
	return "upward-disable"
}

// nameSpan finds name, a whole word after the directive's keyword, in the
// directive's comment; it returns the comment's span if it is not there.
func nameSpan(text string, d document.Directive, name string) document.Span {
	if d.Span.Start < 0 || d.Span.End > len(text) || d.Span.Start > d.Span.End {
		return d.Span
	}
	c := strings.ToLower(text[d.Span.Start:d.Span.End])
	if len(c) != d.Span.Len() {
		return d.Span // lower-casing changed the length: offsets would lie
	}
	kw := strings.TrimPrefix(directiveKeyword(d.Kind), "upward-")
	from := strings.Index(c, kw)
	if from < 0 {
		return d.Span
	}
	from += len(kw)
	isWord := func(b byte) bool { return b == '-' || b == '_' || 'a' <= b && b <= 'z' || '0' <= b && b <= '9' }
	for from < len(c) {
		i := strings.Index(c[from:], name)
		if i < 0 {
			break
		}
		s, e := from+i, from+i+len(name)
		if (s == 0 || !isWord(c[s-1])) && (e == len(c) || !isWord(c[e])) {
			return document.Span{Start: d.Span.Start + s, End: d.Span.Start + e}
		}
		from = e
	}
	return d.Span
}
