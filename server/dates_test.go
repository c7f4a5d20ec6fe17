package server

import (
	"slices"
	"testing"

	"go.lsp.dev/protocol"
)

// TestDatedRewrites: through the server, vague-timing's quick fixes name
// real days counted from the document's date, else from today, and a
// status report's missing "Next update" line gets one too.
func TestDatedRewrites(t *testing.T) {
	t.Setenv("UPWARD_TODAY", "2026-12-03") // a Thursday
	s := start(t, setup{})
	titles := func(u protocol.DocumentURI, code string, p *protocol.PublishDiagnosticsParams) []string {
		d := findCode(t, p.Diagnostics, code)
		var out []string
		for _, a := range s.codeActions(u, d.Range, []protocol.Diagnostic{d}, protocol.QuickFix) {
			out = append(out, a.Title)
		}
		return out
	}

	u := docURI("dated.md")
	s.open(u, "markdown", 1, "# Notes\n\nI'll send it soon.\n")
	got := titles(u, "vague-timing", s.awaitVersion(u, 1))
	for _, want := range []string{"Give a date", `Say "by end of today"`, `Say "by tomorrow (Fri 4 Dec)"`, `Say "by Friday 11 Dec"`, `Say "by Monday 14 Dec"`} {
		if !slices.Contains(got, want) {
			t.Errorf("actions %q lack %q", got, want)
		}
	}

	// The front matter's date wins; the edit it carries names that day.
	const future = "---\ndate: 2027-01-04\n---\n# Notes\n\nI'll send it soon.\n"
	s.changeFull(u, 2, future)
	p := s.awaitVersion(u, 2)
	d := findCode(t, p.Diagnostics, "vague-timing")
	a := findAction(t, s.codeActions(u, d.Range, nil), `Say "by tomorrow (Tue 5 Jan 2027)"`)
	if got, want := s.apply(t, future, 2, a), "---\ndate: 2027-01-04\n---\n# Notes\n\nI'll send it by tomorrow (Tue 5 Jan 2027).\n"; got != want {
		t.Errorf("after the fix: %q, want %q", got, want)
	}

	// The file name's date; a status report's cadence line.
	r := docURI("weekly-2026-11-27.md")
	s.open(r, "markdown", 1, "# Status report\n\nShipped the importer. Next I'll port the exporter.\n")
	got = titles(r, "missing-update-cadence", s.awaitVersion(r, 1))
	if !slices.Contains(got, `Add "Next update: Fri 4 Dec"`) {
		t.Errorf("cadence actions %q lack the dated line", got)
	}
}
