// Package document turns Markdown or plain text into a Document: blocks and
// sentences that keep their byte offsets into the source text.
//
// Offsets are byte offsets into Document.Text, half-open, everywhere in the
// engine. Conversion to line/column happens only in Mapper.
//
// Invariants of a Document returned by Parse, for any input text (Parse
// never panics, even on invalid UTF-8):
//
//   - Blocks are in source order and do not overlap; each Block.Span lies
//     within Document.Text.
//   - len(Block.Text) == Block.Span.Len(), Block.Text is valid UTF-8, and
//     every byte of Block.Text is either a space or the source byte at the
//     same offset. Bytes that are not the writer's prose (markers, code,
//     HTML, URLs, link destinations, front matter) are spaces; newlines are
//     kept.
//   - Every sentence and quotation span lies within its block's Span, starts
//     and ends on rune boundaries, and sentences are ordered and disjoint.
//   - Code blocks, inline code, HTML, autolinks and bare URLs, link
//     destinations, reference definitions and front matter never contribute
//     prose, and HTML comments inside code are never directives.
//   - Parent and Section are -1 or the index of an earlier block.
//
// Markdown is parsed with goldmark (CommonMark plus GFM tables, task lists
// and strikethrough); the walk in markdown.go copies only the segments of
// text nodes into a document-wide mask, so markup is excluded by
// construction. Container markers nested deeper than 32 on one line are
// blanked before parsing, because goldmark's time is quadratic in depth.
// Reparse (reparse.go) parses a new version of a document again only
// where it changed, between top-level blocks goldmark opened after a blank
// line (see Part), and splices the blocks before and after with their
// offsets shifted; FuzzReparse and FuzzReparseStructure check that this
// gives exactly the document of one whole parse. Plain text is split by
// plaintext.go's line scanner.
//
// Kind detection (kind.go) trusts, in order: front matter type/kind, the
// config hint, the title (front matter title or first heading), heading
// cues, body labels ("Attendees:", "Reporting period:"), and the file name.
//
// Validate checks the bytes a caller is about to Parse (UTF-8, no NUL), so
// that bad input is reported instead of linted.
package document
