package config

import (
	"path/filepath"
	"sync"
)

// Resolver finds the config that applies to each folder and keeps the
// files it loads: the CLI and the language server both resolve configs
// through one. Each folder's nearest .upward.toml is looked up once, and
// each file is loaded once, whichever folders share it, until Invalidate,
// SetOverlay or Reload says it changed.
//
// A file that stops loading keeps its last good version in use, and its
// error is kept for reporting. A Resolver is safe for concurrent use.
type Resolver struct {
	show func(string) string
	def  *Config

	mu    sync.Mutex
	dirs  map[string]string // absolute folder → nearest config path, "" for none
	files map[string]*configFile
}

// configFile is the state of one config file.
type configFile struct {
	// overlay is the text that takes the place of the file on disk, if any
	// (an editor's buffer); a file with an overlay exists for the lookup.
	overlay *string
	loaded  bool
	good    *Config // the last version that loaded, nil until one did
	err     error   // why the current text does not load, nil when it does
}

// Resolved is the config that applies to a folder, or the state of one
// config file.
type Resolved struct {
	// Path is the absolute path of the config file, "" when none applies.
	Path string
	// Config is the last version of the file that loaded, or the default
	// config when none did or no file applies. It is never nil.
	Config *Config
	// Err is why the file does not load now, nil when it does.
	Err error
	// Changed reports that this call loaded the file and that Err differs
	// from what it was before (for a first load: that Err is not nil).
	Changed bool
}

// NewResolver returns an empty Resolver. show, when not nil, gives another
// name of a config file's absolute path, which it is read by and which
// errors and Config.Path use (the CLI shows paths relative to the working
// folder); the Resolver knows files by their absolute paths all the same.
func NewResolver(show func(path string) string) *Resolver {
	return &Resolver{show: show, def: Default(), dirs: map[string]string{}, files: map[string]*configFile{}}
}

// Resolve returns the config for the files in dir: the nearest
// .upward.toml walking up from dir, loaded on first use.
func (r *Resolver) Resolve(dir string) Resolved {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Resolved{Path: dir, Config: r.def, Err: err}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	p := r.nearestLocked(abs)
	if p == "" {
		return Resolved{Config: r.def}
	}
	return r.loadLocked(p, false)
}

// Nearest returns the path of the config file for the files in dir, or ""
// when there is none, without loading it.
func (r *Resolver) Nearest(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.nearestLocked(abs)
}

// Reload loads the config file at path again, from its overlay or else
// from disk, and returns its state.
func (r *Resolver) Reload(path string) Resolved {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.loadLocked(path, true)
}

// Invalidate says the file at path changed on disk, appeared or went away.
// Folder lookups are made again. A file in use without an overlay is
// reloaded now, and forgotten if it is gone; the result says whether its
// error changed (a file that is gone has none).
func (r *Resolver) Invalidate(path string) Resolved {
	r.mu.Lock()
	defer r.mu.Unlock()
	clear(r.dirs)
	f := r.files[path]
	if f == nil || !f.loaded || f.overlay != nil {
		return r.resolvedLocked(path, f, false)
	}
	if ok, _ := probe(path); !ok {
		delete(r.files, path)
		return Resolved{Path: path, Config: r.def, Changed: f.err != nil}
	}
	return r.loadLocked(path, true)
}

// SetOverlay sets the text that takes the place of the file at path, as
// an editor's buffer does, or with nil goes back to the file on disk. The
// file is loaded again on next use, and a file with an overlay is found by
// lookups whether or not it is on disk.
func (r *Resolver) SetOverlay(path string, text *string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f := r.files[path]
	if f == nil {
		if text == nil {
			return
		}
		f = &configFile{}
		r.files[path] = f
	}
	if (f.overlay == nil) != (text == nil) {
		clear(r.dirs)
	}
	if text != nil {
		t := *text
		text = &t
	}
	f.overlay, f.loaded = text, false
}

// Err returns why the config file at path does not load, as last loaded;
// nil when it loads or is not known.
func (r *Resolver) Err(path string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if f := r.files[path]; f != nil {
		return f.err
	}
	return nil
}

// Configs returns the last good version of each config file loaded.
func (r *Resolver) Configs() []*Config {
	r.mu.Lock()
	defer r.mu.Unlock()
	var cs []*Config
	for _, f := range r.files {
		if f.good != nil {
			cs = append(cs, f.good)
		}
	}
	return cs
}

// nearestLocked returns the config file for the absolute folder dir,
// noting the answer for every folder walked through.
func (r *Resolver) nearestLocked(dir string) string {
	var walked []string
	found := ""
	for d := dir; ; {
		if p, ok := r.dirs[d]; ok {
			found = p
			break
		}
		walked = append(walked, d)
		p := filepath.Join(d, FileName)
		if f := r.files[p]; f != nil && f.overlay != nil {
			found = p
			break
		}
		// A file that cannot be looked at is found all the same: loading
		// it reports why.
		if ok, err := probe(p); ok || err != nil {
			found = p
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	for _, d := range walked {
		r.dirs[d] = found
	}
	return found
}

// loadLocked returns the state of the config file at path, loading it
// when it is new, changed, or when again is set.
func (r *Resolver) loadLocked(path string, again bool) Resolved {
	f := r.files[path]
	if f == nil {
		f = &configFile{}
		r.files[path] = f
	}
	if f.loaded && !again {
		return r.resolvedLocked(path, f, false)
	}
	name := path
	if r.show != nil {
		name = r.show(path)
	}
	var c *Config
	var err error
	if f.overlay != nil {
		c, err = Parse(name, []byte(*f.overlay))
	} else {
		c, err = Load(name)
	}
	prev := f.err
	f.loaded = true
	if err == nil {
		f.good = c
	}
	f.err = err
	return r.resolvedLocked(path, f, errText(prev) != errText(err))
}

func (r *Resolver) resolvedLocked(path string, f *configFile, changed bool) Resolved {
	rv := Resolved{Path: path, Config: r.def, Changed: changed}
	if f != nil {
		rv.Err = f.err
		if f.good != nil {
			rv.Config = f.good
		}
	}
	return rv
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
