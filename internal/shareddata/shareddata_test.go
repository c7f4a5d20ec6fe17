package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFrom(t *testing.T) {
	root := t.TempDir()
	mod := filepath.Join(root, "main")
	pkg := filepath.Join(mod, "internal", "x")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := From(pkg); got != "" {
		t.Errorf("From without a shared folder = %q, want \"\"", got)
	}
	if err := os.Mkdir(filepath.Join(root, "shared"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, want := From(pkg), filepath.Join(root, "shared"); got != want {
		t.Errorf("From = %q, want %q", got, want)
	}
}
