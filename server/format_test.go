package server

import (
	"path/filepath"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// TestFormatFromLanguageKindFromPath checks that a document is linted in
// the format of the editor's language even when its extension says
// another, while the [kinds] globs still match its real name: a .txt
// opened as Markdown is a status report by its glob, so the document
// rules apply, and its inline code is code, not prose.
func TestFormatFromLanguageKindFromPath(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".upward.toml"), "[kinds]\nstatus-report = [\"reports/*.txt\", \"notes/*.md\"]\n")
	s := start(t, setup{folders: []string{dir}})
	const text = "# Tuesday\n\nShipped the importer. `Sorry to bother you, but it is late.`\n"
	for _, tc := range []struct {
		name, lang string
		// prose is set when the backticked sentence is prose (plain
		// text), so hedging flags it.
		prose bool
	}{
		{"reports/w1.txt", "markdown", false},
		{"notes/w1.md", "plaintext", true},
	} {
		u := protocol.DocumentURI(uri.File(filepath.Join(dir, tc.name)))
		s.open(u, tc.lang, 1, text)
		ds := s.awaitVersion(u, 1).Diagnostics
		findCode(t, ds, "missing-next-steps")
		if got := hasCode(ds, "hedging"); got != tc.prose {
			t.Errorf("%s as %s: hedging flagged %v, want %v: %s", tc.name, tc.lang, got, tc.prose, diagSummary(ds))
		}
	}
}
