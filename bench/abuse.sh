#!/usr/bin/env bash
# Load and abuse of the server (issue 16): builds a store of N synthetic
# articles (default 100,000, as the issue measures it; kept for the next run), starts `dateline serve`
# on it and runs bench/abuse.py against it.
#
#   cargo build --release && bench/abuse.sh [N] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
CONNECTIONS=${2:-50}
DB=${DB:-bench-abuse-$N.db}
PORT=${PORT:-18702}
# 1,100 half-open connections need more descriptors than the usual 1,024.
ulimit -n 8192
[ -f "$DB" ] || target/release/dateline bench --store-articles "$N" --db "$DB"
target/release/dateline serve --db "$DB" --addr "127.0.0.1:$PORT" &
server=$!
trap 'kill $server' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/openapi.json" >/dev/null && break; sleep 0.1; done
python3 bench/abuse.py "http://127.0.0.1:$PORT" "$CONNECTIONS"
