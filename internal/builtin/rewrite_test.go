package builtin

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

var updateRewrites = flag.Bool("update-rewrites", false, "rewrite the expectations of testdata/rewrites/*.txt")

// TestRewrites checks the exact text of every fix of each sentence in
// testdata/rewrites/<rule>.txt, in order: a case is a comment naming its
// register ("# chat"), the sentence ("> …", one line each for a text of
// several lines), and one "= title: text" line
// per fix of the rule's first finding in it, the text being the sentence
// after that fix alone. The phrases decide (the model is off).
func TestRewrites(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "rewrites", "*.txt"))
	if len(files) != 6 {
		t.Fatalf("want a rewrite fixture for each of the six sentence rules, found %d", len(files))
	}
	rules := map[string]*lint.Rule{}
	for _, r := range sentenceRules() {
		rules[r.ID] = r
	}
	for _, f := range files {
		rule := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(rule, func(t *testing.T) {
			r := rules[rule]
			if r == nil {
				t.Fatalf("no sentence rule %q", rule)
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var out strings.Builder
			cases, registers := 0, map[string]bool{}
			var register string
			var want []string
			var input string
			flush := func() {
				if input == "" {
					return
				}
				got := fixLines(r, input)
				if !*updateRewrites && strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("%s:\n> %s\ngot:\n%s\nwant:\n%s", register, input, strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
				if len(got) == 0 {
					t.Errorf("%s: no %s finding with a fix", input, rule)
				}
				for _, g := range got {
					out.WriteString(g + "\n")
				}
				cases++
				registers[register] = true
				input, want = "", nil
			}
			for _, line := range strings.Split(string(b), "\n") {
				switch {
				case strings.HasPrefix(line, "> ") && input != "" && want == nil:
					input += "\n" + line[2:] // a case of several lines
					out.WriteString(line + "\n")
				case strings.HasPrefix(line, "> "):
					flush()
					input = line[2:]
					out.WriteString(line + "\n")
				case strings.HasPrefix(line, "= "):
					want = append(want, line)
				default:
					flush()
					if strings.HasPrefix(line, "# ") && !strings.Contains(line, ":") && len(line) < 30 {
						register = line[2:]
					}
					out.WriteString(line + "\n")
				}
			}
			flush()
			if cases < 15 || len(registers) < 3 {
				t.Errorf("%d cases in %d registers: want at least 15 in 3", cases, len(registers))
			}
			if *updateRewrites {
				if err := os.WriteFile(f, []byte(strings.TrimRight(out.String(), "\n")+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// fixLines lints text with rule r alone (model off) and returns "= title:
// fixed text" for every fix of its first finding, a line break written
// as \n.
func fixLines(r *lint.Rule, text string) []string {
	doc := document.Parse(text, document.Options{Format: document.Markdown})
	fs := lint.Run(doc, []*lint.Rule{r}, lint.Options{Model: lint.ModelOptions{Off: true}})
	for _, f := range fs {
		if len(f.Fixes) == 0 {
			continue
		}
		var out []string
		for _, fx := range f.Fixes {
			fixed, err := lint.ApplyEdits(text, fx.Edits)
			if err != nil {
				fixed = "error: " + err.Error()
			}
			out = append(out, fmt.Sprintf("= %s: %s", fx.Title, strings.ReplaceAll(strings.TrimRight(fixed, "\n"), "\n", `\n`)))
		}
		return out
	}
	return nil
}
