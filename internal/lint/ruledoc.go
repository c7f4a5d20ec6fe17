package lint

import (
	"fmt"
	"strings"
)

// Markdown renders the rule's documentation in Markdown: the principle
// and its source, the explanation, the examples, the before/after rewrite
// and the link to the rule. Hover and SARIF's help show it under their own
// heading (the rule's ID and title).
func (r *Rule) Markdown() string { return r.render(true) }

// Text renders the same documentation as Markdown, as plain text: what
// `upward explain` prints under the rule's heading, and SARIF's plain help.
func (r *Rule) Text() string { return r.render(false) }

func (r *Rule) render(markdown bool) string {
	// Plain text keeps a label and its lines together; Markdown needs a
	// blank line to end a paragraph.
	label, nl, bullet, cont := "%s:", "\n", "  - ", "    "
	if markdown {
		label, nl, bullet, cont = "*%s:*", "\n\n", "- ", "  "
	}
	var sections []string
	add := func(s string) { sections = append(sections, s) }
	if r.Principle != "" {
		s := fmt.Sprintf(label+" %s", "Principle", r.Principle)
		if r.Source != "" {
			s += nl + fmt.Sprintf(label+" %s", "Source", r.Source)
		}
		add(s)
	}
	if d := strings.TrimSpace(r.Doc); d != "" && d != r.Title {
		add(d)
	}
	for _, hit := range []bool{true, false} {
		var items []string
		for _, ex := range r.Examples {
			if ex.Hit != hit {
				continue
			}
			item := bullet + indent(strings.TrimSpace(ex.Text), cont)
			switch {
			case ex.Note != "" && markdown:
				item += " *(" + ex.Note + ")*"
			case ex.Note != "":
				item += "  (" + ex.Note + ")"
			}
			items = append(items, item)
		}
		if len(items) == 0 {
			continue
		}
		title := "Flagged"
		if !hit {
			title = "Not flagged"
		}
		add(fmt.Sprintf(label, title) + nl + strings.Join(items, "\n"))
	}
	if r.Before != "" || r.After != "" {
		before, after := strings.TrimSpace(r.Before), strings.TrimSpace(r.After)
		if markdown {
			add("*Before:*\n> " + indent(before, "> ") + "\n\n*After:*\n> " + indent(after, "> "))
		} else {
			const pad = "          " // lines up with the text after "  before: "
			add("Rewrite:\n  before: " + indent(before, pad) + "\n  after:  " + indent(after, pad))
		}
	}
	if r.URL != "" {
		if markdown {
			add(fmt.Sprintf("[More about %s](%s)", r.ID, r.URL))
		} else {
			add("More: " + r.URL)
		}
	}
	return strings.Join(sections, "\n\n")
}

// indent puts prefix before every line of text but the first; a blank
// line gets the prefix without its trailing spaces.
func indent(text, prefix string) string {
	lines := strings.Split(text, "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] == "" {
			lines[i] = strings.TrimRight(prefix, " ")
		} else {
			lines[i] = prefix + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}
