#!/bin/sh
# Uncached /api/events under load, each run on a freshly started server (so
# that no answer is cached from the run before): bench/events-uncached.py
# at 4 and 50 connections, then wrk (bench/events-uncached.lua) at 4 and 50.
#
#   bench/events-load.sh BINARY DB [PORT]
set -eu
binary=$1 db=$2 port=${3:-18701}
url=http://127.0.0.1:$port
here=$(dirname "$0")
fresh() {
    [ -n "${pid:-}" ] && kill "$pid" && wait "$pid" 2>/dev/null || true
    "$binary" serve --db "$db" --addr "127.0.0.1:$port" 2>>"${TMPDIR:-/tmp}/events-load-serve.log" &
    pid=$!
    until curl -s -o /dev/null "$url/openapi.json"; do sleep 0.2; done
}
fresh; echo "python 4:  $("$here/events-uncached.py" "$url" 300 4)"
fresh; echo "python 50: $("$here/events-uncached.py" "$url" 500 50)"
for c in 4 50; do
    fresh
    echo "wrk $c:"
    wrk -t2 -c"$c" -d20s --timeout 10s --latency -s "$here/events-uncached.lua" "$url" | grep -E 'Latency|50%|99%|Requests/sec|Non-2xx|Socket errors|requests in'
done
kill "$pid"; wait "$pid" 2>/dev/null || true
