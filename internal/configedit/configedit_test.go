package configedit

import (
	"errors"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestAllow(t *testing.T) {
	for _, tc := range []struct {
		name, src, rule, phrase, want string
	}{
		{
			name: "empty file",
			src:  "", rule: "hedging", phrase: "sorry",
			want: "[rules.hedging]\nallow = [\"sorry\"]\n",
		},
		{
			name: "comments only, no final newline",
			src:  "# my config", rule: "hedging", phrase: "sorry",
			want: "# my config\n\n[rules.hedging]\nallow = [\"sorry\"]\n",
		},
		{
			name: "existing one-line list keeps its comment",
			src: `# top
[rules.vague-timing]
severity = "error"
allow = ["soon-ish"]       # phrases never flagged

[kinds]
status-report = ["reports/**"]
`,
			rule: "vague-timing", phrase: "soon",
			want: `# top
[rules.vague-timing]
severity = "error"
allow = ["soon-ish", "soon"]       # phrases never flagged

[kinds]
status-report = ["reports/**"]
`,
		},
		{
			name: "empty list",
			src:  "[rules.crisis]\nallow = [ ]\n", rule: "crisis", phrase: "on fire",
			want: "[rules.crisis]\nallow = [\"on fire\"]\n",
		},
		{
			name: "one-line list with a trailing comma",
			src:  "[rules.crisis]\nallow = [\"a\",]\n", rule: "crisis", phrase: "b",
			want: "[rules.crisis]\nallow = [\"a\", \"b\",]\n",
		},
		{
			name: "multi-line list with trailing commas",
			src: `[rules.hedging]
allow = [
  "a",   # first
  'b',
]
enabled = true
`,
			rule: "hedging", phrase: "c",
			want: `[rules.hedging]
allow = [
  "a",   # first
  'b',
  "c",
]
enabled = true
`,
		},
		{
			name: "multi-line list without a trailing comma",
			src: `[rules.hedging]
allow = [
    "a",
    "b" # last
]
`,
			rule: "hedging", phrase: "c",
			want: `[rules.hedging]
allow = [
    "a",
    "b", # last
    "c"
]
`,
		},
		{
			name: "table without allow: after its last key, indented like it",
			src: `[rules.hedging]
  severity = "hint"   # quieter

# Next: kinds
[kinds]
`,
			rule: "hedging", phrase: "just",
			want: `[rules.hedging]
  severity = "hint"   # quieter
  allow = ["just"]

# Next: kinds
[kinds]
`,
		},
		{
			name: "new table goes after the other rule tables",
			src: `ignore = ["drafts/**"]

[rules.hedging]
enabled = false

# kinds by path
[kinds]
meeting-notes = ["meetings/**"]
`,
			rule: "vague-timing", phrase: "soon",
			want: `ignore = ["drafts/**"]

[rules.hedging]
enabled = false

[rules.vague-timing]
allow = ["soon"]

# kinds by path
[kinds]
meeting-notes = ["meetings/**"]
`,
		},
		{
			name: "dotted keys under [rules]",
			src:  "[rules]\nhedging.severity = \"hint\" # x\n", rule: "hedging", phrase: "sorry",
			want: "[rules]\nhedging.severity = \"hint\" # x\nhedging.allow = [\"sorry\"]\n",
		},
		{
			name: "dotted keys at the top",
			src:  "rules.hedging.enabled = true\n\n[kinds]\n", rule: "hedging", phrase: "sorry",
			want: "rules.hedging.enabled = true\nrules.hedging.allow = [\"sorry\"]\n\n[kinds]\n",
		},
		{
			name: "quoted table name",
			src:  "[rules.\"hedging\"]\nallow = [\"x\"]\n", rule: "hedging", phrase: "y",
			want: "[rules.\"hedging\"]\nallow = [\"x\", \"y\"]\n",
		},
		{
			name: "CRLF",
			src:  "# c\r\n[rules.hedging]\r\nseverity = \"hint\"\r\n", rule: "hedging", phrase: "sorry",
			want: "# c\r\n[rules.hedging]\r\nseverity = \"hint\"\r\nallow = [\"sorry\"]\r\n",
		},
		{
			name: "multi-line strings do not confuse the scanner",
			src: `[[custom]]
id = "x"
message = """
[rules.hedging]
allow = ["trap"]
"""
phrases = ["p"]
`,
			rule: "hedging", phrase: "sorry",
			want: `[[custom]]
id = "x"
message = """
[rules.hedging]
allow = ["trap"]
"""
phrases = ["p"]

[rules.hedging]
allow = ["sorry"]
`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, changed, err := Allow(tc.src, tc.rule, tc.phrase)
			if err != nil {
				t.Fatal(err)
			}
			if !changed || got != tc.want {
				t.Errorf("changed=%v, got\n%s\nwant\n%s", changed, got, tc.want)
			}
			// Idempotent: the phrase is now allowed.
			again, changed, err := Allow(got, tc.rule, tc.phrase)
			if err != nil || changed || again != got {
				t.Errorf("second Allow: changed=%v err=%v", changed, err)
			}
		})
	}
}

// TestAllowRoundTrip: a phrase with TOML-special characters decodes back
// exactly.
func TestAllowRoundTrip(t *testing.T) {
	for _, phrase := range []string{
		`say "soon"`, `back\slash`, `'''`, `"""`, "tab\there", "line\nbreak", "# not a comment",
		"]", "[a]", "a, b", "emoji 🎉 and ü", "bell\x07", "del\x7f", `\u0041`, "=",
	} {
		for _, src := range []string{"", "[rules.hedging]\nallow = [\"x\"]\n", "[rules.hedging]\nallow = [\n  \"x\",\n]\n"} {
			out, changed, err := Allow(src, "hedging", phrase)
			if err != nil || !changed {
				t.Fatalf("Allow(%q, %q): %v, changed=%v", src, phrase, err, changed)
			}
			var f struct {
				Rules map[string]struct{ Allow []string }
			}
			if _, err := toml.Decode(out, &f); err != nil {
				t.Fatalf("%q: result does not decode: %v\n%s", phrase, err, out)
			}
			got := f.Rules["hedging"].Allow
			if len(got) == 0 || got[len(got)-1] != phrase {
				t.Errorf("%q round-trips as %q\n%s", phrase, got, out)
			}
		}
	}
}

func TestDisable(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"new table", "# nothing yet\n", "# nothing yet\n\n[rules.crisis]\nenabled = false\n"},
		{"flip true", "[rules.crisis]\nenabled = true # for now\n", "[rules.crisis]\nenabled = false # for now\n"},
		{"add to table", "[rules.crisis]\nseverity = \"hint\"\n\n[kinds]\n", "[rules.crisis]\nseverity = \"hint\"\nenabled = false\n\n[kinds]\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, changed, err := Disable(tc.src, "crisis")
			if err != nil || !changed || got != tc.want {
				t.Errorf("Disable = %q, %v, %v; want %q", got, changed, err, tc.want)
			}
			if _, changed, _ := Disable(got, "crisis"); changed {
				t.Error("second Disable changed the file")
			}
		})
	}
}

func TestRefuses(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      any // *SyntaxError or ErrLayout
	}{
		{"broken", "[rules.hedging\nallow = [\"x\"]\n", &SyntaxError{}},
		{"unterminated string", "ignore = [\"a]\n", &SyntaxError{}},
		{"inline table", "[rules]\nhedging = { severity = \"hint\" }\n", ErrLayout},
		{"allow not a list", "[rules.hedging]\nallow = \"x\"\n", ErrLayout},
		{"rules inline at top", "rules = { hedging = { enabled = true } }\n", ErrLayout},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, changed, err := Allow(tc.src, "hedging", "sorry")
			if err == nil || changed || out != tc.src {
				t.Fatalf("Allow = %q, %v, %v; want an error and the text unchanged", out, changed, err)
			}
			switch w := tc.want.(type) {
			case *SyntaxError:
				var se *SyntaxError
				if !errors.As(err, &se) {
					t.Errorf("error %v is not a SyntaxError", err)
				}
			case error:
				if !errors.Is(err, w) {
					t.Errorf("error %v, want %v", err, w)
				}
			}
		})
	}
	if _, _, err := Allow("", "hedging", "  "); err == nil {
		t.Error("an empty phrase was allowed")
	}
}

func TestEdit(t *testing.T) {
	for _, tc := range [][2]string{
		{"abc", "abXc"}, {"", "x"}, {"x", ""}, {"aaa", "aaaa"}, {"é1", "é2"}, {"ab", "ab"},
	} {
		s, e, text := Edit(tc[0], tc[1])
		if got := tc[0][:s] + text + tc[0][e:]; got != tc[1] {
			t.Errorf("Edit(%q, %q) = %d,%d,%q: gives %q", tc[0], tc[1], s, e, text, got)
		}
	}
	if s, e, text := Edit("[a]\nx = 1\n", "[a]\nx = 1\ny = 2\n"); s != 10 || e != 10 || text != "y = 2\n" {
		t.Errorf("Edit = %d,%d,%q; want an insertion at the end", s, e, text)
	}
	if !strings.Contains(quote("a\"b"), `\"`) {
		t.Error("quote does not escape quotes")
	}
}

// FuzzAllow: whatever the file, Allow either leaves it alone with an error
// or returns a text that keeps the old text's values and adds the phrase.
func FuzzAllow(f *testing.F) {
	f.Add("[rules.hedging]\nallow = [\n  \"a\", # c\n]\n", "b")
	f.Add("rules.hedging.allow = []\n", "x\"y")
	f.Add("[rules]\nhedging.enabled = false\n[[custom]]\nid='a'\n", "z")
	f.Fuzz(func(t *testing.T, src, phrase string) {
		out, changed, err := Allow(src, "hedging", phrase)
		if err != nil {
			if out != src || changed {
				t.Fatalf("error %v but the text changed", err)
			}
			return
		}
		if !changed {
			return
		}
		m, err := decode(out)
		if err != nil {
			t.Fatalf("result does not decode: %v\n%s", err, out)
		}
		list, _ := lookup(m, "rules", "hedging", "allow")
		l, _ := list.([]any)
		if len(l) == 0 || l[len(l)-1] != phrase {
			t.Fatalf("allow = %v, want it to end with %q\n%s", list, phrase, out)
		}
	})
}
