package cli

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestFixConcurrentWriter runs --fix on a file another program appends to
// every few milliseconds, as a bounded number of trials. A fix may be
// refused ("file changed"), but no appended line may be lost.
func TestFixConcurrentWriter(t *testing.T) {
	if testing.Short() {
		t.Skip("stress test")
	}
	const (
		trials  = 30
		appends = 25 // per trial
	)
	dir := t.TempDir()
	probe := filepath.Join(dir, "probe")
	if err := os.WriteFile(probe, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if f, err := os.Open(probe); err == nil {
		l, _ := takeLease(f)
		l.release()
		f.Close()
		if l == nil {
			// Then only the check just before the rename stands between
			// an appending program and a lost line (see fixWriter.write).
			t.Skip("no write leases here: the guarantee this tests needs them")
		}
	}
	fixed, refused := 0, 0
	for trial := range trials {
		p := filepath.Join(dir, fmt.Sprintf("notes-%02d.md", trial))
		if err := os.WriteFile(p, []byte("Sorry to bother you, but the report is ready.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		done := make(chan struct{})
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(done)
			for i := range appends {
				f, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND, 0)
				if err != nil {
					t.Error(err)
					return
				}
				fmt.Fprintf(f, "Sorry to bother you, but item L%03d is in.\n", i)
				f.Close()
				time.Sleep(time.Duration(rand.IntN(3000)) * time.Microsecond)
			}
		}()
		// Fix until the writer is done, and once more after.
		for running := true; running; {
			select {
			case <-done:
				running = false
			default:
			}
			var errb strings.Builder
			code := Main([]string{"lint", "--fix", p}, strings.NewReader(""), io.Discard, &errb)
			switch {
			case strings.Contains(errb.String(), "changed"):
				refused++
			case code == 2:
				t.Fatalf("trial %d: %s", trial, errb.String())
			case strings.Contains(errb.String(), "fixed"):
				fixed++
			}
		}
		wg.Wait()
		got, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for i := range appends {
			if want := fmt.Sprintf("L%03d is in.\n", i); !strings.Contains(string(got), want) {
				t.Errorf("trial %d: lost the appended line %q; the file holds:\n%s", trial, want, got)
			}
		}
	}
	t.Logf("%d trials: %d fixes written, %d refused as changed", trials, fixed, refused)
}
