"""The function Spark's mapInPandas runs on each executor, on pandas
DataFrames as Arrow gives them: rows kept in order with their columns, one
column added, a bad row null instead of a failed job."""

import datetime
import unittest

import pandas

from dateline.spark import analyse_frames


def frames():
    yield pandas.DataFrame(
        {
            "id": ["a", "b", "c"],
            "text": ["Talks resume on Monday.", None, "The vote was on Friday."],
            "date": ["2020-11-26", "2020-11-26", pandas.Timestamp("2020-11-26")],
        }
    )
    yield pandas.DataFrame(
        {
            "id": ["d", "e", "f"],
            "text": ["The deadline is December 1.", "Troops left on Wednesday.", "Talks end on Friday."],
            "date": ["2020-13-45", datetime.date(2020, 11, 26), float("nan")],
        }
    )


class AnalyseFrames(unittest.TestCase):
    def test_each_row_gets_its_timexes_and_bad_rows_are_null(self):
        out = list(analyse_frames(frames(), "timexes"))
        self.assertEqual([list(f["id"]) for f in out], [["a", "b", "c"], ["d", "e", "f"]])
        values = [None if v is None else [t["value"] for t in v] for f in out for v in f["timexes"]]
        self.assertEqual(values, [["2020-11-30"], None, ["2020-11-20"], None, ["2020-11-25"], None])
        errors = [e for f in out for e in f["error"]]
        self.assertTrue(all(pandas.isna(e) for e in errors[0::2]), errors)
        self.assertEqual(errors[1], "no text in column 'text'")
        self.assertIn("2020-13-45", errors[3])
        self.assertEqual(errors[5], "no date in column 'date'")

    def test_entries_are_flat_structs(self):
        out = next(analyse_frames(frames(), "entries", column="timeline"))
        entry = out["timeline"][0][0]
        self.assertEqual(
            (entry["date"], entry["status"], entry["event"], entry["expression"], entry["value"]),
            ("2020-11-30", "scheduled", "resume", "Monday", "2020-11-30"),
        )
        self.assertEqual(sorted(entry), sorted(
            ["date", "start", "end", "status", "event", "text", "date_source", "expression", "value", "places", "actors"]
        ))

    def test_entities_keep_the_other_columns(self):
        frame = pandas.DataFrame({"text": ["Armenian forces left Kalbajar."], "date": ["2020-11-26"], "n": [7]})
        out = next(analyse_frames(iter([frame]), "entities"))
        self.assertEqual(list(out.columns), ["text", "date", "n", "entities", "error"])
        self.assertIn("Kalbajar", [e["text"] for e in out["entities"][0]])


if __name__ == "__main__":
    unittest.main()
