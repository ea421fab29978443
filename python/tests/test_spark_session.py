"""dateline on a local Spark session: the declared schemas match what the
executors give, rows keep their columns, and exploded entries can be
written to Parquet and read back. Needs pyspark and Java (`.ci/run`
installs pyspark in its virtual environment)."""

import os
import sys
import tempfile
import unittest

from pyspark.sql import SparkSession

from dateline.spark import with_entities, with_timeline, with_timexes


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
        rows = {r["id"]: r["timexes"] for r in with_timexes(self.articles).collect()}
        self.assertIsNone(rows["a3"])
        self.assertEqual([t["value"] for t in rows["a1"]], ["2020-12-01"])

    def test_entities_and_a_clear_error_for_a_missing_column(self):
        places = with_entities(self.articles).selectExpr("explode(entities) AS e").where("e.kind = 'place'")
        self.assertIn("Kalbajar", [r["e"]["text"] for r in places.collect()])
        with self.assertRaises(ValueError):
            with_timeline(self.articles, text="body")


if __name__ == "__main__":
    unittest.main()
