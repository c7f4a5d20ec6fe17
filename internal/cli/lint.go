package cli

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/upward-lint/upward/internal/config"
	"github.com/upward-lint/upward/internal/document"
	"github.com/upward-lint/upward/internal/lint"
	"github.com/upward-lint/upward/internal/regfile"
)

// maxJobs bounds --jobs: each job holds a worker and a few results in
// flight (--jobs 100000000 ran out of memory).
const maxJobs = 1024

type lintFlags struct {
	format        string
	config        string
	fix, diff     bool
	failLevel     lint.Severity
	color         string
	quiet         bool
	stdinFilename string
	maxSize       int64
	jobs          int
	summary       bool
}

const lintUsage = `Usage: upward lint [flags] [PATH...]

Lints files and folders (default "."). Folders are searched for *.md,
*.markdown, *.txt and *.text files, skipping hidden folders, .git,
node_modules and paths matched by the ignore globs of .upward.toml. A path
of "-" reads standard input. Each file uses the nearest .upward.toml found
walking up from its folder, unless --config is given; its ignore globs
apply to named files too.

Exit status: 0 when no finding is at or above --fail-level, 1 when one is
(with --diff: when a file would change), 2 on a usage, I/O or config error.

Flags:
`

func parseLintFlags(e *env, args []string) (*lintFlags, []string, int) {
	lf := &lintFlags{}
	fs := flag.NewFlagSet("upward lint", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), lintUsage)
		fs.PrintDefaults()
	}
	fs.StringVar(&lf.format, "format", "text", "output `format`: text, json, sarif or github")
	fs.StringVar(&lf.config, "config", "", "use config `FILE` for every file instead of the nearest .upward.toml")
	fs.BoolVar(&lf.fix, "fix", false, "apply the fixes that need no [placeholder] and rewrite the files")
	fs.BoolVar(&lf.diff, "diff", false, "print a unified diff of what --fix would change; write nothing")
	failLevel := fs.String("fail-level", "warning", "lowest `severity` that makes the exit status 1: error, warning, info or hint")
	fs.StringVar(&lf.color, "color", "auto", "colour text output: auto (on a terminal, unless NO_COLOR is set), always or never")
	noColor := fs.Bool("no-color", false, "same as --color=never")
	fs.BoolVar(&lf.quiet, "quiet", false, "print findings and errors only, no summary")
	fs.StringVar(&lf.stdinFilename, "stdin-filename", "", "`name` of the text read from stdin: sets its format, config and kind globs")
	maxSize := fs.String("max-size", fmt.Sprintf("%dMB", regfile.DefaultMaxSize>>20), "skip (and report) files larger than `size` (e.g. 512KB, 16MB)")
	fs.IntVar(&lf.jobs, "jobs", runtime.GOMAXPROCS(0), "number of files linted at once")
	fs.BoolVar(&lf.summary, "summary", false, "add a one-line summary of each file (kind, framing findings, next update, action items; text and json)")

	// Allow flags after paths: "upward lint notes/ --format json".
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, nil, flagErr(err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			paths = append(paths, rest...)
			break
		}
		paths = append(paths, rest[0])
		args = rest[1:]
	}
	if *noColor {
		lf.color = "never"
	}
	usageErr := func(format string, a ...any) (*lintFlags, []string, int) {
		e.errorf("lint: "+format, a...)
		return nil, nil, 2
	}
	switch lf.format {
	case "text", "json", "sarif", "github":
	default:
		return usageErr("unknown --format %q (want text, json, sarif or github)", lf.format)
	}
	switch lf.color {
	case "auto", "always", "never":
	default:
		return usageErr("unknown --color %q (want auto, always or never)", lf.color)
	}
	sev, err := lint.ParseSeverity(*failLevel)
	if err != nil {
		return usageErr("--fail-level: %v", err)
	}
	lf.failLevel = sev
	if lf.fix && lf.diff {
		return usageErr("--fix and --diff cannot be used together")
	}
	if lf.summary && lf.format != "text" && lf.format != "json" {
		return usageErr("--summary works with --format text or json")
	}
	if lf.maxSize, err = regfile.ParseSize(*maxSize); err != nil {
		return usageErr("--max-size: %v", err)
	}
	if lf.jobs < 1 || lf.jobs > maxJobs {
		return usageErr("--jobs: want 1 to %d, got %d", maxJobs, lf.jobs)
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	stdins := 0
	for _, p := range paths {
		if p == "-" {
			stdins++
		}
	}
	if stdins > 1 {
		return usageErr("- (standard input) given more than once")
	}
	return lf, paths, -1
}

// job is one file to lint, numbered in output order.
type job struct {
	seq   int
	path  string // as shown: as given, or joined under the folder given
	stdin bool
	// explicit is set for paths named on the command line; root is the
	// folder named on the command line a walked path was found under.
	explicit bool
	root     string
	// err is set for a path that could not be walked; it is reported in order.
	err error
}

// result is what a worker hands the writer for one job.
type result struct {
	seq int
	// out is output to write as is: the fixed text of stdin under --fix.
	out []byte
	// display, doc and findings are the file's results, which the writer
	// formats finding by finding as it writes them.
	display  string
	doc      *document.Document
	findings []lint.Finding
	// diff is the unified diff for --diff.
	diff []byte
	// errs are one-line reasons for stderr, without the "upward: " prefix.
	errs []string
	// warns are one-line warnings for stderr (a misspelt rule in an inline
	// directive), without the prefix; they do not change the exit status.
	warns []string
	// cfgErr is a broken config, reported once however many files it covers.
	cfgErr *cfgError
	// failing counts findings at or above the fail level; total all findings.
	failing, total int
	fixed          int
	changed        bool
	linted         bool
}

type cfgError struct {
	path string
	err  error
}

func runLint(e *env, args []string) int {
	lf, paths, code := parseLintFlags(e, args)
	if code >= 0 {
		return code
	}
	l := &linter{e: e, lf: lf, configs: config.NewResolver(shortPath)}
	if lf.config != "" {
		cfg, err := config.Load(lf.config)
		if err != nil {
			e.errorf("%v", err)
			return 2
		}
		l.fixed = cfg
	}
	var header *config.Config // the config SARIF describes its rules from
	if lf.format == "sarif" {
		if header = l.fixed; header == nil {
			header = l.configs.Resolve(".").Config
		}
	}
	l.out = newFormatter(lf, e, header)
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		// A lint's live heap is small (about 20 MB over a 25 MB folder):
		// collecting a quarter as often saves about 10% of CPU for a few
		// MB of peak memory. The soft limit brings collections back when
		// one huge file holds many findings (a 10 MB file with a finding
		// on every line: 370 MB peak instead of 500 MB at the defaults).
		defer debug.SetGCPercent(debug.SetGCPercent(lintGCPercent))
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(lintMemoryLimit))
	}
	return l.run(paths)
}

// The GC settings of `upward lint`, unless GOGC or GOMEMLIMIT is set.
const (
	lintGCPercent   = 400
	lintMemoryLimit = 256 << 20
)

// linter runs one `upward lint`.
type linter struct {
	e  *env
	lf *lintFlags
	// fixed is the --config config, used for every file.
	fixed *config.Config
	out   formatter

	configs *config.Resolver

	fixes fixWriter
}

// configFor returns the config for files in dir: the --config file, else
// the nearest .upward.toml.
func (l *linter) configFor(dir string) config.Resolved {
	if l.fixed != nil {
		return config.Resolved{Path: l.fixed.Path, Config: l.fixed}
	}
	return l.configs.Resolve(dir)
}

func (l *linter) run(paths []string) int {
	workers := l.lf.jobs
	window := max(4*workers, 16)
	jobs := make(chan job)
	results := make(chan result, window)
	slots := make(chan struct{}, window) // bounds results held out of order

	go l.walk(paths, jobs, slots)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- l.lintJob(j)
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	w := &outWriter{l: l, out: bufio.NewWriterSize(l.e.stdout, 64<<10)}
	if err := l.out.begin(w.out); err != nil {
		w.ioErr = err
	}
	pending := map[int]result{}
	next := 0
	for r := range results {
		pending[r.seq] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			w.emit(r)
			<-slots
			next++
		}
	}
	return w.finish()
}

// walk sends a job per file in deterministic order: arguments in the order
// given, folders in lexical order. It takes a slot per job, so no more than
// cap(slots) results wait to be written.
func (l *linter) walk(paths []string, jobs chan<- job, slots chan struct{}) {
	seq := 0
	send := func(j job) {
		slots <- struct{}{}
		j.seq = seq
		seq++
		jobs <- j
	}
	for _, p := range paths {
		if p == "-" {
			send(job{path: p, stdin: true, explicit: true})
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			send(job{path: p, err: errors.New(reason(err))})
			continue
		}
		if !fi.IsDir() {
			if !l.ignored(p) {
				send(job{path: p, explicit: true})
			}
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				send(job{path: path, err: errors.New(reason(err))})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if path != p && (strings.HasPrefix(name, ".") || name == "node_modules") {
					return fs.SkipDir
				}
				if path != p && l.ignored(path) {
					return fs.SkipDir
				}
				return nil
			}
			if strings.HasPrefix(name, ".") || !lintedExt(name) {
				return nil
			}
			if l.ignored(path) {
				return nil
			}
			// A FIFO, device or socket is reported by readFile, as is a
			// symlink to one.
			send(job{path: path, root: p})
			return nil
		})
		if err != nil {
			send(job{path: p, err: errors.New(reason(err))})
		}
	}
	close(jobs)
}

// ignored reports whether the config covering path ignores it. A broken
// config ignores nothing; its error is reported with the files.
func (l *linter) ignored(path string) bool {
	rv := l.configFor(filepath.Dir(path))
	return rv.Err == nil && rv.Config.Ignored(path)
}

// reason is the one-line cause of a file error, without the path.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError // a failed rename names our temporary file
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}

func (l *linter) lintJob(j job) (r result) {
	defer func() {
		if p := recover(); p != nil {
			// A bug in a rule loses this file's findings, not the run.
			r = result{seq: j.seq, errs: []string{fmt.Sprintf("%s: internal error, please report it: %v", quoteName(j.path), p)}}
		}
	}()
	r.seq = j.seq
	if j.err != nil {
		r.errs = []string{quoteName(j.path) + ": " + j.err.Error()}
		return r
	}
	cfgPath := j.path
	if j.stdin {
		cfgPath = l.lf.stdinFilename
		if cfgPath == "" {
			cfgPath = "-"
		}
	}
	rv := l.configFor(filepath.Dir(cfgPath))
	if rv.Err != nil {
		r.cfgErr = &cfgError{path: rv.Path, err: rv.Err}
		r.errs = []string{quoteName(j.path) + ": not linted: broken config " + quoteName(rv.Path)}
		return r
	}
	cfg := rv.Config
	var (
		data []byte
		f    *os.File
		fi   os.FileInfo
		err  error
	)
	if j.stdin {
		data, err = readLimited(l.e.stdin, l.lf.maxSize)
	} else {
		// The file stays open until its fix is written (see fixWriter).
		f, data, fi, err = openFile(j.path, l.lf.maxSize)
		if f != nil {
			defer f.Close()
		}
		if l.lf.fix {
			l.fixes.clean(filepath.Dir(j.path))
		}
	}
	if err != nil {
		r.errs = []string{quoteName(j.path) + ": " + err.Error()}
		return r
	}
	display := j.path
	if j.stdin && l.lf.stdinFilename != "" {
		display = l.lf.stdinFilename
	}
	if err := document.Validate(data); err != nil {
		r.errs = []string{quoteName(display) + ": " + err.Error()}
		return r
	}
	text := string(data)
	// Files named on the command line are linted whatever their
	// extension: as Markdown unless it says plain text.
	format, _ := document.FormatOf(cfgPath)
	doc, findings := cfg.Lint(cfgPath, format, text)
	for _, p := range lint.CheckDirectives(doc, cfg.Rules()) {
		line, col, _ := doc.Mapper().OffsetLineColRune(p.Span.Start)
		r.warns = append(r.warns, fmt.Sprintf("%s:%d:%d: warning: %s", display, line, col, p.Message()))
	}

	if l.lf.fix || l.lf.diff {
		newText, n, newDoc, newFindings := cfg.Fix(cfgPath, format, text, doc, findings)
		r.fixed = n
		if newText != text {
			r.changed = true
			switch {
			case l.lf.diff:
				r.diff = unifiedDiff(display, text, newText)
			case j.stdin:
				r.out = []byte(newText)
				doc, findings = newDoc, newFindings
			default:
				t := fixTarget{path: j.path, f: f, read: fi, explicit: j.explicit, root: j.root}
				switch err := l.fixes.write(t, []byte(newText)); {
				case errors.Is(err, errLate):
					r.errs = []string{quoteName(j.path) + ": " + err.Error()}
					doc, findings = newDoc, newFindings
				case err != nil:
					r.errs = []string{quoteName(j.path) + ": not fixed: " + err.Error()}
					r.changed = false
					r.fixed = 0
				default:
					doc, findings = newDoc, newFindings
				}
			}
		}
		if l.lf.diff {
			// The summary counts the problems of the text as it is: --diff
			// writes nothing.
			r.linted = true
			r.failing, r.total = count(findings, l.lf.failLevel)
			return r
		}
		if j.stdin && l.lf.fix {
			if !r.changed {
				r.out = data
			}
			r.linted = true
			r.failing, r.total = count(findings, l.lf.failLevel)
			return r
		}
	}
	r.linted = true
	r.failing, r.total = count(findings, l.lf.failLevel)
	r.display, r.doc, r.findings = display, doc, findings
	return r
}

func count(fs []lint.Finding, failLevel lint.Severity) (failing, total int) {
	for _, f := range fs {
		if f.Severity.AtLeast(failLevel) {
			failing++
		}
	}
	return failing, len(fs)
}

// openFile opens and reads a regular file of at most limit bytes, and
// leaves it open; anything else (a FIFO, a device, a folder, a symlink to
// one) is skipped, not read.
func openFile(path string, limit int64) (*os.File, []byte, os.FileInfo, error) {
	f, fi, err := regfile.Open(path)
	if err != nil {
		return nil, nil, nil, readErr(err)
	}
	data, err := regfile.Read(f, fi.Size(), limit)
	if err != nil {
		f.Close()
		return nil, nil, nil, readErr(err)
	}
	return f, data, fi, nil
}

func readLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := regfile.Read(r, 0, limit)
	return data, readErr(err)
}

// readErr is the one-line reason a file was not read.
func readErr(err error) error {
	var tl *regfile.TooLargeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &tl) && tl.Size >= 0:
		return fmt.Errorf("skipped: %s is over the --max-size limit of %s", regfile.FormatSize(tl.Size), regfile.FormatSize(tl.Limit))
	case errors.As(err, &tl):
		return fmt.Errorf("skipped: more than the --max-size limit of %s", regfile.FormatSize(tl.Limit))
	case regfile.IsNotRegular(err):
		return errors.New("skipped: " + reason(err))
	}
	return errors.New(reason(err))
}

// outWriter writes results in order and keeps the counts for the exit code.
// Output goes through one buffer of 64 KB, flushed after each file: a
// file with many findings streams out as it is formatted instead of being
// held whole.
type outWriter struct {
	l                     *linter
	out                   *bufio.Writer
	files, failing, total int
	fixed, changed        int
	errors                int
	wrote                 bool
	cfgReported           map[string]bool
	ioErr                 error
	notes                 []string
}

func (w *outWriter) emit(r result) {
	e := w.l.e
	if r.cfgErr != nil {
		if w.cfgReported == nil {
			w.cfgReported = map[string]bool{}
		}
		if !w.cfgReported[r.cfgErr.path] {
			w.cfgReported[r.cfgErr.path] = true
			e.errorf("%v", r.cfgErr.err)
			w.notes = append(w.notes, r.cfgErr.err.Error())
			w.errors++
		}
	}
	for _, msg := range r.errs {
		if r.cfgErr != nil {
			continue // the config error above says it
		}
		e.errorf("%s", msg)
		w.notes = append(w.notes, msg)
		w.errors++
	}
	for _, msg := range r.warns {
		e.errorf("%s", msg)
	}
	if r.linted {
		w.files++
	}
	w.failing += r.failing
	w.total += r.total
	w.fixed += r.fixed
	if r.changed {
		w.changed++
	}
	if w.ioErr != nil {
		return
	}
	if len(r.diff) > 0 {
		_, w.ioErr = w.out.Write(r.diff)
	}
	fw := &fileWriter{w: w.out, sep: w.l.out.sep(), pending: w.wrote}
	if w.ioErr == nil && len(r.out) > 0 {
		_, w.ioErr = fw.Write(r.out)
	}
	if w.ioErr == nil && r.doc != nil {
		w.ioErr = w.l.out.file(fw, r.display, r.doc, r.findings)
	}
	w.wrote = w.wrote || fw.wrote
	if w.ioErr == nil {
		w.ioErr = w.out.Flush()
	}
}

// fileWriter writes one file's output, preceded by the formatter's
// separator when an earlier file wrote something.
type fileWriter struct {
	w       io.Writer
	sep     string
	pending bool // the separator is still to be written
	wrote   bool
}

func (f *fileWriter) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if f.pending {
		if _, err := io.WriteString(f.w, f.sep); err != nil {
			return 0, err
		}
		f.pending = false
	}
	f.wrote = true
	return f.w.Write(p)
}

func (w *outWriter) finish() int {
	l := w.l
	sum := summary{files: w.files, total: w.total, failing: w.failing, errors: w.notes}
	if w.ioErr == nil {
		w.ioErr = l.out.end(w.out, sum)
	}
	if w.ioErr == nil {
		w.ioErr = w.out.Flush()
	}
	if w.ioErr != nil {
		l.e.errorf("writing output: %v", w.ioErr)
		return 2
	}
	if !l.lf.quiet {
		// On stderr, whatever the format and wherever stdout goes, so
		// that a CI log shows it and machine output stays clean.
		l.e.errorf("%s", sum.line())
		switch {
		case l.lf.fix && w.fixed > 0:
			fmt.Fprintf(l.e.stderr, "upward: fixed %d %s in %d %s\n", w.fixed, plural(w.fixed, "problem"), w.changed, plural(w.changed, "file"))
		case l.lf.diff && w.changed > 0:
			fmt.Fprintf(l.e.stderr, "upward: --fix would fix %d %s in %d %s\n", w.fixed, plural(w.fixed, "problem"), w.changed, plural(w.changed, "file"))
		}
	}
	switch {
	case w.errors > 0:
		return 2
	case l.lf.diff:
		if w.changed > 0 {
			return 1
		}
		return 0
	case w.failing > 0:
		return 1
	}
	return 0
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// shortPath returns p relative to the working directory when it lies below
// it, for messages.
func shortPath(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	r, err := filepath.Rel(wd, p)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return p
	}
	return r
}

// lintedExt reports whether a folder walk lints the file name (see
// document.FormatOf).
func lintedExt(name string) bool {
	_, ok := document.FormatOf(name)
	return ok
}
