package builtin

import "testing"

func TestComplaintFixtures(t *testing.T) { runFixtures(t, "complaint") }

func TestGrievanceOpener(t *testing.T) {
	for _, c := range []struct {
		opener, next string
		want         bool
	}{
		{"as usual,", "the", true},
		{"as always,", "thanks", false},
		{"frankly,", "this", true},
		{"frankly,", "i", false},
		{"of course,", "nobody", true},
		{"of course,", "the", false},
	} {
		if got := grievanceOpener(c.opener, c.next); got != c.want {
			t.Errorf("grievanceOpener(%q, %q) = %v, want %v", c.opener, c.next, got, c.want)
		}
	}
}

func TestCleanFirst(t *testing.T) {
	kept := candidate{"Add a request", "The demo moved again, which is ridiculous. Could we [change] so that [outcome]?"}
	clean := candidate{"State the facts and ask for a change", "The demo moved to Tuesday. Could we agree [a way forward] by [date]?"}
	other := candidate{"Ask to be looped in", "Could you loop me in when the demo moves?"}
	if stillComplains(clean.text) || stillComplains(other.text) {
		t.Fatalf("a plain statement and request count as a complaint")
	}
	if !stillComplains(kept.text) {
		t.Fatalf("%q does not count as a complaint", kept.text)
	}
	got := cleanFirst([]candidate{kept, clean, other})
	if got[0] != clean || got[1] != other || got[2] != kept {
		t.Errorf("cleanFirst = %v, want the clean rewrites first, in their order", got)
	}
}

// TestPlainStatements checks the statements the complaint rewrites build
// from shapes the learned model finds without a phrase: each says the
// writer's facts without the vent.
func TestPlainStatements(t *testing.T) {
	text := func(_ string, s string) string { return s }
	cand := func(c candidate, _ bool) string { return c.text }
	str := func(s string, _ bool) string { return s }
	for _, c := range []struct{ got, want string }{
		{str(cutNotThat("Fire drill log updated for March (not that anyone reads these)")), "Fire drill log updated for March"},
		{str(cutNotThat("not that anyone checks, but the May rota is on the shared drive")), "the May rota is on the shared drive"},
		{text(onceRequest("i'll do the stock take when someone finally sends me the count sheets")),
			"I'll do the stock take once I have the count sheets. Could you help me get them by [date]?"},
		{text(onceRequest("I'll finish the grant report when I'm not also covering reception and the phones")),
			"I'll finish the grant report as soon as I can; I'm currently covering reception and the phones. Could we look at my priorities together and agree what can move?"},
		{text(onceRequest("I'll chase the refund whenever the finance team decides to reply to emails")),
			"I'll chase the refund once the finance team replies to emails. Could we agree [a way forward] by [date]?"},
		{str(heardLate("thanks for telling me about the new shift pattern a week after it started, super helpful")),
			"I heard about the new shift pattern a week after it started"},
		{str(heardLate("love finding out from a patient that clinic 3 is closing")), "I heard from a patient that clinic 3 is closing"},
		{cand(pointRequest("what's even the point of updating the risk log if nobody reads it")),
			"The risk log isn't being read. Could we agree [a fix] by [date]?"},
		{str(nobodyToldAsFact("nobody tells the weekend team anything until Monday")), "the weekend team isn't told anything until Monday"},
		{str(nobodyToldAsFact("no one asked the drivers before changing the routes")), "the drivers weren't asked before changing the routes"},
		{str(nobodyToldAsFact("nobody asked me")), "I wasn't asked"},
		{str(plainCount("Fourth time this month")), "This has happened four times this month."},
		{str(thanksAsFact("thanks IT for resetting my MFA without telling me")), "IT reset my MFA without telling me"},
		{str(thanksAsFact("thanks for moving my 1:1 to 7am without asking")), "Someone moved my 1:1 to 7am without asking"},
		{str(thanksAsFact("thanks for the update")), ""},
		{str(nobodyToldAsFact("nobody bothered telling the GMs the checklist changed")), "the GMs weren't told the checklist changed"},
	} {
		if c.got != c.want {
			t.Errorf("got  %q\nwant %q", c.got, c.want)
		}
	}
	if rest, note, ok := raisedBefore("As I said in the last two stand-ups, the test bench needs a new PSU"); !ok ||
		rest != "the test bench needs a new PSU" || note != "I've raised this in the last two stand-ups." {
		t.Errorf("raisedBefore = %q, %q, %v", rest, note, ok)
	}
	for _, c := range []struct {
		body, addr string
	}{
		{"Hi Sofia, the printer on level 2 is still broken", "Hi Sofia, "},
		{"Marcus, the van was left unlocked again", "Marcus, "},
		{"Honestly, the van was left unlocked again", ""},
		{"Brilliant, the van was left unlocked again", ""},
	} {
		if a, _ := addressee(c.body); a != c.addr {
			t.Errorf("addressee(%q) = %q, want %q", c.body, a, c.addr)
		}
	}
	for _, c := range []struct {
		party, facts string
		want         bool
	}{
		{"the platform team", "the platform team merged the change on Friday", true},
		{"design", "design gets blamed every time engineering cuts scope", false},
		{"our team", "our team has to absorb every escalation", false},
		{"Bristol", "Bristol shipped the wrong pallets", false},
		{"facilities", "facilities aren't told anything until the day before", false},
	} {
		if got := askParty(c.party, c.facts); got != c.want {
			t.Errorf("askParty(%q, %q) = %v, want %v", c.party, c.facts, got, c.want)
		}
	}
}

// TestNeverAndListened checks the plain forms of "never" clauses about a
// thing and of "nobody listened to".
func TestNeverAndListened(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"my own backlog never shrinks", "my own backlog doesn't shrink"},
		{"the shared printer never worked", "the shared printer didn't work"},
		{"the weekly report never goes out on time", "the weekly report doesn't go out on time"},
	} {
		if got, ok := neverAsFact(c.in); !ok || got != c.want {
			t.Errorf("neverAsFact(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
	if _, ok := neverAsFact("the infra team never answers our tickets"); ok {
		t.Errorf("a party that never acts is asked to, not restated")
	}
	if got, _, ok := blameAsFact("nobody listened to Legal"); !ok || got != "Legal wasn't listened to" {
		t.Errorf("blameAsFact = %q, %v", got, ok)
	}
	if c, ok := pointRequest("what am I supposed to do when the depot ignores every booking I send"); !ok ||
		c.text != "The depot ignores every booking I send. Could we agree [a way forward] by [date]?" {
		t.Errorf("pointRequest = %q, %v", c.text, ok)
	}
}

// TestModelOnlyShapes pins the rewrites of complaint shapes that mostly
// only the learned model flags: the first rewrite of each body.
func TestModelOnlyShapes(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"must be nice to have a supplier who actually answers your calls",
			"It would help me to have a supplier who answers my calls. Could we agree [a way forward] by [date]?"},
		{"I'll finish the stock take when I finally get the count sheets from the warehouse",
			"I'll finish the stock take once I have the count sheets from the warehouse. Could you help me get the count sheets from the warehouse by [date]?"},
		{"ill redo the seating chart whenever i find the time",
			"I haven't had time to redo the seating chart yet. Could we look at my priorities together and agree what can move?"},
	} {
		cands := complaintRewrites(nil, c.body, nil)
		if len(cands) == 0 || cands[0].text != c.want {
			t.Errorf("complaintRewrites(%q) = %v, want %q", c.body, cands, c.want)
		}
	}
}
