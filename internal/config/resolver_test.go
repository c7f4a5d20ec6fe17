package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

const hedgingOff = "[rules.hedging]\nenabled = false\n"

func hedgingEnabled(c *Config) bool { return !c.Options().Disabled["hedging"] }

func TestResolverNearestWins(t *testing.T) {
	root := t.TempDir()
	top := write(t, root, FileName, "")
	team := write(t, root, "team/"+FileName, hedgingOff)
	r := NewResolver(nil)

	for _, tc := range []struct {
		dir, want string
	}{
		{filepath.Join(root, "team", "deep", "er"), team},
		{filepath.Join(root, "team"), team},
		{filepath.Join(root, "other"), top},
		{root, top},
	} {
		rv := r.Resolve(tc.dir)
		if rv.Path != tc.want || rv.Err != nil || rv.Config.Path != tc.want {
			t.Errorf("Resolve(%s) = %q (config %q), %v; want %q", tc.dir, rv.Path, rv.Config.Path, rv.Err, tc.want)
		}
		if got := r.Nearest(tc.dir); got != tc.want {
			t.Errorf("Nearest(%s) = %q, want %q", tc.dir, got, tc.want)
		}
	}
	if hedgingEnabled(r.Resolve(filepath.Join(root, "team", "x")).Config) {
		t.Error("team/x: the nearer config turns hedging off, got it on")
	}
	if !hedgingEnabled(r.Resolve(root).Config) {
		t.Error("root: hedging off, want the top config's default")
	}
}

// TestResolverFind was TestFind, of the Find that Nearest replaced.
func TestResolverFind(t *testing.T) {
	root := t.TempDir()
	cfg := write(t, root, "team/"+FileName, "")
	write(t, root, "team/notes/deep/x.md", "")
	r := NewResolver(nil)
	if got := r.Nearest(filepath.Join(root, "team", "notes", "deep")); got != cfg {
		t.Errorf("Nearest = %q; want %q", got, cfg)
	}
	if got := r.Nearest(filepath.Join(root, "team")); got != cfg {
		t.Errorf("Nearest(team) = %q", got)
	}
	// A folder named like the config file is not a config.
	if err := os.MkdirAll(filepath.Join(root, "other", FileName), 0o755); err != nil {
		t.Fatal(err)
	}
	if got := r.Nearest(filepath.Join(root, "other")); got != "" && strings.HasPrefix(got, root) {
		t.Errorf("Nearest(other) = %q; want nothing under the root", got)
	}
}

func TestResolverNoConfig(t *testing.T) {
	dir := t.TempDir()
	rv := NewResolver(nil).Resolve(dir)
	// A temporary folder may lie below a config of the machine's; only a
	// run without one can check for none.
	if found := NewResolver(nil).Nearest(dir); found == "" && (rv.Path != "" || rv.Err != nil || rv.Config == nil || rv.Config.Path != "") {
		t.Errorf("Resolve with no config = %+v; want the default", rv)
	}
}

func TestResolverCaches(t *testing.T) {
	root := t.TempDir()
	p := write(t, root, FileName, hedgingOff)
	r := NewResolver(nil)
	a := r.Resolve(filepath.Join(root, "a"))
	b := r.Resolve(filepath.Join(root, "b", "c"))
	if a.Config != b.Config {
		t.Error("two folders under one config got two loads of it")
	}
	// The file is read once: a change on disk is not seen until Invalidate.
	write(t, root, FileName, "")
	if c := r.Resolve(filepath.Join(root, "a")); c.Config != a.Config {
		t.Error("Resolve read the file again without an invalidation")
	}
	// Nor is a new, nearer file.
	write(t, root, "a/"+FileName, "")
	if got := r.Nearest(filepath.Join(root, "a")); got != p {
		t.Errorf("Nearest = %q before Invalidate, want the cached %q", got, p)
	}
	if got := r.Resolve(filepath.Join(root, "a")).Changed; got {
		t.Error("a cache hit reports a change")
	}
}

func TestResolverInvalidate(t *testing.T) {
	root := t.TempDir()
	p := write(t, root, FileName, hedgingOff)
	sub := filepath.Join(root, "sub")
	r := NewResolver(nil)
	old := r.Resolve(sub).Config

	// A changed file is reloaded.
	write(t, root, FileName, "")
	rv := r.Invalidate(p)
	if rv.Config == old || !hedgingEnabled(rv.Config) || rv.Changed {
		t.Errorf("after a change: %+v; want the new text loaded, no change of error", rv)
	}
	if r.Resolve(sub).Config != rv.Config {
		t.Error("Resolve does not return the reloaded config")
	}

	// A new, nearer file is found.
	q := write(t, sub, FileName, hedgingOff)
	r.Invalidate(q)
	if got := r.Resolve(sub); got.Path != q || hedgingEnabled(got.Config) {
		t.Errorf("after creating %s: %+v", q, got)
	}

	// A deleted one is forgotten: its folder goes back to the one above.
	if err := os.Remove(q); err != nil {
		t.Fatal(err)
	}
	if rv := r.Invalidate(q); rv.Changed || rv.Err != nil {
		t.Errorf("Invalidate of a deleted, good file = %+v", rv)
	}
	if got := r.Resolve(sub).Path; got != p {
		t.Errorf("after deleting %s: Resolve = %q, want %q", q, got, p)
	}

	// A file not in use is not loaded.
	other := write(t, t.TempDir(), FileName, "[broken")
	if rv := r.Invalidate(other); rv.Changed || rv.Err != nil {
		t.Errorf("Invalidate of a file not in use = %+v", rv)
	}
}

func TestResolverKeepsLastGood(t *testing.T) {
	root := t.TempDir()
	p := write(t, root, FileName, hedgingOff)
	r := NewResolver(nil)
	good := r.Resolve(root)

	write(t, root, FileName, "[rules.hedging]\nenabeld = false\n")
	rv := r.Invalidate(p)
	var ce *Error
	if rv.Config != good.Config || !rv.Changed || !errors.As(rv.Err, &ce) || ce.Line != 2 {
		t.Fatalf("broken file: %+v; want the last good config, a change, and the error at line 2", rv)
	}
	if got := r.Resolve(root); got.Config != good.Config || got.Err == nil || got.Changed {
		t.Errorf("Resolve after the break = %+v; want the last good config and the error kept", got)
	}
	if err := r.Err(p); err == nil || !strings.Contains(err.Error(), "enabeld") {
		t.Errorf("Err = %v", err)
	}
	// The same error again is no change; a fix clears it.
	if rv := r.Reload(p); rv.Changed {
		t.Errorf("reload with the same error reports a change: %+v", rv)
	}
	write(t, root, FileName, "")
	if rv := r.Reload(p); !rv.Changed || rv.Err != nil || rv.Config == good.Config {
		t.Errorf("after the fix: %+v", rv)
	}

	// A file broken from the start has the default config meanwhile.
	bad := write(t, t.TempDir(), FileName, "[rules.hedging")
	rv = r.Resolve(filepath.Dir(bad))
	if rv.Err == nil || !rv.Changed || rv.Config == nil || rv.Config.Path != "" {
		t.Errorf("broken from the start: %+v; want the error, a change and the default config", rv)
	}
}

func TestResolverOverlay(t *testing.T) {
	root := t.TempDir()
	p := write(t, root, FileName, "")
	sub := filepath.Join(root, "sub")
	r := NewResolver(nil)
	if !hedgingEnabled(r.Resolve(sub).Config) {
		t.Fatal("hedging off before the overlay")
	}
	text := hedgingOff
	r.SetOverlay(p, &text)
	text = "" // the resolver keeps its own copy
	if hedgingEnabled(r.Resolve(sub).Config) {
		t.Error("the overlay's text is not used")
	}
	// The overlay stands however the file on disk changes.
	write(t, root, FileName, "[broken")
	if rv := r.Invalidate(p); rv.Err != nil || hedgingEnabled(rv.Config) {
		t.Errorf("Invalidate with an overlay = %+v; want the overlay kept", rv)
	}
	r.SetOverlay(p, nil)
	if rv := r.Resolve(sub); rv.Err == nil || hedgingEnabled(rv.Config) {
		t.Errorf("without the overlay: %+v; want the broken file's error and the last good config", rv)
	}

	// An overlay for a file not on disk (an editor's new buffer) is found.
	q := filepath.Join(sub, FileName)
	r.SetOverlay(q, &text)
	if got := r.Resolve(filepath.Join(sub, "x")); got.Path != q || got.Err != nil {
		t.Errorf("Resolve with an overlay of a new file = %+v, want %s", got, q)
	}
	r.SetOverlay(q, nil)
	if got := r.Nearest(filepath.Join(sub, "x")); got != p {
		t.Errorf("Nearest after dropping the overlay = %q, want %q", got, p)
	}
}

func TestResolverShow(t *testing.T) {
	root := t.TempDir()
	write(t, root, FileName, "[rules.hedging\n")
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	var shown string
	r := NewResolver(func(p string) string {
		shown, _ = filepath.Rel(wd, p)
		return shown
	})
	rv := r.Resolve(root)
	if rv.Path != filepath.Join(root, FileName) || rv.Err == nil || !strings.HasPrefix(rv.Err.Error(), shown+":1:") {
		t.Errorf("Resolve = %+v; want the absolute path and the error under the shown name %q", rv, shown)
	}
}

func TestResolverUnreadable(t *testing.T) {
	root := t.TempDir()
	// A config that cannot be looked at (here a symlink to itself) applies,
	// with the reason as its error, and hides the ones above it.
	write(t, root, FileName, "")
	loop := filepath.Join(root, "sub", FileName)
	if err := os.Mkdir(filepath.Dir(loop), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(FileName, loop); err != nil {
		t.Skip(err)
	}
	rv := NewResolver(nil).Resolve(filepath.Join(root, "sub", "x"))
	if rv.Path != loop || rv.Err == nil || !strings.Contains(rv.Err.Error(), "symbolic links") {
		t.Errorf("Resolve below a config that is a symlink loop = %+v", rv)
	}
}

// TestResolverConcurrent resolves, reloads and invalidates from many
// goroutines; run it with -race.
func TestResolverConcurrent(t *testing.T) {
	root := t.TempDir()
	var paths []string
	for _, d := range []string{"a", "b", "a/c"} {
		paths = append(paths, write(t, root, d+"/"+FileName, hedgingOff))
	}
	r := NewResolver(nil)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 50 {
				dir := filepath.Join(root, []string{"a", "b", "a/c", "a/c/d", "e"}[(i+j)%5])
				rv := r.Resolve(dir)
				if rv.Config == nil {
					t.Error("nil config")
					return
				}
				_ = r.Nearest(dir)
				p := paths[j%len(paths)]
				switch j % 7 {
				case 0:
					r.Invalidate(p)
				case 3:
					r.Reload(p)
				case 5:
					text := ""
					r.SetOverlay(p, &text)
					r.SetOverlay(p, nil)
				}
				_ = r.Err(p)
				_ = r.Configs()
			}
		}()
	}
	wg.Wait()
	for _, p := range paths {
		if rv := r.Reload(p); rv.Err != nil || hedgingEnabled(rv.Config) {
			t.Errorf("%s after the storm: %+v", p, rv)
		}
	}
}
