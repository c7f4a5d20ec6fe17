package regfile

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// DefaultMaxSize is the largest text the CLI (--max-size) and the language
// server (upward lsp --max-size) lint by default. A 10 MB document lints
// fine.
const DefaultMaxSize = 16 << 20

// ParseSize parses "1234", "512KB", "16MB" or "1GB" (powers of 1024).
func ParseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.m
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > math.MaxInt64/mult {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return n * mult, nil
}
