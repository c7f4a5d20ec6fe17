package dates

import (
	"slices"
	"testing"
	"time"

	"github.com/upward-lint/upward/internal/document"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func phrases(ds []Deadline) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Phrase)
	}
	return out
}

func TestDeadlines(t *testing.T) {
	for _, tc := range []struct {
		name, base, today string
		st                Style
		want              []string
	}{
		{"the issue's example: Thursday", "2026-12-03", "2026-12-03", British,
			[]string{"by end of today", "by tomorrow (Fri 4 Dec)", "by Friday 11 Dec", "by Monday 14 Dec"}},
		{"Friday: the next working day is Monday", "2026-12-04", "2026-12-04", British,
			[]string{"by end of today", "by Monday 7 Dec", "by Friday 11 Dec", "by Monday 14 Dec"}},
		{"Saturday", "2026-12-05", "2026-12-05", British,
			[]string{"by end of today", "by Monday 7 Dec", "by Friday 11 Dec", "by Monday 14 Dec"}},
		{"Monday", "2026-12-07", "2026-12-07", British,
			[]string{"by end of today", "by tomorrow (Tue 8 Dec)", "by Friday 11 Dec", "by Monday 14 Dec"}},
		{"year end: the year is written", "2026-12-31", "2026-12-31", British,
			[]string{"by end of today", "by tomorrow (Fri 1 Jan 2027)", "by Friday 8 Jan 2027", "by Monday 11 Jan 2027"}},
		{"leap day", "2028-02-28", "2028-02-28", British,
			[]string{"by end of today", "by tomorrow (Tue 29 Feb)", "by Friday 3 Mar", "by Monday 6 Mar"}},
		{"no leap day in 2027", "2027-02-28", "2027-02-28", British,
			[]string{"by end of today", "by tomorrow (Mon 1 Mar)", "by Friday 5 Mar", "by Monday 8 Mar"}},
		{"a document dated in the future speaks from its date", "2027-01-04", "2026-12-03", British,
			[]string{"by end of Mon 4 Jan 2027", "by tomorrow (Tue 5 Jan 2027)", "by Friday 8 Jan 2027", "by Monday 11 Jan 2027"}},
		{"a past document", "2026-11-26", "2026-12-03", British,
			[]string{"by end of Thu 26 Nov", "by tomorrow (Fri 27 Nov)", "by Friday 4 Dec", "by Monday 7 Dec"}},
		{"American", "2026-12-03", "2026-12-03", American,
			[]string{"by end of today", "by tomorrow (Fri, Dec 4)", "by Friday, Dec 11", "by Monday, Dec 14"}},
		{"ISO", "2026-12-03", "2026-12-03", ISO,
			[]string{"by end of today", "by tomorrow (2026-12-04)", "by Friday 2026-12-11", "by Monday 2026-12-14"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := phrases(Deadlines(day(tc.base), day(tc.today), tc.st))
			if !slices.Equal(got, tc.want) {
				t.Errorf("Deadlines(%s, today %s) =\n%q\nwant\n%q", tc.base, tc.today, got, tc.want)
			}
		})
	}
	if got := NextUpdate(day("2026-12-03")); !got.Equal(day("2026-12-11")) {
		t.Errorf("NextUpdate(Thu 3 Dec) = %s, want Fri 11 Dec", got)
	}
}

func TestFind(t *testing.T) {
	today := day("2026-12-03")
	for _, tc := range []struct {
		s    string
		st   Style
		want string // "" for none
	}{
		{"2026-12-01", British, "2026-12-01"},
		{"2026-12-01T09:30:00Z", British, "2026-12-01"},
		{"2026-12-01 09:30:00 +0100", British, "2026-12-01"},
		{"weekly-20261127", British, "2026-11-27"},
		{"2026_11_27-notes", British, "2026-11-27"},
		{"2026-12", British, ""},
		{"202612011", British, ""},
		{"Status report, 27 November 2026", British, "2026-11-27"},
		{"Weekly update — Nov 27th, 2026", British, "2026-11-27"},
		{"Standup 1st Dec", British, "2026-12-01"},
		{"Retro Dec 30", British, "2026-12-30"},
		{"3 decisions and 2 actions", British, ""},
		{"Sprint 14 report", British, ""},
		{"03/12/2026", British, "2026-12-03"},
		{"12/03/2026", American, "2026-12-03"},
		{"29 Feb 2028", British, "2028-02-29"},
		{"29 Feb 2027", British, ""},
		{"2027-02-29", British, ""},
		{"31 April 2026", British, ""},
		{"May 3", British, "2026-05-03"},
		{"We may 3 times", British, ""},
	} {
		got, ok := Find(tc.s, today, tc.st)
		switch {
		case tc.want == "" && ok:
			t.Errorf("Find(%q) = %s, want none", tc.s, got.Format("2006-01-02"))
		case tc.want != "" && (!ok || !got.Equal(day(tc.want))):
			t.Errorf("Find(%q) = %s, %v; want %s", tc.s, got.Format("2006-01-02"), ok, tc.want)
		}
	}
	if _, ok := Find("Retro 29 Feb", day("2026-06-01"), British); ok {
		t.Error("29 Feb with no leap year in reach was found")
	}
	// A date without a year is put in the latest year that is not far ahead.
	for _, tc := range [][3]string{
		{"2027-01-02", "Retro Dec 30", "2026-12-30"},
		{"2026-12-30", "Kick-off Jan 4", "2027-01-04"},
		{"2028-03-01", "29 Feb", "2028-02-29"},
		{"2026-12-03", "Status May 3", "2026-05-03"}, // past rather than five months ahead
	} {
		got, ok := Find(tc[1], day(tc[0]), British)
		if !ok || !got.Equal(day(tc[2])) {
			t.Errorf("Find(%q) on %s = %s, %v; want %s", tc[1], tc[0], got.Format("2006-01-02"), ok, tc[2])
		}
	}
}

func TestOf(t *testing.T) {
	today := day("2026-12-03")
	parse := func(text string) *document.Document {
		return document.Parse(text, document.Options{URI: "x.md"})
	}
	for _, tc := range []struct {
		name, path, text string
		want             string
		src              Source
	}{
		{"front matter", "notes/2026-11-01-week.md", "---\ndate: 2026-11-20\ntitle: Week of 5 Nov\n---\n# Status\n", "2026-11-20", FrontMatter},
		{"a bad front matter date falls through", "notes/2026-11-01-week.md", "---\ndate: 2026-02-30\n---\n# Status\n", "2026-11-01", FileName},
		{"file name", "notes/weekly-2026-11-27.md", "# Status 3 Dec\n", "2026-11-27", FileName},
		{"file name with a month name", "notes/status-27-nov-2026.md", "# Status\n", "2026-11-27", FileName},
		{"title", "notes/status.md", "# Status update: 1 December 2026\n", "2026-12-01", Title},
		{"front matter title", "notes/status.md", "---\ntitle: Status, Nov 30\n---\nBody.\n", "2026-11-30", Title},
		{"today", "notes/status.md", "# Status update\n", "2026-12-03", FromToday},
		{"future-dated", "notes/status.md", "---\ndate: 2027-01-04\n---\n# Status\n", "2027-01-04", FrontMatter},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, src := Of(parse(tc.text), tc.path, today, British)
			if !got.Equal(day(tc.want)) || src != tc.src {
				t.Errorf("Of = %s (%s), want %s (%s)", got.Format("2006-01-02"), src, tc.want, tc.src)
			}
		})
	}
}

func TestParseStyle(t *testing.T) {
	for in, want := range map[string]Style{"": British, "en-GB": British, "en_AU": British, "en-US": American, "ISO": ISO} {
		if got, err := ParseStyle(in); err != nil || got != want {
			t.Errorf("ParseStyle(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"fr-FR", "english", "us"} {
		if _, err := ParseStyle(bad); err == nil {
			t.Errorf("ParseStyle(%q) succeeded", bad)
		}
	}
}

func TestToday(t *testing.T) {
	t.Setenv("UPWARD_TODAY", "2028-02-29")
	if got := Today(); !got.Equal(day("2028-02-29")) {
		t.Errorf("Today with UPWARD_TODAY = %s", got)
	}
	t.Setenv("UPWARD_TODAY", "garbage")
	if got, now := Today(), Day(time.Now()); !got.Equal(now) {
		t.Errorf("Today with a bad UPWARD_TODAY = %s, want the real day %s", got, now)
	}
}
