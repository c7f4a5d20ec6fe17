package regfile

import "testing"

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"10": 10, "512KB": 512 << 10, "16MB": 16 << 20, "1g": 1 << 30, "3 MB": 3 << 20} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MB", "-1", "0", "ten", "9999999999999GB"} {
		if _, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q) succeeded", in)
		}
	}
}
