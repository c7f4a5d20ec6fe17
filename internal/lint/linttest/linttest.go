// Package linttest runs rules over annotated fixture documents, in the
// manner of go/analysis's analysistest.
//
// A fixture is a .md or .txt file. Each expected finding is written in an
// HTML comment on the line where the finding starts:
//
//	I'm exhausted. <!-- want complaint "I'm exhausted." -->
//
// One comment may hold several expectations (`want R1 "a" R2 "b"`), and a
// line may hold several comments. `want+N` (or `want-N`) expects the finding
// N lines below (above) the comment. The quoted text must equal the
// flagged text exactly; `re"…"` instead gives a regular expression that must
// match all of it. Strings follow Go's quoting rules ("…" or `…`).
// Front matter sets the document kind as usual (`type: status`).
//
// In Markdown the comments are inline HTML, which the parser never lints.
// In plain text the harness blanks them (keeping byte offsets) before
// parsing, so they never trigger a rule either.
//
// If <fixture>.golden exists, it is a txtar archive with one section per
// finding that has a fix, named "RULE line N: fix title", holding the whole
// text after applying that finding's first fix (alone) to the fixture. Run
// the tests with -update to rewrite the golden files from the current
// output.
package linttest

import (
	"flag"
	"fmt"
	"github.com/rogpeppe/go-internal/txtar"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"text/scanner"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

var update = flag.Bool("update", false, "rewrite the .golden files of linttest fixtures")

// TB is the part of testing.TB the checker uses.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
}

// Run checks every *.md and *.txt file under dir (recursively) against the
// expectations written in it, running rules over it with default options.
// Each file is a subtest named by its path relative to dir.
func Run(t *testing.T, dir string, rules ...*lint.Rule) {
	t.Helper()
	RunWith(t, dir, lint.Options{}, rules...)
}

// RunWith is Run with options: the sentence rules' phrase fixtures, for
// one, run with the learned model off, so that they pin down what the
// phrases do.
func RunWith(t *testing.T, dir string, opts lint.Options, rules ...*lint.Rule) {
	t.Helper()
	files, err := Fixtures(dir)
	if err != nil {
		t.Fatal(err)
	}
	RunFilesWith(t, dir, files, opts, rules...)
}

// RunFilesWith is RunWith over the given fixture files of dir (as
// Fixtures lists them), for a caller that runs parts of a tree with
// different options.
func RunFilesWith(t *testing.T, dir string, files []string, opts lint.Options, rules ...*lint.Rule) {
	t.Helper()
	if len(files) == 0 {
		t.Fatalf("no *.md or *.txt fixtures under %s", dir)
	}
	for _, f := range files {
		name, _ := filepath.Rel(dir, f)
		t.Run(filepath.ToSlash(name), func(t *testing.T) {
			CheckFileWith(t, f, *update, opts, rules...)
		})
	}
}

// Fixtures lists the *.md and *.txt files under dir, in lexical order.
func Fixtures(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".txt")) {
			files = append(files, p)
		}
		return nil
	})
	return files, err
}

// CheckFile checks one fixture file, reporting every mismatch through t.
// With update set it rewrites (or removes) the file's golden instead of
// comparing against it.
func CheckFile(t TB, path string, update bool, rules ...*lint.Rule) {
	t.Helper()
	CheckFileWith(t, path, update, lint.Options{}, rules...)
}

// CheckFileWith is CheckFile with options.
func CheckFileWith(t TB, path string, update bool, opts lint.Options, rules ...*lint.Rule) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("%v", err)
		return
	}
	text := string(data)
	wants, errs := parseWants(text)
	for _, e := range errs {
		t.Errorf("%s: %v", path, e)
	}
	format, _ := document.FormatOf(path)
	parsed := text
	if format == document.PlainText {
		parsed = blankWants(text)
	}
	doc := document.Parse(parsed, document.Options{URI: path, Format: format})
	fs := lint.Run(doc, rules, opts)
	checkFindings(t, path, text, fs, wants)
	checkGolden(t, path, text, fs, update)
}

// want is one expected finding.
type want struct {
	line int
	rule string
	text string         // exact text, when re is nil
	re   *regexp.Regexp // anchored pattern
	used bool
}

func (w *want) String() string {
	if w.re != nil {
		return "re" + strconv.Quote(strings.TrimSuffix(strings.TrimPrefix(w.re.String(), "^(?:"), ")$"))
	}
	return strconv.Quote(w.text)
}

func (w *want) matches(s string) bool {
	if w.re != nil {
		return w.re.MatchString(s)
	}
	return w.text == s
}

// wantComment matches an expectation comment; group 1 is the line delta,
// group 2 the expectations.
var wantComment = regexp.MustCompile(`<!--\s*want([+-]\d+)?\s([\s\S]*?)-->`)

// parseWants finds the expectation comments in text.
func parseWants(text string) ([]*want, []error) {
	var ws []*want
	var errs []error
	for _, m := range wantComment.FindAllStringSubmatchIndex(text, -1) {
		line := 1 + strings.Count(text[:m[0]], "\n")
		if m[2] >= 0 {
			d, _ := strconv.Atoi(text[m[2]:m[3]])
			line += d
		}
		got, err := parseExpectations(text[m[4]:m[5]])
		if err != nil {
			errs = append(errs, fmt.Errorf("line %d: bad want comment: %v", 1+strings.Count(text[:m[0]], "\n"), err))
			continue
		}
		for _, w := range got {
			w.line = line
		}
		ws = append(ws, got...)
	}
	return ws, errs
}

// parseExpectations parses `RULE "text" RULE re"pattern" ...`.
func parseExpectations(s string) ([]*want, error) {
	var sc scanner.Scanner
	sc.Init(strings.NewReader(s))
	sc.Mode = scanner.ScanIdents | scanner.ScanStrings | scanner.ScanRawStrings
	sc.IsIdentRune = func(ch rune, i int) bool {
		return ch == '_' || ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || i > 0 && (ch == '-' || ch >= '0' && ch <= '9')
	}
	var errs []string
	sc.Error = func(_ *scanner.Scanner, msg string) { errs = append(errs, msg) }
	var ws []*want
	for tok := sc.Scan(); tok != scanner.EOF; tok = sc.Scan() {
		if tok != scanner.Ident {
			return nil, fmt.Errorf("want a rule ID, got %q", sc.TokenText())
		}
		w := &want{rule: sc.TokenText()}
		tok = sc.Scan()
		isRE := false
		if tok == scanner.Ident && sc.TokenText() == "re" {
			isRE = true
			tok = sc.Scan()
		}
		if tok != scanner.String && tok != scanner.RawString {
			return nil, fmt.Errorf("want a quoted text after %s, got %q", w.rule, sc.TokenText())
		}
		str, err := strconv.Unquote(sc.TokenText())
		if err != nil {
			return nil, fmt.Errorf("%s: %v", sc.TokenText(), err)
		}
		if isRE {
			if w.re, err = regexp.Compile("^(?:" + str + ")$"); err != nil {
				return nil, err
			}
		} else {
			w.text = str
		}
		ws = append(ws, w)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	if len(ws) == 0 {
		return nil, fmt.Errorf("no expectations")
	}
	return ws, nil
}

// blankWants replaces each expectation comment with spaces, keeping
// newlines, so offsets do not move.
func blankWants(text string) string {
	b := []byte(text)
	for _, m := range wantComment.FindAllStringIndex(text, -1) {
		for i := m[0]; i < m[1]; i++ {
			if b[i] != '\n' && b[i] != '\r' {
				b[i] = ' '
			}
		}
	}
	return string(b)
}

// lineCol returns the 1-based line and byte column of off.
func lineCol(text string, off int) (int, int) {
	line := 1 + strings.Count(text[:off], "\n")
	return line, off - strings.LastIndexByte(text[:off], '\n')
}

func checkFindings(t TB, path, text string, fs []lint.Finding, wants []*want) {
	t.Helper()
	for _, f := range fs {
		if f.Span.Start < 0 || f.Span.End > len(text) || f.Span.Start > f.Span.End {
			t.Errorf("%s: finding %s has a bad span [%d,%d) for a text of %d bytes", path, f.RuleID, f.Span.Start, f.Span.End, len(text))
			continue
		}
		got := text[f.Span.Start:f.Span.End]
		line, col := lineCol(text, f.Span.Start)
		found := false
		for _, w := range wants {
			if !w.used && w.line == line && w.rule == f.RuleID && w.matches(got) {
				w.used, found = true, true
				break
			}
		}
		if !found {
			t.Errorf("%s: unexpected finding %s at %d:%d: %q", path, f.RuleID, line, col, got)
		}
	}
	for _, w := range wants {
		if !w.used {
			t.Errorf("%s: no finding %s matching %s on line %d", path, w.rule, w, w.line)
		}
	}
}

// fixSections returns one golden section per finding with a fix: the text
// after applying that finding's first fix to text.
func fixSections(t TB, path, text string, fs []lint.Finding) []txtar.File {
	t.Helper()
	var secs []txtar.File
	seen := map[string]int{}
	for _, f := range fs {
		if len(f.Fixes) == 0 {
			continue
		}
		fx := f.Fixes[0]
		line, _ := lineCol(text, min(max(f.Span.Start, 0), len(text)))
		name := fmt.Sprintf("%s line %d: %s", f.RuleID, line, fx.Title)
		if seen[name]++; seen[name] > 1 {
			name = fmt.Sprintf("%s (#%d)", name, seen[name])
		}
		out, err := lint.ApplyEdits(text, fx.Edits)
		if err != nil {
			t.Errorf("%s: fix %q of %s at line %d: %v", path, fx.Title, f.RuleID, line, err)
			continue
		}
		secs = append(secs, txtar.File{Name: name, Data: []byte(out)})
	}
	return secs
}

func checkGolden(t TB, path, text string, fs []lint.Finding, update bool) {
	t.Helper()
	golden := path + ".golden"
	secs := fixSections(t, path, text, fs)
	if update {
		if len(secs) == 0 {
			if err := os.Remove(golden); err != nil && !os.IsNotExist(err) {
				t.Errorf("%v", err)
			}
			return
		}
		comment := fmt.Sprintf("Fixes of %s: each section holds the whole text after applying one finding's first fix.\nGenerated by linttest -update.\n", filepath.Base(path))
		if err := os.WriteFile(golden, txtar.Format(&txtar.Archive{Comment: []byte(comment), Files: secs}), 0o644); err != nil {
			t.Errorf("%v", err)
		}
		return
	}
	data, err := os.ReadFile(golden)
	if os.IsNotExist(err) {
		return
	}
	if err != nil {
		t.Errorf("%v", err)
		return
	}
	want := txtar.Parse(data).Files
	wantBy := map[string]string{}
	for _, s := range want {
		wantBy[s.Name] = string(s.Data)
	}
	gotBy := map[string]bool{}
	for _, s := range secs {
		gotBy[s.Name] = true
		w, ok := wantBy[s.Name]
		if !ok {
			t.Errorf("%s: golden has no section %q (run with -update?); the fix gives:\n%s", golden, s.Name, s.Data)
			continue
		}
		if got := fixNL(string(s.Data)); got != w {
			t.Errorf("%s: section %q differs:\n%s", golden, s.Name, diff(w, got))
		}
	}
	for _, s := range want {
		if !gotBy[s.Name] {
			t.Errorf("%s: section %q has no matching finding with a fix", golden, s.Name)
		}
	}
}

// diff shows the first differing line of want and got, with context.
func diff(want, got string) string {
	wl, gl := strings.SplitAfter(want, "\n"), strings.SplitAfter(got, "\n")
	i := 0
	for i < len(wl) && i < len(gl) && wl[i] == gl[i] {
		i++
	}
	line := func(ls []string) string {
		if i < len(ls) {
			return strconv.Quote(ls[i])
		}
		return "(end of text)"
	}
	return fmt.Sprintf("first difference at line %d:\n\twant %s\n\tgot  %s\n--- got ---\n%s", i+1, line(wl), line(gl), got)
}

// fixNL is what txtar does to a file's data: it ends with a newline.
func fixNL(s string) string {
	if s == "" || strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n"
}
