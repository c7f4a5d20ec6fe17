// Package dates gives the rewrites that promise a time real dates: it finds
// the day a document speaks from (its front matter date, a date in its file
// name or title, else today) and offers deadlines counted from it ("by end
// of today", "by tomorrow (Fri 4 Dec)", "by Friday 11 Dec", "by Monday 14
// Dec"), written in the writer's style.
//
// Dates are civil days: a time.Time at midnight UTC, so that adding days
// never meets a daylight-saving change.
package dates

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/upward-lint/upward/internal/document"
)

// Style is how a date is written in a rewrite.
type Style int

const (
	// British is the default: "Fri 4 Dec", "Friday 11 Dec".
	British Style = iota
	// American: "Fri, Dec 4", "Friday, Dec 11".
	American
	// ISO: "2026-12-04", "Friday 2026-12-11".
	ISO
)

// ParseStyle reads a locale as the config gives it: "en-GB" (or "", "en"
// and the other English locales), "en-US" (or "en-PH"), or "iso".
func ParseStyle(locale string) (Style, error) {
	l := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(locale), "_", "-"))
	switch {
	case l == "" || l == "en" || l == "en-gb":
		return British, nil
	case l == "en-us" || l == "en-ph":
		return American, nil
	case l == "iso" || l == "iso-8601" || l == "iso8601":
		return ISO, nil
	case strings.HasPrefix(l, "en-") && len(l) == 5:
		return British, nil
	}
	return British, fmt.Errorf("unknown locale %q (want en-GB, en-US, another English locale, or iso)", locale)
}

// Day returns the civil day of t.
func Day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// Today returns the day of a lint: $UPWARD_TODAY (YYYY-MM-DD) when it is
// set, for reproducible output, else the local date.
func Today() time.Time {
	if s := os.Getenv("UPWARD_TODAY"); s != "" {
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return t
		}
	}
	return Day(time.Now())
}

// Source says where a document's date came from.
type Source string

const (
	FrontMatter Source = "front matter"
	FileName    Source = "file name"
	Title       Source = "title"
	FromToday   Source = "today"
)

// Of returns the day the document at path speaks from: its front matter
// "date" (or "updated"), else a date in its file name, else one in its
// title, else today. A date that is no day of the calendar (30 February)
// does not count; for one without a year, see Find. A document dated in
// the future keeps its date: it is written to be read then.
func Of(doc *document.Document, path string, today time.Time, st Style) (time.Time, Source) {
	if doc != nil {
		for _, k := range []string{"date", "updated"} {
			if t, ok := Find(doc.FrontMatter[k], today, st); ok {
				return t, FrontMatter
			}
		}
	}
	if path != "" {
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		if t, ok := Find(name, today, st); ok {
			return t, FileName
		}
		if t, ok := Find(strings.NewReplacer("-", " ", "_", " ", ".", " ").Replace(name), today, st); ok {
			return t, FileName
		}
	}
	if doc != nil {
		for _, t := range []string{doc.FrontMatter["title"], doc.Title} {
			if d, ok := Find(t, today, st); ok {
				return d, Title
			}
		}
	}
	return Day(today), FromToday
}

// monthRE matches a month's name or its abbreviation, nothing longer
// ("3 decisions" is no date).
const monthRE = `(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?`

var (
	// 2026-12-03, 2026/12/03, 2026.12.03, 2026_12_03, 20261203 (not
	// inside a longer number), optionally followed by a time.
	isoRE = regexp.MustCompile(`(?:^|[^0-9])((?:19|20|21)\d\d)([-/._]?)(\d{2})([-/._]?)(\d{2})(?:[^0-9]|$)`)
	// 3 Dec 2026, 3rd December, 3 Dec. 2026
	dmyRE = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthRE + `(?:\b|$)(?:,?\s+((?:19|20|21)\d\d)\b)?`)
	// Dec 3, 2026, December 3rd
	mdyRE = regexp.MustCompile(`(?i)\b` + monthRE + `\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+((?:19|20|21)\d\d)\b)?`)
	// 03/12/2026, 12/3/26: day first, or month first for American style.
	numRE = regexp.MustCompile(`\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20|21)?\d\d)\b`)
)

var months = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

// Find returns the first date written in s: ISO (2026-12-03, 20261203),
// day and month name (3 Dec 2026, 3rd December), month name and day (Dec
// 3, 2026), or numbers (03/12/2026: day first, month first for American
// style). A date without a year is put in the latest year that does not
// put it more than 90 days after today.
func Find(s string, today time.Time, st Style) (time.Time, bool) {
	if strings.TrimSpace(s) == "" {
		return time.Time{}, false
	}
	if m := isoRE.FindStringSubmatch(s); m != nil && m[2] == m[4] {
		if t, ok := civil(atoi(m[1]), atoi(m[3]), atoi(m[5])); ok {
			return t, true
		}
	}
	type found struct {
		at int
		t  time.Time
	}
	var best *found
	try := func(at int, y, mo, d int) {
		if best != nil && best.at <= at {
			return
		}
		var t time.Time
		var ok bool
		if y == 0 && mo > 0 {
			t, ok = nearest(today, mo, d)
		} else {
			t, ok = civil(y, mo, d)
		}
		if ok {
			best = &found{at, t}
		}
	}
	for _, m := range dmyRE.FindAllStringSubmatchIndex(s, -1) {
		if mo := month(s[m[4]:m[5]]); mo > 0 {
			try(m[0], yearAt(s, m[6], m[7]), mo, atoi(s[m[2]:m[3]]))
		}
	}
	for _, m := range mdyRE.FindAllStringSubmatchIndex(s, -1) {
		if mo := month(s[m[2]:m[3]]); mo > 0 {
			try(m[0], yearAt(s, m[6], m[7]), mo, atoi(s[m[4]:m[5]]))
		}
	}
	for _, m := range numRE.FindAllStringSubmatchIndex(s, -1) {
		a, b, y := atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]])
		if y < 100 {
			y += 2000
		}
		if st == American {
			a, b = b, a
		}
		try(m[0], y, b, a)
	}
	if best == nil {
		return time.Time{}, false
	}
	return best.t, true
}

// month returns the number of a month's name, 0 for "may" in lower case
// (a verb more often than not).
func month(name string) int {
	if name == "may" {
		return 0
	}
	return int(months[strings.ToLower(name[:3])])
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func yearAt(s string, i, j int) int {
	if i < 0 {
		return 0
	}
	return atoi(s[i:j])
}

// civil returns the day y-m-d, false when there is no such day.
func civil(y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2199 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return time.Time{}, false // 30 February, 29 February 2027
	}
	return t, true
}

// nearest returns the day m-d of the latest year that puts it no more than
// 90 days after today: a document's date is mostly in the past ("30 Dec"
// read on 2 January is last year's), sometimes a little ahead ("Jan 4"
// read on 30 December is next year's).
func nearest(today time.Time, m, d int) (time.Time, bool) {
	limit := Day(today).AddDate(0, 0, 90)
	for y := today.Year() + 1; y >= today.Year()-1; y-- {
		if t, ok := civil(y, m, d); ok && !t.After(limit) {
			return t, true
		}
	}
	return time.Time{}, false // 29 February with no leap year in reach
}

// Deadline is one concrete time a rewrite can promise.
type Deadline struct {
	// Phrase replaces a vague time: "by end of today", "by tomorrow (Fri 4
	// Dec)", "by Friday 11 Dec".
	Phrase string
	// Date is the day it names.
	Date time.Time
}

// Deadlines returns the deadlines a rewrite offers, counted from base (the
// document's day; today is the day of the lint): the end of that day; the
// next working day ("tomorrow" when it is the next day); the Friday after
// that; and the Monday after that Friday. A year is written when it is not
// base's or today's.
func Deadlines(base, today time.Time, st Style) []Deadline {
	base, today = Day(base), Day(today)
	var out []Deadline
	if base.Equal(today) {
		out = append(out, Deadline{"by end of today", base})
	} else {
		out = append(out, Deadline{"by end of " + st.Short(base, base, today), base})
	}
	next := NextWorkingDay(base)
	if next.Equal(base.AddDate(0, 0, 1)) {
		out = append(out, Deadline{"by tomorrow (" + st.Short(next, base, today) + ")", next})
	} else {
		out = append(out, Deadline{"by " + st.Long(next, base, today), next})
	}
	fri := weekdayAfter(next, time.Friday)
	out = append(out, Deadline{"by " + st.Long(fri, base, today), fri})
	mon := weekdayAfter(fri, time.Monday)
	out = append(out, Deadline{"by " + st.Long(mon, base, today), mon})
	return out
}

// NextUpdate is the day a "Next update:" line proposes: the Friday after
// the next working day (a week on, give or take, from a report written
// late in the week).
func NextUpdate(base time.Time) time.Time {
	return weekdayAfter(NextWorkingDay(Day(base)), time.Friday)
}

// NextWorkingDay returns the first day after t that is not a Saturday or
// Sunday.
func NextWorkingDay(t time.Time) time.Time {
	t = t.AddDate(0, 0, 1)
	for t.Weekday() == time.Saturday || t.Weekday() == time.Sunday {
		t = t.AddDate(0, 0, 1)
	}
	return t
}

// weekdayAfter returns the first day after t (t excluded) that falls on wd.
func weekdayAfter(t time.Time, wd time.Weekday) time.Time {
	n := (int(wd) - int(t.Weekday()) + 7) % 7
	if n == 0 {
		n = 7
	}
	return t.AddDate(0, 0, n)
}

// Short writes a day briefly: "Fri 4 Dec" (British), "Fri, Dec 4"
// (American), "2026-12-04" (ISO), with the year when it is neither base's
// nor today's ("Fri 1 Jan 2027").
func (st Style) Short(t, base, today time.Time) string {
	day := "Mon"
	if st == ISO {
		day = ""
	}
	return st.format(t, base, today, day)
}

// Long writes a day with its weekday in full: "Friday 11 Dec", "Friday,
// Dec 11", "Friday 2026-12-11".
func (st Style) Long(t, base, today time.Time) string {
	return st.format(t, base, today, "Monday")
}

// format writes t in the style, after the weekday layout day ("" for
// none), with the year where Short says.
func (st Style) format(t, base, today time.Time, day string) string {
	year := t.Year() != base.Year() || t.Year() != today.Year()
	var layout string
	switch st {
	case ISO:
		layout = day + " 2006-01-02"
	case American:
		layout = day + ", Jan 2"
		if year {
			layout += ", 2006"
		}
	default:
		layout = day + " 2 Jan"
		if year {
			layout += " 2006"
		}
	}
	return strings.TrimSpace(t.Format(layout))
}
