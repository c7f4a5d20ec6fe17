package config

import (
	"github.com/upward-lint/upward/internal/dates"
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/profile"
)

// Lint parses text as format f and runs c's rules over it: what both the
// CLI and the language server do to lint one text. text must be valid (see
// document.ValidateString). path is the file's real path, "" for none: it
// is matched against the kind globs and names the document (a date in a
// file name, messages). c may be nil for the default config.
func (c *Config) Lint(path string, f document.Format, text string) (*document.Document, []lint.Finding) {
	doc := document.Parse(text, c.parseOptions(path, f))
	return doc, lint.Run(doc, c.Rules(), c.lintOptions(doc, path))
}

func (c *Config) parseOptions(path string, f document.Format) document.Options {
	return document.Options{URI: path, Format: f, KindHint: c.KindFor(path)}
}

// lintOptions returns c's lint options for doc: with the severities of
// the audience profile that applies to it (its front matter's audience,
// else the configured profile; see package profile), and the day the
// document speaks from (see package dates) for the rules that propose
// dates.
func (c *Config) lintOptions(doc *document.Document, path string) lint.Options {
	opts := c.Options()
	opts = profile.Apply(opts, profile.For(doc.FrontMatter, opts.Profile))
	st, _ := dates.ParseStyle(opts.Dates.Locale) // checked when the config loaded
	opts.Dates.Today = dates.Today()
	opts.Dates.Base, _ = dates.Of(doc, path, opts.Dates.Today, st)
	return opts
}

// Fix applies the automatic fixes (see lint.Fix.Automatic) of the findings
// fs of text, whose document is doc, as `upward lint --fix` does: round
// after round, relinting in between, until the text stops changing (a fix
// that overlapped one taken in a round is applied in the next), so that
// fixing again has nothing left to do. It returns the final text, the
// number of fixes applied, and the final text's document and findings.
func (c *Config) Fix(path string, f document.Format, text string, doc *document.Document, fs []lint.Finding) (string, int, *document.Document, []lint.Finding) {
	total := 0
	for range 4 {
		next, n, err := lint.FixAll(text, fs)
		if err != nil || n == 0 || next == text {
			break
		}
		if document.ValidateString(next) != nil {
			break
		}
		text = next
		total += n
		doc, fs = c.Lint(path, f, text)
	}
	return text, total, doc, fs
}
