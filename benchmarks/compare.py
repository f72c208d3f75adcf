"""Baseline comparison for benchmarks/run (standard library only).

A record is one (entry, solver) result: a dict with at least `entry`, `solver`, `seconds`
(the median of the repeated runs), `objective` (None when no solution), `sense` ("min" or
"max", for MIPs) and `timeLimit`. A baseline file is JSON: {"commit", "cores", "created",
"records": [...]}.

A record regresses against its baseline record when
  * its median seconds exceed the baseline's by more than `tolerance` (15 %) and by more than
    `min_seconds` (an absolute floor so that a 0.2 s entry does not fail on 20 ms of noise), or
  * at the same time limit its objective is worse (higher when minimizing, lower when
    maximizing, beyond a relative 1e-6), or it found no solution where the baseline had one.

A record marked `timeToLimit` (a timetabling solve that runs until its time limit, so that its
seconds are the limit, not a measurement) never regresses on time: only the objective rule
applies to it ("no plan" when it found none where the baseline had one). The same holds for
any record that stopped on its time limit both now and in the baseline (its seconds are the
limit plus the solver's overshoot).
"""

import json

TOLERANCE = 0.15
MIN_SECONDS = 0.05
OBJECTIVE_EPS = 1e-6


def key(record):
    return (record["entry"], record["solver"])


def load_baseline(path):
    with open(path) as f:
        data = json.load(f)
    if not isinstance(data, dict) or not isinstance(data.get("records"), list):
        raise ValueError("%s: not a baseline file (expected an object with 'records')" % path)
    return data


def make_baseline(records, commit, cores, created):
    keep = ("entry", "group", "solver", "status", "objective", "bound", "sense", "timeLimit",
            "seconds", "peakMemoryMB", "nodes", "iterations", "timeToLimit", "firstPlanSeconds",
            "stopReason")
    return {"commit": commit, "cores": cores, "created": created,
            "records": [{k: r.get(k) for k in keep} for r in records]}


def worse_objective(current, base, sense):
    if base is None:
        return False
    if current is None:
        return True
    eps = OBJECTIVE_EPS * max(1.0, abs(base))
    return current > base + eps if sense != "max" else current < base - eps


def compare(records, baseline, solvers=None, tolerance=TOLERANCE, min_seconds=MIN_SECONDS):
    """Returns (findings, regressions): findings is a list of dicts, one per compared record
    with keys entry, solver, seconds, baseSeconds, ratio, objective, baseObjective, verdict
    ('ok', 'slower', 'worse objective', 'no baseline'); regressions counts the failing ones.
    `solvers`: the solvers whose records are compared (None = all)."""
    base = {key(r): r for r in baseline["records"]}
    findings, regressions = [], 0
    for r in records:
        if solvers is not None and r["solver"] not in solvers:
            continue
        b = base.get(key(r))
        f = {"entry": r["entry"], "solver": r["solver"], "seconds": r.get("seconds"),
             "objective": r.get("objective"), "baseSeconds": None, "baseObjective": None,
             "ratio": None, "verdict": "no baseline"}
        if b is not None:
            f["baseSeconds"], f["baseObjective"] = b.get("seconds"), b.get("objective")
            problems = []
            s, bs = r.get("seconds"), b.get("seconds")
            untimed = r.get("timeToLimit") or b.get("timeToLimit") or (
                r.get("stopReason") == "timeLimit" and b.get("stopReason") == "timeLimit")
            if s is not None and bs:
                f["ratio"] = s / bs
                if not untimed and s > bs * (1 + tolerance) and s - bs > min_seconds:
                    problems.append("slower")
            if r.get("timeLimit") == b.get("timeLimit") and worse_objective(
                    r.get("objective"), b.get("objective"), r.get("sense") or b.get("sense")):
                lost = r.get("objective") is None and untimed
                problems.append("no plan" if lost else "worse objective")
            f["verdict"] = ", ".join(problems) if problems else "ok"
            regressions += bool(problems)
        findings.append(f)
    return findings, regressions
