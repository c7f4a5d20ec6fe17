package builtin

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/upward-lint/upward/internal/builtin/rulefile"
	"github.com/upward-lint/upward/internal/lint"
)

// ruleFile is the schema of rules/<rule-id>.toml. The files are decoded
// ahead of time into rulefiles_gen.go: no TOML is read at run time.
type ruleFile = rulefile.File

//go:generate go run ./gen

// loaded is the memoised result of loading one rule file.
type loaded struct {
	once sync.Once
	r    *lint.Rule
	rf   *ruleFile
	err  error
}

var loadCache sync.Map // id -> *loaded

// loadRule returns the rule rules/<id>.toml describes, with its
// documentation filled in, plus the raw data for the rule's matcher
// (shared: read it, do not change it). The caller sets Run on its own copy
// of the rule. Each file is loaded once.
func loadRule(id string) (*lint.Rule, *ruleFile, error) {
	v, _ := loadCache.LoadOrStore(id, &loaded{})
	l := v.(*loaded)
	l.once.Do(func() { l.r, l.rf, l.err = buildRule(id) })
	if l.err != nil {
		return nil, nil, l.err
	}
	r := *l.r
	return &r, l.rf, nil
}

// buildRule is loadRule without the cache. The generated data was checked
// when it was generated (see TestRuleFilesMatchTOML); the checks of
// rulefile.File.Rule run again here because they are cheap and build the
// rule anyway.
func buildRule(id string) (*lint.Rule, *ruleFile, error) {
	rf := genRuleFile(id)
	if rf == nil {
		return nil, nil, fmt.Errorf("rules/%s.toml: no such rule file", id)
	}
	r, err := rf.Rule()
	if err != nil {
		return nil, nil, err
	}
	return r, rf, nil
}

// ruleData is a rule file as go generate writes it (rulefiles_gen.go):
// its maps as key-value slices, so that the linker lays all of it out as
// static data and nothing runs at start-up.
type ruleData struct {
	file                   rulefile.File // without its maps
	messages, replacements []keyText
	phrases, fix           []keyPhrases
}

type keyText struct{ key, text string }

type keyPhrases struct {
	key     string
	phrases []string
}

// genRuleFile returns rules/<id>.toml decoded, or nil if there is no such
// file. The slices in it are shared: read them, do not change them.
func genRuleFile(id string) *ruleFile {
	i, ok := slices.BinarySearchFunc(ruleFileData[:], id, func(d ruleData, id string) int {
		return strings.Compare(d.file.ID, id)
	})
	if !ok {
		return nil
	}
	d := &ruleFileData[i]
	f := d.file
	f.Messages = textMap(d.messages)
	f.Replacements = textMap(d.replacements)
	f.Phrases = phraseMap(d.phrases)
	f.Fix = phraseMap(d.fix)
	return &f
}

func phraseMap(kps []keyPhrases) map[string][]string {
	if kps == nil {
		return nil
	}
	m := make(map[string][]string, len(kps))
	for _, kp := range kps {
		m[kp.key] = kp.phrases
	}
	return m
}

func textMap(kts []keyText) map[string]string {
	if kts == nil {
		return nil
	}
	m := make(map[string]string, len(kts))
	for _, kt := range kts {
		m[kt.key] = kt.text
	}
	return m
}

// mustLoad is loadRule for the built-ins, whose validity
// TestRuleFilesMatchTOML guarantees.
func mustLoad(id string) (*lint.Rule, *ruleFile) {
	r, rf, err := loadRule(id)
	if err != nil {
		panic(err)
	}
	return r, rf
}
