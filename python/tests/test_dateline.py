"""What a Python user relies on: the same records as the command line,
dates as str or datetime.date, clear exceptions, batches in order."""

import datetime
import json
import os
import re
import subprocess
import tempfile
import unittest

import dateline

SEED = (
    "Azerbaijan will take control of Lachin on December 1. Armenian forces left "
    "Kalbajar on Wednesday, after the deadline was extended from November 15."
)


class ModuleFunctions(unittest.TestCase):
    def test_tag_resolves_against_the_publication_date(self):
        found = dateline.tag("Talks resume on Monday.", "2020-11-26")
        self.assertEqual([(t["text"], t["type"], t["value"]) for t in found], [("Monday", "DATE", "2020-11-30")])
        self.assertEqual(found[0]["start"], 16)

    def test_a_date_object_is_a_date(self):
        as_str = dateline.tag(SEED, "2020-11-26")
        as_date = dateline.tag(SEED, datetime.date(2020, 11, 26))
        self.assertEqual(as_str, as_date)

    def test_timeline_gives_statuses_and_sources(self):
        entries = dateline.timeline(SEED, "2020-11-26")
        by_date = {e["date"]: e for e in entries}
        self.assertEqual(by_date["2020-12-01"]["status"], "scheduled")
        self.assertEqual(by_date["2020-12-01"]["date_source"], "explicit")
        self.assertEqual(by_date["2020-12-01"]["event"], "take")
        self.assertTrue(all(isinstance(p["name"], str) for p in by_date["2020-12-01"]["places"]))

    def test_entities_resolve_places(self):
        places = [e for e in dateline.entities(SEED) if e["kind"] == "place"]
        self.assertTrue(any(p["text"] == "Kalbajar" and p["lat"] for p in places), places)

    def test_bad_dates_are_value_errors(self):
        with self.assertRaises(ValueError) as raised:
            dateline.tag("Talks resume on Monday.", "2020-13-45")
        self.assertIn("2020-13-45", str(raised.exception))
        with self.assertRaises(ValueError):
            dateline.tag("x", 20201126)

    def test_any_text_gives_records_not_a_crash(self):
        for text in ["", "\x00\ud7ff", "on " * 5000, "Friday" * 100, "\u202e1990-02-30"]:
            self.assertIsInstance(dateline.timeline(text, "2020-11-26"), list)


HERE = os.path.dirname(os.path.abspath(__file__))
CLI = os.path.join(HERE, "..", "..", "target", "release", "dateline")
SEED_FILE = os.path.join(HERE, "..", "..", "..", "shared", "examples", "kalbajar.txt")


class AsTheCommandLine(unittest.TestCase):
    """The seed article through Python gives what `dateline timeline` gives
    (needs `cargo build --release` and ../shared beside the checkout)."""

    def test_the_seed_article_has_the_same_entries(self):
        with open(SEED_FILE, encoding="utf-8") as f:
            dct, body = re.match(r"\s*date\s+(\d{4}-\d{2}-\d{2})\s+(.*)", f.read(), re.S).groups()
        cli = subprocess.run(
            [CLI, "timeline", "--dct", dct, "--format", "json"], input=body.encode(), capture_output=True, check=True
        )
        want = json.loads(cli.stdout)["entries"]
        got = dateline.timeline(body, dct)
        self.assertGreaterEqual(len(got), 8)  # the gold timeline's 8, and one more
        self.assertEqual(got, want)
        self.assertEqual(dateline.Pipeline().analyse_batch([body], [dct])[0]["entries"], want)


class APipeline(unittest.TestCase):
    def test_a_batch_keeps_the_order_of_its_texts(self):
        pipeline = dateline.Pipeline()
        texts = [f"The vote is on Friday number {n}." for n in range(50)] + [SEED]
        dcts = ["2020-11-26"] * 50 + [datetime.date(2020, 11, 26)]
        results = pipeline.analyse_batch(texts, dcts)
        self.assertEqual(len(results), 51)
        self.assertTrue(all(r["timexes"][0]["value"] == "2020-11-27" for r in results[:50]))
        self.assertEqual(results[50]["entries"], dateline.timeline(SEED, "2020-11-26"))
        self.assertEqual(results[0]["type"], "news")

    def test_a_batch_needs_one_date_per_text(self):
        with self.assertRaises(ValueError):
            dateline.Pipeline().analyse_batch(["a", "b"], ["2020-11-26"])

    def test_a_narrative_counts_from_the_date_in_focus(self):
        history = "Paris fell in June 1940. In August, the Blitz began."
        narrative = dateline.Pipeline(document_type="narrative").tag(history, "2009-12-19")
        news = dateline.Pipeline(document_type="news").tag(history, "2009-12-19")
        self.assertEqual((narrative[1]["value"], news[1]["value"]), ("1940-08", "2009-08"))
        with self.assertRaises(ValueError):
            dateline.Pipeline(document_type="poem")

    def test_errors_of_dateline_are_its_own_class(self):
        self.assertTrue(issubclass(dateline.Error, Exception))


class AStore(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.folder.name, "news.db")

    def tearDown(self):
        self.folder.cleanup()

    def test_ingest_then_query_as_the_command_line_does(self):
        store = dateline.Store(self.path)
        records = [
            {"id": "a1", "date": "2020-11-26", "text": SEED, "title": "Handover"},
            {"id": 2, "date": datetime.date(2020, 11, 27), "text": "Armenian forces left Kalbajar on Wednesday."},
        ]
        report = store.ingest(records)
        self.assertEqual((report["added"], report["already"]), (2, 0))
        self.assertEqual(len(store), 2)
        # The same articles again are left as they are.
        self.assertEqual(store.ingest(records)["already"], 2)
        scheduled = store.events(status="scheduled")
        self.assertEqual([(e["date"], e["event"]) for e in scheduled], [("2020-12-01", "take")])
        self.assertEqual(store.events(from_="2020-12-01"), scheduled)
        self.assertIn(scheduled[0], store.events(q="Lachin"))
        # Both articles tell that the forces left on Wednesday: one event, two sources.
        left = [e for e in store.events() if e["event"] == "left"]
        self.assertEqual([(e["date"], e["source_count"]) for e in left], [("2020-11-25", 2)])
        self.assertEqual(store.events(place="Nowhere at all"), [])
        # A second handle on the same file sees the same events.
        self.assertEqual(dateline.Store(self.path).events(), store.events())

    def test_bad_records_and_queries_are_value_errors(self):
        store = dateline.Store(self.path)
        with self.assertRaises(ValueError) as raised:
            store.ingest([{"date": "2020-11-26", "text": "ok"}, {"text": "no date"}])
        self.assertIn("record 1", str(raised.exception))
        self.assertEqual(len(store), 0)
        with self.assertRaises(ValueError):
            store.events(status="someday")
        with self.assertRaises(ValueError):
            store.events(q='"unbalanced')

    def test_to_pandas_needs_pandas(self):
        store = dateline.Store(self.path)
        store.ingest([{"date": "2020-11-26", "text": SEED}])
        try:
            import pandas  # noqa: F401
        except ImportError:
            with self.assertRaises(ImportError):
                store.to_pandas()
        else:
            frame = store.to_pandas()
            self.assertEqual(len(frame), len(store.events()))


if __name__ == "__main__":
    unittest.main()
