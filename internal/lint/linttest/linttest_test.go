package linttest

import (
	"fmt"
	"github.com/rogpeppe/go-internal/txtar"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// badRule flags each word "bad" in the prose and offers to replace it with
// "good".
var badRule = &lint.Rule{
	ID: "bad",
	Run: func(p *lint.Pass) {
		for _, b := range p.Doc.Blocks {
			for _, loc := range badWord.FindAllStringIndex(b.Text, -1) {
				sp := document.Span{Start: b.Span.Start + loc[0], End: b.Span.Start + loc[1]}
				p.Reportf(sp, []lint.Fix{{Title: "Say good", Edits: []lint.Edit{{Span: sp, NewText: "good"}}}}, "bad word")
			}
		}
	},
}

var badWord = regexp.MustCompile(`\bbad\b`)

// fakeTB records errors instead of failing.
type fakeTB struct{ errs []string }

func (f *fakeTB) Helper()                        {}
func (f *fakeTB) Errorf(format string, a ...any) { f.errs = append(f.errs, fmt.Sprintf(format, a...)) }

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// check runs CheckFile on text with a fake TB and returns the errors.
func check(t *testing.T, name, text, golden string, update bool) ([]string, string) {
	t.Helper()
	dir := t.TempDir()
	p := write(t, dir, name, text)
	if golden != "" {
		write(t, dir, name+".golden", golden)
	}
	var tb fakeTB
	CheckFile(&tb, p, update, badRule)
	g, _ := os.ReadFile(p + ".golden")
	return tb.errs, string(g)
}

func wantErrs(t *testing.T, errs []string, subs ...string) {
	t.Helper()
	if len(errs) != len(subs) {
		t.Fatalf("got %d errors, want %d:\n%s", len(errs), len(subs), strings.Join(errs, "\n"))
	}
	for i, s := range subs {
		if !strings.Contains(errs[i], s) {
			t.Errorf("error %d = %q, want it to contain %q", i, errs[i], s)
		}
	}
}

const good = "# Notes\n\nThis is bad. <!-- want bad \"bad\" -->\n\n<!-- want+1 bad `bad` -->\nAnother bad one, and bad again. <!-- want bad re\"b.d\" -->\n"

func TestPasses(t *testing.T) {
	errs, _ := check(t, "a.md", good, "", false)
	wantErrs(t, errs)
}

func TestGoldenUpdateThenCheck(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.md", good)
	var tb fakeTB
	CheckFile(&tb, p, true, badRule)
	wantErrs(t, tb.errs)
	g, err := os.ReadFile(p + ".golden")
	if err != nil {
		t.Fatal(err)
	}
	secs := txtar.Parse(g).Files
	var names []string
	for _, s := range secs {
		names = append(names, s.Name)
	}
	wantNames := []string{"bad line 3: Say good", "bad line 6: Say good", "bad line 6: Say good (#2)"}
	if fmt.Sprint(names) != fmt.Sprint(wantNames) {
		t.Fatalf("sections %q, want %q", names, wantNames)
	}
	if want := strings.Replace(good, "This is bad.", "This is good.", 1); string(secs[0].Data) != want {
		t.Errorf("section 0 = %q, want %q", secs[0].Data, want)
	}
	if want := strings.Replace(good, "bad again", "good again", 1); string(secs[2].Data) != want {
		t.Errorf("section 2 = %q, want %q", secs[2].Data, want)
	}
	// The written golden now passes.
	tb = fakeTB{}
	CheckFile(&tb, p, false, badRule)
	wantErrs(t, tb.errs)
	// And a changed golden fails.
	os.WriteFile(p+".golden", []byte(strings.Replace(string(g), "This is good.", "This is fine.", 1)), 0o644)
	tb = fakeTB{}
	CheckFile(&tb, p, false, badRule)
	wantErrs(t, tb.errs, `section "bad line 3: Say good" differs`)
}

func TestGoldenMissingAndStaleSections(t *testing.T) {
	golden := "comment\n-- bad line 9: Say good --\nwhatever\n"
	errs, _ := check(t, "a.md", "# T\n\nbad <!-- want bad \"bad\" -->\n", golden, false)
	wantErrs(t, errs, `golden has no section "bad line 3: Say good"`, `section "bad line 9: Say good" has no matching finding`)
}

func TestUpdateRemovesGoldenWithoutFixes(t *testing.T) {
	_, g := check(t, "a.md", "# T\n\nall fine\n", "old\n", true)
	if g != "" {
		t.Errorf("golden still there: %q", g)
	}
}

func TestFailsOnMissingFinding(t *testing.T) {
	errs, _ := check(t, "a.md", "# T\n\nall fine <!-- want bad \"fine\" -->\n", "", false)
	wantErrs(t, errs, `no finding bad matching "fine" on line 3`)
}

func TestFailsOnUnexpectedFinding(t *testing.T) {
	errs, _ := check(t, "a.md", "# T\n\nnot bad at all\n", "", false)
	wantErrs(t, errs, `unexpected finding bad at 3:5: "bad"`)
}

func TestFailsOnWrongTextOrLine(t *testing.T) {
	errs, _ := check(t, "a.md", "# T\n\nnot bad <!-- want bad \"ba\" -->\n", "", false)
	wantErrs(t, errs, `unexpected finding bad at 3:5: "bad"`, `no finding bad matching "ba" on line 3`)

	errs, _ = check(t, "a.md", "# T\n<!-- want+2 bad \"bad\" -->\nnot bad\n", "", false)
	wantErrs(t, errs, `unexpected finding bad at 3:5`, `no finding bad matching "bad" on line 4`)

	errs, _ = check(t, "a.md", "# T\n\nnot bad <!-- want other \"bad\" -->\n", "", false)
	wantErrs(t, errs, `unexpected finding bad`, `no finding other matching "bad" on line 3`)

	errs, _ = check(t, "a.md", "# T\n\nnot bad <!-- want bad re\"x.*\" -->\n", "", false)
	wantErrs(t, errs, `unexpected finding bad`, `no finding bad matching re"x.*" on line 3`)
}

func TestFailsOnTooFewFindings(t *testing.T) {
	// Two expectations, one finding: the second is unmatched.
	errs, _ := check(t, "a.md", "# T\n\nnot bad <!-- want bad \"bad\" bad \"bad\" -->\n", "", false)
	wantErrs(t, errs, `no finding bad matching "bad" on line 3`)
}

func TestBadWantSyntax(t *testing.T) {
	errs, _ := check(t, "a.md", "# T\n\nfine <!-- want bad -->\n", "", false)
	wantErrs(t, errs, "line 3: bad want comment")
	errs, _ = check(t, "a.md", "# T\n\nfine <!-- want \"x\" -->\n", "", false)
	wantErrs(t, errs, "bad want comment: want a rule ID")
}

func TestPlainTextWantsNeverTrigger(t *testing.T) {
	// The comment itself contains "bad" twice; only the prose is flagged.
	errs, _ := check(t, "a.txt", "Status\n\nThis is bad. <!-- want bad \"bad\" -->\n", "", false)
	wantErrs(t, errs)
}

func TestParseExpectations(t *testing.T) {
	ws, err := parseExpectations("missing-next-steps \"Weekly update\" hedging `a \"b\"` crisis re\"x+\"")
	if err != nil {
		t.Fatal(err)
	}
	got := ""
	for _, w := range ws {
		got += w.rule + "=" + w.String() + " "
	}
	if want := `missing-next-steps="Weekly update" hedging="a \"b\"" crisis=re"x+" `; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestRunOverDir(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.md", good)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	write(t, filepath.Join(dir, "sub"), "b.txt", "Plain bad text. <!-- want bad \"bad\" -->\n")
	write(t, dir, "ignored.json", "bad")
	files, err := Fixtures(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 {
		t.Fatalf("fixtures %q", files)
	}
	Run(t, dir, badRule)
}
