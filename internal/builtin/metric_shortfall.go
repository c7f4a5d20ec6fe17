// Metric shortfalls: a number going the wrong way, a figure against a
// target, "20% over", "only two of five".

package builtin

import (
	"github.com/upward-lint/upward/internal/builtin/prefilter"
	"strconv"
	"strings"
)

// Metric patterns: a number that should stay low going up, one that should
// stay high going down, a figure against a target, a budget or capacity
// overrun, and "only N%".
var (
	badMetric  = `(?:churn|attrition|latency|p9\d|error rate|errors|failure rate|defect rate|rejects|backlog|costs?|spend|freight|prices|turnaround|(?:first-)?response time|wait times?|queue|downtime|overtime|cancellations|complaints|refunds|incidents|escalations|no-shows|absences|outages|defects)`
	goodMetric = `(?:accuracy|coverage|conversion|deflection|CTR|click-through(?: rate)?|open rate|revenue|margins?|retention|uptime|throughput|bookings|sign-?ups|adoption|velocity|NPS|CSAT|win rate|yield|utili[sz]ation|attendance|engagement|sales)`
	num        = `(?:under |over |about |~|\$)?(\d[\d,]*(?:\.\d+)?)`
	badUpRE    = newPattern(`(?i)\b` + badMetric + `\b[^.;!?]{0,50}?\b(?:doubled|tripled|quadrupled|spiked|jumped|surged|soared|ballooned|climbed|rose|grew|increased|went up|(?:is|are|was|were) up|hit|crossed|exceeded|up \d|up from|(?:at )?(?:twice|three times|double) (?:last|the|our|its))`)
	goodDownRE = newPattern(`(?i)\b` + goodMetric + `\b[^.;!?]{0,50}?\b(?:dropped|fell|declined|decreased|slipped|sank|plunged|plummeted|tanked|halved|went down|(?:is|are|was|were) down|down \d)`)
	badFromRE  = newPattern(`(?i)\b` + badMetric + `\b[^.;!?]{0,50}?\bfrom ` + num + `\S* to ` + num)
	goodFromRE = newPattern(`(?i)\b` + goodMetric + `\b[^.;!?]{0,50}?\bfrom ` + num + `\S* to ` + num)
	targetRE   = newPattern(`(?i)(?:` + num + `[ -]?([a-z]+|%)? )?(?:against|vs\.?|versus) (?:an? |the |our )?[$~]?(\d[\d,]*(?:\.\d+)?)[\w.,$%~-]*(?: \w+)? (?:target|goal|SLA|plan|forecast|quota|commit(?:ment)?)\b`)
	overRE     = newPattern(`(?i)\b(?:1\d\d|[2-9]\d\d)% of (?:the |our |its |their )?(?:\w+ )?(?:budget|plan|forecast|allocation|quota|capacity)\b|\b(?:9\d|100)% (?:\w+ )?(?:capacity|full|utili[sz]ed)\b|\bover capacity\b|\bat (?:9\d|100)% (?:disk|memory|CPU|storage)\b`)
	// onlyOfRE matches an implicit shortfall: "covers only 9 of the 12
	// hires", "only two of five replied".
	onlyOfRE = newPattern(`(?i)\bonly (?:(?:covers?|has|have|had|got|gets|reached|signed|answered) )?(?:\d+|one|two|three|four|five|six|seven|eight|half) (?:of|out of) (?:the |our |my |their )?(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)\b`)
	onlyRE   = newPattern(`^\s*(?:[-*+] |\d+\. )?[Oo]nly (?:\d+(?:\.\d+)?%|\d+ of|one of|two of|three of|half of) `)
)

// metricShortfall reports whether s measures something going the wrong
// way. The rule calls it only where a "metric" phrase was found.
func metricShortfall(s string) bool {
	l := prefilter.Lower(s)
	if badUpRE.match(s, l) || goodDownRE.match(s, l) || overRE.match(s, l) || onlyRE.match(s, l) || onlyOf(s, l) {
		return true
	}
	if targetRE.may(l) {
		for _, m := range targetRE.re().FindAllStringSubmatch(s, -1) {
			if m[1] == "" {
				return true // no figure to compare: "coverage is poor against the target"
			}
			got, want := numberAt(m[1]), numberAt(m[3])
			switch strings.ToLower(m[2]) {
			case "ms", "s", "sec", "secs", "seconds", "minutes", "mins", "hours", "hrs", "h", "days", "weeks", "months":
				if got > want { // time taken: more is worse
					return true
				}
			default:
				if got < want {
					return true
				}
			}
		}
	}
	if !badFromRE.may(l) && !goodFromRE.may(l) {
		return false
	}
	if m := badFromRE.re().FindStringSubmatch(s); m != nil && numberAt(m[2]) > numberAt(m[1]) {
		return true
	}
	m := goodFromRE.re().FindStringSubmatch(s)
	return m != nil && numberAt(m[2]) < numberAt(m[1])
}

// onlyOf reports an implicit shortfall ("only two of five replied"), but
// not a rare bad event ("errors in only 2 of 40 runs"). l is prefilter.Lower(s).
func onlyOf(s, l string) bool {
	if !onlyOfRE.may(l) {
		return false
	}
	for _, m := range onlyOfRE.re().FindAllStringIndex(s, -1) {
		if !hasSuffixFold(s[:m[0]], "in ") {
			return true
		}
	}
	return false
}

func numberAt(s string) float64 {
	f, _ := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return f
}

// shortfall reports whether s measures a shortfall: "20% over", "3 weeks
// behind", "two days late"; not a comparison with the past ("20% over
// last year"). The rule calls it only where a "measure" phrase was found.
func shortfall(s string) bool {
	for _, m := range shortfallRE().FindAllStringIndex(s, -1) {
		switch strings.ToLower(firstWord(s[m[1]:])) {
		case "last", "previous", "prior", "the":
			continue
		}
		return true
	}
	return false
}

// containsAny reports whether s contains any of subs.
func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

var shortfallRE = lazyRE(`(?i)\b(?:\d+(?:\.\d+)?\s?%\s(?:over|behind|short|under target)|\d+(?:\.\d+)?\s?%\s(?:under|below) (?:target|plan|forecast|goal|quota|budget)|\d+(?:\.\d+)?\s?%\sabove budget|(?:\d+|a|one|two|three|four|five|six|several|a few|many) (?:days?|weeks?|months?|sprints?) (?:late|behind|overdue|behind schedule))\b`)
