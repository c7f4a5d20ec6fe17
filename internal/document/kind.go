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

// classify sets d's Kind, KindSource and Cancelled.
func classify(d *Document, hint Kind) {
	d.Kind, d.KindSource = detectKind(d, hint)
	d.Cancelled = d.Kind == KindMeetingNotes && cancelled(d)
}

// cancelled reports whether meeting notes record a meeting that did not
// take place: their title says so ("Team sync (cancelled)"), or a short
// top-level paragraph, list item or heading starts by saying so
// ("Canceled due to low attendance", "No quorum", "The meeting was called
// off") and little else is written (links, names, a line or two). A
// cancellation mentioned inside a discussion ("no CPC updates, meeting
// cancelled", "Matteo: no objections, but no quorum"), or one of several
// meetings a summary covers ("2 May: meeting was skipped"), does not count.
func cancelled(d *Document) bool {
	for _, t := range []string{d.FrontMatter["title"], d.Title} {
		if t := normCue(t); t != "" && cueIn(t, cancelledTitleCues) {
			return true
		}
	}
	at := -1
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if b.Parent >= 0 || b.Kind == TableCell || b.Kind == Heading {
			continue
		}
		// The openings are short and carry one of a few stems: look no
		// further into most blocks.
		head := strings.TrimLeft(b.Text, " \t\r\n")
		head = head[:min(len(head), 80)]
		if !containsAnyFold(head, cancelStems) {
			continue
		}
		if t := normCue(b.Text); strings.Count(t, " ")-1 <= 16 && cancelStatement(t) {
			at = i
			break
		}
	}
	if at < 0 {
		return false
	}
	content := 0
	for i := range d.Blocks {
		if b := &d.Blocks[i]; i != at && b.Kind != TableCell && b.Kind != Heading && words(b.Text) >= 8 {
			if content++; content > maxCancelledContent {
				return false
			}
		}
	}
	return true
}

// cancelStems is in every one of cancelledOpenings.
var cancelStems = []string{"cancel", "quorum", "quorate", "called off", "postpone", "skipped", "did not", "didn't", "didn’t", "no meeting"}

// containsAnyFold reports whether s contains one of subs, ignoring ASCII
// case.
func containsAnyFold(s string, subs []string) bool {
	for _, sub := range subs {
		// Subs start with a lower-case ASCII letter: a window folds to
		// sub only if its first byte does.
		c0 := sub[0]
		for i := 0; i+len(sub) <= len(s); i++ {
			if s[i]|0x20 == c0 && strings.EqualFold(s[i:i+len(sub)], sub) {
				return true
			}
		}
	}
	return false
}

// words counts the space-separated words of s.
func words(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// maxCancelledContent is how many blocks of eight words or more notes of a
// cancelled meeting may hold besides the cancellation (boilerplate such as
// "Click Add to Google Calendar to add it to your calendar").
const maxCancelledContent = 4

// cancelStatement reports whether the normalized block t opens with a
// cancellation ("Cancelled due to …", "No quorum: …"). normCue keeps a
// colon on its word, so a label ("Cancelled: the offsite") is not one.
func cancelStatement(t string) bool {
	for _, c := range cancelledOpenings {
		if strings.HasPrefix(t, c) {
			return true
		}
	}
	return false
}

var (
	cancelledTitleCues = []string{" cancelled ", " canceled ", " cancellation ", " called off ", " no quorum ",
		" no meeting ", " postponed ", " skipped "}

	// cancelledOpenings open a block (in normCue's form) that says the
	// meeting did not take place.
	cancelledOpenings = func() []string {
		var out []string
		for _, subj := range []string{"", "meeting ", "the meeting ", "this meeting ", "today's meeting ",
			"this week's meeting ", "call ", "the call ", "this call ", "sync ", "the sync ", "this sync ",
			"session ", "the session "} {
			for _, verb := range []string{"", "was ", "has been ", "is ", "got "} {
				if subj == "" && verb != "" {
					continue
				}
				for _, what := range []string{"cancelled ", "canceled ", "called off ", "postponed ", "skipped "} {
					if subj == "" && (what == "postponed " || what == "skipped ") {
						continue // "Skipped this time" closes an agenda item
					}
					out = append(out, " "+subj+verb+what)
				}
			}
		}
		return append(out, " no quorum ", " no quorum: ", " there was no quorum ", " we had no quorum ", " we did not have quorum ",
			" we didn't have quorum ", " not quorate ", " no meeting this week ", " no meeting today ",
			" meeting did not take place ", " the meeting did not take place ", " meeting didn't happen ",
			" the meeting didn't happen ", " did not meet ", " we did not meet ", " we didn't meet ")
	}()
)

// detectKind decides the document kind, in order of trust: front matter,
// the config hint, the title, the headings, cues in the body, the file name.
func detectKind(d *Document, hint Kind) (Kind, string) {
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
	// The headings, normalized, in one string.
	var buf []byte
	var ends []int
	for i := range d.Blocks {
		if d.Blocks[i].Kind == Heading {
			buf = appendNormCue(buf, d.Blocks[i].Text)
			ends = append(ends, len(buf))
		}
	}
	all := string(buf)
	heads := make([]string, len(ends))
	for i, e := range ends {
		if i > 0 {
			heads[i] = all[ends[i-1]:e]
		} else {
			heads[i] = all[:e]
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
	if docPath(d.URI) {
		// A README, RFC or design document is not a report, whatever its
		// headings say; only front matter, config or its title can say so.
		return KindNone, "path"
	}
	var meet, status, design int
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
		if designHeading(h) {
			design++
		}
	}
	switch {
	case design >= 2 && design > meet && design > status:
		// Motivation, Alternatives, Installation, Usage: the shape of a
		// design document or a README.
		return KindNone, "headings"
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
	return string(appendNormCue(make([]byte, 0, len(s)+2), s))
}

// appendNormCue appends normCue(s) to dst.
func appendNormCue(dst []byte, s string) []byte {
	n := len(dst)
	dst = append(dst, ' ')
	space := true
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
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
		dst = utf8.AppendRune(dst, r)
	}
	if len(dst) == n+1 {
		return dst[:n]
	}
	if !space {
		dst = append(dst, ' ')
	}
	return dst
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

	// titleDocCues name a document that is neither a report nor notes: a
	// design document, an RFC, a README, a specification.
	titleDocCues = []string{" design doc ", " design docs ", " design document ", " design proposal ",
		" design spec ", " technical design ", " design: ", " rfc ", " rfc: ", " adr ", " adr: ",
		" architecture decision record ", " readme ", " spec ", " spec: ", " specification ", " proposal ",
		" proposal: ", " one pager ", " prd ", " product requirements ", " whitepaper ", " white paper ",
		" pep ", " pre rfc "}

	// titleStrongStatusCues outweigh titleDocCues: "RFC tracker weekly
	// update" is a report.
	titleStrongStatusCues = []string{" status report ", " status update ", " weekly ", " biweekly ", " bi weekly ",
		" progress report ", " monthly report ", " newsletter "}

	// designHeadings are whole headings typical of design documents, RFCs,
	// ADRs and READMEs, and rare in reports and notes.
	designHeadings = map[string]bool{
		" motivation ": true, " background ": true, " context ": true, " goals ": true, " non goals ": true,
		" goals and non goals ": true, " proposal ": true, " proposed design ": true, " proposed solution ": true,
		" detailed design ": true, " design ": true, " alternatives ": true, " alternatives considered ": true,
		" considered alternatives ": true, " drawbacks ": true, " prior art ": true, " rationale ": true,
		" unresolved questions ": true, " consequences ": true, " specification ": true, " requirements ": true,
		" architecture ": true, " security considerations ": true, " abstract ": true, " guide level explanation ": true,
		" reference level explanation ": true, " future possibilities ": true, " api ": true, " data model ": true,
		" installation ": true, " install ": true, " usage ": true, " getting started ": true, " quick start ": true,
		" quickstart ": true, " license ": true, " licence ": true, " contributing ": true, " features ": true,
		" configuration ": true, " examples ": true, " faq ": true, " building ": true, " development ": true,
		" documentation ": true, " prerequisites ": true, " overview ": true, " scope ": true, " out of scope ": true,
	}

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
	if cueIn(t, titleDocCues) && !cueIn(t, titleStrongStatusCues) && !weekN(t) {
		return KindNone, true
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

// designHeading reports whether the normalized heading h is one of
// designHeadings, after any section number ("2 Motivation").
func designHeading(h string) bool {
	t := strings.TrimLeft(h, " 0123456789")
	return designHeadings[" "+t]
}

// docPath reports whether uri names a README, or a file in a folder of RFCs,
// ADRs, design documents or proposals.
func docPath(uri string) bool {
	if uri == "" {
		return false
	}
	p := strings.TrimSuffix(uri, path.Ext(uri))
	dir, base := path.Split(p)
	switch strings.ToLower(base) {
	case "readme", "contributing", "changelog", "design", "architecture", "security", "code_of_conduct", "license":
		return true
	}
	switch strings.ToLower(path.Base(strings.TrimSuffix(dir, "/"))) {
	case "rfc", "rfcs", "adr", "adrs", "decisions", "design", "designs", "design-docs", "proposals", "specs":
		return true
	}
	return false
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
