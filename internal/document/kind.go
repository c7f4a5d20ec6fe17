package document

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseKind accepts the names used in front matter and config
// ("status", "status-report", "weekly-update", "meeting-notes", "minutes",
// "1:1", "retro", "none", ...), in any case, with spaces, dashes or
// underscores. ok is false for an unknown name.
func ParseKind(s string) (k Kind, ok bool) {
	switch normalizeKindName(s) {
	case "status", "statusreport", "status-report", "status-update", "report", "update", "updates",
		"weekly", "weekly-update", "weeklyupdate", "weekly-report", "progress", "progress-report",
		"project-update", "monthly-update", "sprint-report":
		return KindStatus, true
	case "meeting-notes", "meetingnotes", "meeting", "meeting-minutes", "notes", "minutes", "1:1", "1-1",
		"1-on-1", "one-on-one", "retro", "retrospective", "standup", "stand-up", "sync":
		return KindMeetingNotes, true
	case "none", "other", "":
		return KindNone, true
	}
	return KindNone, false
}

func normalizeKindName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '_' {
			return '-'
		}
		return r
	}, s)
}

// detectKind decides the document kind, in order of trust: front matter,
// the config hint, the title, the headings, cues in the body, the file name.
// norm is normCue, or a memoised version of it.
func detectKind(d *Document, hint Kind, norm func(string) string) (Kind, string) {
	for _, key := range []string{"type", "kind"} {
		if v, ok := d.FrontMatter[key]; ok {
			if k, ok := ParseKind(v); ok && k != KindNone {
				return k, "front matter"
			}
		}
	}
	if hint != KindNone {
		return hint, "config"
	}
	var heads []string
	for i := range d.Blocks {
		if d.Blocks[i].Kind == Heading {
			heads = append(heads, norm(d.Blocks[i].Text))
		}
	}
	attendees := false
	for _, h := range heads {
		if cueIn(h, attendeeCues) {
			attendees = true
		}
	}
	titles := []string{normCue(d.FrontMatter["title"]), normCue(d.Title)}
	for _, t := range titles {
		if t == "" {
			continue
		}
		if k, ok := titleKind(t, attendees); ok {
			return k, "title"
		}
	}
	if attendees {
		return KindMeetingNotes, "headings"
	}
	var meet, status int
	for i, h := range heads {
		if i == 0 && h == normCue(d.Title) {
			continue
		}
		if cueIn(h, meetingHeadingCues) {
			meet++
		}
		if cueIn(h, statusHeadingCues) {
			status++
		}
	}
	switch {
	case status >= 2 && status > meet:
		return KindStatus, "headings"
	case meet >= 2 && meet > status:
		return KindMeetingNotes, "headings"
	}
	if k := bodyKind(d); k != KindNone {
		return k, "body"
	}
	if k := pathKind(d.URI); k != KindNone {
		return k, "path"
	}
	return KindNone, ""
}

// normCue lower-cases s, turns curly apostrophes straight and collapses
// runs of space and punctuation (except ' and :) into one space.
func normCue(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(' ')
	space := true
	for _, r := range s {
		switch {
		case r == '’' || r == '‘':
			r = '\''
		case r == ':' || r == '\'':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
		default:
			r = ' '
		}
		if r == ' ' {
			if space {
				continue
			}
			space = true
		} else {
			space = false
		}
		b.WriteRune(r)
	}
	out := b.String()
	if !space {
		out += " "
	}
	if out == " " {
		return ""
	}
	return out
}

// cueIn reports whether the normalized text s contains one of the cues as
// whole words. Cues are written with surrounding spaces.
func cueIn(s string, cues []string) bool {
	for _, c := range cues {
		if strings.Contains(s, c) {
			return true
		}
	}
	return false
}

var (
	attendeeCues = []string{" attendees ", " attendees: ", " present ", " present: ", " participants ",
		" participants: ", " in attendance ", " attendance "}

	titleMeetingCues = []string{" meeting notes ", " meeting minutes ", " minutes ", " meeting ", " 1:1 ",
		" 1 1 ", " 1 on 1 ", " one on one ", " retro ", " retrospective ", " standup ", " stand up ",
		" call notes ", " sync notes ", " notes from ", " check in notes "}

	titleStatusCues = []string{" status ", " update ", " updates ", " weekly report ", " progress report ",
		" progress ", " sprint report ", " biweekly ", " bi weekly ", " weekly ", " monthly report ",
		" quarterly report ", " newsletter ", " reporting period ", " week in review ", " recap "}

	// titleWeakMeetingCues lose to "week N": "Week 6: Planet Sync" is a
	// status report, "Weekly sync" a meeting.
	titleWeakMeetingCues = []string{" sync ", " huddle "}

	meetingHeadingCues = []string{" action items ", " action item ", " action points ", " ais ",
		" follow ups ", " followups ", " follow up ", " decisions ", " decision ", " decisions made ",
		" agenda ", " minutes ", " discussion ", " discussion points ", " notes ", " next meeting ",
		" open actions ", " to dos ", " todos ", " meeting ", " notes from ", " conclusions "}

	statusHeadingCues = []string{" progress ", " this week ", " last week ", " next week ", " done ",
		" completed ", " accomplished ", " accomplishments ", " achievements ", " highlights ",
		" lowlights ", " what's next ", " whats next ", " next steps ", " blockers ", " blocked ",
		" challenges ", " reporting period ", " wins ", " shipped ", " in progress ", " key updates ",
		" status update ", " plans for next week ", " next week's plan "}
)

// titleKind classifies a title. ok is false when the title says nothing;
// an agenda is decisively no kind unless an attendee list shows the
// meeting took place.
func titleKind(t string, attendees bool) (Kind, bool) {
	if strings.Contains(t, " agenda ") && !cueIn(t, []string{" notes ", " minutes "}) {
		if attendees {
			return KindMeetingNotes, true
		}
		return KindNone, true
	}
	if strings.Contains(t, " release notes ") {
		return KindNone, false
	}
	if cueIn(t, titleMeetingCues) || cueIn(t, titleWeakMeetingCues) && !weekN(t) {
		return KindMeetingNotes, true
	}
	if cueIn(t, titleStatusCues) || weekN(t) ||
		strings.Contains(t, " report ") && !cueIn(t, []string{" incident ", " bug ", " postmortem ", " post mortem ", " audit ", " error "}) {
		return KindStatus, true
	}
	if cueIn(t, titleWeakMeetingCues) {
		return KindMeetingNotes, true
	}
	return KindNone, false
}

// weekN reports whether t mentions "week N" or "weekNN", as weekly reports
// are titled.
func weekN(t string) bool {
	for i := 0; ; {
		j := strings.Index(t[i:], " week")
		if j < 0 {
			return false
		}
		k := i + j + len(" week")
		r := strings.TrimLeft(t[k:], " ")
		if r != "" && r[0] >= '0' && r[0] <= '9' {
			return true
		}
		i = k
	}
}

// bodyKind looks for labels that open a block: "Attendees:", "Present:"
// mean meeting notes; "Reporting period:" means a status report.
func bodyKind(d *Document) Kind {
	for i := range d.Blocks {
		t := strings.TrimLeft(d.Blocks[i].Text, " \t\n")
		if len(t) > 40 {
			t = t[:40]
		}
		// The cues start with a, i, p or r: skip the rest cheaply.
		if j := strings.IndexFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }); j < 0 {
			continue
		} else if r, _ := utf8.DecodeRuneInString(t[j:]); !strings.ContainsRune("aipr", unicode.ToLower(r)) {
			continue
		}
		t = normCue(t)
		for _, c := range []string{" attendees:", " attendees ", " present:", " participants:", " in attendance:"} {
			if strings.HasPrefix(t, c) {
				return KindMeetingNotes
			}
		}
		if strings.HasPrefix(t, " reporting period") {
			return KindStatus
		}
	}
	return KindNone
}

// pathKind reads the file name and its folder: "minutes", "meeting",
// "retro" mean meeting notes; "update", "status", "weekly", "weekNN" mean a
// status report.
func pathKind(uri string) Kind {
	if uri == "" {
		return KindNone
	}
	p := strings.TrimSuffix(uri, path.Ext(uri))
	dir, base := path.Split(p)
	p = path.Base(strings.TrimSuffix(dir, "/")) + " " + base
	t := normCue(p)
	if strings.Contains(t, " agenda ") {
		return KindNone
	}
	if cueIn(t, []string{" minutes ", " meeting ", " meetings ", " meeting notes ", " retro ", " standup ",
		" 1on1 ", " 1 1 ", " one on one ", " sync "}) {
		return KindMeetingNotes
	}
	if cueIn(t, []string{" update ", " updates ", " status ", " weekly ", " report ", " progress "}) || weekN(t) ||
		strings.Contains(t, " week0") || strings.Contains(t, " week1") {
		return KindStatus
	}
	return KindNone
}
