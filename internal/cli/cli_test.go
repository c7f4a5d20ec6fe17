package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/upward-lint/upward/internal/regfile"
	"github.com/upward-lint/upward/internal/version"
)

func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// writeFix rewrites the file at path, named on the command line, as --fix
// does after reading it.
func writeFix(t *testing.T, path string, data []byte) error {
	t.Helper()
	f, fi, err := regfile.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return (&fixWriter{}).write(fixTarget{path: path, f: f, read: fi, explicit: true}, data)
}

func TestWriteAtomicKeepsModeAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := writeFix(t, p, []byte("new text")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	fi2, _ := os.Stat(p)
	if string(got) != "new text" || fi2.Mode().Perm() != 0o600 {
		t.Errorf("got %q mode %v", got, fi2.Mode())
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("folder holds %d entries, want 1", len(ents))
	}
}

func TestWriteAtomicFollowsSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.md")
	link := filepath.Join(dir, "link.md")
	os.WriteFile(target, []byte("old"), 0o644)
	if err := os.Symlink("real.md", link); err != nil {
		t.Skip(err)
	}
	if err := writeFix(t, link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if l, err := os.Readlink(link); err != nil || l != "real.md" {
		t.Errorf("link replaced: %q %v", l, err)
	}
	if b, _ := os.ReadFile(target); string(b) != "new" {
		t.Errorf("target = %q", b)
	}
}

func TestWriteAtomicRefusesChangedFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	os.WriteFile(p, []byte("old"), 0o644)
	f, fi, err := regfile.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	os.WriteFile(p, []byte("edited meanwhile"), 0o644)
	if err := (&fixWriter{}).write(fixTarget{path: p, f: f, read: fi, explicit: true}, []byte("fixed")); err == nil || !strings.Contains(err.Error(), "changed") {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "edited meanwhile" {
		t.Errorf("file = %q", b)
	}
}

func TestWriteAtomicFailureLeavesFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write to a read-only folder")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	os.WriteFile(p, []byte("old"), 0o644)
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	if err := writeFix(t, p, []byte("new")); err == nil {
		t.Fatal("no error writing into a read-only folder")
	}
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Errorf("file = %q", b)
	}
}

func TestGitHubEscaping(t *testing.T) {
	if got := ghProperty("a,b:c%d\ne"); got != "a%2Cb%3Ac%25d%0Ae" {
		t.Errorf("ghProperty = %q", got)
	}
	if got := ghData("50% done,\r\nok: yes"); got != "50%25 done,%0D%0Aok: yes" {
		t.Errorf("ghData = %q", got)
	}
	if got := ghProperty("a\x1b[31m\u202eb\xff"); got != "a%1B[31m%E2%80%AEb%FF" {
		t.Errorf("ghProperty of control characters = %q", got)
	}
}

func TestFileURI(t *testing.T) {
	for in, want := range map[string]string{
		"notes/a b.md":    "notes/a%20b.md",
		"/tmp/x/#1.md":    "file:///tmp/x/%231.md",
		"T-compiler.md":   "T-compiler.md",
		"weird:name.md":   "./weird:name.md",
		"reports/100%.md": "reports/100%25.md",
	} {
		if got := fileURI(in); got != want {
			t.Errorf("fileURI(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestManyFilesOrderedAndComplete lints more files than the result window
// with several workers and checks every file appears once, in order, in a
// JSON document that parses.
func TestManyFilesOrderedAndComplete(t *testing.T) {
	dir := t.TempDir()
	const n = 300
	for i := range n {
		text := "The build is green.\n"
		if i%7 == 0 {
			text = "Sorry to bother you, but the report is ready.\n"
		}
		sub := filepath.Join(dir, fmt.Sprintf("d%02d", i%13))
		os.MkdirAll(sub, 0o755)
		os.WriteFile(filepath.Join(sub, fmt.Sprintf("f%03d.md", i)), []byte(text), 0o644)
	}
	code, out, errs := run(t, "", "lint", "--format", "json", "--jobs", "4", dir)
	if code != 1 || errs != fmt.Sprintf("upward: %d problems in %d files\n", (n+6)/7, n) {
		t.Fatalf("code %d, stderr %q", code, errs)
	}
	var doc jsonReport
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("bad JSON: %v", err)
	}
	if len(doc.Files) != n {
		t.Fatalf("%d files, want %d", len(doc.Files), n)
	}
	hits := 0
	for i, f := range doc.Files {
		if i > 0 && doc.Files[i-1].Path >= f.Path {
			t.Errorf("out of order: %s then %s", doc.Files[i-1].Path, f.Path)
		}
		for _, d := range f.Diagnostics {
			if d.Rule == "hedging" {
				hits++
			}
		}
	}
	if want := (n + 6) / 7; hits != want {
		t.Errorf("%d hedging findings, want %d", hits, want)
	}
}

// TestLargeFile: a 10 MB document lints, and the finding at its end is
// reported on the right line.
func TestLargeFile(t *testing.T) {
	para := "The importer handles the March data. The build takes four minutes on the new runners.\n\n"
	var b strings.Builder
	for b.Len() < 10<<20 {
		b.WriteString(para)
	}
	lines := strings.Count(b.String(), "\n")
	b.WriteString("Sorry to bother you, but the report is ready.\n")
	p := filepath.Join(t.TempDir(), "big.md")
	os.WriteFile(p, []byte(b.String()), 0o644)
	code, out, errs := run(t, "", "lint", "--quiet", p)
	if code != 1 || errs != "" {
		t.Fatalf("code %d, stderr %q", code, errs)
	}
	want := fmt.Sprintf("%s:%d:1: ", p, lines+1)
	if !strings.HasPrefix(out, want) || !strings.HasSuffix(strings.TrimSpace(out), "[hedging]") {
		t.Errorf("output %q, want one hedging finding at %q", out, want)
	}
}

func TestStdinWithoutFilenameUsesWorkingDirConfig(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, ".upward.toml"), []byte("[rules.hedging]\nenabled = false\n"), 0o644)
	t.Chdir(dir)
	code, out, _ := run(t, "Sorry to bother you, but the report is ready.\n", "lint", "-")
	if code != 0 || out != "" {
		t.Errorf("code %d out %q: the working folder's config was not used", code, out)
	}
}

func TestHelpAndVersion(t *testing.T) {
	if code, out, _ := run(t, "", "help"); code != 0 || !strings.Contains(out, "upward lint") {
		t.Errorf("help: %d %q", code, out)
	}
	if code, out, _ := run(t, "", "version"); code != 0 || !strings.HasPrefix(out, "upward ") {
		t.Errorf("version: %d %q", code, out)
	}
	if _, out, _ := run(t, "", "version"); out != "upward "+version.Long()+"\n" {
		t.Errorf("version: %q, want version.Long()", out)
	}
}

// jsonReport is the part of the JSON output these tests read.
type jsonReport struct {
	Files []struct {
		Path        string
		Diagnostics []struct{ Rule string }
	}
}

// TestExamples keeps the README's first command honest: the shipped
// examples show several kinds of managing-up problem.
func TestExamples(t *testing.T) {
	code, out, errs := run(t, "", "lint", "--format", "json", "../../testdata/examples")
	if code != 1 || !regexp.MustCompile(`^upward: \d+ problems in 2 files\n$`).MatchString(errs) {
		t.Fatalf("code %d, stderr %q", code, errs)
	}
	var doc jsonReport
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	rules := map[string]bool{}
	for _, f := range doc.Files {
		if len(f.Diagnostics) < 3 {
			t.Errorf("%s: %d findings, want several", f.Path, len(f.Diagnostics))
		}
		for _, d := range f.Diagnostics {
			rules[d.Rule] = true
		}
	}
	for _, id := range []string{"hedging", "vague-timing", "open-question", "complaint", "missing-decisions"} {
		if !rules[id] {
			t.Errorf("no %s finding in the examples", id)
		}
	}
}

// TestReasonHidesPaths checks that a failed rename or open reports why,
// not the temporary file's name.
func TestReasonHidesPaths(t *testing.T) {
	for _, err := range []error{
		&os.LinkError{Op: "rename", Old: ".notes.md.upward-123", New: "notes.md", Err: syscall.EPERM},
		&os.PathError{Op: "open", Path: ".notes.md.upward-123", Err: syscall.EPERM},
	} {
		if got := reason(err); got != syscall.EPERM.Error() {
			t.Errorf("reason(%v) = %q, want %q", err, got, syscall.EPERM.Error())
		}
	}
}

// writeRecorder counts what is written to it and the largest single write.
type writeRecorder struct{ total, largest int }

func (w *writeRecorder) Write(p []byte) (int, error) {
	w.total += len(p)
	w.largest = max(w.largest, len(p))
	return len(p), nil
}

// TestOutputStreams: a file with many findings is written out as it is
// formatted, in every format, not held whole and written at once.
func TestOutputStreams(t *testing.T) {
	p := filepath.Join(t.TempDir(), "long.md")
	if err := os.WriteFile(p, []byte(strings.Repeat("I will send it soon. ", 1000)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"text", "json", "sarif", "github"} {
		var out writeRecorder
		code := Main([]string{"lint", "--color=always", "--format", format, p}, strings.NewReader(""), &out, io.Discard)
		if code != 1 || out.total < 128<<10 {
			t.Fatalf("%s: exit %d, %d bytes of output", format, code, out.total)
		}
		if out.largest > 64<<10 {
			t.Errorf("%s: %d bytes of output in a write of %d: held whole", format, out.total, out.largest)
		}
	}
}

func TestQuoteName(t *testing.T) {
	for in, want := range map[string]string{
		"notes/week 1.md":     "notes/week 1.md",
		"café/𝄞.md":           "café/𝄞.md",
		"x\n::error file=a::": `"x\n::error file=a::"`,
		"e\x1b[31m.md":        `"e\x1b[31m.md"`,
		"bidi\u202e.md":       `"bidi\u202e.md"`,
		"latin\xe9.md":        `"latin\xe9.md"`,
	} {
		if got := quoteName(in); got != want {
			t.Errorf("quoteName(%q) = %s, want %s", in, got, want)
		}
	}
	if got := escapeControls(`a "b" c\d` + "\n::error"); got != `a "b" c\d\n::error` {
		t.Errorf("escapeControls = %s", got)
	}
}
