package lint

import "testing"

func TestRuleDocumentation(t *testing.T) {
	r := &Rule{
		ID: "hedging", Title: "Hedging undermines the message",
		Principle: "Be direct.", Source: "Wes Kao",
		Doc: "Hedges make the reader doubt the message.\n",
		Examples: []Example{
			{Text: "Sorry to bother you, but it works.", Hit: true},
			{Text: "# Notes\n\n- one", Hit: true},
			{Text: "Sorry, I broke it.", Note: "a real apology"},
		},
		Before: "Sorry to bother you, but it works.", After: "It works.\n",
		URL: "https://example.com/hedging",
	}
	wantText := `Principle: Be direct.
Source: Wes Kao

Hedges make the reader doubt the message.

Flagged:
  - Sorry to bother you, but it works.
  - # Notes

    - one

Not flagged:
  - Sorry, I broke it.  (a real apology)

Rewrite:
  before: Sorry to bother you, but it works.
  after:  It works.

More: https://example.com/hedging`
	if got := r.Text(); got != wantText {
		t.Errorf("Text:\n%s\nwant:\n%s", got, wantText)
	}
	wantMarkdown := `*Principle:* Be direct.

*Source:* Wes Kao

Hedges make the reader doubt the message.

*Flagged:*

- Sorry to bother you, but it works.
- # Notes

  - one

*Not flagged:*

- Sorry, I broke it. *(a real apology)*

*Before:*
> Sorry to bother you, but it works.

*After:*
> It works.

[More about hedging](https://example.com/hedging)`
	if got := r.Markdown(); got != wantMarkdown {
		t.Errorf("Markdown:\n%s\nwant:\n%s", got, wantMarkdown)
	}

	// A custom rule's doc is its title, which the heading shows already.
	custom := &Rule{ID: "no-circle", Title: "Say what you will do.", Doc: "Say what you will do."}
	if got := custom.Text() + custom.Markdown(); got != "" {
		t.Errorf("custom rule: %q, want nothing beyond the heading", got)
	}
}
