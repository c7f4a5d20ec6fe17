package config

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestLoadRefusesNonRegular: a config that is a FIFO, a symlink to a
// device or a folder is refused at once with a clear error; reading it
// would block or never end.
func TestLoadRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	zero := filepath.Join(dir, "zero.toml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Skip(err)
	}
	for path, want := range map[string]string{
		fifo: "not a regular file (a named pipe)",
		zero: "not a regular file (a character device)",
		dir:  "not a regular file (a directory)",
	} {
		_, err := Load(path)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), path+": ") {
			t.Errorf("Load(%s) = %v, want %q", filepath.Base(path), err, want)
		}
	}
}

func TestLoadSizeLimit(t *testing.T) {
	dir := t.TempDir()
	ok := write(t, dir, "ok.toml", "# "+strings.Repeat("x", MaxFileSize-3)+"\n")
	if _, err := Load(ok); err != nil {
		t.Errorf("a config of exactly MaxFileSize: %v", err)
	}
	big := write(t, dir, "big.toml", "# "+strings.Repeat("x", MaxFileSize)+"\n")
	if _, err := Load(big); err == nil || !strings.Contains(err.Error(), "larger than 1.0 MB, the limit for a config file") {
		t.Errorf("Load of a config over MaxFileSize: %v", err)
	}
	if _, err := Parse("buffer.toml", make([]byte, MaxFileSize+1)); err == nil || !strings.Contains(err.Error(), "larger than 1.0 MB, the limit for a config file") {
		t.Errorf("Parse of a buffer over MaxFileSize: %v", err)
	}
}
