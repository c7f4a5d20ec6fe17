package builtin

import (
	"regexp"
	"sync"
)

// lazyRE returns a function that compiles pattern on its first call. Most
// patterns of the rules run only after a phrase hit or to build a fix, so
// compiling them when the package starts would cost every process, even
// `upward version` (about 2 ms for all of them). TestLazyRegexps compiles
// every one, so a bad pattern still fails the tests.
func lazyRE(pattern string) func() *regexp.Regexp {
	lazyPatterns = append(lazyPatterns, pattern)
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}

// lazyPatterns are the patterns given to lazyRE, for TestLazyRegexps.
var lazyPatterns []string
