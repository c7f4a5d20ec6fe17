package config

// WithProfile returns a copy of c whose audience profile is name (see
// package profile), on top of what c says; it is how the language server
// lays the editor's "profile" setting over a config file. The name is not
// checked.
func (c *Config) WithProfile(name string) *Config {
	if c == nil {
		c = Default()
	}
	n := &Config{Path: c.Path, Dir: c.Dir, opts: c.opts, kinds: c.kinds, ignore: c.ignore, custom: c.custom}
	n.opts.Profile = name
	return n
}
