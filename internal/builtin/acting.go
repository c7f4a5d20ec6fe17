// Acting on it: the writer or a named party reporting a remedy or acting
// now, which offers a way forward.

package builtin

import (
	"strings"
)

// partyRE matches a block or a wait with a named party: "blocked by
// Matteo", "waiting on the board".
var partyRE = lazyRE(`\b([Bb]locked|[Hh]eld up|[Ww]aiting) (by|on|for) (the )?[A-Z][\w-]*`)

func namedParty(text string) bool {
	if containsAny(strings.ToLower(text), "blocked ", "waiting ", "held up ") && partyRE().MatchString(text) {
		return true
	}
	return acting(text)
}

// actingRE matches the writer acting on it now: "I'm asking Ops",
// "we're rolling back". (A named owner, "Dana is asking Ops", is found by
// namedActing.)
var actingRE = lazyRE(`\b(?:I'm|I am|I’m|[Ww]e're|[Ww]e are|[Ww]e’re) (?:now |currently |already )?(\w+ing)\b`)

// ownerWillRE matches a named owner's commitment: "Dana will move it".
var ownerWillRE = lazyRE(`\b([A-Z][a-z]+) (?:will|is going to|is about to) (\w+)\b`)

// notCommitments are verbs after "X will" that predict rather than act.
var notCommitments = map[string]bool{
	"be": true, "not": true, "never": true, "have": true, "break": true, "fail": true, "need": true,
	"cause": true, "get": true, "become": true, "stop": true, "lose": true, "miss": true, "slip": true,
	"take": true, "likely": true, "probably": true, "still": true,
}

// notOwners are capitalised words that start a sentence but name no one.
var notOwners = map[string]bool{
	"The": true, "This": true, "That": true, "It": true, "There": true, "What": true, "Which": true,
	"Everything": true, "Nothing": true, "Something": true, "Everyone": true, "Nobody": true, "Who": true,
	"Here": true, "Where": true, "Its": true, "One": true, "Each": true, "Our": true, "Their": true,
}

// notActing are -ing words after "I'm" that describe the problem, not an
// action on it.
var notActing = map[string]bool{
	"having": true, "struggling": true, "seeing": true, "getting": true, "hitting": true, "running": true,
	"facing": true, "missing": true, "losing": true, "failing": true, "lacking": true, "waiting": false,
	"being": true, "going": true, "feeling": true, "finding": true, "spending": true, "drowning": true,
	"crashing": true, "breaking": true, "blocking": true, "slipping": true, "stalling": true, "hanging": true,
	"leaking": true, "timing": true, "throwing": true, "causing": true, "becoming": true, "starting": true,
	"growing": true, "taking": true, "making": true, "holding": true, "stuck": true, "lagging": true,
}

// remedies are verbs that, after "I", "we", "I've" or "we have", report a
// remedy already done: "I've added 200 GB", "we rolled back", "I restarted it".
var remedies = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`added fixed set switched moved changed opened filed asked reverted rolled
		patched updated increased bumped raised restarted reran re-ran retried rebooted cleared disabled
		enabled pinned scheduled booked created written reached pinged contacted escalated merged deployed
		shipped started began wrote migrated drafted proposed replaced removed freed allocated requested
		flagged documented scaled resized given placed ordered rebooked rescheduled rerouted reassigned
		swapped restored resolved recovered resent re-sent reissued refunded repaired`) {
		remedies[w] = true
	}
}

// askedAgainRE matches a repeated ask, a grievance rather than a remedy:
// "asked three times", "asked again".
var askedAgainRE = lazyRE(`^asked (?:\w+ )?(?:\w+ times|again|repeatedly)\b`)

// writerDid reports whether text has the writer reporting a remedy done.
func writerDid(text string) bool {
	for _, subj := range []string{"I ", "I've ", "I’ve ", "we ", "We ", "we've ", "We've ", "we’ve ", "We’ve "} {
		for off := 0; ; {
			i := strings.Index(text[off:], subj)
			if i < 0 {
				break
			}
			i += off
			off = i + len(subj)
			if i > 0 && isWordByte(text[i-1]) {
				continue
			}
			switch strings.ToLower(lastWord(text[:i])) {
			case "if", "when", "once", "unless", "before", "after", "until", "since", "whether":
				continue // "if we started a program": not done
			}
			rest := text[off:]
			for _, w := range []string{"have ", "already ", "now ", "just ", "then "} {
				rest = strings.TrimPrefix(rest, w)
			}
			k := 0
			for k < len(rest) && (isWordByte(rest[k]) || rest[k] == '-') {
				k++
			}
			if remedies[rest[:k]] && !askedAgainRE().MatchString(rest) {
				return true
			}
		}
	}
	return false
}

func acting(text string) bool {
	if writerDid(text) || ownerOnIt(text) {
		return true
	}
	if !containsAny(text, "I'm", "I am", "I’m", "e're", "e are", "e’re") {
		return false
	}
	for _, m := range actingRE().FindAllStringSubmatchIndex(text, -1) {
		if !notActing[strings.ToLower(text[m[2]:m[3]])] && !negatedBefore(text[:m[0]], 3) {
			return true
		}
	}
	return false
}

// ownerOnIt reports whether a named owner has committed to act or is
// acting now: "Dana will move it", "Dana is asking Ops", "Security
// (Ahmed), who's reviewing it today".
func ownerOnIt(text string) bool {
	if strings.Contains(text, " will ") || strings.Contains(text, " going to ") || strings.Contains(text, " about to ") {
		for _, m := range ownerWillRE().FindAllStringSubmatchIndex(text, -1) {
			if !notOwners[text[m[2]:m[3]]] && !notCommitments[strings.ToLower(text[m[4]:m[5]])] {
				return true
			}
		}
	}
	return namedActing(text) || othersActing(text)
}

// othersActing reports whether someone the sentence names is acting on it
// now: "approval from Security (Ahmed), who's reviewing it today".
func othersActing(text string) bool {
	if !strings.Contains(text, "who") {
		return false
	}
	for _, m := range whoActingRE().FindAllStringSubmatchIndex(text, -1) {
		if !notActing[strings.ToLower(text[m[2]:m[3]])] {
			return true
		}
	}
	return false
}

var whoActingRE = lazyRE(`\bwho(?:'s|’s| is| are) (?:now |currently |already )?(\w+ing)\b`)

// namedActing reports whether a named person is acting on it now: "Dana
// is asking Ops", "Ana is currently rewriting it".
func namedActing(text string) bool {
	for off := 0; ; {
		i := strings.Index(text[off:], " is ")
		if i < 0 {
			return false
		}
		i += off
		off = i + len(" is ")
		// The name: [A-Z][a-z]+ right before, at a word boundary.
		j := i
		for j > 0 && text[j-1] >= 'a' && text[j-1] <= 'z' {
			j--
		}
		if j == i || j == 0 || text[j-1] < 'A' || text[j-1] > 'Z' {
			continue
		}
		j--
		if j > 0 && isWordByte(text[j-1]) || notOwners[text[j:i]] {
			continue
		}
		rest := text[off:]
		for _, adv := range []string{"now ", "currently ", "already "} {
			rest = strings.TrimPrefix(rest, adv)
		}
		k := 0
		for k < len(rest) && isWordByte(rest[k]) {
			k++
		}
		verb := rest[:k]
		if k < len(rest) && rest[k] >= 0x80 || !strings.HasSuffix(verb, "ing") || len(verb) <= 3 {
			continue
		}
		if !notActing[strings.ToLower(verb)] && !negatedBefore(text[:j], 3) {
			return true
		}
	}
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
