package prefilter

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

func TestAnalyzeSets(t *testing.T) {
	tests := []struct {
		re   string
		want string
	}{
		{`(?i)\bnext\s+steps?\b`, `[[next] [steps step]]`},
		{`(?i)\b(until|see\s+you)\s+next\b`, `[[until see] [next]]`},
		{`(?i)\bwill\s+(co-)?[a-z]+`, `[[will]]`},
		{`(?i)^(action|ai)\s*:`, `[[action ai]]`},
		{`(?i)\bupdates?\s+(posted|sent)`, `[[updates update] [posted sent]]`},
		{`(?i)\b\d{4}-\d{1,2}`, `[]`},
		{`(?i)(a|\d+)x`, `[]`},
		{`(?i)[a-z]+ly`, `[[ly]]`},
		{`@[A-Za-z]+`, `[]`},
		{`(?i)\bdue\b|\bdeadline\b`, `[[due deadline]]`},
	}
	for _, tc := range tests {
		info, err := Analyze(tc.re)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(info.Sets); got != tc.want {
			t.Errorf("%s: literal sets %s, want %s", tc.re, got, tc.want)
		}
	}
	if _, err := Analyze(`(unclosed`); err == nil {
		t.Error(`Analyze("(unclosed") succeeded`)
	}
}

func TestAnalyzeFirst(t *testing.T) {
	tests := []struct {
		re    string
		known bool
		start string // bytes a match can start with, when known
	}{
		{`(?i)^(action|ai)\s*:`, true, "Aa"},
		{`(?i)^(todo|ai)`, true, "AaTt"},
		{`(?i)k`, true, "Kk\xe2"}, // the Kelvin sign K folds to k
		{`\d+x`, true, "0123456789"},
		{`x*`, false, ""},
		{`$`, false, ""},
		{`\b[Tt]odo`, true, "Tt"},
		{`[a-c]|-`, true, "abc-"},
	}
	for _, tc := range tests {
		info, err := Analyze(tc.re)
		if err != nil {
			t.Fatal(err)
		}
		if info.FirstKnown != tc.known {
			t.Errorf("%s: FirstKnown = %v, want %v", tc.re, info.FirstKnown, tc.known)
			continue
		}
		if !tc.known {
			for c := range 256 {
				if !info.CanStart(byte(c)) {
					t.Errorf("%s: CanStart(%q) = false with FirstKnown false", tc.re, byte(c))
				}
			}
			continue
		}
		for c := range 256 {
			want := strings.IndexByte(tc.start, byte(c)) >= 0 || c >= 0xC0 && strings.IndexByte(tc.start, 0xe2) >= 0
			if c >= 0x80 && c < 0xC0 {
				want = false
			}
			if got := info.CanStart(byte(c)); got != want {
				t.Errorf("%s: CanStart(%q) = %v, want %v", tc.re, byte(c), got, want)
			}
		}
	}
}

// TestAnalyzeSound checks on sample texts that every match contains a
// literal of each set and starts with a byte CanStart allows.
func TestAnalyzeSound(t *testing.T) {
	pats := []string{
		`(?i)\bnext\s+steps?\b`, `(?i)\b(until|see\s+you)\s+next\b`, `(?i)^(action|ai)\s*:`, `(?i)[a-z]+ly`,
		`(?i)\bby\s+(the\s+)?(end|next|eo[dwmq])`, `(?i)\b(mon|tue|wed)(day)?\b`, `(?i)(to-?dos?|follow[- ]?ups?)`,
	}
	texts := []string{
		"Next steps: ship it.", "NEXT  STEP", "See you next week", "until NEXT time", "Action: x", "ai : y",
		"Quickly", "by the end of day", "BY EOW", "Monday", "tue", "To-dos", "TODO", "Follow ups", "followup",
		"\u212aelvin",
	}
	for _, p := range pats {
		info, err := Analyze(p)
		if err != nil {
			t.Fatal(err)
		}
		re := regexp.MustCompile(p)
		for _, s := range texts {
			for _, loc := range re.FindAllStringIndex(s, -1) {
				m := s[loc[0]:loc[1]]
				if !info.CanStart(m[0]) {
					t.Errorf("%s: match %q starts with a byte CanStart rejects", p, m)
				}
				lower := strings.ToLower(m)
				for _, set := range info.Sets {
					ok := false
					for _, l := range set {
						ok = ok || strings.Contains(lower, l)
					}
					if !ok {
						t.Errorf("%s: match %q contains no literal of %q", p, m, set)
					}
				}
			}
		}
	}
}

func TestLower(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"already lower", "already lower"},
		{"Next STEPS", "next steps"},
		{"Coverage \u017Flipped", "coverage slipped"},
		{"\u212Aelvin and \u017F\u017F", "kelvin and ss"},
		{"Don’t — É", "don’t — É"},
		{"\xe2\x84", "\xe2\x84"},
		{"\xc5", "\xc5"},
	} {
		if got := Lower(tc.in); got != tc.want {
			t.Errorf("Lower(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := string(AppendLower([]byte("x"), tc.in)); got != "x"+tc.want {
			t.Errorf("AppendLower(x, %q) = %q, want %q", tc.in, got, "x"+tc.want)
		}
	}
}

// FuzzAnalyze checks that Analyze never rules out a text its pattern
// matches: each match, folded by Lower, holds a literal of every set and
// starts with a byte CanStart allows, and MightMatch passes the text.
func FuzzAnalyze(f *testing.F) {
	for _, p := range []string{
		`(?i)\bnext\s+steps?\b`, `(?i)\b(until|see\s+you)\s+next\b`, `(?i)^(action|ai)\s*:`, `(?i)[a-z]+ly`,
		`(?i)utili[sz]ed`, `(?i)kelvin|\bask\b`, `[^x]y`, `(?i)é+t`, `\x{FFFD}ab`, `a(b|c)?d{2,}`,
	} {
		for _, s := range []string{"Next steps", "UNTIL NEXT", "ai: x", "Quickly", "utiliſed", "\u212aelvin", "\xffy", "ÉT", "\xffab", "ad dd"} {
			f.Add(p, s)
		}
	}
	f.Fuzz(func(t *testing.T, p, s string) {
		re, err := regexp.Compile(p)
		if err != nil {
			return
		}
		info, err := Analyze(p)
		if err != nil {
			t.Fatalf("Analyze(%q): %v, but it compiles", p, err)
		}
		locs := re.FindAllStringIndex(s, -1)
		if len(locs) > 0 && !info.MightMatch(Lower(s)) {
			t.Errorf("%q matches %q but MightMatch rejects it (sets %q)", p, s, info.Sets)
		}
		for _, loc := range locs {
			m := s[loc[0]:loc[1]]
			if len(m) > 0 && !info.CanStart(m[0]) {
				t.Errorf("%q: match %q starts with a byte CanStart rejects", p, m)
			}
			if len(m) == 0 && info.FirstKnown {
				t.Errorf("%q: empty match with FirstKnown", p)
			}
			if !info.MightMatch(Lower(m)) {
				t.Errorf("%q: match %q holds no literal of one of %q", p, m, info.Sets)
			}
		}
	})
}
