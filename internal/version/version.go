// Package version says which build of upward is running, for `upward
// version`, SARIF output and the language server's serverInfo.
package version

import (
	"runtime"
	"runtime/debug"
	"strings"
)

// version is set at link time (release builds do):
//
//	go build -ldflags "-X github.com/upward-lint/upward/internal/version.version=v0.1.0" ./cmd/upward
var version = ""

// Long returns what `upward version` prints after "upward ": the version,
// the commit when the build recorded one, then the Go version and platform,
// e.g. "v0.2.0 (commit 0123456789ab, 2026-11-30T10:00:00Z) go1.26.8 linux/amd64".
func Long() string {
	info, _ := debug.ReadBuildInfo()
	return describeBuild(version, info)
}

// Short returns the version alone, the first word of Long: "v0.2.0", or
// "devel" for a build that records none.
func Short() string { return strings.Fields(Long())[0] }

// describeBuild formats Long from the link-time version and the build
// info (nil when the binary has none). The version is the link-time one,
// else the module version (`go install …@v0.2.0`, or the pseudo-version `go
// build` derives from the VCS), else "devel". The commit and its time come
// from the VCS stamp `go build` records in a checkout; `go install …@version`
// builds record none, and a tree with uncommitted changes adds "+dirty".
func describeBuild(linked string, info *debug.BuildInfo) string {
	v := linked
	if v == "" && info != nil && info.Main.Version != "" && info.Main.Version != "(devel)" {
		v = info.Main.Version
	}
	if v == "" {
		v = "devel"
	}
	var rev, when string
	var dirty bool
	if info != nil {
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	var b strings.Builder
	b.WriteString(v)
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		b.WriteString(" (commit " + rev)
		if dirty {
			b.WriteString("+dirty")
		}
		if when != "" {
			b.WriteString(", " + when)
		}
		b.WriteString(")")
	}
	goVersion := runtime.Version()
	if info != nil && info.GoVersion != "" {
		goVersion = info.GoVersion
	}
	b.WriteString(" " + goVersion + " " + runtime.GOOS + "/" + runtime.GOARCH)
	return b.String()
}
