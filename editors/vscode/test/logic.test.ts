import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import {
  INSTALL_COMMAND,
  RELEASES_URL,
  PathEnv,
  findPlaceholders,
  formatCount,
  placeholderAfterEdits,
  resolveServerPath,
  statusView,
  toServerConfig,
  toModelSetting,
} from "../src/logic";

// apply mimics VS Code applying non-overlapping edits to a string.
function apply(text: string, edits: { start: number; end: number; newText: string }[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  for (const e of sorted) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  return text;
}

describe("toModelSetting", () => {
  it("sends nothing at the defaults", () => {
    assert.deepEqual(toModelSetting(true, "balanced"), { model: undefined, problems: [] });
    assert.deepEqual(toModelSetting(undefined, undefined), { model: undefined, problems: [] });
  });
  it("sends the model off and other sensitivities", () => {
    assert.deepEqual(toModelSetting(false, " Precise ").model, { enabled: false, sensitivity: "precise" });
    assert.deepEqual(toModelSetting(true, "thorough").model, { sensitivity: "thorough" });
  });
  it("drops and reports invalid values", () => {
    const { model, problems } = toModelSetting("no", "wild");
    assert.equal(model, undefined);
    assert.equal(problems.length, 2);
    assert.match(problems[1], /sensitivity.*"wild"/);
  });
});

describe("toServerConfig", () => {
  it("passes false and severities through under rules", () => {
    const { config, problems } = toServerConfig({ hedging: false, "vague-timing": "hint", x: "error" });
    assert.deepEqual(config, { rules: { hedging: false, "vague-timing": "hint", x: "error" } });
    assert.deepEqual(problems, []);
  });
  it("normalizes case, aliases and off", () => {
    const { config } = toServerConfig({ a: "Warn", b: " INFO ", c: "off", d: "information", e: true });
    assert.deepEqual(config.rules, { a: "warning", b: "info", c: false, d: "info", e: true });
  });
  it("drops and reports invalid values", () => {
    const { config, problems } = toServerConfig({ a: "loud", b: 3, c: null, ok: "hint" });
    assert.deepEqual(config.rules, { ok: "hint" });
    assert.equal(problems.length, 3);
    assert.match(problems[0], /upward\.rules\["a"\].*"loud"/);
  });
  it("accepts the object form", () => {
    const { config, problems } = toServerConfig({
      a: { enabled: true, severity: "Hint" },
      b: { enabled: false },
      c: { severity: "loud" },
      d: { colour: "red" },
    });
    assert.deepEqual(config.rules, { a: { enabled: true, severity: "hint" }, b: { enabled: false } });
    assert.equal(problems.length, 2);
  });
  it("treats missing settings as no overrides", () => {
    assert.deepEqual(toServerConfig(undefined).config, { rules: {} });
    assert.deepEqual(toServerConfig({}).config, { rules: {} });
  });
  it("rejects a non-object", () => {
    const { config, problems } = toServerConfig(["hedging"]);
    assert.deepEqual(config, { rules: {} });
    assert.match(problems[0], /must be an object/);
  });
});

describe("findPlaceholders", () => {
  it("finds bracketed placeholders", () => {
    assert.deepEqual(findPlaceholders("I'll send it by [Friday]."), [
      { start: 16, end: 24, text: "[Friday]" },
    ]);
  });
  it("skips links, references, definitions and checkboxes", () => {
    const text = "see [docs](http://x) and [ref][1]\n[1]: http://y\n- [x] done\n- [ ] todo";
    assert.deepEqual(findPlaceholders(text), []);
  });
  it("finds placeholders in an action-item skeleton", () => {
    const got = findPlaceholders("## Action items\n\n- [ ] [owner]: [task] (due [date])\n").map((p) => p.text);
    assert.deepEqual(got, ["[owner]", "[task]", "[date]"]);
  });
  it("skips a reference definition only at the start of a line", () => {
    assert.deepEqual(findPlaceholders("intro\n  [1]: http://x").map((p) => p.text), []);
    assert.deepEqual(findPlaceholders("Decide [who]: me or you").map((p) => p.text), ["[who]"]);
  });
  it("finds several and ignores nested brackets", () => {
    const got = findPlaceholders("Can you [decide X] by [date]? [[a]]").map((p) => p.text);
    assert.deepEqual(got, ["[decide X]", "[date]", "[a]"]);
  });
});

describe("placeholderAfterEdits", () => {
  it("locates the placeholder a replacement inserts", () => {
    const doc = "Intro.\nI'll send it soon.\n";
    const start = doc.indexOf("soon");
    const edits = [{ start, end: start + 4, newText: "by [Friday]" }];
    const after = apply(doc, edits);
    const ph = placeholderAfterEdits(edits);
    assert.ok(ph);
    assert.equal(after.slice(ph.start, ph.end), "[Friday]");
  });
  it("accounts for earlier edits that change the length", () => {
    const doc = "Sorry to bother you, but the report is ready. I'll send it soon.";
    const e1 = { start: 0, end: "Sorry to bother you, but the".length, newText: "The" };
    const s = doc.indexOf("soon");
    const e2 = { start: s, end: s + 4, newText: "by [day]" };
    // Given out of order on purpose.
    const ph = placeholderAfterEdits([e2, e1]);
    assert.ok(ph);
    assert.equal(apply(doc, [e1, e2]).slice(ph.start, ph.end), "[day]");
  });
  it("ignores placeholders already in the document", () => {
    const edits = [{ start: 30, end: 40, newText: "The report is ready." }];
    assert.equal(placeholderAfterEdits(edits), undefined);
  });
  it("returns the first placeholder when an edit has several", () => {
    const edits = [{ start: 5, end: 5, newText: "Can you [decide] by [date]?" }];
    const ph = placeholderAfterEdits(edits);
    assert.deepEqual(ph, { start: 13, end: 21, text: "[decide]" });
  });
  it("counts UTF-16 code units like VS Code offsets", () => {
    const doc = "🎉 done soon";
    const s = doc.indexOf("soon");
    const edits = [{ start: s, end: s + 4, newText: "by [Friday]" }];
    const ph = placeholderAfterEdits(edits);
    assert.ok(ph);
    assert.equal(apply(doc, edits).slice(ph.start, ph.end), "[Friday]");
  });
});

describe("status", () => {
  it("formats counts", () => {
    assert.equal(formatCount(0), "no findings");
    assert.equal(formatCount(1), "1 finding");
    assert.equal(formatCount(12), "12 findings");
  });
  it("shows the count while running", () => {
    assert.equal(statusView("running", 3).text, "$(warning) upward 3");
    assert.match(statusView("running", 3).tooltip, /3 findings in this document/);
    assert.equal(statusView("running", 0).text, "$(check) upward");
    assert.match(statusView("running", 1).tooltip, /1 finding in/);
  });
  it("shows other states without a count", () => {
    assert.match(statusView("starting", 2).text, /sync~spin/);
    assert.match(statusView("stopped", undefined).tooltip, /stopped/);
    assert.match(statusView("error", undefined, "not found").tooltip, /not found/);
  });
});

describe("resolveServerPath", () => {
  const env = (files: string[], over: Partial<PathEnv> = {}): PathEnv => ({
    pathVar: "/usr/bin:/home/me/go/bin",
    platform: "linux",
    home: "/home/me",
    workspaceFolder: "/ws",
    isExecutable: (p) => files.includes(p),
    ...over,
  });

  it("finds a bare name on PATH in order", () => {
    const r = resolveServerPath("upward", env(["/home/me/go/bin/upward", "/usr/bin/upward"]));
    assert.deepEqual(r, { ok: true, path: "/usr/bin/upward" });
  });
  it("defaults an empty setting to upward", () => {
    assert.deepEqual(resolveServerPath("", env(["/home/me/go/bin/upward"])), {
      ok: true,
      path: "/home/me/go/bin/upward",
    });
  });
  it("expands ~ and ${workspaceFolder} and resolves relative paths", () => {
    assert.deepEqual(resolveServerPath("~/bin/upward", env(["/home/me/bin/upward"])), {
      ok: true,
      path: "/home/me/bin/upward",
    });
    assert.deepEqual(resolveServerPath("${workspaceFolder}/bin/upward", env(["/ws/bin/upward"])), {
      ok: true,
      path: "/ws/bin/upward",
    });
    assert.deepEqual(resolveServerPath("./bin/upward", env(["/ws/bin/upward"])), {
      ok: true,
      path: "/ws/bin/upward",
    });
  });
  it("explains a missing binary with the install command and the releases", () => {
    const r = resolveServerPath("upward", env([]));
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.match(r.message, /not on your PATH/);
      assert.ok(r.message.includes(INSTALL_COMMAND));
      assert.ok(r.message.includes(RELEASES_URL));
    }
    const r2 = resolveServerPath("/opt/upward", env([]));
    assert.equal(r2.ok, false);
    if (!r2.ok) assert.match(r2.message, /"\/opt\/upward" is not an executable/);
  });
  it("uses PATHEXT on Windows", () => {
    const r = resolveServerPath(
      "upward",
      env(["C:\\go\\bin\\upward.EXE"], { platform: "win32", pathVar: "C:\\tools;C:\\go\\bin", pathExt: ".EXE" }),
    );
    assert.deepEqual(r, { ok: true, path: "C:\\go\\bin\\upward.EXE" });
  });
});

describe("package.json", () => {
  // Tests run from out/test, the manifest sits two levels up.
  const manifest = JSON.parse(
    fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"),
  );
  it("activates on markdown and plain text", () => {
    assert.deepEqual(manifest.activationEvents.sort(), ["onLanguage:markdown", "onLanguage:plaintext"]);
  });
  it("declares the settings the extension reads", () => {
    const props = manifest.contributes.configuration.properties;
    assert.equal(props["upward.path"].default, "upward");
    assert.equal(props["upward.rules"].type, "object");
    assert.deepEqual(props["upward.trace.server"].enum, ["off", "messages", "verbose"]);
  });
  it("lets the rules schema accept every severity toServerConfig sends", () => {
    const schema = manifest.contributes.configuration.properties["upward.rules"].additionalProperties;
    const strings = schema.anyOf.find((s: { type: string }) => s.type === "string").enum;
    for (const sev of ["error", "warning", "info", "hint"]) {
      assert.ok(strings.includes(sev), sev);
      assert.deepEqual(toServerConfig({ r: sev }).config.rules, { r: sev });
    }
  });
  it("points main at the bundle", () => {
    assert.equal(manifest.main, "./dist/extension.js");
  });
});
