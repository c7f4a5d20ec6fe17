package document

import (
	"strings"
	"sync"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		in     string
		breaks []int
		want   []string
	}{
		{"One. Two! Three? Four", nil, []string{"One.", "Two!", "Three?", "Four"}},
		{"It works in the U.S. and the U.K. too. Then more.", nil, []string{"It works in the U.S. and the U.K. too.", "Then more."}},
		{"See Fig. 3 and No. 5 for details. Ok.", nil, []string{"See Fig. 3 and No. 5 for details.", "Ok."}},
		{"We said no. 5 people left.", nil, []string{"We said no.", "5 people left."}},
		{"Meet at 10 a.m. tomorrow, vs. noon. Fine.", nil, []string{"Meet at 10 a.m. tomorrow, vs. noon.", "Fine."}},
		{"Version 2.0.1 ships. File main.go changed. Pi is 3.14.", nil, []string{"Version 2.0.1 ships.", "File main.go changed.", "Pi is 3.14."}},
		{"Wait... what? Done…Next. Later… Now.", nil, []string{"Wait... what?", "Done…Next.", "Later…", "Now."}},
		{"He asked \"why?\" She left.", nil, []string{"He asked \"why?\"", "She left."}},
		{"Done (mostly.) Next", nil, []string{"Done (mostly.)", "Next"}},
		{"Item one\n- item two", nil, []string{"Item one", "- item two"}},
		{"wrapped line\ncontinues here", nil, []string{"wrapped line\ncontinues here"}},
		{"Para one\n\nPara two", nil, []string{"Para one", "Para two"}},
		{"Line A\nLine B", []int{106}, []string{"Line A", "Line B"}},
		{"     , leftover after code. Yes", nil, []string{"leftover after code.", "Yes"}},
		{"   ( ) .  ", nil, nil},
		{"Étape finie. Ça marche.", nil, []string{"Étape finie.", "Ça marche."}},
		{"日本語の文。次の文。", nil, []string{"日本語の文。次の文。"}},
		// A fact a line: a capitalised line after one that did not end
		// mid-phrase starts a new sentence.
		{"Dana owns the rollout checklist and the pager\nNobody told me the freeze moved to the 12th.", nil,
			[]string{"Dana owns the rollout checklist and the pager", "Nobody told me the freeze moved to the 12th."}},
		{"Shipped the login page\nDana is on PTO next week\nBudget approved", nil,
			[]string{"Shipped the login page", "Dana is on PTO next week", "Budget approved"}},
		{"Looks reasonable\nDarshan: not perfect, we could improve it.", nil, []string{"Looks reasonable", "Darshan: not perfect, we could improve it."}},
		{"Looks reasonable\ndarshan: not perfect.", nil, []string{"Looks reasonable\ndarshan: not perfect."}},
		{"Waiting on the vendor\n🚀 shipped the beta", nil, []string{"Waiting on the vendor", "🚀 shipped the beta"}},
		{"Deploy went fine\r\nNobody noticed.", nil, []string{"Deploy went fine", "Nobody noticed."}},
		// Wrapped prose runs on: mid-phrase, a long line, lower case.
		{"The freeze was postponed to\n3.11 by its author.", nil, []string{"The freeze was postponed to\n3.11 by its author."}},
		{"We will schedule a call with the SC, possibly for next\nMonday.", nil, []string{"We will schedule a call with the SC, possibly for next\nMonday."}},
		{"This section provides insight into the requests for consideration by the Steering\nCouncil.", nil,
			[]string{"This section provides insight into the requests for consideration by the Steering\nCouncil."}},
		{"A line that\nContinues, since\nthe rest is lower case", nil, []string{"A line that\nContinues, since\nthe rest is lower case"}},
		{"One nomination for each position, we will leave it open until this Friday and the\n" +
			"Council will then declare Michael and Matteo re-elected unless there are any\n" +
			"Objections raised on the list before the deadline passes, as in past years.", nil,
			[]string{"One nomination for each position, we will leave it open until this Friday and the\n" +
				"Council will then declare Michael and Matteo re-elected unless there are any\n" +
				"Objections raised on the list before the deadline passes, as in past years."}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range splitSentences(tt.in, 100, tt.breaks) {
			got = append(got, tt.in[s.Start-100:s.End-100])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("splitSentences(%q) =\n %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestParseDirective(t *testing.T) {
	tests := []struct {
		in    string
		ok    bool
		kind  DirectiveKind
		rules string
	}{
		{" upward-disable ", true, Disable, ""},
		{"UPWARD-DISABLE Hedging,complaint", true, Disable, "hedging,complaint"},
		{"upward:enable vague-timing", true, Enable, "vague-timing"},
		{"upward-disable-next-line a b, c -- because", true, DisableNextLine, "a,b,c"},
		{"upward-disabled", false, 0, ""},
		{"upward", false, 0, ""},
		{"markdownlint-disable", false, 0, ""},
	}
	for _, tt := range tests {
		d, ok := parseDirective(tt.in)
		if ok != tt.ok || ok && (d.Kind != tt.kind || strings.Join(d.Rules, ",") != tt.rules) {
			t.Errorf("parseDirective(%q) = %v %v %v, want %v %v %q", tt.in, d.Kind, d.Rules, ok, tt.kind, tt.ok, tt.rules)
		}
	}
}

func TestLimitNesting(t *testing.T) {
	line := strings.Repeat("> ", maxNesting+5) + "deep text"
	src := []byte(line)
	limitNesting(src)
	got := string(src)
	if strings.Count(got, ">") != maxNesting {
		t.Errorf("kept %d markers, want %d", strings.Count(got, ">"), maxNesting)
	}
	if len(got) != len(line) || !strings.HasSuffix(got, "deep text") {
		t.Errorf("limitNesting changed offsets: %q", got)
	}
	// Shallow documents are untouched.
	shallow := "- a\n  - b\n    > c\n1. d\n"
	src = []byte(shallow)
	limitNesting(src)
	if string(src) != shallow {
		t.Errorf("limitNesting changed %q to %q", shallow, src)
	}
	d := Parse(strings.Repeat("- ", 5000)+"x\n", Options{})
	checkInvariants(t, d)
}

// TestParseConcurrent runs parses in parallel over the shared goldmark
// parser; run with -race.
func TestParseConcurrent(t *testing.T) {
	text := "# Weekly update\n\n- [ ] task one. Two.\n\n| a | b |\n|---|---|\n| c | d |\n"
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				d := Parse(text, Options{})
				if len(d.Blocks) != 6 || d.Kind != KindStatus {
					t.Errorf("got %d blocks, kind %v", len(d.Blocks), d.Kind)
				}
				d.Mapper().OffsetPosition(len(text))
			}
		})
	}
	wg.Wait()
}

// TestLongSentenceSplit checks that a run with no sentence end is cut at a
// space once it passes maxSentence, and that every piece is still inside
// the text and in order.
func TestLongSentenceSplit(t *testing.T) {
	text := strings.Repeat("the build is not broken and ", 300) // 8,400 bytes, no full stop
	ss := splitSentences(text, 0, nil)
	if len(ss) < len(text)/maxSentence {
		t.Fatalf("%d sentences for %d bytes: not split", len(ss), len(text))
	}
	end := 0
	for _, s := range ss {
		if s.Start < end || s.End > len(text) || s.Len() > maxSentence+len("broken") {
			t.Fatalf("bad sentence %v after %d (len %d)", s, end, s.Len())
		}
		end = s.End
	}
	if short := splitSentences("One. Two three four.", 0, nil); len(short) != 2 {
		t.Errorf("ordinary text: %d sentences, want 2", len(short))
	}
}

func TestGreetingLineIsASentence(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Hi Jonathan,\nThe Meridian portfolio is late.", []string{"Hi Jonathan,", "The Meridian portfolio is late."}},
		{"Subject: Hillcrest\nSteve,\nHillcrest is a shambles.", []string{"Subject: Hillcrest", "Steve,", "Hillcrest is a shambles."}},
		{"hey the deploy failed\nagain last night", []string{"hey the deploy failed\nagain last night"}},
	} {
		var got []string
		for _, s := range splitSentences(tc.in, 0, nil) {
			got = append(got, tc.in[s.Start:s.End])
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("splitSentences(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
