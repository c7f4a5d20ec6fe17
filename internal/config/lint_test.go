package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

func TestTextRejectsBadInput(t *testing.T) {
	for name, text := range map[string]string{
		"invalid UTF-8": "caf\xe9\n",
		"NUL":           "a\x00b",
	} {
		doc, fs, err := lintText("a.md", []byte(text), nil)
		if err == nil || doc != nil || fs != nil {
			t.Errorf("%s: got doc=%v findings=%v err=%v", name, doc != nil, fs, err)
		}
	}
}

func TestTextEmpty(t *testing.T) {
	doc, fs, err := lintText("a.md", nil, nil)
	if err != nil || doc == nil || len(fs) != 0 {
		t.Errorf("empty: doc=%v fs=%v err=%v", doc, fs, err)
	}
}

func TestTextUsesConfig(t *testing.T) {
	const text = "Sorry to bother you, but the report is ready.\n"
	_, fs, err := lintText("a.md", []byte(text), nil)
	if err != nil || len(fs) != 1 || fs[0].RuleID != "hedging" {
		t.Fatalf("default: %+v %v", fs, err)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, FileName)
	os.WriteFile(p, []byte("[rules.hedging]\nenabled = false\n[kinds]\nmeeting-notes = [\"meetings/**\"]\n"), 0o644)
	cfg, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	_, fs, _ = lintText(filepath.Join(dir, "a.md"), []byte(text), cfg)
	if len(fs) != 0 {
		t.Errorf("disabled rule reported: %+v", fs)
	}
	doc, _, _ := lintText(filepath.Join(dir, "meetings", "x.md"), []byte("Talked about the roadmap.\n"), cfg)
	if doc.Kind != document.KindMeetingNotes {
		t.Errorf("kind = %v, want meeting notes from the config glob", doc.Kind)
	}
}

func TestTextFormatFromPath(t *testing.T) {
	const text = "# Not a heading in plain text\n"
	md, _, _ := lintText("a.md", []byte(text), nil)
	txt, _, _ := lintText("a.txt", []byte(text), nil)
	if md.Format != document.Markdown || txt.Format != document.PlainText {
		t.Errorf("formats %v %v", md.Format, txt.Format)
	}
	if len(md.Blocks) == 0 || md.Blocks[0].Kind != document.Heading || strings.Contains(md.Blocks[0].Text, "#") {
		t.Errorf("markdown heading not parsed: %+v", md.Blocks)
	}
}

// TestPhraseAcrossLongSentenceCut lints runs too long to be one sentence,
// so that the cut falls inside a phrase, for phrases of every sentence
// rule at many offsets: no rule may assume a phrase lies in one sentence.
func TestPhraseAcrossLongSentenceCut(t *testing.T) {
	phrases := []string{"sorry to bother you but ", "I'm sorry for the delay and ", "nobody seems to care and ",
		"what should we do about it and ", "we will fix it at some point and ", "this is a total disaster and ",
		"the build is broken and ", "I just wanted to say that ", "nobody told me the date moved and ",
		"I found out from a customer that the launch slipped and ", "what do you suggest and ", "we will circle back and "}
	for _, p := range phrases {
		for pad := range 12 {
			text := strings.Repeat("x", pad) + " " + strings.Repeat(p, 2600/len(p)) + "\n"
			if _, _, err := lintText("run.md", []byte(text), Default()); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// formatOf is the format a file is linted as (see document.FormatOf).
func formatOf(path string) document.Format {
	f, _ := document.FormatOf(path)
	return f
}

// lintString lints text as the CLI lints a file named path.
func lintString(path, text string, cfg *Config) (*document.Document, []lint.Finding) {
	return cfg.Lint(path, formatOf(path), text)
}

// lintText is lintString for text that may not be valid.
func lintText(path string, text []byte, cfg *Config) (*document.Document, []lint.Finding, error) {
	if err := document.Validate(text); err != nil {
		return nil, nil, err
	}
	doc, fs := lintString(path, string(text), cfg)
	return doc, fs, nil
}

// lintCacheText is lintText through lc.
func lintCacheText(lc *LintCache, path string, text []byte, cfg *Config) (*document.Document, []lint.Finding, error) {
	if err := document.Validate(text); err != nil {
		return nil, nil, err
	}
	doc, fs := lc.Lint(cfg, path, formatOf(path), string(text))
	return doc, fs, nil
}
