// Package config reads .upward.toml files.
package config

import (
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
)

// FileName is the name of the config file looked up from each linted file's
// folder upward.
const FileName = ".upward.toml"

// Config is a loaded configuration. The zero value (or nil) is the default:
// every built-in rule at its default severity.
type Config struct {
	// Path is the file it was read from, "" for the default.
	Path string
	// TODO(config helper): fields.
}

// Default returns the configuration used when no file is found.
func Default() *Config { return &Config{} }

// Load reads and validates one config file. Errors name the file, line and key.
func Load(path string) (*Config, error) { return Default(), nil }

// Find walks up from dir and returns the path of the nearest .upward.toml,
// or "" if there is none.
func Find(dir string) (string, error) { return "", nil }

// Options turns the config into lint options.
func (c *Config) Options() lint.Options { return lint.Options{} }

// Rules returns the rules to run: the built-ins plus custom phrase rules.
func (c *Config) Rules() []*lint.Rule { return nil }

// KindFor returns the document kind the config's globs give path, or KindNone.
func (c *Config) KindFor(path string) document.Kind { return document.KindNone }

// Ignored reports whether path matches the config's ignore globs.
func (c *Config) Ignored(path string) bool { return false }
