#!/usr/bin/env bash
# Checks an installed or unpacked Weft by hand-run steps: jpackage/smoke.sh [LAUNCHER]
# (default: weft on the PATH; e.g. /opt/weft/bin/weft, target/jpackage/weft/bin/weft).
# --version and --help; a TLS server on 127.0.0.1:17999 with a fresh data dir; two vaults paired
# with 'weft pair-code' links and synced; 'weft devices'; SIGTERM stops the server with status 0.
set -euo pipefail
weft=${1:-weft}
port=${PORT:-17999}
tmp=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$tmp"' EXIT

"$weft" --version
"$weft" --help >/dev/null
"$weft" --server --port "$port" --bind 127.0.0.1 --data "$tmp/data" >"$tmp/server.out" 2>&1 &
server=$!
for _ in $(seq 300); do grep -q '^pair: ' "$tmp/server.out" 2>/dev/null && break; sleep 0.1; done
head -2 "$tmp/server.out"
link() { "$weft" pair-code --data "$tmp/data" | sed -n 's/^pair: //p'; }
mkdir -p "$tmp/one"
echo "written on one" >"$tmp/one/hello.md"
"$weft" sync --vault "$tmp/one" --pair "$(link)" --name one
"$weft" sync --vault "$tmp/two" --pair "$(link)" --name two
cmp "$tmp/one/hello.md" "$tmp/two/hello.md"
"$weft" devices --data "$tmp/data"
kill -TERM "$server"
status=0
wait "$server" || status=$?
tail -1 "$tmp/server.out"
[ "$status" -eq 0 ] || { echo "smoke: the server exited with $status after SIGTERM" >&2; exit 1; }
echo "smoke: ok"
