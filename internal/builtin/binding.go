package builtin

import (
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/upward-lint/upward/internal/builtin/rulefile"
)

// Rule code reaches the data of rules/<id>.toml (phrase groups, messages,
// replacements) only through handles resolved once, when the package
// initialises. Each sentence rule declares what it uses as a struct and
// fills it from a binder:
//
//	var complaint = bind("complaint", func(b *binder) (d complaintFile) {
//		d.groups.burnout = b.group("burnout")
//		d.msg.opener = b.message("opener")
//		...
//	})
//
// and then reads complaint.groups.burnout or complaint.msg.opener. A name
// the file lacks is a binder error, which bind turns into a panic at init:
// every binary and every test stops at start-up, and
// TestBindingsCheckEveryName shows that each name a rule binds is checked.
// Nothing falls back to a default on a typo.
//
// A hit carries its group's handle (see hit.group), so rules compare
// groups by handle (h.group == complaint.groups.burnout), never by name.
//
// The document rules bind the same way: their pattern groups
// (b.patterns("headings")), word lists (b.words("notnames")) and messages.

// A phraseGroup is a handle on one phrase group of one rule file. There is
// one handle per group: compare handles, not names.
type phraseGroup struct {
	rule, name string
	// lazy groups are context groups of very common words ("will",
	// "plan", "can"), left out of the shared scan and scanned only in
	// blocks the rule's triggers selected (see phraseSet.withLazy).
	lazy bool
}

func (g *phraseGroup) String() string { return g.rule + "/" + g.name }

// extraGroup is the group of phrases a config adds to a rule (see
// extraSet) where the rule does not count them as one of its own groups.
var extraGroup = &phraseGroup{name: "extra"}

// handleTables holds the group handles of each rule file, by rule ID and
// group name. The sentence rules bind at init, which fills it; later it is
// only read.
var (
	handleMu     sync.Mutex
	handleTables = map[string]map[string]*phraseGroup{}
)

// groupHandles returns the handles of the phrase groups of rules/<id>.toml.
func groupHandles(id string) map[string]*phraseGroup {
	handleMu.Lock()
	defer handleMu.Unlock()
	t, ok := handleTables[id]
	if !ok {
		_, rf := mustLoad(id)
		t = newHandles(rf)
		handleTables[id] = t
	}
	return t
}

func newHandles(rf *ruleFile) map[string]*phraseGroup {
	t := make(map[string]*phraseGroup, len(rf.Phrases))
	for g := range rf.Phrases {
		t[g] = &phraseGroup{rule: rf.ID, name: g}
	}
	return t
}

// A binder resolves the names a rule's code uses in its rule file,
// recording an error for each one the file lacks.
type binder struct {
	rf      *ruleFile
	handles map[string]*phraseGroup
	errs    []error
	asked   []name // the names looked up in rf, for the tests
}

// A name is a name a rule looks up in its file: kind is "group",
// "message", "replacement" or "fix".
type name struct{ kind, name string }

// group returns the handle of one of the file's phrase groups.
func (b *binder) group(name string) *phraseGroup {
	b.ask("group", name)
	g, ok := b.handles[name]
	if !ok {
		b.errorf("no phrase group %q", name)
		return &phraseGroup{rule: b.rf.ID, name: name}
	}
	return g
}

// lazyGroup is group for a context group (see phraseGroup.lazy).
func (b *binder) lazyGroup(name string) *phraseGroup {
	g := b.group(name)
	g.lazy = true
	return g
}

// groupIn returns the handle of a phrase group of another rule's file, for
// a rule that reads that rule's hits in the shared scan.
func (b *binder) groupIn(rule, name string) *phraseGroup {
	g, ok := groupHandles(rule)[name]
	if !ok {
		b.errorf("no phrase group %q in rules/%s.toml", name, rule)
		return &phraseGroup{rule: rule, name: name}
	}
	return g
}

// A patternGroup is a handle on one pattern group of a document rule's
// file: phrases.<name>, RE2 patterns that the rule compiles with docCompile
// on its first run (see compileDocRules). The zero patternGroup stands for
// a group the rule's file does not have: it compiles to no patterns.
type patternGroup struct {
	rule, name string
	pats       []string
}

// compile returns the group's patterns (see docCompile).
func (g patternGroup) compile() *docPatterns { return docCompile(g.rule, g.name, g.pats) }

// patterns returns the handle of one of the file's pattern groups.
func (b *binder) patterns(name string) patternGroup {
	pats := b.phrases(name)
	if _, ok := rulefile.GroupPrefix(name); !ok {
		b.errorf("phrases.%s is a word list, not patterns", name)
	}
	return patternGroup{rule: b.rf.ID, name: name, pats: pats}
}

// words returns one of the file's word lists (see rulefile.GroupPrefix).
func (b *binder) words(name string) []string {
	ws := b.phrases(name)
	if _, ok := rulefile.GroupPrefix(name); ok {
		b.errorf("phrases.%s is patterns, not a word list", name)
	}
	return ws
}

func (b *binder) phrases(name string) []string {
	return lookup(b, "group", "phrase group", b.rf.Phrases, name)
}

// message returns the text of one of the file's messages.
func (b *binder) message(name string) string {
	return lookup(b, "message", "message", b.rf.Messages, name)
}

// replacement returns the text of one of the file's replacements.
func (b *binder) replacement(name string) string {
	return lookup(b, "replacement", "replacement", b.rf.Replacements, name)
}

// fixList returns one of the file's [fix] word lists (see rulefile.File.Fix).
func (b *binder) fixList(name string) []string {
	return lookup(b, "fix", "fix list", b.rf.Fix, name)
}

// lookup returns m[name], recording that the rule asked for it (as kind)
// and an error naming what (the kind in the error) when the file lacks it.
func lookup[T any](b *binder, kind, what string, m map[string]T, name string) T {
	b.ask(kind, name)
	v, ok := m[name]
	if !ok {
		b.errorf("no %s %q", what, name)
	}
	return v
}

// groups returns the handles of all the file's phrase groups, sorted by
// name.
func (b *binder) groups() []*phraseGroup { return sortedHandles(b.handles) }

// sortedHandles returns the handles of a table, sorted by name.
func sortedHandles(t map[string]*phraseGroup) []*phraseGroup {
	gs := make([]*phraseGroup, 0, len(t))
	for _, g := range t {
		gs = append(gs, g)
	}
	sort.Slice(gs, func(i, j int) bool { return gs[i].name < gs[j].name })
	return gs
}

func (b *binder) ask(kind, n string) { b.asked = append(b.asked, name{kind, n}) }

func (b *binder) errorf(format string, args ...any) {
	b.errs = append(b.errs, fmt.Errorf("rules/%s.toml: "+format, append([]any{b.rf.ID}, args...)...))
}

func (b *binder) err() error { return errors.Join(b.errs...) }

// bindings are the binding functions of the rules, for the tests.
var bindings []binding

type binding struct {
	id   string
	bind func(*binder)
}

// bind fills a D from rules/<id>.toml with f and panics if f named
// anything the file lacks. The rules bind in package variable
// initialisers, so that happens at init.
func bind[D any](id string, f func(b *binder) D) D {
	bindings = append(bindings, binding{id, func(b *binder) { f(b) }})
	_, rf := mustLoad(id)
	b := &binder{rf: rf, handles: groupHandles(id)}
	d := f(b)
	if err := b.err(); err != nil {
		panic(err)
	}
	return d
}

// modelText is what a sentence rule's file gives the learned model's
// findings (see learnedRule): message "model" and, where the rule offers
// one, replacement "model".
type modelText struct{ msg, fix string }
