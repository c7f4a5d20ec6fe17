package document

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/upward-lint/upward/internal/shareddata"
)

// blockSummary is what the segmentation tests compare: kind, level,
// parent, trimmed masked text with runs of space collapsed, sentences.
type blockSummary struct {
	Kind      BlockKind
	Level     int
	Parent    int
	Text      string
	Sentences []string
}

func summarize(d *Document) []blockSummary {
	var out []blockSummary
	for _, b := range d.Blocks {
		s := blockSummary{Kind: b.Kind, Level: b.Level, Parent: b.Parent, Text: collapse(b.Text)}
		for _, sp := range b.Sentences {
			s.Sentences = append(s.Sentences, collapse(b.Text[sp.Start-b.Span.Start:sp.End-b.Span.Start]))
		}
		out = append(out, s)
	}
	return out
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestMarkdownSegmentation(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []blockSummary
	}{{
		name: "headings paragraphs and sentences",
		in:   "# Weekly *update*\n\nWe shipped the importer. Tests pass on Linux!\nIs Windows next?\n",
		want: []blockSummary{
			{Heading, 1, -1, "Weekly update", []string{"Weekly update"}},
			{Paragraph, 0, -1, "We shipped the importer. Tests pass on Linux! Is Windows next?",
				[]string{"We shipped the importer.", "Tests pass on Linux!", "Is Windows next?"}},
		},
	}, {
		name: "nested lists and tasks",
		in:   "- top item\n  - [ ] open task\n  - [x] done task\n- second\n\n  more text\n1. ordered\n",
		want: []blockSummary{
			{ListItem, 1, -1, "top item", []string{"top item"}},
			{TaskItem, 2, 0, "open task", []string{"open task"}},
			{TaskItem, 2, 0, "done task", []string{"done task"}},
			{ListItem, 1, -1, "second", []string{"second"}},
			{Paragraph, 0, 3, "more text", []string{"more text"}},
			{ListItem, 1, -1, "ordered", []string{"ordered"}},
		},
	}, {
		name: "block quote and table",
		in:   "> They said we are late.\n> Again.\n\n| Owner | Task |\n|---|---|\n| Ana | ship `v2` |\n",
		want: []blockSummary{
			{Paragraph, 0, -1, "They said we are late. Again.", []string{"They said we are late.", "Again."}},
			{TableCell, 0, -1, "Owner", []string{"Owner"}},
			{TableCell, 0, -1, "Task", []string{"Task"}},
			{TableCell, 0, -1, "Ana", []string{"Ana"}},
			{TableCell, 0, -1, "ship", []string{"ship"}},
		},
	}, {
		name: "abbreviations and numbers do not split",
		in:   "We met Dr. Lee, e.g. about v1.2.3 at 3.5 p.m. today. J. Smith agreed, i.e. yes. We ship A, B, etc. Next is C.\n",
		want: []blockSummary{{Paragraph, 0, -1,
			"We met Dr. Lee, e.g. about v1.2.3 at 3.5 p.m. today. J. Smith agreed, i.e. yes. We ship A, B, etc. Next is C.",
			[]string{"We met Dr. Lee, e.g. about v1.2.3 at 3.5 p.m. today.", "J. Smith agreed, i.e. yes.", "We ship A, B, etc.", "Next is C."}}},
	}, {
		name: "quotes brackets and ellipses",
		in:   "He said \"we are done.\" Then we left… (It was late.) 2 bugs remain... Really?! Yes.\n",
		want: []blockSummary{{Paragraph, 0, -1, "He said \"we are done.\" Then we left… (It was late.) 2 bugs remain... Really?! Yes.",
			[]string{"He said \"we are done.\"", "Then we left…", "(It was late.)", "2 bugs remain...", "Really?!", "Yes."}}},
	}, {
		name: "hard line breaks split",
		in:   "**Project:** Music Blocks  \n**Mentors:** Walter\\\n**Status** good\n",
		want: []blockSummary{{Paragraph, 0, -1, "Project: Music Blocks Mentors: Walter Status good",
			[]string{"Project: Music Blocks", "Mentors: Walter", "Status good"}}},
	}, {
		name: "setext heading and paragraph in a quote in a list",
		in:   "Title here\n==========\n\n- item\n\n  > quoted reply\n",
		want: []blockSummary{
			{Heading, 1, -1, "Title here", []string{"Title here"}},
			{ListItem, 1, -1, "item", []string{"item"}},
			{Paragraph, 0, 1, "quoted reply", []string{"quoted reply"}},
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse(tt.in, Options{})
			checkInvariants(t, d)
			got := summarize(d)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("blocks:\n got %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestMarkdownBlockFields(t *testing.T) {
	in := "# Status\n\n> quoted **text**\n\n- [x] done\n## Next\n- plan\n"
	d := Parse(in, Options{})
	checkInvariants(t, d)
	if len(d.Blocks) != 5 {
		t.Fatalf("got %d blocks, want 5: %v", len(d.Blocks), summarize(d))
	}
	b := d.Blocks
	if !b[1].Quoted || b[0].Quoted || b[2].Quoted {
		t.Errorf("Quoted = %v %v %v, want false true false", b[0].Quoted, b[1].Quoted, b[2].Quoted)
	}
	if !b[2].Checked || b[2].Kind != TaskItem {
		t.Errorf("task item: kind %v checked %v", b[2].Kind, b[2].Checked)
	}
	if got := in[b[2].Span.Start:b[2].Span.End]; got != "- [x] done" {
		t.Errorf("task item span = %q, want the whole line", got)
	}
	if got := in[b[0].Span.Start:b[0].Span.End]; got != "# Status" {
		t.Errorf("heading span = %q", got)
	}
	if b[1].Section != 0 || b[3].Section != 0 || b[4].Section != 3 || b[0].Section != -1 {
		t.Errorf("sections = %d %d %d %d %d", b[0].Section, b[1].Section, b[2].Section, b[3].Section, b[4].Section)
	}
	if d.Title != "Status" {
		t.Errorf("Title = %q", d.Title)
	}
}

// TestMasking checks that code, HTML, URLs, link destinations, images,
// reference definitions and front matter never reach prose.
func TestMasking(t *testing.T) {
	in := "---\ntitle: secret frontmatter\n---\n" +
		"Run `secretcode` now. See <https://secret.example> and https://secret.example/x_(y).\n" +
		"A [link text](https://secret.example \"secret title\") and ![secret alt](secret.png) and www.secret.com here.\n" +
		"Inline <span>html</span> and <!-- secret comment --> end.\n\n" +
		"```\nsecret fenced\n```\n\n    secret indented\n\n<div>\nsecret html block\n</div>\n\n" +
		"[ref]: https://secret.example/ref\n\n*Emphasis* and ~~struck~~ and __strong__.\n"
	d := Parse(in, Options{})
	checkInvariants(t, d)
	var prose strings.Builder
	for _, b := range d.Blocks {
		prose.WriteString(b.Text)
		prose.WriteByte('|')
	}
	p := prose.String()
	if strings.Contains(p, "secret") {
		t.Errorf("non-prose leaked into Block.Text: %q", collapse(p))
	}
	for _, w := range []string{"Run", "now.", "link text", "html", "Emphasis", "struck", "strong", "here."} {
		if !strings.Contains(p, w) {
			t.Errorf("prose %q missing from %q", w, collapse(p))
		}
	}
	for _, c := range []string{"`", "*", "~", "[", "](", "<", "_"} {
		if strings.Contains(p, c) {
			t.Errorf("markup %q left in prose %q", c, collapse(p))
		}
	}
	if d.FrontMatter["title"] != "secret frontmatter" || in[d.FrontMatterSpan.Start:d.FrontMatterSpan.End] != "---\ntitle: secret frontmatter\n---\n" {
		t.Errorf("front matter = %v %v", d.FrontMatter, d.FrontMatterSpan)
	}
}

func TestMaskMultibyte(t *testing.T) {
	in := "Café `naïve` 日本 https://例え.jp/é ok\n"
	d := Parse(in, Options{})
	checkInvariants(t, d)
	if got := collapse(d.Blocks[0].Text); got != "Café 日本 ok" {
		t.Errorf("Text = %q", got)
	}
}

func TestQuotations(t *testing.T) {
	tests := []struct{ in, want string }{
		{`He said "this is broken" twice.`, `"this is broken"`},
		{"She wrote “we will slip” in chat.", "“we will slip”"},
		{"Don't say ‘never’ again, it’s fine.", "‘never’"},
		{"It's the 'final' answer, Chris' car isn't.", "'final'"},
		{"Chris' car, the teams' plans and don't.", ""},
		{`Unclosed "quote here.`, ""},
		{`Two "a" and "b" quotes.`, `"a","b"`},
	}
	for _, tt := range tests {
		d := Parse(tt.in, Options{})
		var got []string
		for _, q := range d.Blocks[0].Quotations {
			got = append(got, tt.in[q.Start:q.End])
		}
		if strings.Join(got, ",") != tt.want {
			t.Errorf("Quotations(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFrontMatter(t *testing.T) {
	tests := []struct {
		in       string
		kind     Kind
		source   string
		key, val string
	}{
		{"---\nType: Meeting Notes\ntitle: 'X'\n---\n# Weekly update\n", KindMeetingNotes, "front matter", "type", "Meeting Notes"},
		{"+++\nkind = \"status\"\n[extra]\ntype = \"retro\"\n+++\ntext\n", KindStatus, "front matter", "kind", "status"},
		{"---\ntype: docs\n---\n# Sprint 4 status update\n", KindStatus, "title", "type", "docs"},
		{"---\nnot closed\n# Weekly update\n", KindStatus, "title", "", ""},
	}
	for _, tt := range tests {
		d := Parse(tt.in, Options{})
		checkInvariants(t, d)
		if d.Kind != tt.kind || d.KindSource != tt.source {
			t.Errorf("%q: kind %v from %q, want %v from %q", tt.in, d.Kind, d.KindSource, tt.kind, tt.source)
		}
		if tt.key != "" && d.FrontMatter[tt.key] != tt.val {
			t.Errorf("%q: front matter %v, want %s=%s", tt.in, d.FrontMatter, tt.key, tt.val)
		}
		if tt.key == "" && d.FrontMatterSpan != (Span{}) {
			t.Errorf("%q: unclosed front matter read: %v", tt.in, d.FrontMatterSpan)
		}
	}
}

func TestKindDetection(t *testing.T) {
	tests := []struct {
		in     string
		hint   Kind
		uri    string
		kind   Kind
		source string
	}{
		{"# Weekly Update — March 3\n\nShipped it.\n", KindNone, "", KindStatus, "title"},
		{"# Week 12 update\n", KindNone, "", KindStatus, "title"},
		{"# Platform team status report\n", KindNone, "", KindStatus, "title"},
		{"# Q3 progress report\n", KindNone, "", KindStatus, "title"},
		{"# Sprint 14 report\n", KindNone, "", KindStatus, "title"},
		{"# 1:1 with Sam\n", KindNone, "", KindMeetingNotes, "title"},
		{"# One-on-one, May\n", KindNone, "", KindMeetingNotes, "title"},
		{"# Sprint retro\n", KindNone, "", KindMeetingNotes, "title"},
		{"# Daily standup 2024-05-02\n", KindNone, "", KindMeetingNotes, "title"},
		{"# Meeting minutes\n", KindNone, "", KindMeetingNotes, "title"},
		{"# Infra sync\n", KindNone, "", KindMeetingNotes, "title"},
		{"# Weekly sync\n", KindNone, "", KindMeetingNotes, "title"},
		{"# Week 6: Planet Sync and more\n", KindNone, "", KindStatus, "title"},
		{"# Incident report: outage\n", KindNone, "", KindNone, ""},
		{"# Team agenda\n\n## Topics\n", KindNone, "", KindNone, "title"},
		{"# Team agenda\n\n## Attendees\n", KindNone, "", KindMeetingNotes, "title"},
		{"# Release notes v2\n", KindNone, "", KindNone, ""},
		{"# Platform\n\n## Done this week\n\n## What's next\n", KindNone, "", KindStatus, "headings"},
		{"# Platform\n\n## Progress\n\n## Next steps\n", KindNone, "", KindStatus, "headings"},
		{"# Platform\n\n## Decisions\n\n## AIs\n", KindNone, "", KindMeetingNotes, "headings"},
		{"# Platform\n\n## Agenda\n\n## Follow-ups\n", KindNone, "", KindMeetingNotes, "headings"},
		{"# Platform\n\n## Present\n", KindNone, "", KindMeetingNotes, "headings"},
		{"# Platform\n\n**Attendees:** Ana, Bo\n", KindNone, "", KindMeetingNotes, "body"},
		{"# Platform\n\nReporting period: May\n", KindNone, "", KindStatus, "body"},
		{"# Platform\n\nNothing here.\n", KindMeetingNotes, "", KindMeetingNotes, "config"},
		{"---\nkind: status\n---\n# Retro\n", KindMeetingNotes, "", KindStatus, "front matter"},
		{"# Platform\n", KindNone, "notes/minutes/2024-01-02.md", KindMeetingNotes, "path"},
		{"# Platform\n", KindNone, "reports/2024-week07.md", KindStatus, "path"},
		{"# Platform\n\nNothing.\n", KindNone, "docs/design.md", KindNone, "path"},
		// Design documents, RFCs and READMEs are neither reports nor notes.
		{"# RFC 7: Retries\n\n## Discussion\n\n## Decision\n", KindNone, "", KindNone, "title"},
		{"# Retry queue: design document\n\n## Discussion notes\n\n## Decisions\n", KindNone, "", KindNone, "title"},
		{"# Design: retry queue\n\n## Discussion\n\n## Decisions\n", KindNone, "", KindNone, "title"},
		{"# Ledger\n\n## Context\n\n## Goals\n\n## Alternatives\n\n## Discussion\n\n## Decision\n", KindNone, "", KindNone, "headings"},
		{"# Ledger\n\n## 1. Motivation\n\n## 2. Installation\n\n## 3. Usage\n", KindNone, "", KindNone, "headings"},
		{"# Billing\n\n## Progress\n\n## Next steps\n", KindNone, "svc/README.md", KindNone, "path"},
		{"# Billing\n\n## Decisions\n\n## AIs\n", KindNone, "rfcs/0042-billing.md", KindNone, "path"},
		{"# Weekly update\n\n## Progress\n", KindNone, "2024-w05/README.md", KindStatus, "title"},
		{"# Design meeting 2019-11-08\n\n## Motivation\n\n## Alternatives\n", KindNone, "", KindMeetingNotes, "title"},
		{"# RFC tracker weekly update\n", KindNone, "", KindStatus, "title"},
		{"# Platform\n\n## Background\n\n## Progress\n\n## Next steps\n", KindNone, "", KindStatus, "headings"},
		{"Weekly update\n\nShipped the importer.\n", KindNone, "", KindStatus, "title"},
	}
	for _, tt := range tests {
		opts := Options{KindHint: tt.hint, URI: tt.uri}
		if strings.HasPrefix(tt.in, "Weekly") {
			opts.Format = PlainText
		}
		d := Parse(tt.in, opts)
		if d.Kind != tt.kind || d.KindSource != tt.source {
			t.Errorf("%q: kind %v from %q, want %v from %q", tt.in, d.Kind, d.KindSource, tt.kind, tt.source)
		}
	}
}

func TestParseKind(t *testing.T) {
	for in, want := range map[string]Kind{"status": KindStatus, "Status Report": KindStatus, "weekly_update": KindStatus,
		"meeting-notes": KindMeetingNotes, "Minutes": KindMeetingNotes, "1:1": KindMeetingNotes, "none": KindNone} {
		if k, ok := ParseKind(in); !ok || k != want {
			t.Errorf("ParseKind(%q) = %v, %v; want %v", in, k, ok, want)
		}
	}
	if _, ok := ParseKind("docs"); ok {
		t.Error(`ParseKind("docs") ok`)
	}
}

func TestDirectives(t *testing.T) {
	in := "<!-- upward-disable hedging, complaint -->\n\nText <!-- upward-enable --> more.\n\n" +
		"<!--upward:disable-next-line vague-timing -- dates are in the table -->\n- item\n\n" +
		"```\n<!-- upward-disable -->\n```\n\n`<!-- upward-disable -->`\n\n<!-- upward-disabled -->\n<!-- just a comment -->\n"
	d := Parse(in, Options{})
	want := []struct {
		kind  DirectiveKind
		rules []string
		text  string
	}{
		{Disable, []string{"hedging", "complaint"}, "<!-- upward-disable hedging, complaint -->"},
		{Enable, nil, "<!-- upward-enable -->"},
		{DisableNextLine, []string{"vague-timing"}, "<!--upward:disable-next-line vague-timing -- dates are in the table -->"},
	}
	if len(d.Directives) != len(want) {
		t.Fatalf("got %d directives %v, want %d", len(d.Directives), d.Directives, len(want))
	}
	for i, w := range want {
		g := d.Directives[i]
		if g.Kind != w.kind || !slices.Equal(g.Rules, w.rules) || in[g.Span.Start:g.Span.End] != w.text {
			t.Errorf("directive %d = %v %v %q, want %v %v %q", i, g.Kind, g.Rules, in[g.Span.Start:g.Span.End], w.kind, w.rules, w.text)
		}
	}
}

func TestPlainText(t *testing.T) {
	in := "Weekly update\n\nWe shipped the importer. It is fast.\nStill wrapping here.\n\n" +
		"Action items:\n- Ana: fix the build\n  continues here\n  - nested point\n* [x] done thing\n• bullet\n1) first\n2. second\n\n" +
		"# upward-disable hedging\n// upward-enable\n<!-- upward-disable-next-line -->\nupward-disable-next-line complaint\nLast line.\n"
	d := Parse(in, Options{Format: PlainText})
	checkInvariants(t, d)
	want := []blockSummary{
		{Heading, 1, -1, "Weekly update", []string{"Weekly update"}},
		{Paragraph, 0, -1, "We shipped the importer. It is fast. Still wrapping here.",
			[]string{"We shipped the importer.", "It is fast.", "Still wrapping here."}},
		{Heading, 2, -1, "Action items:", []string{"Action items:"}},
		{ListItem, 1, -1, "Ana: fix the build continues here", []string{"Ana: fix the build continues here"}},
		{ListItem, 2, 3, "nested point", []string{"nested point"}},
		{TaskItem, 1, -1, "done thing", []string{"done thing"}},
		{ListItem, 1, -1, "bullet", []string{"bullet"}},
		{ListItem, 1, -1, "first", []string{"first"}},
		{ListItem, 1, -1, "second", []string{"second"}},
		{Paragraph, 0, -1, "Last line.", []string{"Last line."}},
	}
	if got := summarize(d); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("blocks:\n got %v\nwant %v", got, want)
	}
	if !d.Blocks[5].Checked {
		t.Error("task not checked")
	}
	kinds := []DirectiveKind{Disable, Enable, DisableNextLine, DisableNextLine}
	if len(d.Directives) != len(kinds) {
		t.Fatalf("directives = %v", d.Directives)
	}
	for i, k := range kinds {
		if d.Directives[i].Kind != k {
			t.Errorf("directive %d kind %v, want %v", i, d.Directives[i].Kind, k)
		}
	}
	if got := in[d.Directives[0].Span.Start:d.Directives[0].Span.End]; got != "# upward-disable hedging" {
		t.Errorf("directive span %q", got)
	}
	if d.Title != "Weekly update" || d.Kind != KindStatus {
		t.Errorf("title %q kind %v", d.Title, d.Kind)
	}
}

func TestPlainTextFirstLine(t *testing.T) {
	d := Parse("Sorry I missed the deadline\n\nIt slipped.\n", Options{Format: PlainText})
	if d.Blocks[0].Kind != Paragraph || d.Title != "Sorry I missed the deadline" {
		t.Errorf("first line: kind %v, title %q; want a paragraph and the title", d.Blocks[0].Kind, d.Title)
	}
	d = Parse("Title\n=====\n\n---\n\n## Next steps\n", Options{Format: PlainText})
	if got := summarize(d); len(got) != 2 || got[0].Kind != Heading || got[0].Level != 1 || got[1].Level != 2 || got[1].Text != "Next steps" {
		t.Errorf("headings: %v", got)
	}
}

func TestValidate(t *testing.T) {
	if err := Validate([]byte("fine ✓\n")); err != nil {
		t.Errorf("valid text: %v", err)
	}
	err := Validate([]byte("ok\nbad \xff here\n"))
	if err == nil || !strings.Contains(err.Error(), "offset 7") || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("invalid UTF-8: %v", err)
	}
	err = Validate([]byte("a\nb\nc\x00"))
	if err == nil || !strings.Contains(err.Error(), "NUL byte at line 3") || !strings.Contains(err.Error(), "binary file?") {
		t.Errorf("NUL: %v", err)
	}
}

func TestFormatOf(t *testing.T) {
	for p, want := range map[string]Format{"a.md": Markdown, "a.MARKDOWN": Markdown, "a.mkd": Markdown,
		"a.mdown": Markdown, "a.mkdn": Markdown, "notes.txt": PlainText, "x/y.text": PlainText, "README": Markdown} {
		got, ok := FormatOf(p)
		if got != want {
			t.Errorf("FormatOf(%q) = %v, want %v", p, got, want)
		}
		if linted := p != "README"; ok != linted {
			t.Errorf("FormatOf(%q) says linted %v, want %v", p, ok, linted)
		}
	}
}

// checkInvariants asserts the properties doc.go promises.
func checkInvariants(t *testing.T, d *Document) {
	t.Helper()
	text := d.Text
	valid := utf8.ValidString(text)
	prevEnd := 0
	onRune := func(o int) bool { return !valid || o == len(text) || utf8.RuneStart(text[o]) }
	for i, b := range d.Blocks {
		sp := b.Span
		if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
			t.Fatalf("block %d span %v out of [0,%d]", i, sp, len(text))
		}
		if sp.Start < prevEnd {
			t.Fatalf("block %d span %v overlaps or precedes previous end %d", i, sp, prevEnd)
		}
		prevEnd = sp.End
		if !onRune(sp.Start) || !onRune(sp.End) {
			t.Fatalf("block %d span %v not on rune boundaries", i, sp)
		}
		if len(b.Text) != sp.Len() {
			t.Fatalf("block %d: len(Text) %d != span %d", i, len(b.Text), sp.Len())
		}
		if !utf8.ValidString(b.Text) {
			t.Fatalf("block %d: Text not valid UTF-8: %q", i, b.Text)
		}
		for j := 0; j < len(b.Text); j++ {
			if c := b.Text[j]; c != ' ' && c != text[sp.Start+j] {
				t.Fatalf("block %d: Text[%d] = %q, source %q", i, j, c, text[sp.Start+j])
			}
		}
		if b.Parent >= i || b.Parent < -1 || b.Section >= i || b.Section < -1 {
			t.Fatalf("block %d: parent %d section %d", i, b.Parent, b.Section)
		}
		prev := sp.Start
		for _, s := range b.Sentences {
			if !sp.Contains(s) || s.Start < prev || s.Start >= s.End || !onRune(s.Start) || !onRune(s.End) {
				t.Fatalf("block %d %v: bad sentence %v (prev end %d)", i, sp, s, prev)
			}
			prev = s.End
		}
		for _, q := range b.Quotations {
			if !sp.Contains(q) || q.Start >= q.End || !onRune(q.Start) || !onRune(q.End) {
				t.Fatalf("block %d %v: bad quotation %v", i, sp, q)
			}
		}
	}
	for _, dir := range d.Directives {
		if dir.Span.Start < 0 || dir.Span.End > len(text) || dir.Span.Start >= dir.Span.End {
			t.Fatalf("directive span %v", dir.Span)
		}
	}
}

func TestCorpusInvariants(t *testing.T) {
	files := shareddata.CorpusFiles()
	if len(files) == 0 {
		t.Skip("no corpus")
	}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []Format{Markdown, PlainText} {
			d := Parse(string(b), Options{URI: p, Format: f})
			checkInvariants(t, d)
		}
	}
}

func FuzzParse(f *testing.F) {
	seeds := []string{
		"# Title\n\nA sentence. Another one!\n\n- [ ] task\n  - nested\n> quote\n",
		"---\ntype: status\n---\n| a | b |\n|---|---|\n| c | `d` |\n",
		"<!-- upward-disable x -->\n```\ncode\n```\n[l](http://u) https://x.y/z e.g. \"q\" ‘a’\r\n",
		"Plain\n\n1) item\n• b\n# upward-enable\n",
		"𐐀23\n𐐀45 *é* `\xff` x\x00y",
		"- \n-\n  ```\n  x\n  ```\n  - y\n",
		"+++\nkind = \"retro\"\n+++\n",
	}
	for _, s := range seeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, plain bool) {
		opts := Options{}
		if plain {
			opts.Format = PlainText
		}
		d := &Document{Text: s, Format: opts.Format}
		parseBody(d) // no recover: a panic is a bug
		checkInvariants(t, d)
		checkInvariants(t, Parse(s, opts))
	})
}

// TestByteOrderMark checks that a leading BOM is not prose: the first
// sentence starts after it (so no fix rewrites it away) and a heading on
// the first line is still a heading.
func TestByteOrderMark(t *testing.T) {
	for _, f := range []Format{Markdown, PlainText} {
		text := "\ufeffSorry to bother you, but the report is ready.\n"
		d := Parse(text, Options{Format: f})
		if len(d.Blocks) != 1 || len(d.Blocks[0].Sentences) != 1 {
			t.Fatalf("%v: blocks %+v", f, d.Blocks)
		}
		if s := d.Blocks[0].Sentences[0]; s.Start != len("\ufeff") {
			t.Errorf("%v: first sentence starts at %d, want %d", f, s.Start, len("\ufeff"))
		}
		checkInvariants(t, d)
	}
	d := Parse("\ufeff# Weekly update\n\nAll green.\n", Options{})
	if len(d.Blocks) == 0 || d.Blocks[0].Kind != Heading || d.Title != "Weekly update" {
		t.Errorf("BOM then heading: title %q, blocks %+v", d.Title, d.Blocks)
	}
	if d.Blocks[0].Span.Start != len("\ufeff") {
		t.Errorf("heading starts at %d, want %d", d.Blocks[0].Span.Start, len("\ufeff"))
	}
}
