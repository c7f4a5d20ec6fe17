package phrase

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/upward-lint/upward/internal/shareddata"
)

func find(t *testing.T, phrases []string, text string) []string {
	t.Helper()
	pats := make([]Pattern, len(phrases))
	for i, p := range phrases {
		pats[i] = Pattern{Text: p}
	}
	m, err := Compile(pats)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, mt := range m.FindAll(text, nil) {
		got = append(got, text[mt.Start:mt.End]+"="+phrases[mt.Pattern])
	}
	return got
}

func TestFindAll(t *testing.T) {
	tests := []struct {
		name    string
		phrases []string
		text    string
		want    []string
	}{
		{"case", []string{"as usual"}, "As Usual, it broke.", []string{"As Usual=as usual"}},
		{"word boundary", []string{"soon"}, "soonish and swoon, but soon.", []string{"soon=soon"}},
		{"curly apostrophe", []string{"I can't"}, "I can\u2019t keep going", []string{"I can\u2019t=I can't"}},
		{"straight in text curly in phrase", []string{"won\u2019t work"}, "This won't work.", []string{"won't work=won\u2019t work"}},
		{"line break", []string{"keep you posted"}, "I'll keep\n  you   posted.", []string{"keep\n  you   posted=keep you posted"}},
		{"punctuation breaks phrase", []string{"blocked we"}, "blocked. We", nil},
		{"prefix", []string{"mitigat*"}, "Mitigation is planned; we mitigate.", []string{"Mitigation=mitigat*", "mitigate=mitigat*"}},
		{"wildcard", []string{"I'll {word} you posted"}, "I'll keep you posted", []string{"I'll keep you posted=I'll {word} you posted"}},
		{"overlap", []string{"not sure", "not sure if"}, "I'm not sure if so", []string{"not sure=not sure", "not sure if=not sure if"}},
		{"punctuation in phrase", []string{"sorry,"}, "Sorry, late. sorry", []string{"Sorry,=sorry,"}},
		{"unicode lower", []string{"ÉTÉ"}, "un été chaud", []string{"été=ÉTÉ"}},
		{"no partial word after apostrophe", []string{"don"}, "don't", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(t, tt.phrases, tt.text)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCompileErrors(t *testing.T) {
	for _, p := range []string{"", "  ", "{word} later"} {
		if _, err := Compile([]Pattern{{Text: p}}); err == nil {
			t.Errorf("Compile(%q): no error", p)
		}
	}
}

// benchPhrases is a phrase list of the size real styles use (~200).
func benchPhrases() []string {
	base := strings.Fields(`blocked broken failing crash regression bug delay slipped risk concern missing unable
		propose suggest could should plan working fix workaround options solution recommend follow
		soon asap eventually later sometime posted chance future near coming shortly
		sorry just bother apologize honestly basically actually maybe perhaps hopefully
		disaster fire mess doomed catastrophe nightmare chaos hell awful terrible
		nobody never always ridiculous unfair frustrating exhausted tired annoying usual`)
	multi := []string{"as soon as possible", "at some point", "when I get a chance", "keep you posted",
		"in the near future", "sorry to bother you", "I just wanted to", "does that make sense",
		"what should I do", "any ideas", "how should we", "let me know what you want",
		"this is a disaster", "everything is on fire", "total mess", "we're doomed", "too late now",
		"I can't keep", "nobody told me", "this is ridiculous", "as usual", "why do I always",
		"they never", "won't work", "doesn't work", "no one has", "too slow", "issue with", "next step",
		"working on", "I'll", "we'll", "to fix", "fix is", "PR open", "looking into", "waiting on"}
	var out []string
	out = append(out, multi...)
	for _, w := range base {
		out = append(out, w, "not "+w, w+" again")
	}
	return out[:200]
}

func corpus(b *testing.B) string {
	var sb strings.Builder
	files := shareddata.CorpusFiles()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err == nil {
			sb.Write(data)
		}
		if sb.Len() > 4<<20 {
			break
		}
	}
	if sb.Len() == 0 {
		b.Skip("corpus not found")
	}
	return sb.String()
}

func BenchmarkTrie(b *testing.B) {
	text := corpus(b)
	ps := benchPhrases()
	pats := make([]Pattern, len(ps))
	for i, p := range ps {
		pats[i] = Pattern{Text: p}
	}
	m := MustCompile(pats)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	var buf []Match
	for b.Loop() {
		buf = m.FindAll(text, buf[:0])
	}
	b.ReportMetric(float64(len(buf)), "matches")
}

func BenchmarkRegexpAlternation(b *testing.B) {
	text := corpus(b)
	ps := benchPhrases()
	q := make([]string, len(ps))
	for i, p := range ps {
		q[i] = strings.ReplaceAll(regexp.QuoteMeta(p), " ", `\s+`)
	}
	re := regexp.MustCompile(`(?i)\b(?:` + strings.Join(q, "|") + `)\b`)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	n := 0
	for b.Loop() {
		n = len(re.FindAllStringIndex(text, -1))
	}
	b.ReportMetric(float64(n), "matches")
}

// FuzzFindAll checks that every match lies in bounds, starts and ends on
// token boundaries, and spells its phrase (case, apostrophes and white
// space aside).
func FuzzFindAll(f *testing.F) {
	for _, s := range []string{"I can\u2019t keep\ndoing this", "soon, SOON! soonish", "é\xffnot sure if", "as usual , again"} {
		f.Add(s)
	}
	phrases := []string{"soon", "I can't keep doing this", "not sure if", "as usual ,", "é"}
	pats := make([]Pattern, len(phrases))
	for i, p := range phrases {
		pats[i] = Pattern{Text: p}
	}
	m := MustCompile(pats)
	norm := func(s string) string {
		s = strings.NewReplacer("\u2019", "'", "\u2018", "'").Replace(strings.ToLower(s))
		return strings.Join(strings.Fields(strings.ReplaceAll(s, ",", " ,")), " ")
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, mt := range m.FindAll(text, nil) {
			if mt.Start < 0 || mt.End > len(text) || mt.Start >= mt.End {
				t.Fatalf("match %+v out of bounds for %d bytes", mt, len(text))
			}
			if got, want := norm(text[mt.Start:mt.End]), norm(phrases[mt.Pattern]); got != want {
				t.Fatalf("match %q for phrase %q", text[mt.Start:mt.End], phrases[mt.Pattern])
			}
		}
	})
}
