package editors_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// draft is the document both editors open. Its title names no document kind,
// so only the sentence rules apply.
const draft = `# Note for Sam

Sorry to bother you, but the report is ready.

I'll send it soon.
`

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
	buildDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// upwardBinary builds ./cmd/upward once for all tests in this package, or
// returns $UPWARD_TEST_BINARY when set (a binary built elsewhere).
func upwardBinary(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("UPWARD_TEST_BINARY"); p != "" {
		return p
	}
	buildOnce.Do(func() {
		buildDir, buildErr = os.MkdirTemp("", "upward-editors-")
		if buildErr != nil {
			return
		}
		builtBin = filepath.Join(buildDir, "upward")
		if runtime.GOOS == "windows" {
			builtBin += ".exe"
		}
		cmd := exec.Command("go", "build", "-o", builtBin, "./cmd/upward")
		cmd.Dir = ".."
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			buildErr = &buildError{err: err, out: out.String()}
		}
	})
	if buildErr != nil {
		t.Fatalf("go build ./cmd/upward: %v", buildErr)
	}
	return builtBin
}

type buildError struct {
	err error
	out string
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + e.out }

// requireTool returns the path of an editor, skipping the test when it is
// missing, except in CI, which must have it (.ci/editors-setup installs it).
func requireTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed; CI must have it (run .ci/editors-setup)", name)
		}
		t.Skipf("%s is not installed", name)
	}
	return p
}

// teamConfig is the workspace's .upward.toml: only a comment, which the
// project actions must keep.
const teamConfig = "# Team config: keep this comment.\n"

// workspace lays out root/.upward.toml and root/notes/note.md and returns
// root and the draft's path.
func workspace(t *testing.T) (root, file string) {
	t.Helper()
	root = t.TempDir()
	// Resolve symlinks (macOS /var -> /private/var) so paths compare equal.
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	if err := os.WriteFile(filepath.Join(root, ".upward.toml"), []byte(teamConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(root, "notes"), 0o755); err != nil {
		t.Fatal(err)
	}
	file = filepath.Join(root, "notes", "note.md")
	if err := os.WriteFile(file, []byte(draft), 0o644); err != nil {
		t.Fatal(err)
	}
	return root, file
}

type nvimDiag struct {
	Code     string `json:"code"`
	Source   string `json:"source"`
	Severity int    `json:"severity"`
	Message  string `json:"message"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	EndLine  int    `json:"end_line"`
	EndCol   int    `json:"end_col"`
}

type nvimResult struct {
	Error                string     `json:"error"`
	Nvim                 string     `json:"nvim"`
	Method               string     `json:"method"`
	Filetype             string     `json:"filetype"`
	Root                 string     `json:"root"`
	Attached             bool       `json:"attached"`
	Diagnostics          []nvimDiag `json:"diagnostics"`
	Shown                int        `json:"shown"`
	Fix1                 string     `json:"fix1"`
	Fix1Titles           []string   `json:"fix1_titles"`
	Fix1Preferred        bool       `json:"fix1_preferred"`
	LinesAfterFix1       []string   `json:"lines_after_fix1"`
	Republished          bool       `json:"republished"`
	DiagnosticsAfterFix1 []nvimDiag `json:"diagnostics_after_fix1"`
	Fix2                 string     `json:"fix2"`
	Fix2Titles           []string   `json:"fix2_titles"`
	Lens                 string     `json:"lens"`
	LensLine             int        `json:"lens_line"`
	LensMessage          string     `json:"lens_message"`
	LinesAfterFix2       []string   `json:"lines_after_fix2"`

	// Project mode (UPWARD_MODE=project).
	AllowTitles             []string   `json:"allow_titles"`
	DiagnosticsAfterAllow   []nvimDiag `json:"diagnostics_after_allow"`
	ConfigLoaded            bool       `json:"config_loaded"`
	ConfigAfterAllow        []string   `json:"config_after_allow"`
	RepublishedAfterDisable bool       `json:"republished_after_disable"`
	DiagnosticsAfterDisable []nvimDiag `json:"diagnostics_after_disable"`
	ConfigAfterDisable      []string   `json:"config_after_disable"`
	ConfigModified          bool       `json:"config_modified"`
}

// runNvim drives headless Neovim with testdata/nvim_test.lua. method forces
// the plugin's start method ("" lets it pick); env is added to the
// driver's environment.
func runNvim(t *testing.T, method string, ext string, env ...string) (nvimResult, string) {
	t.Helper()
	nvim := requireTool(t, "nvim")
	bin := upwardBinary(t)
	root, file := workspace(t)
	if ext != ".md" {
		renamed := strings.TrimSuffix(file, ".md") + ext
		if err := os.Rename(file, renamed); err != nil {
			t.Fatal(err)
		}
		file = renamed
	}
	plugin, err := filepath.Abs("nvim")
	if err != nil {
		t.Fatal(err)
	}
	script, err := filepath.Abs(filepath.Join("testdata", "nvim_test.lua"))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "result.json")
	state, cache := t.TempDir(), t.TempDir()

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-n", "-i", "NONE", "-u", script)
	cmd.Dir = root
	cmd.Env = append(os.Environ(),
		"UPWARD_BIN="+bin,
		"UPWARD_PLUGIN="+plugin,
		"UPWARD_DRAFT="+file,
		"UPWARD_OUT="+out,
		"UPWARD_METHOD="+method,
		"UPWARD_FIX_CODE=hedging",
		"UPWARD_FIX2_CODE=vague-timing",
		"UPWARD_CONFIG="+filepath.Join(root, ".upward.toml"),
		"XDG_STATE_HOME="+state, // keep lsp.log out of $HOME
		"XDG_CACHE_HOME="+cache,
	)
	cmd.Env = append(cmd.Env, env...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	runErr := cmd.Run()
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("nvim wrote no result (%v): %v\n%s", runErr, err, stderr.String())
	}
	var res nvimResult
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatalf("bad result JSON %s: %v", data, err)
	}
	if res.Error != "" || runErr != nil {
		t.Fatalf("nvim: %v %s\nresult: %s\noutput: %s\nlsp.log:\n%s", runErr, res.Error, data, stderr.String(),
			lspLog(state, cache))
	}
	if res.Root != root {
		t.Errorf("root dir = %q, want %q (the folder with .upward.toml)", res.Root, root)
	}
	return res, file
}

// TestNeovimPlugin checks the plugin's helpers (settings shape, root
// detection, start method, missing-binary message); it needs no server.
func TestNeovimPlugin(t *testing.T) {
	nvim := requireTool(t, "nvim")
	plugin, err := filepath.Abs("nvim")
	if err != nil {
		t.Fatal(err)
	}
	script, err := filepath.Abs(filepath.Join("testdata", "nvim_unit.lua"))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	if r, err := filepath.EvalSymlinks(tmp); err == nil {
		tmp = r
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-n", "-i", "NONE", "-u", script)
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "UPWARD_PLUGIN="+plugin, "UPWARD_TMP="+tmp,
		"XDG_STATE_HOME="+t.TempDir(), "XDG_CACHE_HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "ok ") {
		t.Fatalf("nvim_unit.lua: %v\n%s", err, out)
	}
}

// lspLog returns the tail of Neovim's lsp.log (in the state dir on 0.8+, the
// cache dir before).
func lspLog(dirs ...string) string {
	for _, d := range dirs {
		b, err := os.ReadFile(filepath.Join(d, "nvim", "lsp.log"))
		if err == nil {
			if len(b) > 4000 {
				b = b[len(b)-4000:]
			}
			return string(b)
		}
	}
	return "(none)"
}

func TestNeovim(t *testing.T) {
	res, _ := runNvim(t, "", ".md")
	t.Logf("Neovim %s, start method %q, filetype %q", res.Nvim, res.Method, res.Filetype)
	if res.Filetype != "markdown" {
		t.Errorf("filetype = %q, want markdown", res.Filetype)
	}
	// The fallback path must be the one exercised on old Neovim.
	if want := nvimMethod(res.Nvim); res.Method != want {
		t.Errorf("start method on Neovim %s = %q, want %q", res.Nvim, res.Method, want)
	}
	checkNvim(t, res)
}

// TestNeovimStartClient forces the Neovim 0.7 path (vim.lsp.start_client),
// so it is covered on newer Neovim too.
func TestNeovimStartClient(t *testing.T) {
	res, _ := runNvim(t, "start_client", ".md")
	if res.Method != "start_client" {
		t.Fatalf("method = %q", res.Method)
	}
	checkNvim(t, res)
}

// TestNeovimText opens the draft as plain text (filetype "text").
func TestNeovimText(t *testing.T) {
	res, _ := runNvim(t, "", ".txt")
	if res.Filetype != "text" {
		t.Errorf("filetype = %q, want text", res.Filetype)
	}
	checkNvim(t, res)
}

// TestNeovimProjectActions runs "Allow "soon" in this project" and
// "Disable hedging in this project" as a user picking them from
// vim.lsp.buf.code_action() would: the server has Neovim edit .upward.toml
// (workspace/applyEdit), keeping its comment, and the findings go.
func TestNeovimProjectActions(t *testing.T) {
	res, file := runNvim(t, "", ".md", "UPWARD_MODE=project")
	cfg := filepath.Join(filepath.Dir(filepath.Dir(file)), ".upward.toml")
	for _, want := range []string{`Allow "soon" in this project`, "Disable vague-timing in this project"} {
		if !slices.Contains(res.AllowTitles, want) {
			t.Errorf("code actions %q lack %q", res.AllowTitles, want)
		}
	}
	if !res.Republished || findDiag(res.DiagnosticsAfterAllow, "vague-timing") != nil || findDiag(res.DiagnosticsAfterAllow, "hedging") == nil {
		t.Errorf("after allowing \"soon\": republished %v, %+v; want hedging only", res.Republished, res.DiagnosticsAfterAllow)
	}
	afterAllow := teamConfig + "\n[rules.vague-timing]\nallow = [\"soon\"]\n"
	if got := strings.Join(res.ConfigAfterAllow, "\n") + "\n"; !res.ConfigLoaded || got != afterAllow {
		t.Errorf("Neovim's .upward.toml buffer after the allow action:\n%s\nwant\n%s", got, afterAllow)
	}
	if !res.RepublishedAfterDisable || len(res.DiagnosticsAfterDisable) != 0 {
		t.Errorf("after disabling hedging: republished %v, %+v; want none", res.RepublishedAfterDisable, res.DiagnosticsAfterDisable)
	}
	afterDisable := afterAllow + "\n[rules.hedging]\nenabled = false\n"
	if got := strings.Join(res.ConfigAfterDisable, "\n") + "\n"; got != afterDisable {
		t.Errorf("buffer after the disable action:\n%s\nwant\n%s", got, afterDisable)
	}
	if !res.ConfigModified {
		t.Error("the edited config buffer is not marked modified: did the server write the file behind Neovim's back?")
	}
	if b, err := os.ReadFile(cfg); err != nil || string(b) != afterDisable {
		t.Errorf(".upward.toml on disk after :wall = %q (%v), want %q", b, err, afterDisable)
	}
}

// nvimMethod is the start method the plugin should pick on Neovim v.
func nvimMethod(v string) string {
	parts := strings.SplitN(v, ".", 3)
	if len(parts) < 2 {
		return "?"
	}
	major, _ := strconv.Atoi(parts[0])
	minor, _ := strconv.Atoi(parts[1])
	switch {
	case major > 0 || minor >= 11:
		return "config"
	case minor >= 8:
		return "start"
	default:
		return "start_client"
	}
}

func checkNvim(t *testing.T, res nvimResult) {
	t.Helper()
	if !res.Attached {
		t.Error("the upward client is not attached to the buffer")
	}
	hedging := findDiag(res.Diagnostics, "hedging")
	timing := findDiag(res.Diagnostics, "vague-timing")
	if hedging == nil || timing == nil {
		t.Fatalf("want hedging and vague-timing diagnostics, got %+v", res.Diagnostics)
	}
	for _, d := range res.Diagnostics {
		if d.Source != "upward" {
			t.Errorf("diagnostic %s has source %q, want upward", d.Code, d.Source)
		}
		if strings.TrimSpace(d.Message) == "" {
			t.Errorf("diagnostic %s has an empty message", d.Code)
		}
	}
	// The plugin's settings reach the server: hedging = "hint" in setup().
	if hedging.Severity != 4 {
		t.Errorf("hedging severity %d, want 4 (hint) from setup({ settings = { rules = { hedging = \"hint\" } } })", hedging.Severity)
	}
	if timing.Severity != 2 {
		t.Errorf("vague-timing severity %d, want 2 (warning): the settings name only hedging", timing.Severity)
	}
	// "Sorry to bother you, but the report is ready." is line 2 (0-based).
	if hedging.Line != 2 || hedging.Col != 0 {
		t.Errorf("hedging at %d:%d, want 2:0", hedging.Line, hedging.Col)
	}
	// "I'll send it soon." is line 4; "soon" spans columns 13-17.
	if timing.Line != 4 || timing.Col > 13 || timing.EndLine != 4 || timing.EndCol < 17 {
		t.Errorf("vague-timing at %d:%d-%d:%d, want a span on line 4 covering \"soon\" (13-17)",
			timing.Line, timing.Col, timing.EndLine, timing.EndCol)
	}
	if res.Shown != len(res.Diagnostics) {
		t.Errorf("Neovim shows %d diagnostics, server published %d", res.Shown, len(res.Diagnostics))
	}

	// The summary lens sits on the title line; choosing it lists the findings.
	if want := "Document · 2 framing findings (1 hedging, 1 vague-timing)"; res.Lens != want || res.LensLine != 0 {
		t.Errorf("code lens %q on line %d, want %q on line 0", res.Lens, res.LensLine, want)
	}
	if !strings.Contains(res.LensMessage, "[hedging]") || !strings.Contains(res.LensMessage, "[vague-timing]") {
		t.Errorf("choosing the lens showed %q, want the findings listed", res.LensMessage)
	}

	if !res.Fix1Preferred {
		t.Errorf("applied %q (of %q), but it is not marked preferred", res.Fix1, res.Fix1Titles)
	}
	wantAfter1 := strings.Split(strings.TrimSuffix(strings.Replace(draft,
		"Sorry to bother you, but the report is ready.", "The report is ready.", 1), "\n"), "\n")
	if !slices.Equal(res.LinesAfterFix1, wantAfter1) {
		t.Errorf("after %q the buffer is\n%s\nwant\n%s", res.Fix1,
			strings.Join(res.LinesAfterFix1, "\n"), strings.Join(wantAfter1, "\n"))
	}
	if !res.Republished {
		t.Errorf("no new diagnostics without hedging after the fix; last: %+v", res.DiagnosticsAfterFix1)
	}
	if findDiag(res.DiagnosticsAfterFix1, "hedging") != nil {
		t.Errorf("hedging still reported after its fix: %+v", res.DiagnosticsAfterFix1)
	}
	if findDiag(res.DiagnosticsAfterFix1, "vague-timing") == nil {
		t.Errorf("vague-timing gone after fixing hedging: %+v", res.DiagnosticsAfterFix1)
	}

	// Real dates are offered beside the placeholder (the draft has no date:
	// counted from today).
	if !slices.Contains(res.Fix2Titles, `Say "by end of today"`) {
		t.Errorf("vague-timing actions %q lack the dated ones", res.Fix2Titles)
	}
	// The vague-timing fix leaves a placeholder where only the writer knows the day.
	placeholder := regexp.MustCompile(`^I'll send it by \[[^\]]+\]\.$`)
	if len(res.LinesAfterFix2) != len(wantAfter1) || !placeholder.MatchString(res.LinesAfterFix2[4]) {
		t.Errorf("after %q the buffer is\n%s\nwant line 5 like %q", res.Fix2,
			strings.Join(res.LinesAfterFix2, "\n"), "I'll send it by [Friday].")
	}
}

func findDiag(ds []nvimDiag, code string) *nvimDiag {
	for i := range ds {
		if ds[i].Code == code {
			return &ds[i]
		}
	}
	return nil
}

func TestEmacsEglot(t *testing.T) {
	t.Run("markdown", func(t *testing.T) { testEmacs(t, "markdown") })
	t.Run("text", func(t *testing.T) { testEmacs(t, "text") })
}

// testEmacs opens the draft as note.md (markdown-mode) or note.txt
// (text-mode), letting Emacs pick the mode from the file name as it would
// for a user with the README's set-up.
func testEmacs(t *testing.T, mode string) {
	emacs := requireTool(t, "emacs")
	bin := upwardBinary(t)
	root, file := workspace(t)
	if mode == "text" {
		txt := strings.TrimSuffix(file, ".md") + ".txt"
		if err := os.Rename(file, txt); err != nil {
			t.Fatal(err)
		}
		file = txt
	}
	script, err := filepath.Abs(filepath.Join("testdata", "eglot_test.el"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	// No -Q: the site files must load, as in the user's Emacs (on Debian
	// they put the elpa-* packages where package.el finds them).
	cmd := exec.CommandContext(ctx, emacs, "--batch", "-l", script)
	cmd.Dir = root
	home := t.TempDir() // eglot and package.el write under ~/.emacs.d
	cfg := filepath.Join(root, ".upward.toml")
	cmd.Env = append(os.Environ(), "UPWARD_BIN="+bin, "UPWARD_DRAFT="+file, "UPWARD_CONFIG="+cfg, "HOME="+home)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()

	type diag struct {
		line, col int
		kind      string
		text      string
	}
	var diags []diag
	var lines, config, after []string
	info := map[string]string{}
	for _, l := range strings.Split(stdout.String(), "\n") {
		f := strings.Split(l, "\t")
		switch {
		case f[0] == "LINE":
			lines = append(lines, strings.TrimPrefix(l, "LINE\t"))
		case f[0] == "CONFIG":
			config = append(config, strings.TrimPrefix(l, "CONFIG\t"))
		case f[0] == "AFTER":
			after = append(after, strings.TrimPrefix(l, "AFTER\t"))
		case f[0] == "DIAG" && len(f) == 5:
			line, _ := strconv.Atoi(f[1])
			col, _ := strconv.Atoi(f[2])
			diags = append(diags, diag{line, col, f[3], f[4]})
		case len(f) == 2:
			info[f[0]] = f[1]
		}
	}
	t.Logf("Emacs %s, eglot %s, %s", info["EMACS"], info["EGLOT"], info["MODE"])
	if mode == "markdown" && info["MARKDOWN"] != "yes" {
		// Stock Emacs has no Markdown mode: the README says to install it.
		if os.Getenv("CI") != "" {
			t.Fatalf("markdown-mode is not installed; CI must have it (.ci/editors-setup installs elpa-markdown-mode)")
		}
		t.Skip("markdown-mode is not installed (Debian: elpa-markdown-mode)")
	}
	if wantMode := mode + "-mode"; info["MODE"] != wantMode {
		t.Fatalf("%s opens in %q, want %q: the README's set-up starts nothing there", filepath.Base(file), info["MODE"], wantMode)
	}
	if runErr != nil {
		t.Fatalf("emacs: %v\nstdout:\n%s\nstderr:\n%s", runErr, stdout.String(), stderr.String())
	}
	if info["MANAGED"] != "yes" {
		t.Errorf("eglot does not manage the buffer")
	}
	find := func(code string) *diag {
		for i := range diags {
			// eglot renders a diagnostic as "SOURCE [CODE]: MESSAGE".
			if strings.HasPrefix(diags[i].text, "upward ["+code+"]: ") {
				return &diags[i]
			}
		}
		return nil
	}
	h, v := find("hedging"), find("vague-timing")
	if h == nil || v == nil {
		t.Fatalf("want hedging and vague-timing in Flymake, got:\n%s", stdout.String())
	}
	if h.line != 2 || h.col != 0 {
		t.Errorf("hedging at %d:%d, want 2:0", h.line, h.col)
	}
	if v.line != 4 || v.col > 13 {
		t.Errorf("vague-timing at %d:%d, want line 4 at or before column 13", v.line, v.col)
	}

	// The preferred quick fix, applied through eglot.
	want := strings.Replace(draft, "Sorry to bother you, but the report is ready.", "The report is ready.", 1)
	if got := strings.Join(lines, "\n"); got != want {
		t.Errorf("after %q the buffer is\n%s\nwant\n%s", info["ACTION"], got, want)
	}

	// "Allow "soon" in this project": eglot asks, applies the server's
	// edit to .upward.toml (comment kept), and the finding goes.
	if info["PROJECT_ACTION"] != `Allow "soon" in this project` {
		t.Fatalf("project action %q, want the allow action\n%s", info["PROJECT_ACTION"], stdout.String())
	}
	if !strings.Contains(info["PROMPT"], ".upward.toml") {
		t.Errorf("eglot's confirmation %q does not name .upward.toml", info["PROMPT"])
	}
	for _, a := range after {
		if strings.Contains(a, "[vague-timing]") {
			t.Errorf("vague-timing still shown after allowing \"soon\": %q", after)
		}
	}
	wantCfg := teamConfig + "\n[rules.vague-timing]\nallow = [\"soon\"]\n"
	if got := strings.Join(config, "\n"); got != wantCfg {
		t.Errorf("eglot's .upward.toml buffer:\n%s\nwant\n%s", got, wantCfg)
	}
	if b, err := os.ReadFile(cfg); err != nil || string(b) != wantCfg {
		t.Errorf(".upward.toml on disk after saving = %q (%v), want %q", b, err, wantCfg)
	}
}
