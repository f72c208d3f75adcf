"""Tests of the kill loop's classification (benchmarks/killloop.py) on hand-made files and
folders; no flexplan is run. Part of `make test` (python3 -m unittest discover -s benchmarks)."""

import json
import os
import tempfile
import unittest

import killloop

PLAN_A = json.dumps({"objective": 122, "placements": [1, 2, 3]}, indent=2).encode() + b"\n"
PLAN_B = json.dumps({"objective": 100, "placements": [3, 2, 1]}, indent=2).encode() + b"\n"
PLAN_C = json.dumps({"objective": 103, "placements": [2, 1, 3]}, indent=2).encode() + b"\n"


def ics(summary, stamp="20260101T000000Z"):
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTAMP:%s\r\nSUMMARY:%s\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n" % (stamp, summary)
    ).encode()


def run_folder(plan, tag):
    """The files of one run's --out folder (relative path → bytes)."""
    return {
        "plan.json": plan,
        "report/index.html": f"<!doctype html><html><body>{tag}</body></html>".encode(),
        "csv/lessons.csv": f"activity,day\n{tag},mon\n".encode(),
        "calendars/teachers/T01.ics": ics(tag),
    }


FOLDERS = {"A": run_folder(PLAN_A, "a"), "B": run_folder(PLAN_B, "b"), "C": run_folder(PLAN_C, "c")}
REFS = {name: killloop.normalize(files) for name, files in FOLDERS.items()}


class Workspace(unittest.TestCase):
    def setUp(self):
        self.temporary = tempfile.TemporaryDirectory()
        self.root = self.temporary.name

    def tearDown(self):
        self.temporary.cleanup()

    def write(self, relative, data):
        path = os.path.join(self.root, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)
        return path

    def folder(self, files, name="out"):
        for relative, data in files.items():
            self.write(os.path.join(name, relative), data)
        return os.path.join(self.root, name)


class SingleFile(Workspace):
    refs = {"A": {"plan.json": PLAN_A}, "B": {"plan.json": PLAN_B}, "C": {"plan.json": PLAN_C}}

    def classify(self, data, prev="A", new="B"):
        files = None if data is None else killloop.snapshot(self.write("plan.json", data))
        return killloop.classify(files, self.refs, prev, new)[0]

    def test_previous_and_new_complete_files_are_fine(self):
        self.assertEqual(self.classify(PLAN_A), "prev")
        self.assertEqual(self.classify(PLAN_B), "new")

    def test_truncated_json_is_torn(self):
        self.assertEqual(self.classify(PLAN_B[: len(PLAN_B) // 2]), "torn")
        self.assertEqual(self.classify(b""), "torn")

    def test_json_that_parses_but_is_no_run_s_file_is_torn(self):
        self.assertEqual(self.classify(json.dumps({"objective": 1}).encode()), "torn")

    def test_an_older_run_s_file_is_stale(self):
        self.assertEqual(self.classify(PLAN_C), "stale")

    def test_absent_is_fine_only_before_any_completed_run(self):
        self.assertEqual(killloop.classify(None, self.refs, None, "B")[0], "absent")
        self.assertEqual(killloop.classify(None, self.refs, "A", "B")[0], "missing")


class Folder(Workspace):
    def classify(self, files, prev="A", new="B"):
        return killloop.classify(killloop.snapshot(self.folder(files)), REFS, prev, new)

    def test_whole_previous_or_new_folder_is_fine(self):
        self.assertEqual(self.classify(FOLDERS["A"])[0], "prev")
        self.assertEqual(self.classify(FOLDERS["B"])[0], "new")

    def test_calendar_stamps_are_ignored(self):
        files = dict(FOLDERS["B"], **{"calendars/teachers/T01.ics": ics("b", stamp="20270707T070707Z")})
        self.assertEqual(self.classify(files)[0], "new")

    def test_files_of_two_runs_are_mixed(self):
        files = dict(FOLDERS["B"], **{"report/index.html": FOLDERS["A"]["report/index.html"]})
        category, detail = self.classify(files)
        self.assertEqual(category, "mixed")
        self.assertIn("report/index.html", detail)

    def test_a_file_of_another_school_beside_new_ones_is_mixed(self):
        files = dict(FOLDERS["B"], **{"calendars/rooms/R9.ics": ics("other school")})
        self.assertEqual(self.classify(files)[0], "torn")  # R9.ics matches no run's file
        refs = dict(REFS, D=killloop.normalize({"calendars/rooms/R9.ics": ics("other school")}))
        category = killloop.classify(killloop.snapshot(self.folder(files, "out2")), refs, "A", "B")[0]
        self.assertEqual(category, "mixed")

    def test_an_older_run_s_whole_folder_is_stale(self):
        self.assertEqual(self.classify(FOLDERS["C"])[0], "stale")

    def test_a_run_s_folder_with_files_missing_is_partial(self):
        files = {k: v for k, v in FOLDERS["B"].items() if not k.startswith("calendars/")}
        category, detail = self.classify(files)
        self.assertEqual(category, "partial")
        self.assertIn("calendars/teachers/T01.ics", detail)

    def test_torn_files_of_each_kind(self):
        cases = {
            "plan.json": PLAN_B[:-10],
            "calendars/teachers/T01.ics": ics("b")[:-20],
            "report/index.html": b"<!doctype html><html><body>b",
            "csv/lessons.csv": b"activity,day\nb,mo",
        }
        for relative, data in cases.items():
            with self.subTest(relative):
                files = dict(FOLDERS["B"], **{relative: data})
                category, detail = killloop.classify(
                    killloop.snapshot(self.folder(files, relative.replace("/", "_"))), REFS, "A", "B")
                self.assertEqual(category, "torn")
                self.assertTrue(detail.startswith(relative), detail)

    def test_a_leftover_temporary_file_inside_the_folder_is_not_a_clean_output(self):
        files = dict(FOLDERS["B"], **{".plan.json.0A1B.tmp": PLAN_B[:40]})
        self.assertEqual(self.classify(files)[0], "torn")


class Leftovers(Workspace):
    def test_hidden_entries_beside_the_target_are_leftovers(self):
        self.folder(FOLDERS["A"])
        self.write(".plan.json.8C1D-22.tmp", PLAN_B[:30])
        os.makedirs(os.path.join(self.root, ".out.flexplan-new-5E6F"))
        self.assertEqual(
            killloop.leftovers(self.root, "out"), [".out.flexplan-new-5E6F", ".plan.json.8C1D-22.tmp"])
        killloop.clear(self.root, "out")
        self.assertEqual(killloop.leftovers(self.root, "out"), [])
        self.assertTrue(os.path.isdir(os.path.join(self.root, "out")))

    def test_no_parent_no_leftovers(self):
        self.assertEqual(killloop.leftovers(os.path.join(self.root, "nothing"), "out"), [])


class Summary(unittest.TestCase):
    def test_kills_are_shared_by_weight(self):
        self.assertEqual(killloop.share(100, {"a": 20, "b": 25, "c": 20, "d": 10, "e": 15, "f": 10}),
                         {"a": 20, "b": 25, "c": 20, "d": 10, "e": 15, "f": 10})
        counts = killloop.share(7, {"a": 1, "b": 1, "c": 1})
        self.assertEqual(sum(counts.values()), 7)
        self.assertEqual(sorted(counts.values()), [2, 2, 3])

    def test_table_totals_and_failure(self):
        rows = {"solve -o": {"kills": 3, "prev": 2, "new": 1}, "solve --out": {"kills": 2, "prev": 1, "mixed": 1}}
        text, total = killloop.table(rows)
        self.assertEqual(total["kills"], 5)
        self.assertEqual(total["mixed"], 1)
        self.assertTrue(killloop.failed(total))
        self.assertIn("total", text.splitlines()[-1])
        self.assertFalse(killloop.failed(killloop.table({"x": {"kills": 4, "prev": 4, "left next": 2}})[1]))


if __name__ == "__main__":
    unittest.main()
