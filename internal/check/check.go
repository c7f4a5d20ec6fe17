// Package check ties parsing, configuration and the rule engine together:
// it is what both the CLI and the language server call to lint one text.
package check

import (
	"github.com/upward-lint/upward/internal/config"
	"github.com/upward-lint/upward/internal/dates"
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/profile"
)

// Text lints one text. path is used for the format (by extension), config
// kind globs and messages; cfg may be nil for the default config.
// It fails on text that is not valid UTF-8 or contains NUL bytes.
func Text(path string, text []byte, cfg *config.Config) (*document.Document, []lint.Finding, error) {
	if err := document.Validate(text); err != nil {
		return nil, nil, err
	}
	doc, fs := String(path, string(text), cfg)
	return doc, fs, nil
}

// String lints a text already known to be valid (see document.Validate).
func String(path, text string, cfg *config.Config) (*document.Document, []lint.Finding) {
	doc := document.Parse(text, document.Options{
		URI:      path,
		Format:   document.FormatFor(path),
		KindHint: cfg.KindFor(path),
	})
	return doc, lint.Run(doc, cfg.Rules(), options(cfg, doc, path))
}

// options returns cfg's lint options for doc: with the severities of the
// audience profile that applies to it (its front matter's audience, else
// the configured profile; see package profile), and the day the document
// speaks from (see package dates) for the rules that propose dates.
func options(cfg *config.Config, doc *document.Document, path string) lint.Options {
	opts := cfg.Options()
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
func Fix(path, text string, cfg *config.Config, doc *document.Document, fs []lint.Finding) (string, int, *document.Document, []lint.Finding) {
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
		doc, fs = String(path, text, cfg)
	}
	return text, total, doc, fs
}
