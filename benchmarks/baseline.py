"""The baseline on disk (benchmarks/baseline.json) and a run's report against it:
`report_comparison` prints the comparison table (the rules are compare.py's), `write_baseline`
records a run as the new baseline, and `read_results` reads a stored results file."""

import json
import os

import compare
from rendering import fmt, render_text
from shell import log
from suite import OWN, order, solver_order


def report_comparison(records, baseline_path, all_solvers, tolerance, min_seconds):
    if not os.path.exists(baseline_path):
        log("run: no baseline at %s; nothing to compare (use --write-baseline)" % baseline_path)
        return 0
    baseline = compare.load_baseline(baseline_path)
    if baseline.get("cores") and records and baseline["cores"] != records[0].get("cores"):
        log("run: note: the baseline was measured on %s cores, this run on %s" % (
            baseline["cores"], records[0].get("cores")))
    findings, regressions = compare.compare(records, baseline, None if all_solvers else OWN,
                                            tolerance, min_seconds)
    head = ["entry", "solver", "seconds", "baseline", "ratio", "objective", "baseline obj", "verdict"]
    rows = [[f["entry"], f["solver"], fmt(f["seconds"], 3), fmt(f["baseSeconds"], 3),
             fmt(f["ratio"], 3), fmt(f["objective"]), fmt(f["baseObjective"]), f["verdict"]]
            for f in findings]
    print("\nAgainst the baseline %s (commit %s; regression: > %d%% and > %.2f s slower, or a "
          "worse objective at the same limit):" % (os.path.relpath(baseline_path), (baseline.get("commit") or "?")[:10],
                                                  round(tolerance * 100), min_seconds))
    print(render_text(head, rows) if rows else "  (no record to compare)")
    print("%d regression(s)" % regressions)
    return regressions


def write_baseline(records, path, info):
    data = compare.make_baseline([r for r in records if r.get("status") != "error"],
                                 info["commit"], info["cores"], info["time"])
    if os.path.exists(path):
        # keep the baseline's records of entries this run did not touch
        old = compare.load_baseline(path)
        fresh = set(compare.key(r) for r in data["records"])
        data["records"] = [r for r in old["records"] if compare.key(r) not in fresh] + data["records"]
        data["records"].sort(key=lambda r: (order(r["entry"]), solver_order(r["solver"])))
    with open(path, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    print("wrote the baseline %s (%d records)" % (path, len(data["records"])))


def read_results(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]
