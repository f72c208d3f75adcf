"""Tests of the time-limit entry's pure logic (benchmarks/timelimits.py): reading the commands'
JSON, the overrun arithmetic, the verdicts and the table. They run no flexplan and measure no
time: `python3 -m unittest discover -s benchmarks -p 'test_*.py'` or `benchmarks/run --self-test`."""
import json
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import timelimits  # noqa: E402

CASE = {"name": "solve-middle-4", "kind": "solve", "limit": 4, "needs": ["middle"], "about": "solve",
        "args": ["solve", "{middle}", "--time-limit", "{limit}"]}


def run(elapsed, seconds=None, code=0, stop="timeLimit", error=None):
    r = {"elapsed": elapsed, "exitCode": code, "stopReason": stop, "seconds": seconds, "status": "feasible"}
    if error:
        r["error"] = error
    return r


class ParseTests(unittest.TestCase):
    def test_solve_json(self):
        out = 'log line\n{"status":"feasible","stopReason":"timeLimit","seconds":4.2,"objective":144}\n'
        self.assertEqual(timelimits.parse_output("solve", out),
                         {"stopReason": "timeLimit", "seconds": 4.2, "status": "feasible"})

    def test_lp_and_load_json(self):
        out = json.dumps({"status": "noSolution", "stopReason": "timeLimit", "seconds": 10.75, "nodes": 0})
        self.assertEqual(timelimits.parse_output("lp", out)["seconds"], 10.75)
        self.assertEqual(timelimits.parse_output("load", out)["stopReason"], "timeLimit")

    def test_sweep_takes_the_longest_variant(self):
        out = json.dumps({"variants": [{"seconds": 3.56, "status": "feasible"},
                                       {"seconds": 3.32, "status": "noSolution"}], "vary": []})
        self.assertEqual(timelimits.parse_output("sweep", out),
                         {"stopReason": None, "seconds": 3.56, "status": "feasible,noSolution"})

    def test_sweep_stop_reasons(self):
        out = json.dumps({"variants": [
            {"seconds": 3.52, "status": "noSolution", "stopReason": "timeLimit", "failure": "no plan"},
            {"seconds": 3.34, "status": "feasible", "stopReason": "timeLimit"},
            {"seconds": 1.0, "status": "optimal", "stopReason": "solved"}], "vary": []})
        self.assertEqual(timelimits.parse_output("sweep", out),
                         {"stopReason": "solved,timeLimit", "seconds": 3.52,
                          "status": "noSolution,feasible,optimal"})

    def test_explain_incomplete(self):
        out = json.dumps({"causes": [], "feasible": None, "incomplete": True, "method": "elastic search",
                          "seconds": 10.4})
        self.assertEqual(timelimits.parse_output("explain", out),
                         {"stopReason": "incomplete", "seconds": 10.4, "status": "unknown"})
        done = json.dumps({"causes": [{}], "feasible": False, "incomplete": False, "seconds": 0.01})
        self.assertEqual(timelimits.parse_output("explain", done)["stopReason"], "complete")

    def test_no_json(self):
        for text in ("", "flexplan: error\n", "{not json"):
            self.assertEqual(timelimits.parse_output("solve", text),
                             {"stopReason": None, "seconds": None, "status": None})

    def test_fill(self):
        self.assertEqual(timelimits.fill(CASE["args"], {"middle": "/x/middle", "limit": "4"}),
                         ["solve", "/x/middle", "--time-limit", "4"])
        self.assertEqual(timelimits.limit_text(4.0), "4")
        self.assertEqual(timelimits.limit_text(2.5), "2.5")

    def test_every_case_is_complete(self):
        for c in timelimits.CASES:
            self.assertTrue({"name", "kind", "limit", "needs", "about", "args"} <= set(c), c["name"])
            self.assertIn("{limit}", c["args"])
            self.assertIn("--format", c["args"])
            placeholders = [a[1:-1] for a in c["args"] if a.startswith("{")]
            self.assertTrue(set(placeholders) <= set(c["needs"]) | {"limit", "out"}, c["name"])
        self.assertEqual(len(set(c["name"] for c in timelimits.CASES)), len(timelimits.CASES))

    def test_select(self):
        self.assertEqual(len(timelimits.select([])), len(timelimits.CASES))
        self.assertEqual([c["name"] for c in timelimits.select(["sweep-middle-3"])], ["sweep-middle-3"])
        with self.assertRaises(ValueError):
            timelimits.select(["nope"])


class ArithmeticTests(unittest.TestCase):
    def test_overrun(self):
        seconds, share = timelimits.overrun(4.4, 4)
        self.assertAlmostEqual(seconds, 0.4)
        self.assertAlmostEqual(share, 0.1)
        seconds, share = timelimits.overrun(2.0, 10)
        self.assertAlmostEqual(seconds, -8.0)
        self.assertAlmostEqual(share, -0.8)

    def test_goal_boundaries(self):
        self.assertTrue(timelimits.within(4.4, 4))        # exactly limit * 1.10
        self.assertFalse(timelimits.within(4.41, 4))
        self.assertTrue(timelimits.within(0.1, 4))        # stopping early keeps the limit
        self.assertTrue(timelimits.within_slack(5.0, 4))  # exactly limit + 1 s
        self.assertFalse(timelimits.within_slack(5.01, 4))
        # short limits: +1 s is looser than +10%, long ones the other way round
        self.assertTrue(timelimits.within_slack(3.9, 3) and not timelimits.within(3.9, 3))
        self.assertTrue(timelimits.within(21.5, 20) and not timelimits.within_slack(21.5, 20))


class SummaryTests(unittest.TestCase):
    def test_all_within(self):
        r = timelimits.summarize(CASE, 4, [run(4.3, 4.2), run(4.1, 4.0), run(4.2, 4.1)])
        self.assertEqual((r["elapsedMin"], r["elapsedMedian"], r["elapsedMax"]), (4.1, 4.2, 4.3))
        self.assertAlmostEqual(r["overrunMax"], 0.3)
        self.assertAlmostEqual(r["overrunMaxShare"], 0.075)
        self.assertAlmostEqual(r["overrunMedian"], 0.2)
        self.assertAlmostEqual(r["commandSecondsMedian"], 4.1)
        self.assertAlmostEqual(r["pastLimitInsideMedian"], 0.1)
        self.assertAlmostEqual(r["outsideMedian"], 0.1)
        self.assertEqual(r["runsWithinGoal"], 3)
        self.assertTrue(r["goal"] and r["slack"])
        self.assertEqual(timelimits.verdict(r), "met")
        self.assertEqual(timelimits.failures([r]), [])

    def test_one_slow_run_misses_the_goal(self):
        # the median is fine, the worst run is not: a time limit is a promise every run keeps
        r = timelimits.summarize(CASE, 4, [run(4.2), run(4.1), run(4.9)])
        self.assertAlmostEqual(r["elapsedMedian"], 4.2)
        self.assertEqual(r["runsWithinGoal"], 2)
        self.assertFalse(r["goal"])
        self.assertTrue(r["slack"])
        self.assertEqual(timelimits.verdict(r), "MISSED")
        self.assertEqual(len(timelimits.failures([r])), 1)
        lines = timelimits.summary([r])
        self.assertTrue(lines[0].startswith("MISSED solve-middle-4: slowest run 4.90 s for a 4 s limit"))
        self.assertIn("2 of 3 runs", lines[0])
        self.assertIn("NOT met by solve-middle-4", lines[-1])

    def test_error_run_fails(self):
        r = timelimits.summarize(CASE, 4, [run(4.1), run(0.2, code=4, stop=None, error="exit 4: bug")])
        self.assertEqual(r["status"], "error")
        self.assertEqual(r["exitCodes"], [0, 4])
        self.assertEqual(timelimits.verdict(r), "ERROR")
        self.assertEqual(timelimits.summary([r])[0], "ERROR solve-middle-4: exit 4: bug")

    def test_without_command_seconds(self):
        r = timelimits.summarize(CASE, 3, [run(3.9, stop=None), run(3.8, stop=None)])
        self.assertIsNone(r["commandSecondsMedian"])
        self.assertIsNone(r["outsideMedian"])
        self.assertEqual(r["stopReasons"], [])
        self.assertAlmostEqual(r["elapsedMedian"], 3.85)     # the mean of the middle two
        head, rows = timelimits.table([r])
        self.assertEqual(len(rows[0]), len(head))
        row = dict(zip(head, rows[0]))
        self.assertEqual(row["stopReason"], "-")
        self.assertEqual(row["≤ limit × 1.10"], "MISSED (0/2)")
        self.assertEqual(row["≤ limit + 1 s"], "met (2/2)")
        self.assertEqual(row["overrun % (median / max)"], "+28.3% / +30.0%")

    def test_table_row(self):
        r = timelimits.summarize(CASE, 4, [run(4.25, 4.2), run(4.26, 4.2), run(4.3, 4.21)])
        head, rows = timelimits.table([r])
        row = dict(zip(head, rows[0]))
        self.assertEqual(row["elapsed s min / median / max"], "4.25 / 4.26 / 4.30")
        self.assertEqual(row["overrun s (median / max)"], "+0.26 / +0.30")
        self.assertEqual(row["exit"], "0")
        self.assertEqual(row["stopReason"], "timeLimit")
        self.assertEqual(row["≤ limit × 1.10"], "met (3/3)")
        self.assertEqual(timelimits.summary([r]), [
            "time-limit goal (every run within limit × 1.10): met by 1 of 1 commands"])

    def test_busy_note(self):
        runs = [dict(run(4.1), busy=True), run(4.1)]
        r = timelimits.summarize(CASE, 4, runs)
        self.assertEqual(r["busyRuns"], 1)
        self.assertIn("solve-middle-4", timelimits.summary([r])[-1])


if __name__ == "__main__":
    unittest.main()
