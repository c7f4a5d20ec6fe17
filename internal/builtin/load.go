package builtin

import (
	"fmt"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/rules"
)

// ruleFile is the schema of rules/<rule-id>.toml.
type ruleFile struct {
	ID        string   `toml:"id"`
	Title     string   `toml:"title"`
	Principle string   `toml:"principle"`
	Source    string   `toml:"source"`
	Severity  string   `toml:"severity"`
	Scope     string   `toml:"scope"` // "sentence" or "document"
	Kinds     []string `toml:"kinds"` // document kinds, for document rules
	Doc       string   `toml:"doc"`
	Before    string   `toml:"before"`
	After     string   `toml:"after"`
	// Messages are message templates keyed by sub-check.
	Messages map[string]string `toml:"messages"`
	// Phrases are phrase lists keyed by group name; what the groups mean is
	// up to the rule's Go code.
	Phrases map[string][]string `toml:"phrases"`
	// Replacements are rewrite templates keyed by phrase group or sub-check.
	Replacements map[string]string `toml:"replacements"`
	// Hints pick a placeholder for a rewrite: the first hint one of whose
	// words occurs in the text gives its placeholder.
	Hints    []ruleHint `toml:"hint"`
	Examples []struct {
		Text string `toml:"text"`
		Hit  bool   `toml:"hit"`
		Note string `toml:"note"`
	} `toml:"example"`
}

// ruleHint maps words in the text to a placeholder suggestion.
type ruleHint struct {
	When []string `toml:"when"`
	Text string   `toml:"text"`
}

// loaded is the memoised result of decoding one rule file.
type loaded struct {
	once sync.Once
	r    *lint.Rule
	rf   *ruleFile
	err  error
}

// loadCache holds the decoded rule files by ID: decoding TOML is most of
// the cost of loading the rules, and All decodes the files concurrently
// ahead of building the rules (see prefetch).
var loadCache sync.Map // id -> *loaded

// loadRule decodes rules/<id>.toml strictly (unknown keys are an error) and
// returns the rule with its documentation filled in, plus the raw data for
// the rule's matcher (shared: read it, do not change it). The caller sets
// Run on its own copy of the rule. Each file is decoded once.
func loadRule(id string) (*lint.Rule, *ruleFile, error) {
	v, _ := loadCache.LoadOrStore(id, &loaded{})
	l := v.(*loaded)
	l.once.Do(func() { l.r, l.rf, l.err = decodeRule(id) })
	if l.err != nil {
		return nil, nil, l.err
	}
	r := *l.r
	return &r, l.rf, nil
}

// prefetch decodes the given rule files concurrently, so that loadRule
// finds them decoded.
func prefetch(ids []string) {
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Go(func() { _, _, _ = loadRule(id) })
	}
	wg.Wait()
}

// decodeRule is loadRule without the cache.
func decodeRule(id string) (*lint.Rule, *ruleFile, error) {
	name := id + ".toml"
	var rf ruleFile
	md, err := toml.DecodeFS(rules.FS, name, &rf)
	if err != nil {
		return nil, nil, fmt.Errorf("rules/%s: %w", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		return nil, nil, fmt.Errorf("rules/%s: unknown keys: %s", name, strings.Join(keys, ", "))
	}
	if rf.ID != id {
		return nil, nil, fmt.Errorf("rules/%s: id is %q, want %q", name, rf.ID, id)
	}
	sev, err := lint.ParseSeverity(rf.Severity)
	if err != nil {
		return nil, nil, fmt.Errorf("rules/%s: %w", name, err)
	}
	r := &lint.Rule{
		ID: rf.ID, Title: rf.Title, Principle: rf.Principle, Source: rf.Source,
		Doc: strings.TrimSpace(rf.Doc), Before: rf.Before, After: rf.After, Severity: sev,
	}
	switch rf.Scope {
	case "sentence", "":
		r.Scope = lint.SentenceScope
	case "document":
		r.Scope = lint.DocumentScope
	default:
		return nil, nil, fmt.Errorf("rules/%s: unknown scope %q (want sentence or document)", name, rf.Scope)
	}
	for _, k := range rf.Kinds {
		kind, ok := document.ParseKind(k)
		if !ok {
			return nil, nil, fmt.Errorf("rules/%s: unknown kind %q", name, k)
		}
		r.Kinds = append(r.Kinds, kind)
	}
	for _, e := range rf.Examples {
		r.Examples = append(r.Examples, lint.Example{Text: e.Text, Hit: e.Hit, Note: e.Note})
	}
	return r, &rf, nil
}

// mustLoad is loadRule for the embedded built-ins, whose validity a test
// guarantees.
func mustLoad(id string) (*lint.Rule, *ruleFile) {
	r, rf, err := loadRule(id)
	if err != nil {
		panic(err)
	}
	return r, rf
}
