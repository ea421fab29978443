#!/usr/bin/env bash
# Load benchmark of the events API on loopback: wrk (Debian's package) with
# 200 connections against `dateline serve` over a store of N synthetic
# articles (default 100,000; the store is built once and kept).
#
#   cargo build --release && bench/http.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
DB=${DB:-bench-http-$N.db}
PORT=${PORT:-18700}
command -v wrk >/dev/null || apt-get install -y -qq wrk
[ -f "$DB" ] || target/release/dateline bench --store-articles "$N" --db "$DB"
target/release/dateline serve --db "$DB" --addr "127.0.0.1:$PORT" &
server=$!
trap 'kill $server' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/openapi.json" >/dev/null && break; sleep 0.1; done
# Warm the gazetteer and the answers (the steady state is what is measured).
for path in $(grep -o '"/api/[^"]*"' bench/http-events.lua | tr -d '"'); do
  curl -sf "http://127.0.0.1:$PORT$path" >/dev/null
done
wrk -t"${THREADS:-1}" -c200 -d20s --timeout 5s --latency -s bench/http-events.lua "http://127.0.0.1:$PORT"
