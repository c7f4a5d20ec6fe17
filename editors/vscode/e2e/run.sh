#!/usr/bin/env bash
# The real-VS Code test: installs code-server offline (setup-code-server.sh),
# builds upward, packages the extension, and runs vscode.test.mjs, which
# installs the .vsix into code-server and drives it from headless Chromium.
#
#   CI=true              a setup failure (packages, code-server, Chromium) fails
#                        the run; Debian packages are installed with apt-get.
#                        Without CI, a missing piece skips the test with the reason.
#   UPWARD_E2E_OUT       screenshot folder (default: <repo>/.ci/out/vscode)
#   UPWARD_E2E_VSIX      use this .vsix instead of packaging one
#   CODE_SERVER_CACHE    see setup-code-server.sh
#
# Prints the screenshots' paths and how long the test took.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
ext=$(cd "$here/.." && pwd)
repo=$(cd "$ext/../.." && pwd)
start=$(date +%s)
in_ci=false
case ${CI:-} in "" | 0 | false) ;; *) in_ci=true ;; esac

# unavailable REASON: the test cannot be set up here.
unavailable() {
	if $in_ci; then
		echo "vscode-e2e: FAIL: cannot set up the real-VS Code test: $*" >&2
		exit 1
	fi
	echo "vscode-e2e: SKIP: $* (CI=true installs what is missing)"
	exit 0
}

chromium_bin() {
	local c
	for c in /usr/lib/chromium/chromium "$(command -v chromium 2>/dev/null)" "$(command -v chromium-browser 2>/dev/null)"; do
		if [ -n "$c" ] && [ -x "$c" ]; then
			echo "$c"
			return 0
		fi
	done
	return 1
}

# Debian packages the test needs: the browser, ripgrep for code-server, and
# what node-gyp needs to build code-server's native modules.
need=()
chromium_bin >/dev/null || need+=(chromium)
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
command -v python3 >/dev/null 2>&1 || need+=(python3)
command -v make >/dev/null 2>&1 || need+=(make)
command -v g++ >/dev/null 2>&1 || need+=(g++)
if [ "${#need[@]}" -gt 0 ]; then
	if ! $in_ci; then unavailable "missing Debian packages: ${need[*]}"; fi
	echo "vscode-e2e: apt-get install ${need[*]}"
	export DEBIAN_FRONTEND=noninteractive
	{ apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; } ||
		unavailable "apt-get install ${need[*]} failed"
fi
chromium=$(chromium_bin) || unavailable "Chromium is not installed"
command -v node >/dev/null 2>&1 || unavailable "node is not installed"
command -v go >/dev/null 2>&1 || unavailable "go is not installed"
[ -d "$ext/node_modules/playwright-core" ] || unavailable "the extension's npm packages are not installed (npm ci in editors/vscode)"

code_server=$(bash "$here/setup-code-server.sh" | tail -n 1) || unavailable "installing code-server failed (see above)"
setup_done=$(date +%s)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$repo" && go build -o "$work/upward" ./cmd/upward)
vsix=${UPWARD_E2E_VSIX:-}
if [ -z "$vsix" ]; then
	(cd "$ext" && npm run --silent package >/dev/null)
	vsix=$ext/upward.vsix
fi
[ -f "$vsix" ] || { echo "vscode-e2e: no .vsix at $vsix" >&2; exit 1; }

out=${UPWARD_E2E_OUT:-$repo/.ci/out/vscode}
mkdir -p "$out"
rm -f "$out"/vscode-*.png
echo "vscode-e2e: $code_server; $("$chromium" --version 2>/dev/null); $vsix"

status=0
UPWARD_E2E_CODE_SERVER=$code_server UPWARD_E2E_CHROMIUM=$chromium UPWARD_E2E_UPWARD=$work/upward \
	UPWARD_E2E_VSIX=$vsix UPWARD_E2E_OUT=$out \
	node --test --test-reporter=spec "$here/vscode.test.mjs" || status=$?

end=$(date +%s)
echo "vscode-e2e: screenshots:"
for f in "$out"/vscode-*.png; do [ -e "$f" ] && echo "  $f"; done
echo "vscode-e2e: took $((end - start)) s ($((setup_done - start)) s setup, $((end - setup_done)) s build and test)"
exit $status
