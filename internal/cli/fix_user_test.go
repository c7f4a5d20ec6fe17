//go:build unix

package cli

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestHelperMain runs Main when the test binary is started by
// TestFixAnotherUsersFile; otherwise it does nothing.
func TestHelperMain(t *testing.T) {
	if os.Getenv("UPWARD_HELPER_MAIN") != "1" {
		return
	}
	args := os.Args
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	os.Exit(Main(args, os.Stdin, os.Stdout, os.Stderr))
}

// TestFixAnotherUsersFile runs --fix as user nobody on root's files in a
// folder anyone may write to: it must refuse them, not replace them with
// files nobody owns.
func TestFixAnotherUsersFile(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to run as another user")
	}
	dir := t.TempDir()
	for d, mode := range map[string]os.FileMode{filepath.Dir(dir): 0o711, dir: 0o777} {
		if err := os.Chmod(d, mode); err != nil {
			t.Fatal(err)
		}
	}
	// The test binary, where nobody may run it.
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "upward.test")
	data, err := os.ReadFile(self)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	const text = "Sorry to bother you, but the report is ready.\n"
	for name, mode := range map[string]os.FileMode{"shared.md": 0o666, "private.md": 0o644} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
	}
	for name, want := range map[string]string{
		"shared.md":  "not fixed: cannot keep its owner and group (0:0)",
		"private.md": "not fixed: not writable by you",
	} {
		p := filepath.Join(dir, name)
		cmd := exec.Command(bin, "-test.run=^TestHelperMain$", "--", "lint", "--fix", p)
		cmd.Env = append(os.Environ(), "UPWARD_HELPER_MAIN=1")
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		cmd.Stdout = io.Discard
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Run(); err == nil || !strings.Contains(stderr.String(), want) {
			t.Errorf("%s: %v, stderr %q; want %q", name, err, stderr.String(), want)
		}
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st := fi.Sys().(*syscall.Stat_t); st.Uid != 0 || st.Gid != 0 {
			t.Errorf("%s is now owned by %d:%d", name, st.Uid, st.Gid)
		}
		if b, _ := os.ReadFile(p); string(b) != text {
			t.Errorf("%s was rewritten: %q", name, b)
		}
	}
}
