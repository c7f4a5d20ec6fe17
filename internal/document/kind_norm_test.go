package document

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// TestNormCueAndFoldMatchPlainVersions checks normCue's and
// containsAnyFold's byte fast paths against straightforward versions, on
// random text with upper-case, non-ASCII and invalid UTF-8, and letters
// that fold to ASCII ones (K, ſ).
func TestNormCueAndFoldMatchPlainVersions(t *testing.T) {
	plainNorm := func(s string) string {
		var b strings.Builder
		b.WriteByte(' ')
		space := true
		for _, r := range s {
			switch {
			case r == '’' || r == '‘':
				r = '\''
			case r == ':' || r == '\'':
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				r = unicode.ToLower(r)
			default:
				r = ' '
			}
			if r == ' ' && space {
				continue
			}
			space = r == ' '
			b.WriteRune(r)
		}
		out := b.String()
		if !space {
			out += " "
		}
		if out == " " {
			return ""
		}
		return out
	}
	plainFold := func(s string, subs []string) bool {
		for _, sub := range subs {
			for i := 0; i+len(sub) <= len(s); i++ {
				if strings.EqualFold(s[i:i+len(sub)], sub) {
					return true
				}
			}
		}
		return false
	}
	pieces := []string{"a", "Z", "q", "C", "ancel", "UORUM", " ", "\t", ":", "'", "’", "‘", "é", "É", "K", "ſ", "kipped", "ß", "\xff", "\xe2\x80", "7", "-", "Did", "n’t", "NO MEETING", "called", " off", "ı", "İ"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := normCue(s), plainNorm(s); got != want {
			t.Fatalf("normCue(%q) = %q, want %q", s, got, want)
		}
		if got, want := containsAnyFold(s, cancelStems), plainFold(s, cancelStems); got != want {
			t.Fatalf("containsAnyFold(%q) = %v, want %v", s, got, want)
		}
	}
}
