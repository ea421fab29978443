#!/usr/bin/env python3
"""Load and abuse of `dateline serve`, as a demanding operator would try it.

Runs against a server over a store (see bench/abuse.sh, which builds one and
starts the server) and prints one line per check: what was tried, what came
back, and whether that is what the README promises. Standard library only.

    bench/abuse.py http://127.0.0.1:18702 [CONNECTIONS]
"""

import http.client
import json
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

URL = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:18702"
CONNECTIONS = int(sys.argv[2]) if len(sys.argv) > 2 else 50
HOST, PORT = urllib.parse.urlsplit(URL).hostname, urllib.parse.urlsplit(URL).port
FAILED = []


def request(method, path, body=None, headers=None, timeout=30):
    """(status, headers, body bytes, seconds) of one request on a new connection."""
    conn = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
    started = time.perf_counter()
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, dict(response.getheaders()), data, time.perf_counter() - started


def check(name, ok, got):
    print(f"{'ok  ' if ok else 'FAIL'} {name}: {got}")
    if not ok:
        FAILED.append(name)


def is_json(data):
    try:
        json.loads(data)
        return True
    except ValueError:
        return False


def percentiles(seconds):
    ordered = sorted(seconds)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return statistics.median(ordered) * 1000, p99 * 1000


def hostile_input():
    article = json.dumps({"date": "2020-11-26", "text": "Talks resume on Monday."})
    status, _, data, _ = request("POST", "/api/documents", article, {"Content-Type": "text/plain"})
    check("POST as text/plain is refused (cross-site forms)", status == 415 and is_json(data), status)
    status, _, data, _ = request(
        "POST", "/api/documents", article, {"Content-Type": "application/json", "Origin": "https://evil.example"}
    )
    check("POST from another origin is refused", status == 403 and is_json(data), status)
    status, _, data, _ = request("GET", "/api/events", headers={"Host": "rebound.example"})
    check("a Host that is not the server's is refused (DNS rebinding)", status == 421, status)
    status, _, data, _ = request("GET", "/api/events?q=" + "+".join(["word"] * 40))
    check("a search of 40 words is refused at once", status == 400 and is_json(data), status)
    for path, want in [("/api/nowhere", 404), ("/api/events?from=garbage", 400)]:
        status, _, data, _ = request("GET", path)
        check(f"GET {path} answers JSON {want}", status == want and is_json(data), status)
    status, _, data, _ = request("DELETE", "/api/events")
    check("DELETE answers JSON 405", status == 405 and is_json(data), status)
    status, _, data, _ = request("GET", "/api/events?q=" + "a" * 9000)
    check("a 9 KB URI answers JSON 414", status == 414 and is_json(data), status)
    status, _, data, _ = request("GET", "/api/events", headers={"X-Big": "b" * 100_000})
    check("a 100 KB header answers JSON 431", status == 431 and is_json(data), status)
    status, _, data, _ = request("GET", "/api/events?q=" + "a" * 70_000)
    # hyper refuses a URI over 64 KB before the application sees it.
    check("a 70 KB URI is refused (hyper's own empty 414)", status == 414, f"{status}, body {len(data)} bytes")
    status, headers, _, _ = request("GET", "/api/events?limit=5")
    check("API answers are not cached by browsers", headers.get("cache-control") == "no-store", headers.get("cache-control"))


def half_open(count):
    """Opens `count` connections that send half a request and stall, then
    times a normal request while they hang."""
    sockets = []
    for _ in range(count):
        s = socket.create_connection((HOST, PORT))
        s.sendall(b"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        sockets.append(s)
    status, _, _, seconds = request("GET", "/api/documents?limit=5")
    check(f"with {count} half-open connections a request still answers", status == 200, f"{status} in {seconds * 1000:.0f} ms")
    started = time.perf_counter()
    closed = 0
    for s in sockets:
        # The server acts within its header timeout: it closes (b"") or
        # answers 408; still silent after 30 s is a connection kept.
        s.settimeout(max(1.0, 30 - (time.perf_counter() - started)))
        try:
            s.recv(1)
            closed += 1
        except socket.timeout:
            pass
        except OSError:
            closed += 1
        s.close()
    check(
        "the server closes them after its header timeout",
        closed == count,
        f"{closed} closed within {time.perf_counter() - started:.0f} s",
    )


def timed(path, times):
    seconds = [request("GET", path)[3] for _ in range(times)]
    p50, p99 = percentiles(seconds)
    return p50, p99


def listings():
    for path in ["/api/places", "/api/entities?limit=100", "/api/documents?limit=100", "/api/documents?limit=100&offset=10000"]:
        p50, p99 = timed(path, 30)
        check(f"GET {path} p99 < 100 ms (30 requests)", p99 < 100, f"p50 {p50:.1f} ms, p99 {p99:.1f} ms")


def uncached_events():
    out = subprocess.run(
        [sys.executable, "bench/events-uncached.py", URL, str(CONNECTIONS * 10), str(CONNECTIONS)],
        capture_output=True,
        text=True,
    )
    try:
        result = json.loads(out.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        check(f"uncached /api/events at {CONNECTIONS} connections", False, out.stderr.strip()[-200:])
        return
    errors = sum(n for status, n in result["statuses"].items() if status != "200")
    got = f"p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms, {result['requests_per_second']} requests/s, {errors} errors"
    check(f"uncached /api/events at {CONNECTIONS} connections p99 < 50 ms, no errors", result["p99_ms"] < 50 and errors == 0, got)


def post_one():
    article = json.dumps({"date": "2020-11-26", "text": "Rail services will resume on Monday in Baku."})
    status, _, data, seconds = request("POST", "/api/documents", article, {"Content-Type": "application/json"}, 120)
    check("POST of one article answers in < 1 s", status in (200, 201) and seconds < 1, f"{status} in {seconds:.2f} s")


if __name__ == "__main__":
    hostile_input()
    listings()
    uncached_events()
    half_open(1100)
    post_one()
    print(f"{len(FAILED)} check(s) short of the README's promise" + (": " + "; ".join(FAILED) if FAILED else ""))
