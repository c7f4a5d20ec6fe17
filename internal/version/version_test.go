package version

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestDescribeBuild(t *testing.T) {
	platform := " go1.26.8 " + runtime.GOOS + "/" + runtime.GOARCH
	vcs := []debug.BuildSetting{
		{Key: "-trimpath", Value: "true"},
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
		{Key: "vcs.time", Value: "2026-11-30T10:00:00Z"},
		{Key: "vcs.modified", Value: "false"},
	}
	dirty := append(append([]debug.BuildSetting(nil), vcs[:4]...), debug.BuildSetting{Key: "vcs.modified", Value: "true"})
	info := func(mainVersion string, settings []debug.BuildSetting) *debug.BuildInfo {
		return &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/upward-lint/upward", Version: mainVersion}, Settings: settings}
	}
	for _, tc := range []struct {
		name, linked string
		info         *debug.BuildInfo
		want         string
	}{
		{"release build: link-time version and VCS stamp", "v0.2.0", info("(devel)", vcs),
			"v0.2.0 (commit 0123456789ab, 2026-11-30T10:00:00Z)" + platform},
		{"go install @version: module version, no commit", "", info("v0.2.0", nil),
			"v0.2.0" + platform},
		{"go build in a clone: pseudo-version and commit", "", info("v0.2.1-0.20261130100000-0123456789ab", vcs),
			"v0.2.1-0.20261130100000-0123456789ab (commit 0123456789ab, 2026-11-30T10:00:00Z)" + platform},
		{"uncommitted changes", "", info("(devel)", dirty),
			"devel (commit 0123456789ab+dirty, 2026-11-30T10:00:00Z)" + platform},
		{"no VCS stamp", "", info("(devel)", nil), "devel" + platform},
	} {
		if got := describeBuild(tc.linked, tc.info); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
	if got, want := describeBuild("", nil), "devel "+runtime.Version()+" "+runtime.GOOS+"/"+runtime.GOARCH; got != want {
		t.Errorf("no build info: got %q, want %q", got, want)
	}
}

func TestLinkTimeVersion(t *testing.T) {
	version = "v9.9.9"
	defer func() { version = "" }()
	if got := Long(); !strings.HasPrefix(got, "v9.9.9 ") {
		t.Errorf("Long() = %q: the ldflags version is not used", got)
	}
	if got := Short(); got != "v9.9.9" {
		t.Errorf("Short() = %q, want v9.9.9", got)
	}
}
