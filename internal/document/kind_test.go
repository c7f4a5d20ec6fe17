package document

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/upward-lint/upward/internal/shareddata"
)

// sharedDir is the team's shared data (corpus and eval set), outside the
// module; tests that need it skip when it is absent.
var sharedDir = shareddata.Dir()

func TestKindDevDocuments(t *testing.T) {
	f, err := os.Open(filepath.Join(sharedDir, "eval", "dev-documents.jsonl"))
	if err != nil {
		t.Skipf("no dev set: %v", err)
	}
	defer f.Close()
	want := map[string]Kind{"meeting-notes": KindMeetingNotes, "status-report": KindStatus, "other": KindNone}
	total, agree := 0, 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var rec struct{ Path, Kind string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		text, err := os.ReadFile(filepath.Join(sharedDir, rec.Path))
		if err != nil {
			t.Fatal(err)
		}
		f, _ := FormatOf(rec.Path)
		d := Parse(string(text), Options{URI: rec.Path, Format: f})
		total++
		t.Logf("%s: %v via %q", rec.Path, d.Kind, d.KindSource)
		if d.Kind == want[rec.Kind] {
			agree++
		} else {
			t.Errorf("%s: kind %v (from %q), want %s", rec.Path, d.Kind, d.KindSource, rec.Kind)
		}
	}
	t.Logf("kind agreement on dev documents: %d/%d", agree, total)
	if total == 0 {
		t.Fatal("empty dev set")
	}
}

func TestPlainTextTitleNeedsToLookLikeOne(t *testing.T) {
	for _, tc := range []struct {
		text string
		want Kind
	}{
		{"Sorry to bother you, but the report is ready.\n", KindNone},
		{"Is the status report ready?\n", KindNone},
		{"Weekly update - March 3\n\nShipped the importer.\n", KindStatus},
		{"Status report\n\nAll good.\n", KindStatus},
	} {
		d := Parse(tc.text, Options{URI: "draft.txt", Format: PlainText})
		if d.Kind != tc.want {
			t.Errorf("Parse(%q).Kind = %v (title %q), want %v", tc.text, d.Kind, d.Title, tc.want)
		}
	}
}

// TestCancelled checks that notes of a meeting that did not take place are
// marked, and notes that only mention a cancellation are not.
func TestCancelled(t *testing.T) {
	const boiler = "## Present\n\n* Ana Lopez\n* Bo Chen\n\n"
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"# Team meeting 2022-04-20\n\n" + boiler + "## Agenda\n\nCanceled due to low attendance / nothing urgent to discuss\n", true},
		{"# Team meeting 2022-04-20\n\n" + boiler + "No quorum: the agenda moves to next week.\n", true},
		{"# Team meeting 2022-04-20\n\n" + boiler + "* The meeting was called off because of the outage.\n", true},
		{"# Team sync, 3 June (cancelled)\n\n- Half the team is at the offsite.\n", true},
		{"# Team sync\n\nMeeting postponed to Thursday.\n", true},
		// Mentions, labels and nested items are not the meeting's own fate.
		{"# Team meeting\n\n" + boiler + "* no CPC updates, meeting cancelled\n", false},
		{"# Team meeting\n\n" + boiler + "* Nominating Bo\n  * Ana: no objections, but no quorum\n", false},
		{"# Team meeting\n\n" + boiler + "* Cancelled: the offsite in May.\n", false},
		{"# Team meeting\n\n* Strategic initiatives\n\nSkipped for this time\n", false},
		// One of several meetings in a summary.
		{"# Council meeting summary - May\n\n## 2 May\n\n* Meeting was skipped, only 2 members could make it.\n\n## 9 May\n\n" +
			strings.Repeat("* The council discussed the beta schedule with the release manager in detail.\n", 5), false},
		// Only meeting notes can be cancelled.
		{"# Weekly update\n\nCancelled due to the holidays.\n", false},
	} {
		d := Parse(tc.text, Options{})
		if d.Cancelled != tc.want {
			t.Errorf("Parse(%q).Cancelled = %v (kind %v), want %v", tc.text, d.Cancelled, d.Kind, tc.want)
		}
		if c := Reparse(Parse(tc.text+"\n\nMore.\n", Options{}), tc.text, Options{}); c.Cancelled != d.Cancelled {
			t.Errorf("Reparse(%q).Cancelled = %v, Parse says %v", tc.text, c.Cancelled, d.Cancelled)
		}
	}
}
