"""Throughput of the Python layer against the command line's, on the
TempEval-3 silver news (../shared/data/tempeval3/silver by default):
articles/s through `Pipeline.analyse_batch`, one `Pipeline.timeline` call
per article, and `dateline timeline` on the same files.

    python python/benchmarks/throughput.py [SILVER_DIR]    (after cargo build --release and pip install ./python)
"""

import glob
import html
import os
import re
import subprocess
import sys
import time

import dateline

HERE = os.path.dirname(os.path.abspath(__file__))
silver = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "shared", "data", "tempeval3", "silver")
files = sorted(glob.glob(os.path.join(silver, "**", "*.tml"), recursive=True))
texts, dcts = [], []
for path in files:
    raw = open(path, encoding="utf-8").read()
    dct = re.search(r'value="(\d{4}-\d{2}-\d{2})[^"]*"[^>]*functionInDocument="CREATION_TIME"', raw) or re.search(
        r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})', raw
    )
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if dct and body:
        texts.append(html.unescape(re.sub(r"<[^>]+>", "", body.group(1))))
        dcts.append(dct.group(1))
megabytes = sum(len(t.encode()) for t in texts) / 1e6
print(f"{len(texts)} articles, {megabytes:.1f} MB, {os.cpu_count()} cores")

pipeline = dateline.Pipeline()
pipeline.timeline(texts[0], dcts[0])  # models loaded before timing
started = time.perf_counter()
pipeline.analyse_batch(texts, dcts)
batch = time.perf_counter() - started
started = time.perf_counter()
for text, dct in zip(texts, dcts):
    pipeline.timeline(text, dct)
single = time.perf_counter() - started
cli = os.path.join(HERE, "..", "..", "target", "release", "dateline")
started = time.perf_counter()
subprocess.run([cli, "timeline", silver, "--format", "json"], stdout=subprocess.DEVNULL, check=True)
command = time.perf_counter() - started
timings = [
    ("Pipeline.analyse_batch", batch),
    ("Pipeline.timeline, one by one", single),
    ("dateline timeline (CLI)", command),
]
try:
    from pyspark.sql import SparkSession

    from dateline.spark import with_timeline
except ImportError:
    print("(pyspark is not installed: no Spark figure)")
else:
    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false").getOrCreate()
    frame = spark.createDataFrame(list(zip(dcts, texts)), ["date", "text"]).repartition(4).cache()
    frame.count()
    started = time.perf_counter()
    with_timeline(frame).selectExpr("size(entries)").groupBy().sum().collect()
    timings.append(("Spark local[2], with_timeline", time.perf_counter() - started))
    spark.stop()
for name, seconds in timings:
    print(f"{name:<32} {len(texts) / seconds:8.0f} articles/s  {megabytes / seconds:5.2f} MB/s")
print(f"analyse_batch / CLI: {command / batch:.2f} (1.0: the Python layer costs nothing)")
