import * as fs from "node:fs";
import * as os from "node:os";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  Middleware,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from "vscode-languageclient/node";
import {
  INSTALL_COMMAND,
  OffsetEdit,
  RELEASES_URL,
  ServerState,
  placeholderAfterEdits,
  resolveServerPath,
  statusView,
  toServerConfig,
  toModelSetting,
} from "./logic";

const SELECT_PLACEHOLDER = "upward.selectPlaceholder";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let status: vscode.StatusBarItem;
let serverState: ServerState = "stopped";
let stateDetail: string | undefined;

const selector: { language: string; scheme: string }[] = [
  { language: "markdown", scheme: "file" },
  { language: "markdown", scheme: "untitled" },
  { language: "plaintext", scheme: "file" },
  { language: "plaintext", scheme: "untitled" },
];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("upward");
  status = vscode.window.createStatusBarItem("upward.status", vscode.StatusBarAlignment.Right, 100);
  status.name = "upward";
  context.subscriptions.push(output, status);

  context.subscriptions.push(
    vscode.commands.registerCommand("upward.restartServer", () => restart(context)),
    vscode.commands.registerCommand("upward.showOutput", () => output.show(true)),
    vscode.commands.registerCommand(SELECT_PLACEHOLDER, selectPlaceholder),
    vscode.languages.onDidChangeDiagnostics(() => updateStatus()),
    vscode.window.onDidChangeActiveTextEditor(() => updateStatus()),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("upward.path")) {
        await restart(context);
      } else if ((e.affectsConfiguration("upward.rules") || e.affectsConfiguration("upward.model")) && client?.isRunning()) {
        await client.sendNotification(DidChangeConfigurationNotification.type, {
          settings: { upward: currentConfig() },
        });
      }
    }),
  );

  await start(context);
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c !== undefined) await c.stop();
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const setting = vscode.workspace.getConfiguration("upward").get<string>("path");
  const resolved = resolveServerPath(setting, {
    pathVar: process.env.PATH,
    pathExt: process.env.PATHEXT,
    platform: process.platform,
    home: os.homedir(),
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    isExecutable,
  });
  if (!resolved.ok) {
    setState("error", "the upward binary was not found");
    output.appendLine(resolved.message);
    void showMissingBinary(resolved.message);
    return;
  }

  const serverOptions: ServerOptions = { command: resolved.path, args: ["lsp"] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // The server also reads settings here, so the first lint already has them.
    initializationOptions: () => ({ upward: currentConfig() }),
    middleware,
  };

  const c = new LanguageClient("upward", "upward", serverOptions, clientOptions);
  client = c;
  c.onDidChangeState((e) => {
    if (client !== c) return;
    switch (e.newState) {
      case State.Starting:
        setState("starting");
        break;
      case State.Running:
        setState("running");
        break;
      case State.Stopped:
        if (serverState !== "error") setState("stopped");
        break;
    }
  });
  setState("starting");
  try {
    await c.start();
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    setState("error", msg);
    output.appendLine(`upward: the language server failed to start: ${msg}`);
    void vscode.window
      .showErrorMessage(`upward: the language server failed to start: ${msg}`, "Show output")
      .then((choice) => choice && output.show(true));
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  const c = client;
  client = undefined;
  if (c !== undefined) {
    try {
      await c.stop();
    } catch (err) {
      output.appendLine(`upward: stopping the server: ${String(err)}`);
    }
  }
  await start(context);
}

function isExecutable(p: string): boolean {
  try {
    const st = fs.statSync(p);
    if (!st.isFile()) return false;
    if (process.platform === "win32") return true;
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// showMissingBinary offers the two ways to install upward and the setting.
// Short labels: a notification cuts longer ones off (the real-VS Code test checks).
async function showMissingBinary(message: string): Promise<void> {
  const copy = "Copy command";
  const release = "Open releases";
  const settings = "Set path";
  const choice = await vscode.window.showErrorMessage(message, copy, release, settings);
  if (choice === release) {
    await vscode.env.openExternal(vscode.Uri.parse(RELEASES_URL));
  } else if (choice === copy) {
    await vscode.env.clipboard.writeText(INSTALL_COMMAND);
  } else if (choice === settings) {
    await vscode.commands.executeCommand("workbench.action.openSettings", "upward.path");
  }
}

function currentConfig(scope?: vscode.Uri): unknown {
  const section = vscode.workspace.getConfiguration("upward", scope);
  const { config, problems } = toServerConfig(section.get("rules"));
  const m = toModelSetting(section.get("model.enabled"), section.get("model.sensitivity"));
  if (m.model) config.model = m.model;
  for (const p of [...problems, ...m.problems]) output.appendLine(p);
  return config;
}

const middleware: Middleware = {
  workspace: {
    // The server pulls section "upward" and expects {"rules": {...}}.
    configuration: async (params, token, next) => {
      const answers = await next(params, token);
      if (!Array.isArray(answers)) return answers;
      return params.items.map((item, i) => {
        if (item.section === "upward") {
          const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
          return currentConfig(scope);
        }
        return answers[i];
      });
    },
  },
  provideCodeActions: async (document, range, context, token, next) => {
    const actions = await next(document, range, context, token);
    if (!actions) return actions;
    for (const a of actions) {
      if (a instanceof vscode.CodeAction) attachPlaceholderCommand(document, a);
    }
    return actions;
  },
  resolveCodeAction: async (item, token, next) => {
    const resolved = await next(item, token);
    if (resolved) {
      const doc = findDocument(resolved);
      if (doc !== undefined) attachPlaceholderCommand(doc, resolved);
    }
    return resolved;
  },
};

function findDocument(action: vscode.CodeAction): vscode.TextDocument | undefined {
  const first = action.edit?.entries()[0];
  if (first === undefined) return undefined;
  const key = first[0].toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

interface PlaceholderArgs {
  uri: string;
  start: number;
  end: number;
  text: string;
  then?: vscode.Command;
}

// attachPlaceholderCommand makes VS Code select the first "[placeholder]" a
// fix inserts, right after applying it, so the writer can type over it.
function attachPlaceholderCommand(document: vscode.TextDocument, action: vscode.CodeAction): void {
  if (action.edit === undefined) return;
  if (action.command?.command === SELECT_PLACEHOLDER) return;
  const edits: OffsetEdit[] = [];
  for (const [uri, textEdits] of action.edit.entries()) {
    if (uri.toString() !== document.uri.toString()) continue;
    for (const e of textEdits) {
      edits.push({
        start: document.offsetAt(e.range.start),
        end: document.offsetAt(e.range.end),
        newText: e.newText,
      });
    }
  }
  const ph = placeholderAfterEdits(edits);
  if (ph === undefined) return;
  const args: PlaceholderArgs = { uri: document.uri.toString(), ...ph, then: action.command };
  action.command = { title: "Select placeholder", command: SELECT_PLACEHOLDER, arguments: [args] };
}

async function selectPlaceholder(args: PlaceholderArgs): Promise<void> {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === args.uri);
  if (editor !== undefined) {
    const doc = editor.document;
    const start = doc.positionAt(args.start);
    const end = doc.positionAt(args.end);
    // Only select when the edit landed as expected.
    if (doc.getText(new vscode.Range(start, end)) === args.text) {
      if (vscode.window.activeTextEditor !== editor) {
        await vscode.window.showTextDocument(doc, editor.viewColumn);
      }
      editor.selection = new vscode.Selection(start, end);
      editor.revealRange(new vscode.Range(start, end));
    }
  }
  if (args.then !== undefined) {
    await vscode.commands.executeCommand(args.then.command, ...(args.then.arguments ?? []));
  }
}

function setState(s: ServerState, detail?: string): void {
  serverState = s;
  stateDetail = detail;
  updateStatus();
}

function updateStatus(): void {
  if (status === undefined) return;
  const editor = vscode.window.activeTextEditor;
  let count: number | undefined;
  if (editor !== undefined && vscode.languages.match(selector, editor.document) > 0) {
    count = vscode.languages
      .getDiagnostics(editor.document.uri)
      .filter((d) => d.source === "upward").length;
  }
  const view = statusView(serverState, count, stateDetail);
  status.text = view.text;
  status.tooltip = view.tooltip;
  status.command =
    serverState === "stopped"
      ? "upward.restartServer"
      : serverState === "error"
        ? "upward.showOutput"
        : "workbench.actions.view.problems";
  if (count !== undefined || serverState !== "running") {
    status.show();
  } else {
    status.hide();
  }
}
