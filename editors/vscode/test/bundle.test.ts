import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";

// The bundle esbuild made (npm test runs `npm run bundle` first).
const bundle = path.join(__dirname, "..", "..", "dist", "extension.js");

// anything stands in for every value of the `vscode` module: callable,
// constructible, and extendable, as vscode-languageclient's module-level
// `class X extends vscode.Y` needs.
function anything(): unknown {
  const target = function () {};
  const handler: ProxyHandler<typeof target> = {
    get(_t, prop) {
      if (prop === "prototype") return {};
      if (prop === Symbol.toPrimitive) return () => "";
      return proxy;
    },
    apply: () => proxy,
    construct: () => ({}),
  };
  const proxy: unknown = new Proxy(target, handler);
  return proxy;
}

describe("bundle", () => {
  it("exists and keeps vscode external", () => {
    const src = fs.readFileSync(bundle, "utf8");
    assert.match(src, /require\("vscode"\)/);
    // vscode-languageclient is bundled in, not required at run time.
    assert.doesNotMatch(src, /require\("vscode-languageclient/);
  });

  it("downloads nothing at run time: no HTTP client in the bundle", () => {
    const src = fs.readFileSync(bundle, "utf8");
    assert.doesNotMatch(src, /require\("(node:)?(http|https|http2|dns|tls)"\)/);
    assert.doesNotMatch(src, /\bfetch\(|XMLHttpRequest|WebSocket/);
  });

  it("loads with only vscode provided and exports activate/deactivate", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Module = require("node:module") as { _load: (req: string, ...rest: unknown[]) => unknown };
    const realLoad = Module._load;
    const fake = anything();
    Module._load = function (request: string, ...rest: unknown[]) {
      if (request === "vscode") return fake;
      if (request.startsWith("vscode-languageclient")) {
        throw new Error("bundle requires " + request + " at run time");
      }
      return realLoad.call(this, request, ...rest);
    };
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const ext = require(bundle) as Record<string, unknown>;
      assert.equal(typeof ext.activate, "function");
      assert.equal(typeof ext.deactivate, "function");
    } finally {
      Module._load = realLoad;
    }
  });
});
