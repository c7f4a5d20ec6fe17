// Runs the GitHub Action in action.yml the way the runner does, step by
// step: each `run:` script goes through `bash --noprofile --norc -eo pipefail`
// with the step's env, inputs and contexts substituted, GITHUB_OUTPUT and
// GITHUB_PATH honoured, and `if:` conditions evaluated. actions/setup-go is
// the one `uses:` step; the Go on PATH stands in for it. Release downloads go
// through a stand-in curl that serves a release made here.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import YAML from "yaml";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const action = YAML.parse(fs.readFileSync(path.join(repo, "action.yml"), "utf8"));

// The runner's expression language, as far as action.yml uses it: context
// lookups, string literals, ==, != and &&. Anything else fails the test, so a
// new construct in action.yml gets a simulation here before it ships.
function evaluate(expr, ctx) {
  const terms = expr.split("&&").map((t) => t.trim());
  if (terms.length > 1) return terms.every((t) => truthy(evaluate(t, ctx)));
  const cmp = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(expr);
  if (cmp) {
    const [a, b] = [value(cmp[1].trim(), ctx), value(cmp[3].trim(), ctx)];
    return cmp[2] === "==" ? a === b : a !== b;
  }
  return value(expr.trim(), ctx);
}

function value(term, ctx) {
  const lit = /^'((?:[^']|'')*)'$/.exec(term);
  if (lit) return lit[1].replaceAll("''", "'");
  if (!/^[a-z][\w-]*(\.[\w-]+)+$/i.test(term)) throw new Error(`unsupported expression: ${term}`);
  let v = ctx;
  for (const k of term.split(".")) {
    if (v === undefined || v === null || typeof v !== "object") return "";
    v = v[k];
  }
  if (v === undefined) {
    // Unset step outputs are empty; unknown inputs or contexts are mistakes.
    if (term.startsWith("steps.")) return "";
    throw new Error(`unknown context value: ${term}`);
  }
  return v;
}

function truthy(v) {
  return v !== "" && v !== false && v !== null && v !== undefined && v !== 0;
}

function substitute(text, ctx) {
  return String(text).replace(/\$\{\{(.*?)\}\}/g, (_, e) => String(evaluate(e, ctx)));
}

// readCommandFile parses GITHUB_OUTPUT: name=value lines and name<<EOF blocks.
function readCommandFile(file) {
  const out = {};
  const lines = fs.readFileSync(file, "utf8").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === "") continue;
    const heredoc = /^([^=]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const body = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) body.push(lines[i]);
      out[heredoc[1]] = body.join("\n");
      continue;
    }
    const eq = line.indexOf("=");
    assert.ok(eq > 0, `malformed line in GITHUB_OUTPUT: ${line}`);
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

// runAction runs action.yml with the given inputs in workspace and returns
// what a workflow would see: success, the output of each step, which steps
// ran, and the action's outputs.
function runAction(workspace, inputs, { extraPath = [], env = {} } = {}) {
  for (const k of Object.keys(inputs)) assert.ok(k in action.inputs, `action.yml has no input ${k}`);
  const allInputs = {};
  for (const [k, spec] of Object.entries(action.inputs)) allInputs[k] = inputs[k] ?? String(spec.default ?? "");
  const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), "upward-action-runner-"));
  const ctx = {
    inputs: allInputs,
    github: { action_path: repo, workspace },
    runner: { os: "Linux", arch: "X64", temp: runnerTemp },
    steps: {},
  };
  let pathDirs = [...extraPath];
  const ran = [];
  let log = "";
  let ok = true;
  for (const [i, step] of action.runs.steps.entries()) {
    const name = step.name ?? step.id ?? `step ${i}`;
    if (step.if !== undefined && !truthy(evaluate(String(step.if).replace(/^\$\{\{|\}\}$/g, ""), ctx))) continue;
    ran.push(name);
    if (step.uses !== undefined) {
      assert.match(step.uses, /^actions\/setup-go@v\d+$/, `unsimulated step ${name}: uses ${step.uses}`);
      const goMod = substitute(step.with["go-version-file"], ctx);
      assert.ok(fs.existsSync(goMod), `setup-go's go-version-file ${goMod} exists`);
      execFileSync("go", ["version"]); // the Go on PATH stands in for setup-go's
      continue;
    }
    assert.equal(step.shell, "bash", `${name}: composite run steps need shell: bash`);
    const outputFile = path.join(runnerTemp, `output-${i}`);
    const pathFile = path.join(runnerTemp, `path-${i}`);
    const scriptFile = path.join(runnerTemp, `step-${i}.sh`);
    fs.writeFileSync(outputFile, "");
    fs.writeFileSync(pathFile, "");
    fs.writeFileSync(scriptFile, substitute(step.run, ctx));
    const stepEnv = {};
    for (const [k, v] of Object.entries(step.env ?? {})) stepEnv[k] = substitute(v, ctx);
    const res = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", scriptFile], {
      cwd: workspace,
      encoding: "utf8",
      env: {
        ...process.env,
        ...env,
        ...stepEnv,
        PATH: [...pathDirs, env.PATH ?? process.env.PATH].join(path.delimiter),
        GITHUB_OUTPUT: outputFile,
        GITHUB_PATH: pathFile,
        GITHUB_WORKSPACE: workspace,
        GITHUB_ACTION_PATH: repo,
        RUNNER_OS: "Linux",
        RUNNER_ARCH: "X64",
        RUNNER_TEMP: runnerTemp,
        GITHUB_ACTIONS: "true",
      },
    });
    log += `## ${name}\n${res.stdout}${res.stderr}`;
    if (step.id !== undefined) ctx.steps[step.id] = { outputs: readCommandFile(outputFile) };
    // Like the runner: paths added by a step come first for later steps.
    const added = fs.readFileSync(pathFile, "utf8").split("\n").filter(Boolean);
    pathDirs = [...added.reverse(), ...pathDirs];
    if (res.status !== 0) {
      ok = false;
      log += `## ${name} exited ${res.status}\n`;
      break;
    }
  }
  const outputs = {};
  for (const [k, spec] of Object.entries(action.outputs ?? {})) outputs[k] = substitute(spec.value, ctx);
  fs.rmSync(runnerTemp, { recursive: true, force: true });
  return { ok, log, ran, outputs };
}

const draft = `# Note for Sam

Sorry to bother you, but the report is ready.

I'll send it soon.
`;
const clean = "# Note for Sam\n\nThe report is ready; I'll send it on Friday.\n";

const workspaces = [];
function workspace(files) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "upward-action-ws-")));
  workspaces.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function annotations(log) {
  return [...log.matchAll(/^::(warning|error|notice) file=([^,]+),line=(\d+).*?title=([\w-]+)::/gm)].map((m) => ({
    level: m[1],
    file: m[2],
    line: Number(m[3]),
    rule: m[4],
  }));
}

describe("action.yml", () => {
  after(() => {
    for (const d of workspaces) fs.rmSync(d, { recursive: true, force: true });
  });

  it("declares the documented inputs and runs as a composite action", () => {
    assert.deepEqual(Object.keys(action.inputs).sort(), ["config", "fail-level", "paths", "sarif", "version"]);
    assert.equal(action.inputs.paths.default, ".");
    assert.equal(action.inputs["fail-level"].default, "warning");
    assert.equal(action.runs.using, "composite");
  });

  it("builds upward from its own source and annotates findings, failing the step", () => {
    const ws = workspace({ "notes/week.md": draft, "notes/ok.md": clean });
    const r = runAction(ws, {});
    assert.equal(r.ok, false, r.log);
    assert.ok(r.ran.includes("Set up Go") && r.ran.includes("Build upward"), r.ran.join(", "));
    assert.ok(!r.ran.includes("Download the upward release binary"), "no download without a version");
    assert.match(r.log, /^upward devel /m, "upward version of the source build");
    assert.deepEqual(annotations(r.log), [
      { level: "warning", file: "notes/week.md", line: 3, rule: "hedging" },
      { level: "warning", file: "notes/week.md", line: 5, rule: "vague-timing" },
    ]);
    assert.match(r.log, /## Lint exited 1/);
  });

  it("passes below fail-level, and reads paths and config", () => {
    const ws = workspace({
      "reports/week.md": draft,
      "reports/other week.md": draft,
      "elsewhere/week.md": draft,
      "ci/upward.toml": "[rules.hedging]\nenabled = false\n",
    });
    const r = runAction(ws, { paths: "reports/week.md\nreports/other week.md\n", "fail-level": "error", config: "ci/upward.toml" });
    assert.equal(r.ok, true, r.log);
    assert.deepEqual(
      annotations(r.log).map((a) => `${a.file}:${a.line}:${a.rule}`),
      ["reports/week.md:5:vague-timing", "reports/other week.md:5:vague-timing"],
    );
    const spaced = runAction(ws, { paths: "reports/week.md elsewhere" });
    assert.equal(spaced.ok, false);
    assert.deepEqual(
      [...new Set(annotations(spaced.log).map((a) => a.file))],
      ["reports/week.md", "elsewhere/week.md"],
    );
  });

  it("fails on a broken config whatever the fail-level", () => {
    const ws = workspace({ "week.md": clean, "bad.toml": "[rules.hedging]\nenabeld = false\n" });
    const r = runAction(ws, { config: "bad.toml", "fail-level": "error" });
    assert.equal(r.ok, false, r.log);
    assert.match(r.log, /enabeld/);
    assert.match(r.log, /## Lint exited 2/);
  });

  it("writes SARIF for code scanning without failing on findings", () => {
    const ws = workspace({ "notes/week.md": draft });
    const r = runAction(ws, { sarif: "upward.sarif" });
    assert.equal(r.ok, true, r.log);
    assert.equal(r.outputs.sarif, "upward.sarif");
    assert.deepEqual(annotations(r.log), [], "no annotations in SARIF mode");
    const sarif = JSON.parse(fs.readFileSync(path.join(ws, "upward.sarif"), "utf8"));
    assert.equal(sarif.version, "2.1.0");
    assert.deepEqual(
      sarif.runs[0].results.map((x) => x.ruleId),
      ["hedging", "vague-timing"],
    );
  });

  describe("with a release version", () => {
    let release, stubs, tag;
    const sha256 = (f) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");

    before(() => {
      // A release as .goreleaser.yaml lays it out, served by a stand-in curl.
      tag = "v9.9.9";
      release = fs.mkdtempSync(path.join(os.tmpdir(), "upward-action-release-"));
      const build = path.join(release, "build");
      fs.mkdirSync(build);
      execFileSync(
        "go",
        ["build", "-trimpath", "-ldflags", `-X github.com/upward-lint/upward/internal/version.version=${tag}`, "-o", path.join(build, "upward"), "./cmd/upward"],
        { cwd: repo, env: { ...process.env, CGO_ENABLED: "0", GOOS: "linux", GOARCH: "amd64" } },
      );
      fs.writeFileSync(path.join(build, "README.md"), "readme\n");
      const dl = path.join(release, "download", tag);
      fs.mkdirSync(dl, { recursive: true });
      execFileSync("tar", ["-czf", path.join(dl, "upward_linux_amd64.tar.gz"), "-C", build, "upward", "README.md"]);
      fs.writeFileSync(path.join(dl, "checksums.txt"), `${sha256(path.join(dl, "upward_linux_amd64.tar.gz"))}  upward_linux_amd64.tar.gz\n`);
      fs.symlinkSync(dl, path.join(release, "latest"));
      stubs = path.join(release, "stubs");
      fs.mkdirSync(stubs);
      // curl -fsSL --retry 3 -o FILE URL: serves .../releases/download/TAG/NAME
      // and .../releases/latest/download/NAME from the folder; 404 (exit 22) otherwise.
      fs.writeFileSync(
        path.join(stubs, "curl"),
        `#!/usr/bin/env bash
out="" url=""
while [ $# -gt 0 ]; do
  case "$1" in
    -o) out=$2; shift ;;
    https://*) url=$1 ;;
  esac
  shift
done
echo "curl $url" >>"${release}/requests"
case "$url" in
  https://github.com/upward-lint/upward/releases/download/*) rel=\${url#https://github.com/upward-lint/upward/releases/download/} ;;
  https://github.com/upward-lint/upward/releases/latest/download/*) rel=latest/\${url#https://github.com/upward-lint/upward/releases/latest/download/} ;;
  *) echo "curl: (6) unexpected URL $url" >&2; exit 6 ;;
esac
case "$rel" in latest/*) src="${release}/$rel" ;; *) src="${release}/download/$rel" ;; esac
if [ ! -f "$src" ]; then echo "curl: (22) The requested URL returned error: 404" >&2; exit 22; fi
cp "$src" "$out"
`,
        { mode: 0o755 },
      );
    });

    after(() => fs.rmSync(release, { recursive: true, force: true }));

    it("downloads the release binary, checks it, and skips Go", () => {
      for (const version of [tag, "latest"]) {
        const ws = workspace({ "week.md": draft });
        const r = runAction(ws, { version }, { extraPath: [stubs] });
        assert.equal(r.ok, false, "findings fail the step");
        assert.deepEqual(r.ran, ["Download the upward release binary", "Lint"], r.log);
        assert.match(r.log, new RegExp(`^upward ${tag} `, "m"), `the release's upward runs (${version})`);
        assert.equal(annotations(r.log).length, 2, r.log);
      }
    });

    it("refuses a binary that does not match checksums.txt", () => {
      const sums = path.join(release, "download", tag, "checksums.txt");
      const good = fs.readFileSync(sums, "utf8");
      fs.writeFileSync(sums, good.replace(/^[0-9a-f]{8}/, "00000000"));
      try {
        const r = runAction(workspace({ "week.md": draft }), { version: tag }, { extraPath: [stubs] });
        assert.equal(r.ok, false);
        assert.deepEqual(r.ran, ["Download the upward release binary"]);
        assert.match(r.log, /::error::upward: upward_linux_amd64\.tar\.gz does not match the release's checksums\.txt/);
      } finally {
        fs.writeFileSync(sums, good);
      }
    });

    it("falls back to go install when the release has no binary", () => {
      // A module proxy in a folder serves HEAD as v0.98.7, which has no release.
      const mod = "github.com/upward-lint/upward";
      const proxy = path.join(release, "proxy");
      const v = path.join(proxy, mod, "@v");
      fs.mkdirSync(v, { recursive: true });
      fs.writeFileSync(path.join(v, "list"), "v0.98.7\n");
      fs.writeFileSync(path.join(v, "v0.98.7.info"), JSON.stringify({ Version: "v0.98.7", Time: "2026-01-01T00:00:00Z" }));
      fs.copyFileSync(path.join(repo, "go.mod"), path.join(v, "v0.98.7.mod"));
      execFileSync("git", ["archive", "--format=zip", `--prefix=${mod}@v0.98.7/`, "-o", path.join(v, "v0.98.7.zip"), "HEAD"], { cwd: repo });
      const [goproxy, modcache] = execFileSync("go", ["env", "GOPROXY", "GOMODCACHE"], { encoding: "utf8" }).trim().split("\n");
      const r = runAction(workspace({ "week.md": draft }), { version: "v0.98.7" }, {
        extraPath: [stubs],
        env: {
          // A module cache of its own keeps v0.98.7 out of the shared one, which serves the dependencies.
          GOMODCACHE: path.join(release, "modcache"),
          GOFLAGS: "-modcacherw",
          GOPROXY: `file://${proxy},file://${modcache}/cache/download,${goproxy}`,
          GONOSUMDB: mod,
        },
      });
      assert.deepEqual(r.ran, ["Download the upward release binary", "Set up Go", "Build upward", "Lint"], r.log);
      assert.match(r.log, /release v0\.98\.7 has no upward_linux_amd64\.tar\.gz; installing with go install/);
      assert.match(r.log, /^upward v0\.98\.7 /m, r.log);
    });
  });
});
