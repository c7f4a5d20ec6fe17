package server

import (
	"encoding/json"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

const statusReport = `---
type: status
---
# Status report

- The vendor's sandbox keeps timing out.
- The migration won't make the Q3 date because of the vendor's rate limits.
- I'll send the rollback plan soon.

## Action items

- [ ] Update the runbook
- [ ] Review the load test
- [ ] Dana: book the room (due Friday)
`

func (s *session) lenses(u protocol.DocumentURI) []protocol.CodeLens {
	s.t.Helper()
	ls, err := s.server.CodeLens(s.ctx, &protocol.CodeLensParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}})
	if err != nil {
		s.t.Fatalf("codeLens: %v", err)
	}
	return ls
}

func TestSummaryLens(t *testing.T) {
	s := start(t, setup{initOpts: map[string]any{"model": map[string]any{"enabled": false}}})
	u := docURI("status.md")
	s.open(u, "markdown", 1, statusReport)
	p := s.awaitVersion(u, 1)
	ls := s.lenses(u)
	if len(ls) != 1 || ls[0].Command == nil {
		t.Fatalf("lenses %+v, want one with a command", ls)
	}
	l := ls[0]
	const want = "Status report · 3 framing findings (2 problem-only, 1 vague-timing) · no next-update date · 2 action items without owner"
	if l.Command.Title != want {
		t.Errorf("lens %q, want %q", l.Command.Title, want)
	}
	// On the title line (after the front matter), the whole line.
	if l.Range != rng(3, 0, 3, uint32(len("# Status report"))) {
		t.Errorf("lens range %+v, want line 3", l.Range)
	}

	// Choosing it lists the findings.
	res, err := s.server.ExecuteCommand(s.ctx, &protocol.ExecuteCommandParams{Command: l.Command.Command, Arguments: l.Command.Arguments})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(res)
	var listed []listedFinding
	if err := json.Unmarshal(raw, &listed); err != nil || len(listed) != len(p.Diagnostics) {
		t.Fatalf("showFindings = %s (%v), want the %d findings", raw, err, len(p.Diagnostics))
	}
	for i, f := range listed {
		if f.Rule != p.Diagnostics[i].Code || f.Range != p.Diagnostics[i].Range {
			t.Errorf("listed %d: %+v, published %+v", i, f, p.Diagnostics[i])
		}
	}
	m := s.awaitMessage(func(m *protocol.ShowMessageParams) bool { return strings.Contains(m.Message, want) })
	if !strings.Contains(m.Message, "[vague-timing]") || !strings.Contains(m.Message, "[missing-update-cadence]") {
		t.Errorf("message %q does not list the findings", m.Message)
	}

	// Edits change it.
	fixed := strings.Replace(statusReport, "soon.", "by Friday.\n\nNext update: Friday 11 Dec.", 1)
	s.changeFull(u, 2, fixed)
	s.awaitVersion(u, 2)
	if got := s.lenses(u)[0].Command.Title; got != "Status report · 2 framing findings (2 problem-only) · 2 action items without owner" {
		t.Errorf("after the edit: %q", got)
	}

	// Meeting notes count decisions and action items with and without owners.
	n := docURI("sync.md")
	s.open(n, "markdown", 1, "# Meeting notes: sync\n\nAttendees: A, B\n\n## Decisions\n\n- Ship Monday.\n\n## Action items\n\n- [ ] Priya: write the note (due Friday)\n- [ ] Review the dashboards\n")
	s.awaitVersion(n, 1)
	if got := s.lenses(n)[0].Command.Title; got != "Meeting notes · 1 decision · 2 action items (1 with owner, 1 without) · no framing findings" {
		t.Errorf("meeting notes lens %q", got)
	}
	// A document that is not open has none, and the command says so.
	if ls := s.lenses(docURI("closed.md")); len(ls) != 0 {
		t.Errorf("lenses of a closed document: %+v", ls)
	}
	if _, err := s.server.ExecuteCommand(s.ctx, &protocol.ExecuteCommandParams{Command: "upward.showFindings", Arguments: []any{docURI("closed.md")}}); err == nil {
		t.Error("showFindings of a closed document succeeded")
	}
}
