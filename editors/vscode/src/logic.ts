// Pure logic of the extension: no `vscode` import, so node's test runner can
// exercise it directly.

import * as path from "node:path";

/** The command that installs the upward binary. */
export const INSTALL_COMMAND =
  "go install github.com/upward-lint/upward/cmd/upward@latest";

/** Where the release binaries (no Go needed) are. */
export const RELEASES_URL = "https://github.com/upward-lint/upward/releases/latest";

/** Severities the server accepts for a rule. */
export const SEVERITIES = ["error", "warning", "info", "hint"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A rule setting as sent to the server: off, on, a severity, or both. */
export type RuleSetting = false | true | Severity | { enabled?: boolean; severity?: Severity };

/** The learned model's sensitivities (precision targets at real-world prevalence). */
export const SENSITIVITIES = ["precise", "balanced", "thorough"] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** The learned model's settings as sent to the server. */
export interface ModelSetting {
  enabled?: boolean;
  sensitivity?: Sensitivity;
}

/** The shape of the "upward" configuration section the server pulls. */
export interface ServerConfig {
  rules: Record<string, RuleSetting>;
  model?: ModelSetting;
}

/**
 * toModelSetting turns `upward.model.enabled` and `upward.model.sensitivity`
 * into the server's {"enabled", "sensitivity"}; undefined when both are at
 * their defaults (the server's own defaults then apply, and .upward.toml's
 * [model] is not overridden).
 */
export function toModelSetting(enabled: unknown, sensitivity: unknown): { model?: ModelSetting; problems: string[] } {
  const model: ModelSetting = {};
  const problems: string[] = [];
  if (enabled === false) model.enabled = false;
  else if (enabled !== undefined && enabled !== null && enabled !== true) {
    problems.push(`upward.model.enabled must be true or false, got ${describe(enabled)}`);
  }
  if (typeof sensitivity === "string" && (SENSITIVITIES as readonly string[]).includes(sensitivity.trim().toLowerCase())) {
    const s = sensitivity.trim().toLowerCase() as Sensitivity;
    if (s !== "balanced") model.sensitivity = s;
  } else if (sensitivity !== undefined && sensitivity !== null) {
    problems.push(`upward.model.sensitivity must be one of ${SENSITIVITIES.join(", ")}, got ${describe(sensitivity)}`);
  }
  return { model: Object.keys(model).length > 0 ? model : undefined, problems };
}

/** Result of normalizing user settings: the config and any complaints about it. */
export interface NormalizedConfig {
  config: ServerConfig;
  problems: string[];
}

const severityAliases: Record<string, Severity> = {
  error: "error",
  warning: "warning",
  warn: "warning",
  info: "info",
  information: "info",
  hint: "hint",
};

/**
 * toServerConfig turns the raw `upward.rules` setting into the
 * {"rules": {...}} shape the server expects. Unknown values are dropped and
 * reported so a typo in settings.json is visible instead of silently ignored.
 */
export function toServerConfig(rawRules: unknown): NormalizedConfig {
  const rules: Record<string, RuleSetting> = {};
  const problems: string[] = [];
  if (rawRules === undefined || rawRules === null) {
    return { config: { rules }, problems };
  }
  if (typeof rawRules !== "object" || Array.isArray(rawRules)) {
    problems.push(
      `upward.rules must be an object mapping rule IDs to false or a severity, got ${describe(rawRules)}`,
    );
    return { config: { rules }, problems };
  }
  for (const [id, value] of Object.entries(rawRules as Record<string, unknown>)) {
    const ruleId = id.trim();
    if (ruleId === "") {
      problems.push("upward.rules has an empty rule ID");
      continue;
    }
    if (value === false || value === true) {
      rules[ruleId] = value;
      continue;
    }
    if (typeof value === "string") {
      const sev = severityAliases[value.trim().toLowerCase()];
      if (sev !== undefined) {
        rules[ruleId] = sev;
        continue;
      }
      if (value.trim().toLowerCase() === "off") {
        rules[ruleId] = false;
        continue;
      }
    }
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      const obj = toRuleObject(value as Record<string, unknown>);
      if (obj !== undefined) {
        rules[ruleId] = obj;
        continue;
      }
    }
    problems.push(
      `upward.rules["${ruleId}"]: expected false or one of ${SEVERITIES.join(", ")}, got ${describe(value)}`,
    );
  }
  return { config: { rules }, problems };
}

// toRuleObject accepts {"enabled": bool, "severity": sev} with at least one key.
function toRuleObject(v: Record<string, unknown>): { enabled?: boolean; severity?: Severity } | undefined {
  const out: { enabled?: boolean; severity?: Severity } = {};
  const keys = Object.keys(v);
  if (keys.length === 0) return undefined;
  for (const k of keys) {
    if (k === "enabled" && typeof v[k] === "boolean") {
      out.enabled = v[k] as boolean;
    } else if (k === "severity" && typeof v[k] === "string" && severityAliases[(v[k] as string).trim().toLowerCase()]) {
      out.severity = severityAliases[(v[k] as string).trim().toLowerCase()];
    } else {
      return undefined;
    }
  }
  return out;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return JSON.stringify(v);
  return typeof v === "object" ? "an object" : `${typeof v} ${String(v)}`;
}

/** A text edit expressed in document offsets (UTF-16 code units, as VS Code counts). */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** A span in the document after the edits were applied. */
export interface OffsetRange {
  start: number;
  end: number;
  text: string;
}

// A placeholder is "[...]" on one line that is not a Markdown link or
// reference ("[x](url)", "[x][ref]", a "[x]: url" definition at the start of
// a line) and not a task checkbox.
const placeholderRe = /(?<!\])\[([^\[\]\n]+)\](?![(\[])/g;
const definitionRe = /(^|\n) {0,3}$/;

/** findPlaceholders returns the placeholders in text, as offsets into text. */
export function findPlaceholders(text: string): OffsetRange[] {
  const out: OffsetRange[] = [];
  placeholderRe.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = placeholderRe.exec(text)) !== null) {
    const inner = m[1];
    if (inner.trim() === "" || /^[xX ]$/.test(inner)) continue;
    const end = m.index + m[0].length;
    if (text[end] === ":" && definitionRe.test(text.slice(0, m.index))) continue;
    out.push({ start: m.index, end, text: m[0] });
  }
  return out;
}

/**
 * placeholderAfterEdits returns where the first placeholder inserted by
 * edits will sit once the edits are applied, or undefined when the edits
 * insert none. Edits must not overlap (as LSP requires); their order does not
 * matter. Only text the edits insert counts: a "[...]" already in the
 * document is left alone.
 */
export function placeholderAfterEdits(edits: OffsetEdit[]): OffsetRange | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let shift = 0;
  for (const e of sorted) {
    const newStart = e.start + shift;
    const found = findPlaceholders(e.newText)[0];
    if (found !== undefined) {
      return {
        start: newStart + found.start,
        end: newStart + found.end,
        text: found.text,
      };
    }
    shift += e.newText.length - (e.end - e.start);
  }
  return undefined;
}

/** Server states shown in the status bar. */
export type ServerState = "starting" | "running" | "stopped" | "error";

/** What the status-bar item shows. */
export interface StatusView {
  text: string;
  tooltip: string;
}

/** formatCount says how many findings there are, in words. */
export function formatCount(n: number): string {
  if (n <= 0) return "no findings";
  return n === 1 ? "1 finding" : `${n} findings`;
}

/**
 * statusView renders the status-bar item. count is the number of upward
 * findings in the active document, or undefined when no upward document is
 * active.
 */
export function statusView(state: ServerState, count: number | undefined, detail?: string): StatusView {
  switch (state) {
    case "starting":
      return { text: "$(sync~spin) upward", tooltip: "upward: starting the language server" };
    case "stopped":
      return { text: "$(circle-slash) upward", tooltip: "upward: language server stopped. Click to restart." };
    case "error":
      return {
        text: "$(error) upward",
        tooltip: `upward: ${detail ?? "the language server failed"}. Click to show the output.`,
      };
    case "running": {
      if (count === undefined) {
        return { text: "$(check) upward", tooltip: "upward: running" };
      }
      const icon = count === 0 ? "$(check)" : "$(warning)";
      return {
        text: count === 0 ? `${icon} upward` : `${icon} upward ${count}`,
        tooltip: `upward: running, ${formatCount(count)} in this document`,
      };
    }
  }
}

/** What resolveServerPath needs from the outside world. */
export interface PathEnv {
  /** The PATH environment variable. */
  pathVar: string | undefined;
  /** PATHEXT on Windows. */
  pathExt?: string;
  platform: NodeJS.Platform;
  home: string | undefined;
  /** The first workspace folder, for relative settings. */
  workspaceFolder: string | undefined;
  /** Whether path is an executable file. */
  isExecutable(p: string): boolean;
}

export type Resolved = { ok: true; path: string } | { ok: false; message: string };

/**
 * resolveServerPath turns the upward.path setting into an absolute path to
 * an executable, looking a bare name up on PATH the way a shell would.
 */
export function resolveServerPath(setting: string | undefined, env: PathEnv): Resolved {
  const p = env.platform === "win32" ? path.win32 : path.posix;
  let want = (setting ?? "").trim();
  if (want === "") want = "upward";
  if (env.workspaceFolder !== undefined) {
    want = want.replace(/\$\{workspaceFolder\}/g, env.workspaceFolder);
  }
  if ((want === "~" || want.startsWith("~/")) && env.home) {
    want = p.join(env.home, want.slice(1));
  }
  const exts =
    env.platform === "win32"
      ? ["", ...(env.pathExt ?? ".EXE;.CMD;.BAT;.COM").split(";").filter((e) => e !== "")]
      : [""];
  const hasSep = want.includes("/") || (env.platform === "win32" && want.includes("\\"));
  if (hasSep) {
    let abs = want;
    if (!p.isAbsolute(abs)) {
      if (env.workspaceFolder === undefined) {
        return { ok: false, message: notFound(setting, `the relative path "${want}" needs an open folder`) };
      }
      abs = p.join(env.workspaceFolder, abs);
    }
    for (const ext of exts) {
      if (env.isExecutable(abs + ext)) return { ok: true, path: abs + ext };
    }
    return { ok: false, message: notFound(setting, `"${abs}" is not an executable file`) };
  }
  const dirs = (env.pathVar ?? "").split(env.platform === "win32" ? ";" : ":").filter((d) => d !== "");
  for (const dir of dirs) {
    for (const ext of exts) {
      const cand = p.join(dir, want + ext);
      if (env.isExecutable(cand)) return { ok: true, path: cand };
    }
  }
  return { ok: false, message: notFound(setting, `"${want}" is not on your PATH`) };
}

function notFound(setting: string | undefined, why: string): string {
  const shown = setting === undefined || setting.trim() === "" ? "upward" : setting;
  return `upward: cannot start the language server: ${why} (upward.path = "${shown}"). Install it with \`${INSTALL_COMMAND}\`, or download a release binary from ${RELEASES_URL}, and put it on your PATH or set upward.path to it.`;
}
