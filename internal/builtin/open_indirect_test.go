package builtin

import "testing"

func TestIndirectTopic(t *testing.T) {
	for q, want := range map[string]string{
		"How do you want me to play this?":                                         "On how to play this",
		"Where do you think I should start?":                                       "On where to start",
		"What line should we take with the landlord?":                              "On what line to take with the landlord",
		"Any thoughts on how we respond?":                                          "On how to respond",
		"How should the flasks be split between us and the Rossi lab?":             "On how the flasks should be split between us and the Rossi lab",
		"How should I reply them?":                                                 "On how to reply to them",
		"What should the team prioritise?":                                         "On what the team should prioritise",
		"Which vendor should we pick?":                                             "On which vendor to pick",
		"When should we tell the client?":                                          "On when to tell the client",
		"What do I tell them?":                                                     "On what to tell them",
		"How are we going to pay for the 3 extra vans?":                            "On how to pay for the 3 extra vans",
		"How am I supposed to finish this by Friday?":                              "On how to finish this by Friday",
		"How should I structure her first month?":                                  "On how to structure her first month",
		"Let me know how you want to handle the Q2 accruals when you get a chance": "On how to handle the Q2 accruals",
		"Any ideas what she can work on?":                                          "On what she can work on",
		"what exactly am I supposed to say to them":                                "On what to say to them",
		"what am i even supposed to do when nobody responds?":                      "On what to do when nobody responds",
		// Nothing named but the handover, or not this shape.
		"What should I do?":                               "",
		"What do we do now?":                              "",
		"What do you suggest?":                            "",
		"Where do we go from here?":                       "",
		"How do you want us to handle?":                   "",
		"Why should I care?":                              "",
		"How the hell do we fix this?":                    "",
		"How do we frame the update, how do we staff it?": "",
	} {
		if got := indirectTopic(q); got != want {
			t.Errorf("indirectTopic(%q) = %q, want %q", q, got, want)
		}
	}
}
