package document

// Span is a half-open byte range [Start, End) into Document.Text.
type Span struct{ Start, End int }

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies entirely within s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Format is the syntax of a source text.
type Format int

const (
	// Markdown is CommonMark (with GFM tables and task lists).
	Markdown Format = iota
	// PlainText is prose with blank-line separated paragraphs.
	PlainText
)

func (f Format) String() string {
	if f == PlainText {
		return "plaintext"
	}
	return "markdown"
}

// Kind is what sort of document a text is; it decides which document rules apply.
type Kind int

const (
	// KindNone is a document of no known kind: no document rules apply.
	KindNone Kind = iota
	// KindStatus is a status report or weekly update.
	KindStatus
	// KindMeetingNotes is meeting notes, 1:1 notes, minutes or a retro.
	KindMeetingNotes
)

func (k Kind) String() string {
	switch k {
	case KindStatus:
		return "status-report"
	case KindMeetingNotes:
		return "meeting-notes"
	}
	return "none"
}

// BlockKind is the structural role of a block.
type BlockKind int

const (
	Paragraph BlockKind = iota
	ListItem
	TaskItem
	Heading
	TableCell
)

func (k BlockKind) String() string {
	return [...]string{"paragraph", "list-item", "task-item", "heading", "table-cell"}[k]
}

// Block is one unit of prose: a paragraph, list item, task item, heading or
// table cell. Code, HTML, front matter and reference definitions never become
// blocks.
type Block struct {
	Kind BlockKind
	// Span covers the block in the source, markers included.
	Span Span
	// Text is Document.Text[Span.Start:Span.End] with every byte that is not
	// the writer's prose (list and quote markers, inline code, URLs, link
	// destinations, inline HTML, emphasis markers) replaced by a space
	// (newlines are kept), so Text[i] sits at source offset Span.Start+i.
	// It is always valid UTF-8.
	Text string
	// Sentences are the sentences of the block, as spans into Document.Text,
	// trimmed of surrounding space, in order.
	Sentences []Span
	// Quoted is set when the block is inside a block quote: reported speech.
	Quoted bool
	// Quotations are spans of text in quotation marks (reported speech)
	// inside the block, marks included.
	Quotations []Span
	// Level is the heading level (1-6) for headings, the list nesting depth
	// (1 = top level) for list and task items, 0 otherwise.
	Level int
	// Checked is set for a ticked task item ("- [x]").
	Checked bool
	// Parent is the index in Document.Blocks of the list item that contains
	// this block, or -1.
	Parent int
	// Section is the index in Document.Blocks of the nearest heading before
	// the block, or -1.
	Section int
}

// DirectiveKind is what an inline control comment asks for.
type DirectiveKind int

const (
	Disable DirectiveKind = iota
	Enable
	DisableNextLine
)

// Directive is an inline control comment: <!-- upward-disable RULE -->,
// <!-- upward-enable RULE -->, <!-- upward-disable-next-line RULE -->, or the
// same words on a line of their own in plain text.
type Directive struct {
	Kind DirectiveKind
	// Rules are the rule IDs named; empty means all rules.
	Rules []string
	// Span covers the whole comment.
	Span Span
}

// Document is a parsed text.
type Document struct {
	URI    string
	Format Format
	Text   string
	// Kind is the detected kind; KindSource says where it came from
	// ("front matter", "config", "title", "headings", "body", "path", or
	// "" when nothing decided).
	Kind       Kind
	KindSource string
	// Cancelled is set on meeting notes of a meeting that did not take
	// place ("Cancelled due to low attendance", "No quorum"): no document
	// rules apply to them.
	Cancelled bool
	// FrontMatter holds the top-level scalar keys of YAML or TOML front
	// matter, lower-cased keys; FrontMatterSpan is its extent (zero if none).
	FrontMatter     map[string]string
	FrontMatterSpan Span
	// Title is the text of the first heading (or first line of plain text).
	Title      string
	Blocks     []Block
	Directives []Directive

	mapper *Mapper
	parts  []Part // see Parts
}

// Options control Parse.
type Options struct {
	URI    string
	Format Format
	// KindHint is the kind a config glob gives; front matter overrides it,
	// and it overrides title/heading detection. KindNone means no hint.
	KindHint Kind
}
