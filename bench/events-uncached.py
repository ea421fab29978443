#!/usr/bin/env python3
"""Latency of uncached `GET /api/events` at a few connections.

Every request asks a question not asked before (entity, place, date range,
status and search words drawn per request, plus a unique limit), so the
server's answer cache never answers: each one costs a store query. Standard
library only.

    target/release/dateline serve --db /tmp/s100k.db --addr 127.0.0.1:18701 &
    bench/events-uncached.py http://127.0.0.1:18701 [REQUESTS] [CONNECTIONS] [KINDS]

KINDS (default all: entity,place,dates,status,q) are the filters drawn
from; `place` alone, say, measures one kind of question at a time.
"""

import json
import random
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

ENTITIES = ["Lopez", "Kim", "Aliyev", "Pashinyan", "United Nations", "Red Cross", "Smith", "Nakamura"]
PLACES = ["Baku", "Azerbaijan", "Texas", "France", "Crimea", "Tokyo", "Georgia", "Kashmir", "Paris"]
STATUSES = ["occurred", "ongoing", "scheduled", "expected", "missed", "deadline"]
WORDS = ["bridge", "elections", "prisoners", "border", "talks", "floods", "ceasefire", "troops", "vote"]


KINDS = ["entity", "place", "dates", "status", "q"]


def question(rng, n, kinds=KINDS):
    """The filters of the `n`th request: one to three of `kinds`, at random."""
    filters = {}
    for kind in rng.sample(kinds, rng.randint(1, min(3, len(kinds)))):
        if kind == "entity":
            filters["entity"] = rng.choice(ENTITIES)
        elif kind == "place":
            filters["place"] = rng.choice(PLACES)
        elif kind == "status":
            filters["status"] = rng.choice(STATUSES)
        elif kind == "q":
            filters["q"] = " ".join(rng.sample(WORDS, rng.randint(1, 2)))
        else:
            year, month = rng.randint(2015, 2023), rng.randint(1, 10)
            filters["from"] = f"{year}-{month:02}-01"
            filters["to"] = f"{year}-{month + 2:02}-28"
    # A limit of its own makes every question new to the cache.
    filters["limit"] = 20 + n
    return "/api/events?" + urllib.parse.urlencode(filters)


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:18701"
    requests = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    connections = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    kinds = sys.argv[4].split(",") if len(sys.argv) > 4 else KINDS
    rng = random.Random(16)
    paths = [question(rng, n, kinds) for n in range(requests)]
    latencies, statuses, lock = [], {}, threading.Lock()

    def worker(mine):
        for path in mine:
            start = time.perf_counter()
            try:
                with urllib.request.urlopen(base + path, timeout=60) as answer:
                    answer.read()
                    status = answer.status
            except urllib.error.HTTPError as error:
                status = error.code
            ms = (time.perf_counter() - start) * 1000
            with lock:
                latencies.append(ms)
                statuses[status] = statuses.get(status, 0) + 1

    threads = [threading.Thread(target=worker, args=(paths[i::connections],)) for i in range(connections)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    latencies.sort()

    def percentile(q):
        return latencies[round((len(latencies) - 1) * q)]

    print(json.dumps({
        "requests": len(latencies),
        "connections": connections,
        "requests_per_second": round(len(latencies) / seconds, 1),
        "p50_ms": round(percentile(0.5), 1),
        "p99_ms": round(percentile(0.99), 1),
        "max_ms": round(latencies[-1], 1),
        "statuses": statuses,
    }))


if __name__ == "__main__":
    main()
