"""Master schedule and loading: `benchmarks/run load`.

For high schools of 1,500 and 3,000 students × 7 requests (`flexplan generate --kind high`,
seed 1; the 1,500 is example (c)): `flexplan solve` (the request-aware master schedule) with
its time limit, then `flexplan load` on the plan, timed as a whole process (reading, loading,
checking, writing). One table: students, requests, sections, master seconds, load seconds,
Requests Satisfied, first choices met, fully scheduled, largest section-size spread, objective,
bound and gap of the loading, hard violations by the section checker.
"""

import json
import os
import subprocess
import time

SIZES = [1500, 3000]


def _run(cmd):
    started = time.monotonic()
    done = subprocess.run(cmd, capture_output=True, text=True)
    return done, time.monotonic() - started


def measure(build, solve_limit, load_limit, workdir, log):
    flexplan = os.path.join(build, "flexplan")
    records = []
    for students in SIZES:
        school = os.path.join(workdir, "high-%d.json" % students)
        plan = os.path.join(workdir, "high-%d-plan.json" % students)
        subprocess.run([flexplan, "generate", "--kind", "high", "--students", str(students), "--seed", "1",
                        "-o", school], check=True, capture_output=True)
        log("load: %d students: solving the master schedule (limit %g s)" % (students, solve_limit))
        solved, solve_seconds = _run([flexplan, "solve", school, "--time-limit", str(solve_limit), "-o", plan,
                                      "--format", "json"])
        record = {"students": students, "masterSeconds": solve_seconds, "masterStatus": None}
        if solved.returncode != 0:
            record["masterStatus"] = "failed: " + solved.stderr.strip()[-200:]
            records.append(record)
            continue
        record["masterStatus"] = json.loads(solved.stdout)["status"]
        log("load: %d students: loading (limit %g s)" % (students, load_limit))
        loaded, load_seconds = _run([flexplan, "load", school, plan, "-o", plan, "--time-limit", str(load_limit),
                                     "--format", "json"])
        record["loadSeconds"] = load_seconds
        if loaded.returncode != 0:
            record["loadStatus"] = "failed: " + loaded.stderr.strip()[-200:]
        else:
            record.update(json.loads(loaded.stdout))
            with open(school) as f:
                data = json.load(f)
            record["sections"] = sum((c["sections"] if isinstance(c["sections"], int) else c["sections"]["min"])
                                     for c in data["courses"])
        records.append(record)
    return records


def table(records):
    head = ["students", "requests", "sections", "master s", "load s", "Requests Satisfied",
            "first choices", "fully scheduled", "size spread", "objective", "bound", "gap", "hard"]
    rows = []
    for r in records:
        if "requestsSatisfied" not in r:
            rows.append([r["students"], "-", "-", "%.1f" % r["masterSeconds"], r.get("loadSeconds", "-")] +
                        [r.get("loadStatus") or r["masterStatus"]] + ["-"] * 7)
            continue
        rows.append([
            "{:,}".format(r["students"]), "{:,}".format(r["requests"]), r["sections"],
            "%.1f" % r["masterSeconds"], "%.1f" % r["loadSeconds"],
            "%.1f%%" % (100 * r["requestsSatisfied"]), "%.1f%%" % (100.0 * r["primaryMet"] / r["requests"]),
            "%.1f%%" % (100 * r["fullyScheduled"]), r["largestSizeSpread"],
            "{:,.2f}".format(r["objective"]), "{:,.2f}".format(r["bound"]), "%.4f" % r["gap"],
            r["hardViolations"]])
    return head, rows
