package regfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	if err := os.WriteFile(p, []byte("0123456789"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, fi, err := ReadFile(p, 10); err != nil || string(b) != "0123456789" || fi.Size() != 10 {
		t.Errorf("ReadFile at the limit: %q, %v", b, err)
	}
	var tl *TooLargeError
	if _, _, err := ReadFile(p, 9); !errors.As(err, &tl) || tl.Size != 10 || err.Error() != "10 bytes is over the limit of 9 bytes" {
		t.Errorf("ReadFile over the limit: %v", err)
	}
	if _, err := Read(strings.NewReader("0123456789"), 0, 9); !errors.As(err, &tl) || tl.Size != -1 {
		t.Errorf("Read of a stream over the limit: %v", err)
	}
}

func TestOpenRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	for path, kind := range map[string]string{fifo: "a named pipe", dir: "a directory", os.DevNull: "a character device"} {
		_, _, err := Open(path)
		if !IsNotRegular(err) || !strings.Contains(err.Error(), "not a regular file ("+kind+")") {
			t.Errorf("Open(%s) = %v", path, err)
		}
	}
}
