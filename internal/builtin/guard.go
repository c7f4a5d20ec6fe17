package builtin

import (
	"regexp"
	"strings"
)

// A guardedRE is a case-insensitive pattern with the literals one of which
// every match contains. Testing for the literals first is far cheaper than
// running the pattern, and most sentences have none of them.
type guardedRE struct {
	re   func() *regexp.Regexp
	lits []string // lower case
}

// guard compiles pattern on first use; every match of it must contain one of lits,
// compared in lower case (TestGuardLiterals checks the examples).
func guard(pattern string, lits ...string) guardedRE {
	g := guardedRE{re: lazyRE(pattern), lits: lits}
	guards = append(guards, g)
	return g
}

// guards are all the guarded patterns, for TestGuardLiterals.
var guards []guardedRE

// may reports whether l, a guardLower text, contains one of g's literals.
func (g guardedRE) may(l string) bool {
	for _, lit := range g.lits {
		if strings.Contains(l, lit) {
			return true
		}
	}
	return false
}

// match reports whether s matches; l is guardLower(s).
func (g guardedRE) match(s, l string) bool {
	return g.may(l) && g.re().MatchString(s)
}

// guardLower folds s the way (?i) does for the guards' ASCII literals:
// lower case, with the long s and Kelvin sign that fold to 's' and 'k'.
func guardLower(s string) string {
	l := strings.ToLower(s)
	if strings.Contains(l, "\u017f") {
		l = strings.ReplaceAll(l, "\u017f", "s")
	}
	return l
}
