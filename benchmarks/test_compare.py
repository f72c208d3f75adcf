"""Tests of the baseline comparison (benchmarks/compare.py and `benchmarks/run --compare`).
They solve nothing and need no peer: `python3 -m unittest discover -s benchmarks -p 'test_*.py'`
or `benchmarks/run --self-test`."""
import copy
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import compare  # noqa: E402

RUN = os.path.join(HERE, "run")


def record(entry, solver, seconds, objective, sense="min", limit=60):
    return {"entry": entry, "group": "mip", "kind": "mip", "solver": solver, "status": "optimal",
            "seconds": seconds, "objective": objective, "bound": objective, "sense": sense,
            "timeLimit": limit, "cores": 2, "commit": "abc", "peakMemoryMB": 20.0,
            "nodes": 100, "iterations": 1000}


RECORDS = [record("gap", "flexplan", 7.0, 715), record("gap", "glpsol", 6.9, 715),
           record("mkp", "flexplan", 2.0, 9027, sense="max"), record("build", "flexplan", 0.2, None)]


def baseline_of(records):
    return compare.make_baseline(records, "abc", 2, "2026-01-01T00:00:00+00:00")


class CompareTests(unittest.TestCase):
    def test_own_baseline_passes(self):
        findings, regressions = compare.compare(RECORDS, baseline_of(RECORDS))
        self.assertEqual(regressions, 0)
        self.assertTrue(all(f["verdict"] == "ok" for f in findings))

    def test_within_tolerance_passes(self):
        current = copy.deepcopy(RECORDS)
        current[0]["seconds"] = 7.0 * 1.14
        self.assertEqual(compare.compare(current, baseline_of(RECORDS))[1], 0)

    def test_planted_slowdown_fails(self):
        current = copy.deepcopy(RECORDS)
        current[0]["seconds"] = 7.0 * 1.16
        findings, regressions = compare.compare(current, baseline_of(RECORDS))
        self.assertEqual(regressions, 1)
        self.assertEqual(findings[0]["verdict"], "slower")

    def test_tiny_absolute_slowdown_is_noise(self):
        current = copy.deepcopy(RECORDS)
        current[3]["seconds"] = 0.24      # +20 %, but only 40 ms
        self.assertEqual(compare.compare(current, baseline_of(RECORDS))[1], 0)
        self.assertEqual(compare.compare(current, baseline_of(RECORDS), min_seconds=0)[1], 1)

    def test_worse_objective_fails_in_both_senses(self):
        for index, worse in ((0, 716), (2, 9026)):
            current = copy.deepcopy(RECORDS)
            current[index]["objective"] = worse
            findings, regressions = compare.compare(current, baseline_of(RECORDS))
            self.assertEqual(regressions, 1, worse)
            self.assertIn("worse objective", [f["verdict"] for f in findings])

    def test_better_objective_passes(self):
        current = copy.deepcopy(RECORDS)
        current[0]["objective"], current[2]["objective"] = 714, 9028
        self.assertEqual(compare.compare(current, baseline_of(RECORDS))[1], 0)

    def test_lost_solution_fails(self):
        current = copy.deepcopy(RECORDS)
        current[0]["objective"] = None
        self.assertEqual(compare.compare(current, baseline_of(RECORDS))[1], 1)

    def test_objective_only_compared_at_the_same_limit(self):
        current = copy.deepcopy(RECORDS)
        current[0]["objective"], current[0]["timeLimit"] = 800, 10
        self.assertEqual(compare.compare(current, baseline_of(RECORDS))[1], 0)

    def test_peers_are_left_out_when_asked(self):
        current = copy.deepcopy(RECORDS)
        current[1]["seconds"] = 100.0     # glpsol got slower: not FlexPlan's regression
        self.assertEqual(compare.compare(current, baseline_of(RECORDS), solvers={"flexplan"})[1], 0)
        self.assertEqual(compare.compare(current, baseline_of(RECORDS))[1], 1)

    def test_entry_missing_from_baseline_is_not_a_regression(self):
        findings, regressions = compare.compare(
            RECORDS + [record("new", "flexplan", 1.0, 1)], baseline_of(RECORDS))
        self.assertEqual(regressions, 0)
        self.assertEqual(findings[-1]["verdict"], "no baseline")


class RunnerExitCodeTests(unittest.TestCase):
    """The runner itself: --write-baseline, then --compare, on results files (nothing solved)."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.baseline = os.path.join(self.dir.name, "baseline.json")
        self.results = self.write("results.jsonl", RECORDS)
        code, _ = self.run_runner("--compare", self.results, "--write-baseline")
        self.assertEqual(code, 0)

    def tearDown(self):
        self.dir.cleanup()

    def write(self, name, records):
        path = os.path.join(self.dir.name, name)
        with open(path, "w") as f:
            f.writelines(json.dumps(r) + "\n" for r in records)
        return path

    def run_runner(self, *args):
        r = subprocess.run([sys.executable, RUN, "--baseline", self.baseline] + list(args),
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        return r.returncode, r.stdout

    def test_fresh_baseline_exits_0(self):
        code, out = self.run_runner("--compare", self.results)
        self.assertEqual(code, 0, out)
        self.assertIn("0 regression(s)", out)

    def test_planted_slowdown_exits_1(self):
        slow = copy.deepcopy(RECORDS)
        slow[0]["seconds"] *= 1.3
        code, out = self.run_runner("--compare", self.write("slow.jsonl", slow))
        self.assertEqual(code, 1, out)
        self.assertIn("slower", out)

    def test_planted_worse_objective_exits_1(self):
        worse = copy.deepcopy(RECORDS)
        worse[2]["objective"] = 9000
        code, out = self.run_runner("--compare", self.write("worse.jsonl", worse))
        self.assertEqual(code, 1, out)
        self.assertIn("worse objective", out)


if __name__ == "__main__":
    unittest.main()
