"""dateline on a local Spark session: the declared schemas match what the
executors give, rows keep their columns, and exploded entries can be
written to Parquet and read back. Needs pyspark and Java (`.ci/run`
installs pyspark in its virtual environment), and for the comparison with
the command line, `cargo build --release` and ../shared beside the
checkout."""

import glob
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

from pyspark.sql import SparkSession

from dateline.spark import with_entities, with_timeline, with_timexes


HERE = os.path.dirname(os.path.abspath(__file__))
CLI = os.path.join(HERE, "..", "..", "target", "release", "dateline")
SILVER = os.path.join(HERE, "..", "..", "..", "shared", "data", "tempeval3", "silver")
EXAMPLES = [os.path.join(HERE, "..", "..", "examples", name) for name in ("ceasefire.txt", "earnings.jsonl", "floods.txt")] + [
    os.path.join(HERE, "..", "..", "..", "shared", "examples", "kalbajar.txt")
]


def example_articles(path):
    """The articles of an example file as (date, text): a JSON Lines file
    holds one a line, a text file `date YYYY-MM-DD`, whitespace and the text."""
    with open(path, encoding="utf-8") as file:
        if path.endswith(".jsonl"):
            return [(r["date"], r["text"]) for r in map(json.loads, filter(str.strip, file))]
        return [re.match(r"\s*date\s+(\d{4}-\d{2}-\d{2})\s+(.*)", file.read(), re.S).groups()]


def entry_rows(entries):
    return [(e["date"], e["status"], e["event"], e["text"]) for e in entries]


class OnSpark(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # The executors' Python must have the wheel: here, this one.
        os.environ["PYSPARK_PYTHON"] = sys.executable
        cls.spark = (
            SparkSession.builder.master("local[2]")
            .appName("dateline-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate()
        )
        cls.articles = cls.spark.createDataFrame(
            [
                ("a1", "2020-11-26", "Azerbaijan will take control of Lachin on December 1."),
                ("a2", "2020-11-27", "Armenian forces left Kalbajar on Wednesday."),
                ("a3", "not a date", "Talks resume on Monday."),
            ],
            ["id", "date", "text"],
        )

    @classmethod
    def tearDownClass(cls):
        cls.spark.stop()

    def test_entries_exploded_to_parquet_and_back(self):
        entries = with_timeline(self.articles).selectExpr("id", "explode(entries) AS e")
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "entries")
            entries.write.parquet(path)
            rows = self.spark.read.parquet(path).select("id", "e.date", "e.status", "e.event").orderBy("id").collect()
        self.assertEqual(
            [tuple(r) for r in rows],
            [("a1", "2020-12-01", "scheduled", "take"), ("a2", "2020-11-25", "occurred", "left")],
        )

    def test_a_bad_date_gives_a_null_not_a_failed_job(self):
        rows = {r["id"]: (r["timexes"], r["error"]) for r in with_timexes(self.articles).collect()}
        self.assertIsNone(rows["a3"][0])
        self.assertIn("not a date", rows["a3"][1])
        self.assertEqual(([t["value"] for t in rows["a1"][0]], rows["a1"][1]), (["2020-12-01"], None))

    def test_example_articles_rows_equal_the_command_lines_timelines(self):
        # The repository's example articles and the seed article, in each of
        # the formats dateline reads, through Spark and through the CLI.
        for path in EXAMPLES:
            articles = example_articles(path)
            frame = self.spark.createDataFrame(
                [(f"{i:03}", date, text) for i, (date, text) in enumerate(articles)], ["id", "date", "text"]
            )
            rows = sorted(with_timeline(frame).collect(), key=lambda r: r["id"])
            self.assertEqual([r["error"] for r in rows], [None] * len(articles), path)
            cli = subprocess.run([CLI, "timeline", path, "--format", "json"], capture_output=True, check=True)
            cli_entries = [entry_rows(json.loads(line)["entries"]) for line in cli.stdout.decode().splitlines()]
            self.assertEqual([entry_rows(r["entries"]) for r in rows], cli_entries, path)
            self.assertTrue(all(cli_entries), path)

    def test_silver_news_rows_equal_the_command_lines_timelines(self):
        # 2,000 articles of the TempEval-3 silver news, through Spark and
        # through `dateline timeline`: the same entries, article by article.
        files = sorted(glob.glob(os.path.join(SILVER, "**", "*.tml"), recursive=True))[:2000]
        rows = []
        for path in files:
            raw = open(path, encoding="utf-8").read()
            docid = re.search(r"<DOCID>\s*(.*?)\s*</DOCID>", raw).group(1)
            dct = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw).group(0)
            dct = re.search(r'value="(\d{4}-\d{2}-\d{2})', dct).group(1)
            body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
            rows.append((docid, dct, html.unescape(re.sub(r"<[^>]+>", "", body))))
        frame = self.spark.createDataFrame(rows, ["id", "date", "text"]).repartition(4)
        spark_entries = {
            r["id"]: [(e["date"], e["status"], e["event"], e["text"]) for e in r["entries"]]
            for r in with_timeline(frame).collect()
        }
        with tempfile.TemporaryDirectory() as folder:
            for path in files:
                os.symlink(path, os.path.join(folder, os.path.basename(path)))
            cli = subprocess.run([CLI, "timeline", folder, "--format", "json"], capture_output=True, check=True)
        cli_entries = {}
        for line in cli.stdout.decode().splitlines():
            doc = json.loads(line)
            cli_entries[doc["id"]] = [(e["date"], e["status"], e["event"], e["text"]) for e in doc["entries"]]
        self.assertEqual(len(spark_entries), len(files))
        self.assertEqual(spark_entries, cli_entries)

    def test_entities_and_a_clear_error_for_a_missing_column(self):
        places = with_entities(self.articles).selectExpr("explode(entities) AS e").where("e.kind = 'place'")
        self.assertIn("Kalbajar", [r["e"]["text"] for r in places.collect()])
        with self.assertRaises(ValueError):
            with_timeline(self.articles, text="body")


if __name__ == "__main__":
    unittest.main()
