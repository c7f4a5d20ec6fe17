#!/usr/bin/env bash
# Installs code-server (VS Code in the browser) without network access other
# than the npm registry, into a cache folder, and prints the path of its
# `code-server` launcher on the last line of stdout.
#
#   CODE_SERVER_CACHE   where to install (default: <repo>/.cache, ignored by git)
#
# code-server 4.99.4 is Code 1.99.3; newer code-server needs Node 24 (we run on
# Node 20). Its npm install would download prebuilt binaries from GitHub, so:
#   - every npm install runs with --ignore-scripts, against the versions pinned
#     by code-server's own npm-shrinkwrap.json files;
#   - Debian's ripgrep stands in for @vscode/ripgrep's downloaded binary;
#   - the native modules are built here with node-gyp against Node's own
#     headers (nodedir=/usr), argon2 through node-pre-gyp as its install
#     script would; kerberos is left out (Kerberos proxy auth only, and it
#     needs libkrb5-dev);
#   - the links code-server's postinstall.sh makes are made by hand.
# Needs: node 20 with npm, python3, make, g++, rg, and /usr/include/node.
# A failed install leaves no stamp, so the next run starts over.
set -euo pipefail

CODE_SERVER_VERSION=4.99.4

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
cache=${CODE_SERVER_CACHE:-$repo/.cache}
dest=$cache/code-server-$CODE_SERVER_VERSION
stamp=$dest/.installed
launcher=$dest/node_modules/code-server/out/node/entry.js

log() { echo "setup-code-server: $*" >&2; }
die() {
	log "$*"
	exit 1
}

if [ -f "$stamp" ] && [ -f "$launcher" ]; then
	log "code-server $CODE_SERVER_VERSION already installed in $dest"
	echo "$dest/node_modules/.bin/code-server"
	exit 0
fi

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null) || die "node is not installed"
[ "$node_major" = 20 ] || die "code-server $CODE_SERVER_VERSION needs Node 20, this is Node $(node --version)"
for tool in npm python3 make g++ rg; do
	command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed"
done
[ -f /usr/include/node/node_api.h ] || die "Node's headers are not in /usr/include/node (Debian/NodeSource nodejs package ships them)"
node_gyp=$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js
[ -f "$node_gyp" ] || die "npm's bundled node-gyp is not at $node_gyp"

export npm_config_unsafe_perm=true # CI runs as root
export npm_config_nodedir=/usr     # build against the installed Node's headers; download nothing
export npm_config_node_gyp=$node_gyp
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
npm_install() { npm install --ignore-scripts --no-audit --no-fund --loglevel=error "$@" >&2; }
# build DIR CMD...: run a native build in DIR, its output in build.log.
build() {
	local dir=$1
	shift
	if ! (cd "$dir" && "$@") >>"$dest/build.log" 2>&1; then
		tail -n 30 "$dest/build.log" >&2
		die "building $(basename "$dir") failed (log: $dest/build.log)"
	fi
}

log "installing code-server $CODE_SERVER_VERSION into $dest"
rm -rf "$dest"
mkdir -p "$dest"
cd "$dest"
echo '{"private": true}' >package.json
npm_install --save-exact "code-server@$CODE_SERVER_VERSION"

cs=$dest/node_modules/code-server
vs=$cs/lib/vscode
(cd "$vs" && npm_install --omit=dev)
(cd "$vs/extensions" && npm_install --omit=dev)

log "building native modules"
build "$dest/node_modules/argon2" node ../@mapbox/node-pre-gyp/bin/node-pre-gyp rebuild
for m in @vscode/spdlog native-watchdog node-pty @vscode/deviceid; do
	build "$vs/node_modules/$m" node "$node_gyp" rebuild -j 2
done

mkdir -p "$vs/node_modules/@vscode/ripgrep/bin"
cp "$(command -v rg)" "$vs/node_modules/@vscode/ripgrep/bin/rg"

# What code-server's postinstall.sh links on Linux.
ln -sfn node_modules "$vs/node_modules.asar"
ln -sfn code-linux.sh "$vs/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$vs/bin/helpers/browser.sh"

# code-server writes a default config file on any start: keep it out of $HOME.
scratch=$(mktemp -d)
version=$(XDG_CONFIG_HOME=$scratch XDG_DATA_HOME=$scratch "$dest/node_modules/.bin/code-server" --version 2>/dev/null | tail -n 1) || version=""
rm -rf "$scratch"
case $version in
"$CODE_SERVER_VERSION "*) ;;
*) die "the installed code-server does not start (it printed \"$version\")" ;;
esac
touch "$stamp"
log "installed: $version"
echo "$dest/node_modules/.bin/code-server"
