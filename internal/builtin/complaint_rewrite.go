package builtin

import (
	"slices"
	"strings"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/grammar"
)

// The complaint rewrites, by what the writer complains of:
//
//   - a burden that always falls on the writer ("Why do I always have to
//     chase finance for PO numbers?") → "Could we take turns to chase
//     finance for PO numbers, so it isn't always me?";
//   - something the writer is sick or tired of ("I'm sick of being paged
//     for other teams' alerts") → "Could we find a way to stop being paged
//     for other teams' alerts?";
//   - an ask made again and again ("I've asked three times for access to
//     the billing dashboard") → "I still need access to the billing
//     dashboard. Could you help me get it by [date]?";
//   - work the writer can't keep up ("I can't keep covering the support
//     rotation on top of the billing work") or that wears them out ("I'm
//     worn out by the weekly scope changes from the product team") → the
//     work, kept, and a request to agree priorities;
//   - burnout with no cause named → the catalogue's request for a break;
//   - not being told → a request to be looped in (loopInFix);
//   - any other vent → the facts it states, without the vent, and a
//     request ("Design changed the checkout spec without telling anyone.
//     Could we agree [a change] with Design, so that [outcome]?").

var (
	// rotateRE: "why do I always have to…", "why do we always end up…".
	rotateRE = lazyRE(`(?i)^why (?:do|must) (i|we) (?:always|constantly|keep having to) (?:have to |need to |end up |get stuck |get )?((?:[^f]|f[^i]|fi[^n]|fin[^d]).+)$`)
	// theOneRE: "why am I always the one chasing…", "why am I the one who has to…".
	theOneRE = lazyRE(`(?i)^why (?:am (i)|are (we)) (?:always |still )?the (?:only )?ones? (?:(?:who|that)(?:'s| is| are)? )?(.+)$`)
	// alwaysMeRE: "why is it always me who…", "why is it always our team that…".
	alwaysMeRE = lazyRE(`(?i)^why is it always (me|us|[\w'’ ]{2,40}?) (?:who|that) (.+)$`)
	// fedUpRE: "I'm sick of X", "I'm tired of X", "I'm fed up with X", "I'm done being X".
	fedUpRE = lazyRE(`(?i)^(.*?)\b(?:i'm|i’m|i am|im)\s+(?:so |really |honestly |just |getting |frankly |quite |pretty )*(?:sick and tired of|sick of|tired of|fed up (?:of|with)|done with|done) (.+)$`)
	// askedRE: "I've asked (the agency) three times (now) for X", "I keep asking (IT) for X".
	askedRE = lazyRE(`(?i)^(.*?)\bi(?:'ve|’ve| have)? (?:already |now )?(?:asked|keep asking|kept asking|chased|keep chasing)\s+(.*?)\b(?:for|about) (.+)$`)
	// leftOffRE: "I was left off the launch review", "we were left out of the planning",
	// "I wasn't even invited to the planning meeting", "we weren't copied on the brief".
	leftOffRE = lazyRE(`(?i)^(?:.*?\b)?(I|we) (?:was|were)(?: left (?:off|out of)|(?:n't|n’t|nt| not) (?:even )?(invited to|included in|copied on|cc'd on|asked to)) (.+)$`)
	// waitingRE: "I've been waiting six weeks for X".
	waitingRE = lazyRE(`(?i)^(.*?)\bi(?:'ve|’ve| have) been waiting (?:for )?([\w ]{1,30}?) (?:for|on) (.+)$`)
	// keepRE: "I can't keep covering X", "I cannot keep running X".
	keepRE = lazyRE(`(?i)^(.*?)\bi (?:can't|can’t|cannot) keep (\w+ing\b.*)$`)
	// wornRE: "I'm worn out by X", "I'm exhausted from X", "I'm drowning in X".
	wornRE = lazyRE(`(?i)^(.*?)\b(?:i'm|i’m|i am) (?:so |really |completely |absolutely |honestly )*(?:worn out|exhausted|drained|burnt out|burned out|overwhelmed|drowning|stretched too thin|spread too thin|fried) (?:by|from|with|in|because of) (.+)$`)
	// exhaustingRE: "X is exhausting", "covering two units for six weeks has been brutal".
	// wornAfterRE: "I'm burned out after the Sintra shoot", "… since the merger".
	wornAfterRE  = lazyRE(`(?i)^(.*?)\b(?:i'm|i’m|i am|i feel) (?:so |really |completely |absolutely |honestly |totally )*(?:worn out|exhausted|drained|burnt out|burned out|fried|wiped out|shattered|knackered|running on empty) (after|since) (.+)$`)
	exhaustingRE = lazyRE(`(?i)^(.+?) (?:is|are|has been|have been) (?:so |really |completely |absolutely |just )*(?:exhausting|draining|wearing me out|burning me out|brutal|relentless|unsustainable|too much|a slog)$`)
	// goalpostsRE: "Design keeps moving the goalposts on the onboarding flow", "product keeps changing the spec".
	goalpostsRE = lazyRE(`(?i)^(.+?) (?:keeps|keep|kept|is always|are always|are constantly|is constantly) (?:moving the goalposts|changing (.+?))(?: (?:on|for|of|in) (.+?))?$`)
	// changesFromRE: "the weekly scope changes from the product team".
	changesFromRE = lazyRE(`(?i)^(?:the |all the |these |those |our )?(?:(?:constant|endless|weekly|daily|never-ending|non-stop|continual|continuous|repeated) )*((?:[\w-]+ )?(?:changes|revisions|change requests|rewrites)) (?:from|by) (.+)$`)
	// whyOnlyRE: "(can someone explain) why my shift is the only one that has to do the stock count".
	whyOnlyRE = lazyRE(`(?i)^(?:can (?:someone|anyone) (?:explain|tell me) |i (?:don't|do not) (?:get|understand) )?why (?:(?:is|are) ((?:my|our|the) [\w' ]{1,30}?)|((?:my|our|the) [\w' ]{1,30}?) (?:is|are)) (?:always |still )?the only (?:ones?|team|shift|person|people|group) (?:that|who) (.+)$`)
	// whyAlwaysRE: "why does lit support always get the blame when a partner misses a deadline".
	whyAlwaysRE = lazyRE(`(?i)^why (does|do) ([\w' ]{2,40}?) always (get|have to|end up with|take|pay for|cover) (.+?)(?: (when|whenever|if|every time) (.+))?$`)
	// stuckWithRE: "I keep getting stuck with the worst dock slots".
	stuckWithRE = lazyRE(`(?i)^(?:.*?\b)?(i|we) (?:keep|always) (?:getting|get|end up|ending up) (?:stuck with|landed with|lumped with|given) (.+)$`)
	// raisedRE: "I have raised this matter with the category team many times".
	raisedRE = lazyRE(`(?i)^(?:.*?\b)?i(?:'ve|’ve| have)? (?:raised|flagged|mentioned|reported|chased) (.+?) (?:with|to) (.+?) (?:many|several|multiple|a few|two|three|four|five|\d+|countless|numerous) times\b`)
	// ignoredRE: "my emails about the guard on press 2 weren't ignored for a fourth week".
	ignoredRE = lazyRE(`(?i)\bmy ((?:emails?|messages?|tickets?|requests?|calls?|reminders?) (?:about|on|regarding|for) .+?) (?:weren't|were not|wasn't|was not|aren't|are not|have been|has been|are being|keep being|keep getting|get|got|were|was|are) (?:being )?ignored(?: ((?:for|since) .+))?$`)
	// niceToKnowRE: "would have been nice to know before I spent two days on the old API".
	niceToKnowRE = lazyRE(`(?i)^(?:it )?would(?: have|'ve|’ve) been (?:nice|good|helpful|great) to (?:know|hear|be told)(?: about (.+?))?(?: (?:before|earlier than|ahead of) (.+))?$`)
	// foundOutRE: "the field techs found out about the new dispatch app from the customers".
	foundOutRE = lazyRE(`(?i)^((?:the|our|my) [\w ]{2,30}?) (?:found out|heard|learned|learnt) about (.+?) from (.+)$`)
	// onlyOneRE: "I'm the only one who ever restocks the art cupboard",
	// "… and I'm the only one answering the client inbox".
	onlyOneRE = lazyRE(`(?i)^(.*?)\b(?:i'm|i’m|i am|im) (?:basically |literally |still |always |now |apparently )*the only (?:one|person) ((?:(?:who|that)(?:'s| is)? )?(?:ever |actually |still |really )?\w.*)$`)
	// onlyEverRE: the emphasis after "the only one who": "who ever", "that actually".
	onlyEverRE = lazyRE(`(?i)^((?:(?:who|that)(?:'s| is)? )?)(?:ever|actually|really) `)
	// niceToHaveRE: "must be nice to have a team that actually answers Slack".
	niceToHaveRE = lazyRE(`(?i)^(?:it )?must be (?:nice|great|lovely|fun) to have (.+)$`)
	// anotherRE: "another week, another 'quick favour' from the owner that takes my whole Sunday".
	anotherRE = lazyRE(`(?i)^another (week|day|month|sprint|weekend|quarter|year|monday|friday|release), another (.+)$`)
)

// complaintRewrites returns the rewrites of a complaint sentence's body
// (see sentenceParts), ranked. group is the group of the phrase that made
// the finding, nil for the learned model.
func complaintRewrites(rf *ruleFile, body string, group *phraseGroup) []candidate {
	b := stripOpeners(body)
	var out []candidate
	add := func(title, text string) {
		if text != "" {
			out = append(out, candidate{title, finish(text)})
		}
	}
	hearsLate := false
	addr, q := addressedWhy(b)
	if pw, stated := plainWhy(q); !stated {
		q = pw
	}
	t, ok := usualOne(q)
	if ok && addr != "" {
		t = addr + ", " + capitalI(lowerFirst(t))
	} else if addr == "" {
		b = q
	}
	if !ok {
		// "covered 4 of the last 5 weekend on-calls. why is it always me
		// that gets volunteered …": the facts before the protest stay.
		if pre, why, found := cutBeforeWhy(b); found && hasFact(pre) && !stillComplains(pre) {
			if u, ok2 := usualOne(why); ok2 {
				t, ok = finish(upperFirst(capitalI(pre)))+" "+u, true
			}
		}
	}
	if ok && strings.Contains(t, "Could you loop") {
		// Hearing late is no task to take turns at.
		add("Ask to be looped in", t)
		hearsLate = true
	} else if ok {
		// "why is it always me who …" → "I'm usually the one who …"
		add("Ask to share the work", t)
	}
	switch {
	case hearsLate:
	case rotateRE().MatchString(b):
		m := rotateRE().FindStringSubmatch(b)
		add("Ask to take turns", takeTurns(m[2], who(m[1])))
	case theOneRE().MatchString(b):
		m := theOneRE().FindStringSubmatch(b)
		if blameTaskRE().MatchString(m[3]) {
			// "the one who gets the blame": no turn anyone would take
		} else if l := strings.ToLower(b); strings.Contains(l, " one who ") || strings.Contains(l, " one that ") {
			add("Ask to take turns", "Could we rotate who "+onlyEverRE().ReplaceAllString(trimClause(m[3], 1), "$1")+"?") // "the one who signs off …"
		} else {
			add("Ask to take turns", takeTurns(m[3], who(m[1]+m[2])))
		}
	case alwaysMeRE().MatchString(b):
		m := alwaysMeRE().FindStringSubmatch(b)
		if task := trimClause(m[2], 1); !blameTaskRE().MatchString(task) {
			add("Ask to take turns", "Could we rotate who "+task+"?")
		}
	}
	if m := onlyOneRE().FindStringSubmatch(b); m != nil && len(out) == 0 {
		if task := cutVent(trimClause(m[2], 1)); hasFact(task) {
			// "currently the only person who ever restocks": "ever" went
			// with the protest.
			task = onlyEverRE().ReplaceAllString(task, "$1")
			add("Ask to share the work", keepLead(m[1])+"I'm currently the only person "+task+". "+shareAsk)
		}
	}
	if len(out) == 0 {
		out = append(out, shapedRewrites(b)...)
	}
	if len(out) == 0 {
		if title, t := onceRequest(b); t != "" {
			add(title, t)
		}
	}
	if m := niceToHaveRE().FindStringSubmatch(b); m != nil && len(out) == 0 {
		// "Must be nice to have a PI who actually reads your drafts": what
		// the writer lacks, said as a need.
		if what := mine(stripVentAdverbs(onlyEverRE().ReplaceAllString(m[1], "$1"))); hasFact(what) && !isVent(what) {
			add("State the need", "It would help me to have "+strings.ReplaceAll(what, " actually ", " ")+". Could we agree [a way forward] by [date]?")
		}
	}
	if m := leftOffRE().FindStringSubmatch(b); m != nil && len(out) == 0 {
		what := strings.TrimSuffix(strings.TrimSuffix(trimClause(m[3], 1), " again"), " yet again")
		why := ""
		if _, c, ok := strings.Cut(m[3], " even though "); ok && hasFact(c) && !isVent(c) && clause(c) {
			why = finish(upperFirst(capitalI(strings.TrimRight(c, ".!? ")))) + " " // "even though I own the pricing page"
		}
		if m[2] != "" {
			// "I wasn't even invited to the planning meeting": the fact
			// stays, said plainly, before the request.
			were := "I wasn't "
			if strings.EqualFold(m[1], "we") {
				were = "We weren't "
			}
			add("Ask to be included", were+strings.ToLower(m[2])+" "+what+". "+why+"Could you include "+who(m[1])+" next time?")
		} else {
			add("Ask to be included", why+"Could you include "+who(m[1])+" in "+what+" next time?")
		}
	}
	if m := askedRE().FindStringSubmatch(b); m != nil && len(out) == 0 {
		if t := askedAgain(b, m[1], m[2], m[3]); t != "" {
			add("Escalate with a date", t)
		} else if t := escalation(m[2], m[3]); t != "" {
			add("Escalate with a date", t)
		}
	}
	if m := waitingRE().FindStringSubmatch(b); m != nil && len(out) == 0 {
		// "I've been waiting six weeks for access to the GxP share": the wait stays.
		if what := strings.TrimSuffix(trimClause(m[3], 1), " now"); thingAsked(what) && hasFact(m[2]) {
			add("Escalate with a date", keepLead(m[1])+"I've been waiting "+m[2]+" for "+what+". Could you help me get "+itOrThem(what)+" by [date]?")
		} else {
			add("Escalate with a date", escalation("", m[3]))
		}
	}
	if m := fedUpRE().FindStringSubmatch(b); m != nil && len(out) == 0 {
		if title, t := fedUpStatement(m[2]); t != "" {
			add(title, keepLead(m[1])+t)
		}
		if t := stopRequest(m[2]); len(out) > 0 {
			// the statement says it plainly; asking to stop is no alternative
		} else if strings.HasSuffix(t, shareAsk) {
			add("Ask to share the work", keepLead(m[1])+t)
		} else if t != "" {
			add("Ask to stop it", keepLead(m[1])+t)
		}
	}
	if m := keepRE().FindStringSubmatch(b); m != nil && len(out) == 0 {
		work := trimClause(m[2], 1)
		if !vagueWork(work) {
			add("Ask to agree priorities", keepLead(m[1])+upperFirst(work)+" is more than I can sustain. "+prioritiesAsk)
		}
	}
	if m := wornAfterRE().FindStringSubmatch(b); m != nil && len(out) == 0 {
		// "I'm burned out after the Sintra shoot": the event stays, and a
		// break is what would help; "… after covering the Band 6 role
		// since November": the work goes on, and priorities would help.
		cause := trimClause(m[3], 1)
		if s := parse(cause); len(s.Tokens) > 0 && s.Tokens[0].Tag == "VBG" {
			if t := causeTaking(cause); t != "" {
				add("Ask to agree priorities", keepLead(m[1])+t+" "+prioritiesAsk)
			}
		} else if hasFact(cause) && !isVent(cause) {
			add("Ask for a break", keepLead(m[1])+upperFirst(strings.ToLower(m[2]))+" "+cause+", "+lowerFirst(complaint.repl.burnout))
		}
	}
	if m := wornRE().FindStringSubmatch(b); m != nil && len(out) == 0 {
		if t := changeCutoff(trimClause(m[2], 1)); t != "" {
			add("Ask for a cut-off for changes", t)
		}
		if t := causeTaking(m[2]); t != "" {
			add("Ask to agree priorities", keepLead(m[1])+t+" "+prioritiesAsk)
		}
	}
	if m := exhaustingRE().FindStringSubmatch(b); m != nil && len(out) == 0 {
		if s := strings.ToLower(m[1]); s != "it" && s != "this" && s != "that" && s != "it all" && s != "this all" {
			ps := parse(m[1])
			verb := be(ps, grammar.Chunk{Start: 0, End: len(ps.Tokens)})
			if len(ps.Tokens) > 0 && ps.Tokens[0].Tag == "VBG" {
				verb = "is" // "Covering two units for six weeks is"
			}
			add("Ask to agree priorities", upperFirst(m[1])+" "+verb+" taking more than I can sustain. "+prioritiesAsk)
		}
	}
	if group == complaint.groups.burnout && len(out) == 0 {
		// "I'm exhausted: that's the third funder deadline I've carried on
		// my own this quarter": the cause stays, and priorities, not a
		// break, are what would help.
		if facts, _, _, ok := ventless(b); ok && hasFact(facts) && clause(facts) && !stillComplains(facts) {
			if workload(facts) {
				add("Ask to agree priorities", facts+". "+prioritiesAsk)
			} else {
				// "the foreman's asked me for drawings he already has":
				// the trouble is the asking, not the amount of work.
				add(ventFactsTitle, facts+". Could we agree "+fixOrWay(facts)+" by [date]?")
			}
		}
	}
	if group == complaint.groups.burnout {
		if len(out) == 0 {
			add("Ask for a break", complaint.repl.burnout)
			add("Ask to agree priorities", prioritiesAsk)
		} else if !slices.ContainsFunc(out, func(c candidate) bool { return c.title == "Ask for a break" }) {
			add("Ask for a break", complaint.repl.burnout)
		}
	}
	return out
}

// workload reports whether facts are about the amount of work (see the
// rule's workload_words): only then is agreeing priorities what helps.
func workload(facts string) bool {
	l := " " + strings.ToLower(facts) + " "
	for _, w := range complaint.fix.workloadWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// shareAsk asks to share work that falls on the writer alone.
const shareAsk = "Could we agree who can share this with me by [date]?"

// prioritiesAsk asks the reader to agree the writer's priorities.
const prioritiesAsk = "Could we look at my priorities together and agree what can move?"

// who is the object form of a subject: "I" → "me".
func who(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "i", "me":
		return "me"
	case "we", "us":
		return "us"
	}
	return strings.TrimSpace(s)
}

// takeTurns asks to share a task: "chasing the agency for invoices" or
// "chase finance for PO numbers" (the verb's form says which), or, for
// "who fixes…", to rotate who does it.
func takeTurns(task, obj string) string {
	task = trimClause(task, 1)
	s := grammar.ParseAfter("to ", task)
	if len(s.Tokens) == 0 {
		return ""
	}
	first := s.Tokens[0]
	switch {
	case first.Lower == "be" || first.Lower == "being":
		// "be the one chasing the agency": the task is what follows.
		if i := strings.Index(strings.ToLower(task), "the one "); i >= 0 {
			return takeTurns(strings.TrimPrefix(strings.TrimPrefix(task[i+len("the one "):], "who "), "that "), obj)
		}
		return ""
	case first.Lower == "stuck" || first.Lower == "with":
		return takeTurns(strings.TrimPrefix(strings.TrimPrefix(task, first.Text+" "), "with "), obj)
	case first.Tag == "VBG":
		return "Could we take turns " + task + "?"
	case first.Tag == "VB" || first.Tag == "VBP" && !strings.HasSuffix(first.Lower, "s"):
		return "Could we take turns to " + task + "?"
	case blameTaskRE().MatchString(task):
		return "" // "gets the blame": no turn anyone would take
	case first.Tag == "VBZ" || first.Tag == "VBD" || first.Lower == "has" || first.Lower == "gets":
		return "Could we rotate who " + task + "?"
	case grammar.IsNoun(first.Tag) && strings.HasSuffix(first.Lower, "s") && grammar.ParseAfter("he ", first.Text).Tokens[0].Tag == "VBZ":
		return "Could we rotate who " + task + "?" // "tells suppliers …", a verb the tagger took for a noun
	case grammar.IsNoun(first.Tag) || first.Tag == "DT" || first.Tag == "PRP$" || grammar.IsAdj(first.Tag):
		// "get the cover lessons on a Friday afternoon"
		return "Could we share out " + task + "?"
	}
	return ""
}

// blameTaskRE: a "task" that is being blamed or told off.
var blameTaskRE = lazyRE(`(?i)\b(?:blame|blamed|told off|shouted at|yelled at|the earful|an earful|the heat|the flak|stick)\b`)

// escalation asks again for what the writer asked for, with a date:
// party is who was asked ("the agency three times"), what the rest after
// "for".
func escalation(party, what string) string {
	what = trimClause(what, 1)
	what = strings.TrimSuffix(strings.TrimSuffix(what, " now"), " again")
	if strings.TrimSpace(what) == "" || !thingAsked(what) {
		return ""
	}
	// The party is the noun phrase asked, before the count.
	from := ""
	ps := parse(party)
	if c, ok := ps.NounPhraseAt(0); ok && c.Len() > 0 && ps.Tokens[0].Tag != "CD" && ps.Tokens[0].Tag != "PRP" {
		from = " from " + ps.Of(c)
	}
	return "I still need " + what + from + ". Could you help me get it by [date]?"
}

// stopRequest asks to stop what the writer is sick of: a gerund phrase
// ("being paged for other teams' alerts") or a noun phrase doing something
// ("the board treating the frontline team like an afterthought"); a bare
// noun phrase becomes a request to change it.
func stopRequest(x string) string {
	x = trimClause(x, 1)
	if _, after, ok := strings.Cut(x, ", "); ok && hasVerb(after) {
		return "" // "the booking tool, every Monday I re-enter 40 appointments": a clause, not a thing to stop
	}
	if jab, fact, ok := strings.Cut(x, " while "); ok && hasFact(fact) {
		// "the board congratulating itself while the staff go unpaid for
		// overtime": the jab goes, the fact is raised with whoever it named.
		ask := " Could we raise this by [date]?"
		if p, named := partyIn(jab); named && askParty(p, jab) {
			ask = " Could we raise this with " + p + " by [date]?"
		}
		return finish(fact) + ask
	}
	if m := onlyOneRE().FindStringSubmatch("I'm " + strings.TrimPrefix(x, "being ")); m != nil && strings.HasPrefix(x, "being ") {
		// "being the only one who knows how to sign the artifacts"
		return "I'm currently the only person " + onlyEverRE().ReplaceAllString(cutVent(trimClause(m[2], 1)), "$1") + ". " + shareAsk
	}
	switch strings.ToLower(x) {
	case "these guys", "those guys", "them", "these people", "those people", "this lot", "that lot", "him", "her":
		return "" // whom the writer is done with is no change to ask for
	}
	s := parse(x)
	if len(s.Tokens) == 0 {
		return ""
	}
	switch s.Tokens[0].Lower {
	case "it", "this", "that", "all", "everything":
		if len(s.Tokens) <= 2 {
			return ""
		}
	}
	if s.Tokens[0].Tag == "VBG" || s.Tokens[0].Lower == "being" {
		return "Could we find a way to stop " + x + "?"
	}
	if c, ok := s.NounPhraseAt(0); ok {
		if c.End < len(s.Tokens) && s.Tokens[c.End].Tag == "VBG" {
			return "Could we find a way to stop " + x + "?"
		}
		if c.End == len(s.Tokens) {
			return "Could we agree a change to " + x + ", so that [outcome]?"
		}
	}
	return "" // "mention it every month": no thing to stop, said this way
}

// causeTaking states that a cause takes more than the writer can give:
// "the weekly scope changes from the product team" → "The weekly scope
// changes from the product team are taking more than I can sustain."
func causeTaking(cause string) string {
	cause = trimClause(cause, 1)
	s := parse(cause)
	nps := s.NounPhrases()
	if len(nps) == 0 || nps[0].Start != 0 {
		if len(s.Tokens) > 0 && s.Tokens[0].Tag == "VBG" {
			return upperFirst(cause) + " is taking more than I can sustain."
		}
		return ""
	}
	return upperFirst(cause) + " " + be(s, nps[0]) + " taking more than I can sustain."
}

// vagueWork reports whether what the writer can't keep doing names
// nothing: "doing this", "going like this".
func vagueWork(w string) bool {
	switch strings.ToLower(strings.TrimSpace(w)) {
	case "doing this", "doing it", "going like this", "working like this", "going", "doing that", "this up", "up":
		return true
	}
	return strings.HasPrefix(strings.ToLower(w), "up with")
}

// openerWords are sentence adverbs and asides that frame a complaint
// and carry no fact.
var openerWords = []string{
	"honestly", "frankly", "fine", "cool cool", "oh look", "with all due respect", "with due respect", "with respect", "seriously", "ok", "okay", "so", "and", "but", "well", "look", "sorry to rant but",
	"sorry to vent but", "sorry to vent, but", "sorry to rant, but", "sorry for moaning again but", "to be blunt",
	"to be honest", "tbh", "cool cool so", "cool so", "great, so", "great so", "ugh", "sigh", "yet again",
	"once again", "again", "as usual", "as always", "of course", "predictably", "told you", "said", "me",
}

// stripOpeners drops framing openers from the start of a body: "Honestly,
// I'm burned out" → "I'm burned out".
func stripOpeners(b string) string {
	for changed := true; changed; {
		changed = false
		l := strings.ToLower(b)
		for _, w := range openerWords {
			if strings.HasPrefix(l, w) && len(l) > len(w) && strings.ContainsRune(" ,:—-", rune(l[len(w)])) {
				b = strings.TrimLeft(b[len(w):], " ,:—-")
				changed = true
				break
			}
		}
	}
	return b
}

// keepLead keeps the facts a writer put before the complaint ("Since
// Priya left, I'm…") as a sentence of their own; a lead of framing alone
// goes.
func keepLead(lead string) string {
	l, _ := stripVentLead(strings.TrimSpace(lead) + " ")
	l = trimDangling(stripOpeners(strings.TrimSpace(l)))
	if stillComplains(l) {
		// "I'm running on empty and": the lead vents too; one that states
		// a fact keeps it, without the vent where that comes out cleanly.
		if !namesFact(l) || !namesFact(outsidePhrases(l)) {
			return ""
		}
		if f, ok := looseStatement(l); ok && !stillComplains(f) && !strings.HasPrefix(f, "I'm concerned about") {
			l = f
		}
	}
	switch strings.ToLower(firstWord(l)) {
	case "vented", "moaned", "ranted", "complained":
		return "" // "Vented about the release process again": the venting, reported
	case "told", "said", "mentioned", "raised", "explained", "admitted":
		if len(strings.Fields(l)) <= 3 {
			return "" // "Told Dana": who heard it, not a fact of the complaint
		}
	}
	if !hasFact(l) {
		return ""
	}
	return finish(l) + " "
}

// hasFact reports whether s has a content word: a noun, a number, a verb
// other than a form of "be", "have" or "do".
func hasFact(s string) bool {
	if strings.TrimSpace(s) == "" {
		return false
	}
	toks := parse(s).Tokens
	if len(toks) < 2 {
		return false
	}
	for _, t := range toks {
		if grammar.IsNoun(t.Tag) && t.Lower != "nobody" && t.Lower != "everyone" && !commonStart[t.Lower] || t.Tag == "CD" {
			return true
		}
	}
	return false
}

var (
	// neverRE: "<party> never <verb> …": "The infra team never answers our tickets".
	neverRE = lazyRE(`(?i)^(.+?) (?:never|rarely|won't ever|don't ever|doesn't ever) (?:even )?(\w+)\b(.*)$`)
	// noticeRE: "without telling anyone", "without telling us".
	noticeRE = lazyRE(`(?i)\bwithout (?:telling|informing|warning|letting) (?:anyone|anybody|us|me|the team|people)(?: know)?\b`)
	// consultRE: "without asking us", "without checking with us", "without consulting anyone".
	consultRE = lazyRE(`(?i)\bwithout (?:asking|checking with|consulting|involving) (?:anyone|anybody|us|me|the team|people)\b`)
)

// statement returns the facts of a complaint sentence without the phrase
// of hit h: the sentence with the phrase removed and mended as a removal
// fix would (see removeWords), or as written when no removal is safe. It
// returns "" when the phrase was the whole sentence.
func statement(v blockView, sent document.Span, h hit) string {
	span := trimSentence(v, sent)
	src := v.src(span)
	if h.span.Start < span.Start || h.span.End > span.End {
		return src
	}
	// Only a phrase that opens or ends the sentence comes out cleanly: one
	// in the middle of a clause ("… and then acts surprised when …")
	// would leave a broken clause.
	before := strings.TrimSpace(stripOpeners(v.src(document.Span{Start: span.Start, End: h.span.Start})))
	after := strings.Trim(v.src(document.Span{Start: h.span.End, End: span.End}), " .!?")
	if before != "" && hasAlnum(after) {
		return src
	}
	e, ok := removeWords(v, sent, h.span.Start, h.span.End, false)
	if !ok || e.Span.Start < span.Start || e.Span.End > span.End {
		return src
	}
	if e.Span.Start <= span.Start && e.Span.End >= span.End {
		return ""
	}
	out := strings.TrimSpace(src[:e.Span.Start-span.Start] + e.NewText + src[e.Span.End-span.Start:])
	_, body, _ := sentenceParts(out)
	if !clause(trimDangling(stripOpeners(body))) {
		return src
	}
	return out
}

// clause reports whether s reads as a sentence of its own: it has a
// finite verb and does not open as a subordinate clause ("when I…",
// "every time we…"), a bare verb ("check the migration…") or a gerund.
func clause(s string) bool {
	switch strings.ToLower(firstWord(s)) {
	case "when", "if", "because", "before", "after", "that", "who", "which", "since", "while", "until", "so", "to",
		"every", "whenever", "why", "how", "what":
		return false
	}
	toks := parse(s).Tokens
	if len(toks) < 2 || toks[0].Tag == "VB" || toks[0].Tag == "VBG" {
		return false
	}
	last := toks[len(toks)-1]
	if grammar.IsVerb(last.Tag) && (last.Lower == "is" || last.Lower == "are" || last.Lower == "was" || last.Lower == "were") {
		return false // "Reviewing vendor contracts is."
	}
	for _, t := range toks {
		if grammar.IsFinite(t.Tag) {
			return true
		}
		switch t.Tag {
		case "WRB":
			return false
		case "IN":
			switch t.Lower {
			case "though", "although", "because", "while", "when", "if", "since", "before", "after", "until", "unless":
				return false // the only verb is in a subordinate clause
			}
		}
	}
	return false
}

// trailingWords are words a cut can leave dangling at the end of a clause.
var trailingWords = map[string]bool{"and": true, "but": true, "so": true, "or": true, "then": true, "honestly": true,
	"frankly": true, "seriously": true, "now": true, "and now": true, "because": true, "which": true, "that": true}

// trimDangling drops the conjunctions, asides and marks a cut left at the
// end of a text: "… on High Street and" → "… on High Street".
func trimDangling(s string) string {
	for {
		t := strings.TrimRight(s, " ,;:—–-")
		before, w := cutLastWord(t)
		if w == "" || !trailingWords[strings.ToLower(strings.Trim(w, ",;:"))] || strings.TrimSpace(before) == "" {
			return t
		}
		s = before
	}
}

// ventRewrites returns the rewrites of a vent: the facts it states (fact,
// without the vent phrase; see statement) and a request for the change,
// addressed to the party the facts name. phrase is the vent's phrase.
// dropVentSentences drops from a text of several sentences those that
// only vent or alarm, leaving at least one: a verbless sarcastic or
// shouted fragment ("Super.", "Thanks IT.", "Fantastic process.", "A FONT
// SIZE.") or an alarm with no fact ("This school is falling apart.").
func dropVentSentences(text string) string {
	ss := splitSentences(text)
	if len(ss) < 2 {
		return text
	}
	var kept []string
	for _, s := range ss {
		_, body, _ := sentenceParts(s)
		_, alarm := alarmPredicate(strings.TrimRight(body, ".!?… "))
		verb := hasVerb(body)
		if bareVent(body) || isVent(body) && (!verb || !hasFact(body)) || alarm && !hardFact(body) ||
			!verb && len(kept) > 0 && echoes(strings.Join(kept, " "), body) {
			continue
		}
		kept = append(kept, s)
	}
	if len(kept) == 0 {
		return text
	}
	return strings.Join(kept, " ")
}

// bareVent reports whether a sentence is a word or two of sarcasm with no
// verb and no fact: "Super.", "Shocking.", "Thanks IT."
func bareVent(body string) bool {
	return len(strings.Fields(body)) <= 2 && !hasVerb(body) && (!hasFact(body) || hasPrefixFold(body, "thanks"))
}

// echoes reports whether every word of s is in text: a repeat for
// emphasis ("… for a font size issue. A FONT SIZE.").
func echoes(text, s string) bool {
	have := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(text)) {
		have[strings.Trim(w, `.,;:!?"'“”‘’()`)] = true
	}
	n := 0
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = strings.Trim(w, `.,;:!?"'“”‘’()`)
		if w == "" {
			continue
		}
		if !have[w] && w != "a" && w != "an" && w != "the" {
			return false
		}
		n++
	}
	return n > 0
}

func ventRewrites(rf *ruleFile, fact, phrase string) []candidate {
	_, body, _ := sentenceParts(fact)
	body = stripOpeners(strings.TrimSpace(body))
	body = capSentences(plainJabs(stripVentAdverbs(trimDangling(trimTail(body)))))
	lead := ""
	var out []candidate
	if m := neverRE().FindStringSubmatch(body); m != nil {
		if party, ok := partyOf(m[1]); ok {
			if neverVerb(body, m[2]) {
				rest := trimClause(m[3], 0)
				out = append(out, candidate{"Ask for the change", lead + finish("Could we ask "+party+" to "+baseVerb(m[2])+rest+"?")})
			}
		}
	}
	party, named := partyOf(body)
	switch {
	case noticeRE().MatchString(body) || noticeRE().MatchString(phrase):
		// The cause stays, said plainly: "… without notice".
		f := causeKept(noticeRE().ReplaceAllString(body, "without notice"))
		ask := " Could we agree on notice before changes like this?"
		if named && askParty(party, f) {
			ask = " Could we ask " + party + " to let us know before changes like this?"
		}
		out = append(out, candidate{"Ask for notice next time", lead + finish(f) + ask})
	case consultRE().MatchString(body) || consultRE().MatchString(phrase):
		f := causeKept(consultRE().ReplaceAllString(body, "without our input"))
		ask := " Could we agree that decisions like this are checked with us first?"
		if named && askParty(party, f) {
			ask = " Could we ask " + party + " to check with us before decisions like this?"
		}
		out = append(out, candidate{"Ask to be consulted next time", lead + finish(f) + ask})
	}
	facts := hasFact(body)
	switch {
	case facts && named && askParty(party, body):
		out = append(out, candidate{ventFactsTitle, lead + finish(body) + " Could we agree " + fixOrWay(body) + " with " + party + " by [date]?"})
	case facts:
		out = append(out, candidate{ventFactsTitle, lead + finish(body) + " Could we agree " + fixOrWay(body) + " by [date]?"})
	default:
		out = append(out, candidate{"Rewrite as a request", lead + complaint.repl.vent})
	}
	return out
}

// ventFactsTitle is the title of a rewrite that states the facts of a
// complaint and asks for a change.
const ventFactsTitle = "State the facts and ask for a change"

// trimTail drops a framing tail: ", as usual", " Typical", " classic".
func trimTail(b string) string {
	l := strings.ToLower(b)
	for _, t := range []string{" after everything", ", as usual", ", as always", " as usual", " as always", ". typical", " typical", ", classic", " classic", ", again", " lol", " 🙃", ", whatever"} {
		if strings.HasSuffix(l, t) {
			return strings.TrimRight(b[:len(b)-len(t)], " ,;:")
		}
	}
	return b
}

// tidy mends a text a phrase was cut from: doubled spaces, a space before
// punctuation, a dangling comma.
func tidy(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, p := range []string{" ,", " .", " ;", " ?", " !"} {
		s = strings.ReplaceAll(s, p, p[1:])
	}
	return strings.TrimRight(s, " ,;:—-")
}

// partyOf returns the subject of a statement when it names someone other
// than the writer: a team, a person, an organisation ("Design", "the
// platform team", "legal").
func partyOf(s string) (string, bool) {
	ps := parse(s)
	c, _, ok := ps.Subject(0)
	if !ok {
		// "Design changed…": the tagger may read a capitalised team as a verb.
		if c2, ok2 := ps.NounPhraseAt(0); ok2 {
			c, ok = c2, true
		} else {
			return "", false
		}
	}
	np := ps.Of(c)
	switch strings.ToLower(np) {
	case "i", "we", "it", "this", "that", "you", "they", "he", "she", "nobody", "no one", "everyone", "everybody",
		"someone", "somebody", "anyone", "nothing", "everything", "things", "there", "me", "us":
		if strings.EqualFold(np, "they") {
			return "them", true
		}
		return "", false
	}
	if c.Len() > 6 || c.End < len(ps.Tokens) && (ps.Tokens[c.End].Tag == "," || grammar.IsNoun(ps.Tokens[c.End].Tag)) {
		return "", false // too long for a name, "Joyee, …": someone addressed, or "the procurement [portal]"
	}
	if !partyLike(ps, c) {
		return "", false
	}
	return lowerNP(ps, c), true
}

// partyNouns are the heads of noun phrases that name a group of people.
var partyNouns = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`team teams department dept group office management leadership finance legal sales
		marketing design product engineering ops operations it hr qa procurement facilities vendor vendors
		supplier suppliers agency client clients customer customers contractor contractors broker council board
		committee partner partners manager managers lead leads director directors vp head heads admin admins
		people staff desk support security compliance accounts payroll recruitment estates reception
		headquarters hq exec execs executives architect architects consultant consultants owner owners boss
		ceo cto cfo founder founders landlord principal trust maintenance`) {
		partyNouns[w] = true
	}
}

// partyLike reports whether a noun phrase names people: a name, or a
// group noun ("the platform team", "legal", "Design").
func partyLike(s grammar.Sentence, c grammar.Chunk) bool {
	h := s.Tokens[c.End-1]
	if partyNouns[h.Lower] {
		return true
	}
	if (h.Tag == "NNP" || h.Tag == "NNPS") && c.Start > 0 {
		return true
	}
	// A capitalised first word is a name only when the tagger is sure of it
	// and it is not a common word that starts the sentence.
	return (h.Tag == "NNP" || h.Tag == "NNPS") && c.Len() == 1 && !commonStart[h.Lower]
}

// commonStart are capitalised first words the tagger may take for names.
var commonStart = map[string]bool{"again": true, "still": true, "month": true, "once": true, "thanks": true, "great": true, "cool": true,
	"nice": true, "glad": true, "now": true, "per": true, "so": true, "oh": true, "truly": true, "well": true, "sure": true,
	"fine": true, "brilliant": true, "lovely": true, "wow": true, "ugh": true, "lol": true}

// baseVerb returns the base form of a present or past verb: "answers" →
// "answer", "reviews" → "review", "does" → "do", "read" → "read".
func baseVerb(v string) string {
	l := strings.ToLower(v)
	switch l {
	case "does", "did":
		return "do"
	case "has", "had":
		return "have"
	case "is", "was", "are", "were":
		return "be"
	case "goes", "went":
		return "go"
	}
	switch {
	case strings.HasSuffix(l, "ies") && len(l) > 4:
		return v[:len(v)-3] + "y"
	case strings.HasSuffix(l, "sses") || strings.HasSuffix(l, "shes") || strings.HasSuffix(l, "ches") || strings.HasSuffix(l, "xes"):
		return v[:len(v)-2]
	case strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss"):
		return v[:len(v)-1]
	}
	return v
}

// neverVerb reports whether verb, the word after "never" in body, is
// tagged a verb there.
func neverVerb(body, verb string) bool {
	toks := parse(body).Tokens
	for i := 1; i < len(toks); i++ {
		if toks[i].Text == verb && grammar.IsVerb(toks[i].Tag) {
			return true
		}
	}
	return false
}

// shapedRewrites returns the rewrites of complaints of a known shape, the
// writer's subject, object, cause and names kept in each:
//
//   - changes that keep coming ("Design keeps moving the goalposts on the
//     onboarding flow") → a cut-off for changes, agreed with whoever
//     makes them;
//   - a burden that falls on one group ("why is my shift the only one that
//     has to do the stock count", "I keep getting stuck with the worst dock
//     slots") → taking turns;
//   - blame that lands on one group ("why does lit support always get the
//     blame when a partner misses a deadline") → the fact, and a request to
//     agree how it is handled;
//   - asks made again and again, or ignored ("I have raised this matter
//     with the category team many times", "my emails about the guard on
//     press 2 weren't ignored for a fourth week") → an escalation with a
//     date;
//   - hearing late ("would have been nice to know before I spent two days
//     on the old API", "the field techs found out about the app from the
//     customers") → the cost, and a request to be told first;
//   - a recurring imposition ("another week, another quick favour from the
//     owner") → what recurs, and a request to agree a way forward.
func shapedRewrites(b string) []candidate {
	var out []candidate
	add := func(title, text string) {
		if text != "" {
			out = append(out, candidate{title, finish(text)})
		}
	}
	body, rest, _ := strings.Cut(b, " — ")
	if m := goalpostsRE().FindStringSubmatch(body); m != nil {
		ps := parse(m[1])
		if c, ok := ps.NounPhraseAt(0); ok && c.End == len(ps.Tokens) {
			what := "changes"
			switch {
			case m[3] != "":
				what = "changes to " + cutVent(trimClause(m[3], 1))
			case m[2] != "":
				what = "changes to " + cutVent(trimClause(m[2], 1))
			}
			with := " in " + lowerNP(ps, c) // a thing: "changes to the vendor form in the procurement portal"
			switch {
			case ps.Tokens[c.Start].Tag == "PRP":
				with = " with " + who(ps.Of(c))
				if strings.EqualFold(ps.Of(c), "they") {
					with = " with them"
				}
			case partyLike(ps, c):
				with = " with " + lowerNP(ps, c)
			}
			t := "Could we agree a cut-off for " + what + with + ", so that [outcome]?"
			if r := strings.TrimSpace(unquoteScare(rest)); r != "" && hasFact(r) && !isVent(r) {
				t += " " + finish(r)
			}
			add("Ask for a cut-off for changes", t)
		}
	}
	if m := whyOnlyRE().FindStringSubmatch(b); m != nil {
		task := strings.TrimPrefix(strings.TrimPrefix(trimClause(m[3], 1), "has to "), "have to ")
		if whose := m[1] + m[2]; hasFact(task) && !isVent(task) {
			// "why is my shift the only one that has to do the stock count"
			// → "My shift is the only one that has to do the stock count."
			verb := "is"
			if s := parse(whose); len(s.Tokens) > 0 && s.Tokens[len(s.Tokens)-1].Tag == "NNS" {
				verb = "are"
			}
			add("Ask to share the work", upperFirst(whose)+" "+verb+" the only one that "+trimClause(m[3], 1)+". Could we agree how this is shared out by [date]?")
		}
		add("Ask to take turns", takeTurns(task, lowerFirst(m[1]+m[2])))
	}
	if m := whyAlwaysRE().FindStringSubmatch(b); m != nil {
		verb := m[3]
		if strings.EqualFold(m[1], "does") {
			verb = thirdPersonIf(m[2], verb) // "the fitters get", "legal gets"
		}
		fact := m[2] + " " + verb + " " + m[4]
		if m[5] != "" {
			fact = upperFirst(strings.ToLower(m[5])) + " " + m[6] + ", " + fact
		}
		add("State the facts and ask for a change", finish(fact)+" Could we agree [how we handle this] by [date]?")
	}
	if m := stuckWithRE().FindStringSubmatch(b); m != nil {
		if task := trimClause(m[2], 1); hasFact(task) {
			subj := "I"
			if strings.EqualFold(m[1], "we") {
				subj = "We"
			}
			add("Ask to share the work", subj+" usually get "+task+". Could we agree how this is shared out by [date]?")
			add("Ask to take turns", "Could we rotate "+task+"?")
		}
	}
	if m := raisedRE().FindStringSubmatch(b); m != nil {
		what := m[1]
		if l := strings.ToLower(what); l == "this" || l == "it" || l == "this matter" || l == "this issue" || l == "that" {
			what = "this"
		}
		add("Escalate with a date", "I still need an answer from "+m[2]+" on "+what+". Could you help me get one by [date]?")
	}
	if m := ignoredRE().FindStringSubmatch(trimTail(trimClause(b, 1))); m != nil {
		t := "I've had no reply to my " + m[1]
		if m[2] != "" {
			t += " " + trimClause(m[2], 1)
		}
		add("Escalate with a date", t+". "+answerAsk)
	}
	if m := niceToKnowRE().FindStringSubmatch(b); m != nil {
		about, before := m[1], trimClause(m[2], 1)
		switch l := strings.ToLower(about); {
		case about != "" && l != "this" && l != "it" && l != "that" && before != "":
			// "… to know about the reorg before the all-hands"
			add("Ask to be told earlier", "Could you let me know about changes like "+about+" before "+before+" next time?")
		case about == "" && before != "" && hasFact(before) && clause(before):
			// "… to know before I spent two days on the old API"
			add("Ask to be told earlier", upperFirst(before)+" before I heard about this. Could you loop me in earlier on changes like this?")
		case about != "" && l != "this" && l != "it" && l != "that":
			add("Ask to be told earlier", "Could you loop me in earlier on changes like "+about+"?")
		default:
			add("Ask to be told earlier", "Could you loop me in earlier on changes like this?")
		}
	}
	if m := foundOutRE().FindStringSubmatch(trimTail(trimClause(b, 1))); m != nil {
		add("Ask to tell them first", upperFirst(trimTail(trimClause(b, 1)))+". Could we make sure "+lowerFirst(m[1])+" hear about changes like this from us first?")
	}
	if m := anotherRE().FindStringSubmatch(b); m != nil {
		what := unquoteScare(trimClause(m[2], 1))
		ask := "Could we agree [a way forward] by [date]?"
		if p, named := partyIn(what); named && askParty(p, what) {
			ask = "Could we agree [a way forward] with " + p + " by [date]?"
		}
		add("State the facts and ask for a change", "Every "+strings.ToLower(m[1])+" there's another "+what+". "+ask)
	}
	return out
}

// changeCutoff asks for a cut-off for changes that come from a party:
// "the weekly scope changes from the product team" → "Could we agree a
// cut-off for scope changes with the product team, so that [outcome]?".
func changeCutoff(cause string) string {
	m := changesFromRE().FindStringSubmatch(cause)
	if m == nil {
		return ""
	}
	ps := parse(m[2])
	c, ok := ps.NounPhraseAt(0)
	if !ok || c.End != len(ps.Tokens) || !partyLike(ps, c) {
		return ""
	}
	return "Could we agree a cut-off for " + strings.ToLower(m[1]) + " with " + lowerNP(ps, c) + ", so that [outcome]?"
}

// thirdPerson returns the form of a verb phrase after "he" or "it": "get"
// → "gets", "have to" → "has to".
func thirdPerson(v string) string {
	w, rest, _ := strings.Cut(v, " ")
	switch {
	case w == "has" || w == "is" || w == "was" || w == "does":
		// already the form after "he": "who has to chase" stays
	case w == "have":
		w = "has"
	case strings.HasSuffix(w, "y") && !strings.HasSuffix(w, "ay") && !strings.HasSuffix(w, "ey"):
		w = w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "x") || w == "do" || w == "go":
		w += "es"
	default:
		w += "s"
	}
	if rest != "" {
		return w + " " + rest
	}
	return w
}

// cutVent cuts a vent clause joined by "and" off a text: "the vendor form
// and it's driving me nuts" → "the vendor form".
func cutVent(s string) string {
	if i := strings.Index(s, " and "); i > 0 && isVent(s[i+len(" and "):]) && !hardFact(s[i+len(" and "):]) {
		return s[:i]
	}
	return s
}

var (
	// usualDoRE: "why do I always have to chase finance", "why must we constantly cover".
	usualDoRE = lazyRE(`(?i)^why (?:do|must) (i|we) (?:always|constantly|keep having to|always seem to) (.+)$`)
	// usualBeRE: "why am I always the one fixing …", "why is it always me who …",
	// "why is it that I'm always the one who …".
	usualBeRE = lazyRE(`(?i)^why (?:am (i)|are (we)|is it (?:always |still )?(me|us)|is it that (i)(?:'m|’m| am)|is it that (we)(?:'re|’re| are)) (?:always |still |constantly )?(?:(the (?:only )?ones? )((?:who|that) .+|\w+ing\b.*)|((?:who|that) .+|\w+ing\b.*))$`)
	// usualGroupRE: "why is it always our team that gets pulled into …".
	usualGroupRE = lazyRE(`(?i)^why is it (?:always|usually|constantly) ((?:our|my|the) [\w'’ -]{2,30}?|(?-i:[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*)?)) (that|who) (.+)$`)
	// hearLateVerbs: "why do I always find out about funder visits the day before".
	hearLateVerbs = map[string]bool{"find": true, "hear": true, "learn": true}
)

// usualOne states a protest that a task always falls on the writer as
// the plain fact, and asks to share it: "why do I always have to chase
// finance for PO numbers" → "I'm usually the one who has to chase finance
// for PO numbers."; "why is it always me covering the Saturday shifts" →
// "I'm usually the one covering the Saturday shifts." ok is false when
// the task names nothing or vents.
func usualOne(b string) (string, bool) {
	b = strings.TrimSpace(trimClause(strings.TrimRight(b, "?!. "), 1))
	var subj, task string
	if m := usualDoRE().FindStringSubmatch(b); m != nil {
		subj = strings.ToLower(m[1])
		rest := m[2]
		if l := strings.ToLower(rest); strings.HasPrefix(l, "have to be the one ") || strings.HasPrefix(l, "be the one ") {
			task = rest[strings.Index(l, "the one ")+len("the one "):]
		} else {
			w, tail, _ := strings.Cut(rest, " ")
			if !grammar.IsVerb(grammar.ParseAfter("to ", rest).Tokens[0].Tag) {
				return "", false
			}
			if hearLateVerbs[strings.ToLower(w)] && hasFact(tail) && !isVent(tail) {
				// Hearing late is no task to share: the fact, and a loop-in.
				return upperFirst(capitalI(subj)) + " usually " + rest + ". Could you loop " + who(subj) + " in earlier on things like this?", true
			}
			if subj == "i" {
				w = thirdPerson(w)
			}
			task = "who " + strings.TrimSpace(w+" "+tail)
		}
	} else if m := usualBeRE().FindStringSubmatch(b); m != nil {
		for _, s := range m[1:6] {
			if s != "" {
				subj = strings.ToLower(s)
			}
		}
		if subj == "me" {
			subj = "i"
		} else if subj == "us" {
			subj = "we"
		}
		task = m[7] + m[8]
		if strings.Contains(strings.ToLower(m[6]), "only") {
			task = "only " + task
		}
	} else if m := usualGroupRE().FindStringSubmatch(b); m != nil {
		if task := strings.TrimSpace(m[3]); hasFact(task) && !isVent(task) {
			verb, one := "is", "one"
			if s := parse(m[1]); len(s.Tokens) > 0 && pluralHead(s.Tokens[len(s.Tokens)-1]) {
				verb, one = "are", "ones" // "my techs are usually the ones who…"
			}
			return upperFirst(m[1]) + " " + verb + " usually the " + one + " " + strings.ToLower(m[2]) + " " + unstuck(task) + ". Could we agree how this is shared out by [date]?", true
		}
		return "", false
	} else {
		return "", false
	}
	task = unstuck(strings.TrimSpace(task))
	if !hasFact(task) || isVent(task) {
		return "", false
	}
	one, ask := "the one ", shareAsk
	if subj == "we" {
		one, ask = "the ones ", "Could we agree how this is shared out by [date]?"
	}
	if strings.HasPrefix(task, "only ") {
		// "the only person", not "the only one": the latter reads as the vent.
		one, task = "the only person ", onlyEverRE().ReplaceAllString(strings.TrimPrefix(task, "only "), "$1")
		if subj == "we" {
			one = "the only team "
		}
	}
	lead := "I'm usually "
	if subj == "we" {
		lead = "We're usually "
		task = strings.Replace(task, "who has to ", "who have to ", 1)
	}
	if strings.HasPrefix(one, "the only") {
		lead = strings.Replace(lead, "usually", "currently", 1)
	}
	return lead + one + task + ". " + ask, true
}

// unstuck drops the grievance from "gets stuck with X" ("gets X") and
// "gets stuck doing X" ("ends up doing X").
func unstuck(task string) string {
	l := strings.ToLower(task)
	for _, p := range []string{"who ", "that ", ""} {
		switch {
		case strings.HasPrefix(l, p+"gets stuck with "):
			return task[:len(p)] + "gets " + task[len(p+"gets stuck with "):]
		case strings.HasPrefix(l, p+"get stuck with "):
			return task[:len(p)] + "get " + task[len(p+"get stuck with "):]
		case strings.HasPrefix(l, p+"gets stuck "):
			return task[:len(p)] + "ends up " + task[len(p+"gets stuck "):]
		case strings.HasPrefix(l, p+"get stuck "):
			return task[:len(p)] + "end up " + task[len(p+"get stuck "):]
		}
	}
	return task
}

// chaseVerbs are the gerunds of asking again for something owed.
var chaseVerbs = map[string]bool{"chasing": true, "asking": true, "reminding": true, "nudging": true, "pinging": true,
	"emailing": true, "calling": true, "following": true, "begging": true}

// fedUpStatement states what the writer is tired or sick of as the plain
// fact, and asks about it: "being the only reviewer on the mobile team"
// → "I'm currently the only reviewer on the mobile team."; "being paged
// for other teams' alerts" → "I'm regularly paged for …"; "chasing
// Finance for the same three invoices" → "I've been chasing Finance for
// the same three invoices." A clause after it that states a fact ("that's
// 31 reviews in the last two weeks") is kept. text is "" when x is no
// such phrase.
func fedUpStatement(x string) (title, text string) {
	x = strings.TrimSpace(x)
	core := trimClause(x, 1)
	after := ""
	if rest := strings.TrimLeft(x[len(core):], " ,;:—–-"); rest != "" {
		r := strings.TrimSpace(trimClause(rest, 1))
		if l := strings.ToLower(firstWord(r)); (l == "and" || l == "but") && len(strings.Fields(r)) > 1 {
			r = strings.TrimSpace(r[len(l):])
		}
		if hasFact(r) && !isVent(r) && clause(r) {
			after = " " + finish(upperFirst(capitalI(r)))
		}
	}
	core = strings.TrimRight(core, " .!?")
	if i := strings.Index(core, ", "); i > 0 && isVent(core[i+2:]) {
		core = core[:i] // "covering for the APAC team's missed callbacks, nobody thanks us for it"
	}
	if _, jab, ok := strings.Cut(core, " while "); ok && jab != "" {
		return "", "" // a contrast the caller handles
	}
	s := parse(core)
	if len(s.Tokens) < 2 || isVent(core) {
		return "", ""
	}
	first := s.Tokens[0]
	switch {
	case first.Lower == "being" && s.Tokens[1].Tag == "VBN":
		// "being paged for other teams' alerts"
		if !hasFact(core) {
			return "", ""
		}
		what := strings.TrimSpace(core[len(first.Text):])
		return "State the facts and ask for a change", "I'm regularly " + what + "." + after + " Could we agree " + fixOrWay(what) + " by [date]?"
	case first.Lower == "being":
		// "being the only reviewer on the mobile team", "being the default for everything"
		what := strings.TrimSpace(core[len(first.Text):])
		np, ok := parse(what).NounPhraseAt(0)
		if !ok || np.Start != 0 || !hasFact(what) && !strings.Contains(what, " for ") {
			return "", ""
		}
		if l := strings.ToLower(what); strings.HasPrefix(l, "the one ") || strings.HasPrefix(l, "the person ") {
			// "being the one who gets shouted at when theatre runs late"
			return "State the facts and ask for a change", "I'm usually " + what + "." + after + " Could we agree " + fixOrWay(what) + " by [date]?"
		}
		if strings.Contains(" "+strings.ToLower(what)+" ", " only ") {
			what = strings.Replace(what, "the only one ", "the only person ", 1)
			return "Ask to share the work", "I'm currently " + what + "." + after + " " + shareAsk
		}
		return "Ask to agree priorities", "I'm currently " + what + "." + after + " " + prioritiesAsk
	case first.Tag == "VBG" && !hasVerbAfter(s, 1):
		if !hasFact(core) {
			return "", ""
		}
		t := "I've been " + core + "." + after
		if chaseVerbs[first.Lower] {
			return "Escalate with a date", t + " " + answerAsk
		}
		return "State the facts and ask for a change", t + " Could we agree " + fixOrWay(core) + " by [date]?"
	}
	return "", ""
}

// hasVerbAfter reports whether a finite verb follows token i in the
// same clause: "chasing finance is pointless" has one; "chasing finance for
// PO numbers" and "receiving matters on the day they're due" (a verb of a
// clause of their own) none.
func hasVerbAfter(s grammar.Sentence, i int) bool {
	for j := i; j < len(s.Tokens); j++ {
		t := s.Tokens[j]
		switch {
		case t.Tag == "WRB" || t.Tag == "WDT" || t.Tag == "WP" || t.Tag == "IN" && (t.Lower == "after" || t.Lower == "before" ||
			t.Lower == "because" || t.Lower == "since" || t.Lower == "while" || t.Lower == "if" || t.Lower == "until" || t.Lower == "that"):
			return false
		case t.Tag == "PRP" && j+1 < len(s.Tokens) && grammar.IsFinite(s.Tokens[j+1].Tag):
			return false // "on the morning it's due": a clause of its own
		case grammar.IsFinite(t.Tag):
			return true
		}
	}
	return false
}

// outsidePhrases is s without the complaint's trigger phrases in it: "I'm
// running on empty" → "".
func outsidePhrases(s string) string {
	var b strings.Builder
	at := 0
	for _, m := range complaintTriggers().FindAll(s, nil) {
		if m.Start >= at {
			b.WriteString(s[at:m.Start])
			at = m.End
		}
	}
	b.WriteString(s[at:])
	return b.String()
}

// cutBeforeWhy splits a text at a "why" question after a sentence or
// clause break: "covered 4 of the last 5 on-calls. why is it always me …".
func cutBeforeWhy(b string) (pre, why string, ok bool) {
	l := strings.ToLower(b)
	for _, br := range []string{". ", "? ", "! ", "; ", " — ", " – ", " - "} {
		if i := strings.Index(l, br+"why "); i > 0 {
			return strings.TrimRight(b[:i], " .!?;—–-"), b[i+len(br):], true
		}
	}
	return "", "", false
}

// askedVerbRE: the verb of an ask made again ("I've asked", "I keep chasing").
var askedVerbRE = lazyRE(`(?i)\bi(?:'ve|’ve| have)? (?:already |now )?(asked|keep asking|kept asking|chased|keep chasing)\s`)

// askedAgain states an ask made again as it was made, the count kept,
// and asks for help to get it: "I've asked the agency three times for the
// final banner assets and still nothing" → "I've asked the agency three
// times for the final banner assets. Could you help me get them by
// [date]?"; "I keep asking IT for a second monitor" → "I've asked IT for
// a second monitor more than once. …".
func askedAgain(b, lead, party, what string) string {
	v := askedVerbRE().FindStringSubmatch(b)
	what = strings.TrimSuffix(strings.TrimSuffix(trimClause(what, 1), " now"), " again")
	if v == nil || !thingAsked(what) {
		return ""
	}
	party = strings.TrimSpace(party)
	verb := "asked"
	if strings.Contains(strings.ToLower(v[1]), "chas") {
		verb = "chased"
	}
	prep := " for "
	if strings.Contains(strings.ToLower(b), " about "+what) {
		prep = " about "
	}
	// The count goes after what was asked for ("I've asked for X three
	// times"): "I've asked three times" reads as the grievance.
	count := countRE2().FindString(party)
	if count != "" {
		party = strings.Join(strings.Fields(strings.Replace(party, count, "", 1)), " ")
		party = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(party, " now"), " already"))
	}
	switch strings.ToLower(party) {
	case "now", "already", "again", "now already":
		party = ""
	}
	t := "I've " + verb + " " + party
	if party == "" {
		t = "I've " + verb
	}
	t += prep + what
	switch {
	case count != "":
		t += " " + count
	case strings.HasPrefix(strings.ToLower(v[1]), "keep") || strings.HasPrefix(strings.ToLower(v[1]), "kept"):
		t += " more than once"
	}
	return keepLead(lead) + t + ". Could you help me get " + itOrThem(what) + " by [date]?"
}

// countRE2: a count of asks: "three times", "twice", "again and again".
var countRE2 = lazyRE(`(?i)\b(?:\w+ times|twice|again and again|repeatedly)\b`)

// thingAsked reports whether what was asked for is a noun phrase and
// nothing more: "access to the billing dashboard", not "three weeks ago is
// still under review" or "in March".
func thingAsked(what string) bool {
	s := parse(what)
	if len(s.Tokens) == 0 || !hasFact(what) {
		return false
	}
	switch t := s.Tokens[0]; {
	case t.Tag == "IN" || t.Tag == "TO" || grammar.IsVerb(t.Tag) || t.Tag == "WRB" || t.Tag == "WP":
		return false
	}
	for _, t := range s.Tokens {
		if grammar.IsFinite(t.Tag) || t.Tag == "MD" {
			return false
		}
	}
	return true
}

// itOrThem is the pronoun for a noun phrase: "the final banner assets" →
// "them".
func itOrThem(np string) string {
	s := parse(np)
	if c, ok := s.NounPhraseAt(0); ok && plural(s, c) && !strings.Contains(" "+strings.ToLower(np)+" ", " access ") {
		return "them"
	}
	return "it"
}

// causeKept is a statement whose cause was said plainly, its vents out
// where they come out cleanly ("…, as they always do, …").
func causeKept(f string) string {
	f = tidy(f)
	if v, _, _, ok := ventless(f); ok && hasFact(v) && !stillComplains(v) {
		return v
	}
	return f
}

var (
	// onceGivenRE: "I'll file the costs schedule when someone finally gives me the time entries".
	onceGivenRE = lazyRE(`(?i)^(?:i'll|i’ll|ill|i will) (.+?) (?:when|whenever|once|as soon as) (?:someone|somebody|anyone|they|you|[\w' ]{2,30}?) (?:finally |actually |eventually )?(?:gives|sends|gets|hands) me (.+)$`)
	// onceFreeRE: "I'll finish the absence audit when I'm not also doing three other people's jobs".
	onceFreeRE = lazyRE(`(?i)^(?:i'll|i’ll|ill|i will) (.+?) (?:when|whenever|once) (?:i'm|i’m|im|i am) (?:not|no longer) (?:also |still )?(\w+ing .+)$`)
	// onceGetRE: "I'll update the claims dashboard when I finally get the data from MI".
	onceGetRE = lazyRE(`(?i)^(?:i'll|i’ll|ill|i will) (.+?) (?:when|whenever|once|as soon as) (?:i|we) (?:finally |actually |eventually )?(?:get|receive) ((?:the|a|an|our|my|some|any) .+)$`)
	// onceTimeRE: "I'll redo the rota whenever I get a spare evening", "… when I find the time".
	onceTimeRE = lazyRE(`(?i)^(?:i'll|i’ll|ill|i will) (.+?) (?:when|whenever|once|if) (?:i|we) (.+)$`)
	// onceDecidesRE: "I'll update the site tracker whenever the permitting team decides to answer emails".
	onceDecidesRE = lazyRE(`(?i)^(?:i'll|i’ll|ill|i will) (.+?) (?:when|whenever|once) ((?:the|our|my) [\w' ]{2,30}?) (?:finally )?(?:decides|decide|bothers|bother|remembers|remember|gets round|get round|gets around|get around) to (\w+)(.*)$`)
)

// onceRequest states a promise the writer makes on a sarcastic condition
// as the plain dependency, and asks about it: "I'll file the costs
// schedule when someone finally gives me the time entries" → "I'll file
// the costs schedule once I have the time entries. Could you help me get
// them by [date]?"
func onceRequest(b string) (title, text string) {
	b = strings.TrimRight(stripVentAdverbs(b), " ,")
	b = strings.TrimRight(trimClause(strings.TrimSpace(b), 1), ".!? ")
	if m := onceGivenRE().FindStringSubmatch(b); m != nil && hasFact(m[1]) && thingAsked(m[2]) {
		return "Escalate with a date", "I'll " + m[1] + " once I have " + m[2] + ". Could you help me get " + itOrThem(m[2]) + " by [date]?"
	}
	if m := onceFreeRE().FindStringSubmatch(b); m != nil && hasFact(m[1]) && hasFact(m[2]) && !isVent(m[2]) {
		return "Ask to agree priorities", "I'll " + m[1] + " as soon as I can; I'm currently " + m[2] + ". " + prioritiesAsk
	}
	if m := onceTimeRE().FindStringSubmatch(b); m != nil && hasFact(m[1]) && opensWith(m[2], complaint.fix.noTime) {
		// "I'll redo the whole volunteer rota whenever I get a spare evening":
		// time is what is short.
		return "Ask to agree priorities", "I haven't had time to " + m[1] + " yet. " + prioritiesAsk
	}
	if m := onceGetRE().FindStringSubmatch(b); m != nil && hasFact(m[1]) && thingAsked(m[2]) && !isVent(m[2]) {
		// "I'll update the claims dashboard when I finally get the data from MI".
		return "Escalate with a date", "I'll " + m[1] + " once I have " + m[2] + ". Could you help me get " + m[2] + " by [date]?"
	}
	if m := onceDecidesRE().FindStringSubmatch(b); m != nil && hasFact(m[1]) {
		done := upperFirst(m[2]) + " " + thirdPersonIf(m[2], m[3]) + m[4]
		if !isVent(done) {
			return "State the facts and ask for a change", "I'll " + m[1] + " once " + lowerFirst(done) + ". Could we agree [a way forward] by [date]?"
		}
	}
	return "", ""
}

// thirdPersonIf gives verb the form after subject: "the permitting team"
// + "answer" → "answers"; "the vendors" + "answer" → "answer".
func thirdPersonIf(subject, verb string) string {
	s := parse(subject)
	if c, ok := s.NounPhraseAt(0); ok && (plural(s, c) || pluralHead(s.Tokens[c.End-1])) {
		return verb
	}
	return thirdPerson(verb)
}

// mine says what a sarcastic "you" has as the writer's: "a PI who reads
// your drafts" → "a PI who reads my drafts".
func mine(s string) string {
	return strings.TrimSpace(strings.NewReplacer(" your ", " my ", " you ", " me ").Replace(" " + s + " "))
}

// pluralHead reports whether t, the head of a noun phrase, is plural: the
// tagger's NNS, or a noun it took for singular that ends in a plural "s"
// ("techs", "juniors"), not "ss", "us" or "is".
func pluralHead(t grammar.Token) bool {
	if t.Tag == "NNS" || t.Tag == "NNPS" {
		return true
	}
	if n := len(t.Text); n >= 3 && t.Text[n-1] == 's' && acronym(t.Text[:n-1]) {
		return true // "GMs", "SMEs"
	}
	w := t.Lower
	return grammar.IsNoun(t.Tag) && len(w) > 3 && strings.HasSuffix(w, "s") &&
		!strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}
