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
import timetabling  # noqa: E402

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


def school_record(objective, seconds=61.0, limit=60):
    r = record("tt-middle-600", "flexplan", seconds, objective, limit=limit)
    r.update(group="schools", kind="school", status="feasible", bound=0, timeToLimit=True)
    return r


class TimeToLimitTests(unittest.TestCase):
    """Timetabling entries run to their limit: no time regression, only the objective rule."""

    def setUp(self):
        self.baseline = baseline_of([school_record(132.0)])

    def test_baseline_keeps_the_mark(self):
        self.assertTrue(self.baseline["records"][0]["timeToLimit"])

    def test_slower_is_not_a_regression(self):
        findings, regressions = compare.compare([school_record(132.0, seconds=200.0)], self.baseline)
        self.assertEqual(regressions, 0)
        self.assertEqual(findings[0]["verdict"], "ok")

    def test_worse_objective_at_the_same_limit_fails(self):
        findings, regressions = compare.compare([school_record(133.0)], self.baseline)
        self.assertEqual(regressions, 1)
        self.assertEqual(findings[0]["verdict"], "worse objective")

    def test_better_objective_passes(self):
        self.assertEqual(compare.compare([school_record(120.0)], self.baseline)[1], 0)

    def test_no_plan_where_the_baseline_had_one_fails(self):
        findings, regressions = compare.compare([school_record(None)], self.baseline)
        self.assertEqual(regressions, 1)
        self.assertEqual(findings[0]["verdict"], "no plan")

    def test_no_plan_in_both_passes(self):
        baseline = baseline_of([school_record(None)])
        self.assertEqual(compare.compare([school_record(None)], baseline)[1], 0)

    def test_other_limit_is_not_compared(self):
        self.assertEqual(compare.compare([school_record(None, limit=10)], self.baseline)[1], 0)

    def test_mark_on_either_side_suffices(self):
        # a baseline written before the mark existed, or a record without it
        plain = record("tt-middle-600", "flexplan", 61.0, 132.0)
        self.assertEqual(compare.compare([school_record(132.0, seconds=200.0)],
                                         baseline_of([plain]))[1], 0)
        slow = dict(plain, seconds=200.0)
        self.assertEqual(compare.compare([slow], self.baseline)[1], 0)

    def test_timed_entries_still_regress_on_time(self):
        current = copy.deepcopy(RECORDS)
        current[0]["seconds"] = 7.0 * 1.3
        baseline = baseline_of(RECORDS + [school_record(132.0)])
        self.assertEqual(compare.compare(current + [school_record(132.0, seconds=300)], baseline)[1], 1)


    def test_both_stopped_on_the_limit_is_not_slower(self):
        base = dict(record("form", "flexplan", 83.7, None), stopReason="timeLimit")
        late = dict(base, seconds=110.0)
        self.assertEqual(compare.compare([late], baseline_of([base]))[1], 0)
        # solved before the limit in the baseline, at the limit now: slower
        solved = dict(record("form", "flexplan", 46.5, 0), stopReason="solved")
        limit = dict(solved, seconds=60.0, stopReason="timeLimit")
        self.assertEqual(compare.compare([limit], baseline_of([solved]))[1], 1)


class SolveLogTests(unittest.TestCase):
    LOG = "\n".join([
        "    0.0s  building  incumbent -  bound -",
        "    0.4s  LP relaxation  incumbent -  bound -",
        "    3.2s  construction (12 unplaced)  incumbent -  bound 0.000",
        "    5.1s  construction (3 unplaced)  incumbent -  bound 0.000",
        "    7.9s  improvement  incumbent 140.000  bound 0.000",
        "   29.9s  improvement  incumbent 132.000  bound 0.000",
        "228 lessons, 684 periods of work; 9120 binaries, 4000 rows, 60000 nonzeros; 12 nodes; 0 room cuts",
    ])

    def test_first_plan_and_statistics(self):
        parsed = timetabling.parse_solve_log(self.LOG)
        self.assertEqual(parsed["firstPlanSeconds"], 7.9)
        self.assertEqual(parsed["firstPlanPhase"], "improvement")
        self.assertEqual(parsed["firstPlanObjective"], 140.0)
        self.assertEqual(parsed["lastPhase"], "improvement")
        self.assertEqual(parsed["phases"], ["building", "LP relaxation",
                                            "construction (N unplaced)", "improvement"])
        self.assertEqual((parsed["lessons"], parsed["periodsOfWork"], parsed["binaries"],
                          parsed["rows"], parsed["nonzeros"], parsed["nodes"], parsed["roomCuts"]),
                         (228, 684, 9120, 4000, 60000, 12, 0))

    def test_no_plan(self):
        parsed = timetabling.parse_solve_log(self.LOG.split("\n    7.9s")[0])
        self.assertIsNone(parsed["firstPlanSeconds"])
        self.assertNotIn("binaries", parsed)

    def test_exact_mip_incumbent_counts(self):
        parsed = timetabling.parse_solve_log("    1.5s  exact MIP  incumbent 12.000  bound 3.000\n")
        self.assertEqual((parsed["firstPlanSeconds"], parsed["firstPlanPhase"]), (1.5, "exact MIP"))

    def test_school_table_row(self):
        r = school_record(132.0)
        r.update(timetabling.parse_solve_log(self.LOG), checkHardViolations=0,
                 checkObjectiveMatches=True, gap=1.0, stopReason="timeLimit")
        head, rows = timetabling.school_table([r])
        row = dict(zip(head, rows[0]))
        self.assertEqual(row["activities"], "228")
        self.assertEqual(row["binaries"], "9,120")
        self.assertEqual(row["first plan s (phase)"], "7.9 (improvement)")
        self.assertEqual(row["check"], "0 hard, objective matches")
        self.assertEqual(row["teams met"], "-")
        r["teams"] = [{"id": "G6", "requiredMinutes": 90, "achievedMinutes": 100},
                      {"id": "G7", "requiredMinutes": 90, "achievedMinutes": 60}]
        head, rows = timetabling.school_table([r])
        self.assertEqual(dict(zip(head, rows[0]))["teams met"], "1/2")


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

    def test_planted_lost_plan_on_a_school_exits_1_but_slowness_does_not(self):
        baseline = os.path.join(self.dir.name, "school-baseline.json")
        code, _ = subprocess.run([sys.executable, RUN, "--baseline", baseline, "--compare",
                                  self.write("s.jsonl", [school_record(132.0)]), "--write-baseline"],
                                 stdout=subprocess.PIPE).returncode, None
        self.assertEqual(code, 0)
        for current, expected in ((school_record(132.0, seconds=500.0), 0), (school_record(None), 1)):
            r = subprocess.run([sys.executable, RUN, "--baseline", baseline, "--compare",
                                self.write("c.jsonl", [current])],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            self.assertEqual(r.returncode, expected, r.stdout)

    def test_planted_worse_objective_exits_1(self):
        worse = copy.deepcopy(RECORDS)
        worse[2]["objective"] = 9000
        code, out = self.run_runner("--compare", self.write("worse.jsonl", worse))
        self.assertEqual(code, 1, out)
        self.assertIn("worse objective", out)


if __name__ == "__main__":
    unittest.main()
