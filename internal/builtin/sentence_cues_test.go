package builtin

import (
	"strings"
	"testing"
)

// TestSentenceCues checks the general cues the phrase lists cannot express
// alone: each case is one Markdown paragraph and whether the rule fires.
func TestSentenceCues(t *testing.T) {
	cases := []struct {
		rule, text string
		hit        bool
	}{
		// complaint: a bare "Again." is exasperation; openers vent only before a verdict.
		{"complaint", "The vendor missed the date. Again.", true},
		{"complaint", "Again?! The build is red.", true},
		{"complaint", "We ran the suite again.", false},
		{"complaint", "Frankly, this is a waste of time.", true},
		{"complaint", "Frankly, I think option B is better.", false},
		{"complaint", "Of course, nobody asked me.", true},
		{"complaint", "Of course, the numbers need a second look.", false},
		{"complaint", "As always, thanks to the QA team.", false},
		{"complaint", "I've asked three times for the credentials.", true},
		{"complaint", "The service never responds with a 500 when warm.", false},
		// problem-only: shortfalls, remedies already done, open asks.
		{"problem-only", "We're 20% over on cloud spend this month.", true},
		{"problem-only", "The export is three weeks behind.", true},
		{"problem-only", "Revenue is 20% above plan.", false},
		{"problem-only", "The disk ran out of space overnight. I've added 200 GB.", false},
		{"problem-only", "The nightly job failed; we restarted it and it passed.", false},
		{"problem-only", "The nightly job failed again and we lost the report.", true},
		{"problem-only", "The API is down. What do you suggest?", true},
		{"problem-only", "The API is down. I suggest we fail over.", false},
		{"problem-only", "There's no owner for billing; Dana is taking it over.", false},
		{"problem-only", "Since Priya left nobody seems to care about the docs.", false}, // the complaint rule reports it
		// problem-only: a capitalised name is not a problem; a label is.
		{"problem-only", "We demoed [Failing Fast Toolkit](https://example.com) to the team.", false},
		{"problem-only", "**Missing Docs:** the installer has no README at all.", true},
		{"problem-only", "Failing tests are holding up every merge.", true},
		// problem-only: a comma ends a negation before a way forward.
		{"problem-only", "Users can't tell the test is flaky, should add a note in CI.", false},
		{"problem-only", "Users can't tell the test is flaky and nobody should add a note.", true},
		// problem-only: a problem word inside another sense leaves the rest counted.
		{"problem-only", "Sorry to bug you, but the deploy is broken again.", true},
		{"problem-only", "Sorry to bug you, but the deck is ready.", false},
		// vague-timing: a hedged forecast about others is no promise; the writer's is.
		{"vague-timing", "The upstream fix will likely land soon.", false},
		{"vague-timing", "We will likely ship the fix soon.", true},
		{"vague-timing", "We'll eventually retire the old server; it is covered through 2027.", false},
		{"vague-timing", "We'll eventually retire the old server for 2027 reasons.", true},
		// problem-only: metrics the wrong way, compared with the direction.
		{"problem-only", "Churn went from 2.1% to 3.4% this month.", true},
		{"problem-only", "Churn went from 3.4% to 2.1% this month.", false},
		{"problem-only", "Win rate went from 31% to 24% in Q3.", true},
		{"problem-only", "Win rate went from 24% to 31% in Q3.", false},
		{"problem-only", "Response time is 31 hours against a 12-hour SLA.", true},
		{"problem-only", "Response time is 9 hours against a 12-hour SLA.", false},
		{"problem-only", "Coverage is 1.8x against a 3x target.", true},
		{"problem-only", "Coverage is 3.2x against a 3x target.", false},
		{"problem-only", "Spend is at 130% of budget.", true},
		{"problem-only", "Spend is at 70% of budget.", false},
		{"problem-only", "Only 40% of the team finished the training.", true},
		{"problem-only", "It happened in only 4 of 368 runs.", false},
		// problem-only: forward words that predict, sit in a compound or in
		// a longer problem phrase are no way forward.
		{"problem-only", "The audit is going to be a catastrophe.", true},
		{"problem-only", "We're going to miss the filing deadline.", true},
		{"problem-only", "We haven't found the root cause yet.", true},
		{"problem-only", "We found the root cause: a stale cache.", false},
		{"problem-only", "The disaster-recovery drill passed.", false},
		{"problem-only", "Compile time can be an existential crisis for monorepos.", false},
		{"problem-only", "I've asked three times for access and still nothing.", true},
		{"problem-only", "Let me know what you want me to do about the overrun.", false}, // the open-question rule reports it
		{"problem-only", "Two crashes on Windows, not sure if anybody is looking at those.", true},
		{"problem-only", "Two crashes on Windows; Dana is looking at those.", false},
		{"problem-only", "These PRs sit for weeks without any feedback.", true},
		{"problem-only", "Two of the three reviewers are out next week.", true},
		{"problem-only", "Two of the three reviewers signed off.", false},
		{"problem-only", "Both of our contractors quit in March.", true},
		{"problem-only", "The licence expires in May, but the audit needs another six weeks.", true},
		{"problem-only", "The licence expires in May, and we renew it in April.", false},
		{"problem-only", "Thoughts from the retro are in the doc, but the deploy is still blocked.", true},
		// complaint: sarcasm needs another grievance beside it.
		{"complaint", "The vendor broke the export again. Thanks for that.", true},
		{"complaint", "Thanks for that. The dashboard looks great.", false},
		{"complaint", "They never read the runbook before paging us.", true},
		{"complaint", "They never expire, so revoke them by hand.", false},
		// open-question: "how we should" is part of the open question.
		{"open-question", "Any ideas how we should handle the renewals?", true},
		{"open-question", "Any ideas how we should handle the renewals? I'd lean towards renewing early.", false},
		// open-question: "should we" inside an open question offers nothing.
		{"open-question", "How should we prioritise the backlog?", true},
		{"open-question", "What should we do about the vendor?", true},
		{"open-question", "Should we ship Tuesday or wait a week?", false},
		{"open-question", "Who should own the follow-ups? I'd suggest Ana.", false},
		// vague-timing: deferrals need a promise and no party, event or date.
		{"vague-timing", "I'll follow up.", true},
		{"vague-timing", "Tobie to follow up.", true},
		{"vague-timing", "I'll follow up with Marco about the invoice.", false},
		{"vague-timing", "I'll follow up with numbers.", true},
		{"vague-timing", "We'll circle back after the launch review.", false},
		{"vague-timing", "Follow up on the vendor question and draft the reply.", false},
		{"vague-timing", "I'll follow up on Friday.", false},
		{"vague-timing", "I'll ship it later this year.", true},
		{"vague-timing", "I'll ship it this week.", false},
		{"vague-timing", "I'll send it Friday-ish.", false}, // no vague word: nothing to flag
		{"vague-timing", "I'll send it sometime Friday-ish.", true},
		{"vague-timing", "We keep kicking the decision down the road.", false},
		{"vague-timing", "We'll revisit the pricing down the road.", true},
		{"vague-timing", "Could you review it whenever?", true},
		{"vague-timing", "The build may break whenever.", false},
		// hedging
		{"hedging", "I was wondering if you could review the plan.", true},
		{"hedging", "Hope it's okay that I merged the hotfix.", true},
		{"hedging", "I hope the migration goes well.", false},
		// crisis
		{"crisis", "The release process is complete chaos.", true},
		{"crisis", "We ran a chaos engineering drill.", false},
		{"crisis", "The launch is a nightmare; we rolled back and the postmortem is Friday.", false},
	}
	for _, c := range cases {
		_, fs := run(t, c.rule, c.text+"\n")
		if got := len(fs) > 0; got != c.hit {
			t.Errorf("%s on %q: fired %v, want %v", c.rule, c.text, got, c.hit)
		}
	}
}

// TestCueFixes checks the rewrites of the new cues keep the writer's words.
func TestCueFixes(t *testing.T) {
	cases := []struct{ rule, text, want string }{
		{"hedging", "I was wondering if maybe you could review the plan.", "Could you review the plan?"},
		{"hedging", "Could you maybe take a look?", "Could you take a look?"},
		{"hedging", "I hope it's alright that I cc'd finance.", "I cc'd finance."},
		{"vague-timing", "Dana to circle back on the vendor question.", "Dana to circle back by [Friday] on the vendor question."},
		{"complaint", "I found out from a customer that the launch moved.", "I heard from a customer that the launch moved. Could you loop me in on changes like this next time?"},
		{"complaint", "Frankly, this is a waste of time.", "This is a waste of time."},
		{"crisis", "Support is in total meltdown.", "Support: [what has gone wrong] puts [what] at risk by [when]. To contain it, I propose [mitigation]."},
		{"crisis", "Honestly, the release is a mess.", "[What has gone wrong] puts the release at risk. To contain it, I propose [mitigation]."},
	}
	for _, c := range cases {
		doc, fs := run(t, c.rule, c.text+"\n")
		if len(fs) != 1 || len(fs[0].Fixes) == 0 {
			t.Errorf("%s on %q: %d findings, want 1 with a fix", c.rule, c.text, len(fs))
			continue
		}
		got := doc.Text
		edits := fs[0].Fixes[0].Edits
		for i := len(edits) - 1; i >= 0; i-- {
			e := edits[i]
			got = got[:e.Span.Start] + e.NewText + got[e.Span.End:]
		}
		if got = strings.TrimSpace(got); got != c.want {
			t.Errorf("%s fix of %q:\n got %q\nwant %q", c.rule, c.text, got, c.want)
		}
	}
}

// TestSentenceRuleExamples checks each documented example of a sentence
// rule fires, or not, as its rules/<id>.toml says.
func TestSentenceRuleExamples(t *testing.T) {
	for _, r := range sentenceRules() {
		for _, e := range r.Examples {
			_, fs := run(t, r.ID, e.Text+"\n")
			if got := len(fs) > 0; got != e.Hit {
				t.Errorf("%s example %q: fired %v, want %v", r.ID, e.Text, got, e.Hit)
			}
		}
	}
}
