package document

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
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
		d := Parse(string(text), Options{URI: rec.Path, Format: FormatFor(rec.Path)})
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
