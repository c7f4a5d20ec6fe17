package builtin

import (
	"regexp"
	"testing"
)

func TestLazyRegexps(t *testing.T) {
	if len(lazyPatterns) == 0 {
		t.Fatal("no patterns registered through lazyRE")
	}
	for _, p := range lazyPatterns {
		if _, err := regexp.Compile(p); err != nil {
			t.Errorf("lazyRE pattern: %v", err)
		}
	}
}
