#!/usr/bin/env python3
"""Saves the answers of a fixed list of varied `GET /api/events` requests,
to compare two builds byte for byte. Standard library only.

    bench/events-answers.py URL OUT_DIR [COUNT]
    cmp -r OLD_DIR NEW_DIR   # or: diff -r

The list is the load script's questions (`events-uncached.py`, same
seed), plus the filters it never draws (no filter, `inferred=false`,
entity names with several words, unknown names, a limit of 1000). Each
answer is written as `NNNN.json` (the body) with `NNNN.status` and the
paths in `paths.txt`.
"""

import importlib.util
import os
import random
import sys
import urllib.error
import urllib.request

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("uncached", os.path.join(here, "events-uncached.py"))
uncached = importlib.util.module_from_spec(spec)
spec.loader.exec_module(uncached)

EXTRA = [
    "/api/events",
    "/api/events?limit=1000",
    "/api/events?inferred=false&limit=300",
    "/api/events?entity=United%20Nations&inferred=false",
    "/api/events?entity=Nobody%20Known",
    "/api/events?place=Nowhere",
    "/api/events?q=bridge%20talks%20floods",
    "/api/events?q=%22quoted%22",
    "/api/events?from=2019-01-01&to=2019-01-31&limit=1000",
    "/api/events?status=missed&limit=1000",
    "/api/events?status=occurred&place=Texas&limit=1000",
    "/api/events?entity=Kim&q=vote&limit=1000",
    "/api/events?from=2030-01-01",
    "/api/events?to=1990-01-01",
    "/api/events?limit=0",
    "/api/events?status=bogus",
    "/api/events?from=not-a-date",
]


def main():
    base, out = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    rng = random.Random(1616)
    paths = [uncached.question(rng, n) for n in range(count)] + EXTRA
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "paths.txt"), "w") as listing:
        listing.write("\n".join(paths) + "\n")
    for n, path in enumerate(paths):
        try:
            with urllib.request.urlopen(base + path, timeout=60) as answer:
                body, status = answer.read(), answer.status
        except urllib.error.HTTPError as error:
            body, status = error.read(), error.code
        with open(os.path.join(out, f"{n:04}.json"), "wb") as f:
            f.write(body)
        with open(os.path.join(out, f"{n:04}.status"), "w") as f:
            f.write(f"{status}\n")
    print(f"{len(paths)} answers in {out}")


if __name__ == "__main__":
    main()
