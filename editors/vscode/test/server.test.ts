// Contract test between the extension's logic and the real `upward lsp`:
// the settings shape toServerConfig builds is what the server obeys, and
// placeholderAfterEdits finds the placeholder in the server's real fixes.
// Builds ../../cmd/upward with Go unless UPWARD_BIN names a binary; skips
// when neither is available, except in CI.
import assert from "node:assert/strict";
import { ChildProcessWithoutNullStreams, execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { OffsetEdit, placeholderAfterEdits, toServerConfig } from "../src/logic";

const repoRoot = path.join(__dirname, "..", "..", "..", "..");

let buildDir: string | undefined;

function findBinary(): string | undefined {
  if (process.env.UPWARD_BIN) return process.env.UPWARD_BIN;
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), "upward-vscode-"));
  const out = path.join(buildDir, "upward");
  try {
    execFileSync("go", ["build", "-o", out, "./cmd/upward"], { cwd: repoRoot, stdio: "pipe" });
    return out;
  } catch (err) {
    if (process.env.CI) throw err;
    return undefined;
  }
}

interface Message {
  id?: number;
  method?: string;
  params?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  result?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  error?: { code: number; message: string };
}

// A minimal LSP client over stdio: enough framing to drive the server.
class Client {
  private buf = Buffer.alloc(0);
  private nextId = 1;
  private pending = new Map<number, (m: Message) => void>();
  private waiters: { pred: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  private seen: Message[] = [];
  /** Answers workspace/configuration for section "upward". */
  config: unknown = { rules: {} };

  constructor(private proc: ChildProcessWithoutNullStreams) {
    proc.stdout.on("data", (d: Buffer) => this.onData(d));
  }

  private onData(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const sep = this.buf.indexOf("\r\n\r\n");
      if (sep < 0) return;
      const m = /Content-Length: (\d+)/i.exec(this.buf.subarray(0, sep).toString());
      if (!m) throw new Error("bad header: " + this.buf.subarray(0, sep).toString());
      const len = Number(m[1]);
      if (this.buf.length < sep + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(sep + 4, sep + 4 + len).toString()) as Message;
      this.buf = this.buf.subarray(sep + 4 + len);
      this.dispatch(msg);
    }
  }

  private dispatch(msg: Message): void {
    if (msg.method === undefined && msg.id !== undefined) {
      this.pending.get(msg.id)?.(msg);
      this.pending.delete(msg.id);
      return;
    }
    if (msg.method === "workspace/configuration" && msg.id !== undefined) {
      const items = (msg.params?.items ?? []) as { section?: string }[];
      this.send({ id: msg.id, result: items.map((it) => (it.section === "upward" ? this.config : null)) });
      return;
    }
    if (msg.id !== undefined && msg.method !== undefined) {
      this.send({ id: msg.id, result: null }); // registerCapability, showMessageRequest, ...
    }
    this.seen.push(msg);
    this.waiters = this.waiters.filter((w) => {
      if (w.pred(msg)) {
        w.resolve(msg);
        return false;
      }
      return true;
    });
  }

  send(m: Message): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...m }));
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  request(method: string, params: unknown): Promise<Message> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** Waits for a notification matching pred, past or future. */
  waitFor(pred: (m: Message) => boolean, ms = 10000): Promise<Message> {
    const old = this.seen.find(pred);
    if (old) return Promise.resolve(old);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error("timed out waiting for a message")), ms);
      this.waiters.push({
        pred,
        resolve: (m) => {
          clearTimeout(t);
          resolve(m);
        },
      });
    });
  }

  forget(): void {
    this.seen = [];
  }
}

interface Pos {
  line: number;
  character: number;
}

// offsetAt converts an LSP position (UTF-16, as negotiated by default) to
// an offset into text, as vscode.TextDocument.offsetAt does.
function offsetAt(text: string, p: Pos): number {
  let off = 0;
  for (let l = 0; l < p.line; l++) off = text.indexOf("\n", off) + 1;
  return off + p.character;
}

const draft = "# Note for Sam\n\nSorry to bother you, but the report is ready.\n\nI'll send it soon.\n";
const uri = "file:///tmp/upward-vscode-test/note.md";

describe("upward lsp contract", () => {
  const bin = findBinary();
  let proc: ChildProcessWithoutNullStreams;
  let client: Client;

  before(async () => {
    if (!bin) return;
    proc = spawn(bin, ["lsp"], { stdio: "pipe" });
    client = new Client(proc);
    client.config = toServerConfig({ hedging: "hint" }).config;
    const init = await client.request("initialize", {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } },
      initializationOptions: { upward: client.config },
    });
    assert.equal(init.error, undefined);
    client.notify("initialized", {});
  });

  after(async () => {
    if (bin) {
      await client.request("shutdown", null);
      client.notify("exit", null);
      proc.stdin.end();
      await new Promise((resolve) => proc.once("exit", resolve));
    }
    if (buildDir) fs.rmSync(buildDir, { recursive: true, force: true });
  });

  const diagsOf = (m: Message) =>
    (m.params.diagnostics as { code: string; severity: number; range: { start: Pos; end: Pos } }[]);

  it("obeys severities in the settings shape the extension sends", { skip: !bin && "no upward binary" }, async () => {
    client.notify("textDocument/didOpen", {
      textDocument: { uri, languageId: "markdown", version: 1, text: draft },
    });
    const pub = await client.waitFor(
      (m) => m.method === "textDocument/publishDiagnostics" && m.params.uri === uri && m.params.diagnostics.length > 0,
    );
    const diags = diagsOf(pub);
    const hedging = diags.find((d) => d.code === "hedging");
    const timing = diags.find((d) => d.code === "vague-timing");
    assert.ok(hedging && timing, JSON.stringify(diags));
    assert.equal(hedging.severity, 4, "hedging set to hint");
    assert.equal(timing.severity, 2, "vague-timing keeps its default, warning");
  });

  it("turns a rule off on didChangeConfiguration", { skip: !bin && "no upward binary" }, async () => {
    client.forget();
    client.config = toServerConfig({ hedging: "hint", "vague-timing": false }).config;
    client.notify("workspace/didChangeConfiguration", { settings: { upward: client.config } });
    const pub = await client.waitFor(
      (m) =>
        m.method === "textDocument/publishDiagnostics" &&
        m.params.uri === uri &&
        !diagsOf(m).some((d) => d.code === "vague-timing"),
    );
    assert.ok(diagsOf(pub).some((d) => d.code === "hedging"));
    // Back on for the next test.
    client.forget();
    client.config = toServerConfig({}).config;
    client.notify("workspace/didChangeConfiguration", { settings: { upward: client.config } });
    await client.waitFor(
      (m) => m.method === "textDocument/publishDiagnostics" && diagsOf(m).some((d) => d.code === "vague-timing"),
    );
  });

  it("lets the placeholder of a real fix be found and selected", { skip: !bin && "no upward binary" }, async () => {
    const pub = await client.waitFor(
      (m) => m.method === "textDocument/publishDiagnostics" && diagsOf(m).some((d) => d.code === "vague-timing"),
    );
    const timing = diagsOf(pub).find((d) => d.code === "vague-timing")!;
    const res = await client.request("textDocument/codeAction", {
      textDocument: { uri },
      range: timing.range,
      context: { diagnostics: [timing], only: ["quickfix"] },
    });
    const actions = res.result as { title: string; isPreferred?: boolean; edit?: any }[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred?.edit, JSON.stringify(actions));
    const lspEdits: { range: { start: Pos; end: Pos }; newText: string }[] =
      preferred.edit.changes?.[uri] ??
      preferred.edit.documentChanges.flatMap((dc: { textDocument: { uri: string }; edits: unknown[] }) =>
        dc.textDocument.uri === uri ? dc.edits : [],
      );
    const edits: OffsetEdit[] = lspEdits.map((e) => ({
      start: offsetAt(draft, e.range.start),
      end: offsetAt(draft, e.range.end),
      newText: e.newText,
    }));
    const ph = placeholderAfterEdits(edits);
    assert.ok(ph, "the preferred vague-timing fix leaves a placeholder");
    let after = draft;
    for (const e of [...edits].sort((a, b) => b.start - a.start)) {
      after = after.slice(0, e.start) + e.newText + after.slice(e.end);
    }
    assert.equal(after.slice(ph.start, ph.end), ph.text);
    assert.match(after.split("\n")[4], /^I'll send it by \[[^\]]+\]\.$/);
  });
});
