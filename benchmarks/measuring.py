"""Running one solver once and measuring it: `measure` (wall clock and peak memory of one
process), the runs of each kind of entry (build, MIP, school, formulation) with the parsers of
glpsol's and CBC's output, the preparation of an entry's model and school, and `run_entry` and
`summarize`, which repeat the runs and make one record per (entry, solver)."""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time

import timetabling
from paths import BUILD, GENERATORS, PEERS, ROOT
from peers import venv_python
from rendering import fmt
from shell import log, sh

GRACE = 30                  # seconds past an entry's limit before its process is killed


def measure(cmd, limit, cwd=None):
    """Runs cmd; returns (returncode, stdout, stderr, wall seconds, peak RSS in MB, killed).
    The peak RSS is this child's own (os.wait4), not the maximum over all children."""
    out = tempfile.TemporaryFile(mode="w+")
    err = tempfile.TemporaryFile(mode="w+")
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=cwd, stdin=subprocess.DEVNULL)
    killed = []

    def kill():
        killed.append(True)
        proc.kill()

    timer = threading.Timer(limit + GRACE, kill) if limit else None
    if timer:
        timer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if timer:
        timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0)
    err.seek(0)
    return proc.returncode, out.read(), err.read(), seconds, usage.ru_maxrss / 1024.0, bool(killed)


def parse_json_line(text):
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    raise ValueError("no JSON object in output")


def run_build(entry, solver, workdir):
    a, j = (str(n) for n in entry["size"])
    if solver == "flexplan":
        cmd = [os.path.join(BUILD, "lpbench"), "build", a, j]
    else:
        cmd = [venv_python(), os.path.join(PEERS, "pulp_build.py"), a, j]
    code, out, err, wall, mem, killed = measure(cmd, entry["limit"], cwd=workdir)
    if code != 0 or killed:
        return {"status": "error", "error": (err or out)[-500:], "processSeconds": wall,
                "peakMemoryMB": mem}
    data = parse_json_line(out)
    return {"status": "built", "seconds": data["seconds"], "processSeconds": wall,
            "peakMemoryMB": mem, "variables": data["variables"],
            "constraints": data["constraints"], "nonzeros": data["nonzeros"]}


def parse_glpsol(log_text, solution_text):
    result = {"status": "noSolution", "stopReason": "solved", "objective": None, "bound": None,
              "gap": None, "nodes": None, "iterations": None}
    last = [l for l in log_text.splitlines() if l.startswith("+") and "mip =" in l]
    if last:
        line = last[-1]
        head, rest = line[1:].split(":", 1)
        result["iterations"] = int(head)
        parts = rest.split()
        # "mip = OBJ >= BOUND gap% (active; done)" or "... <= tree is empty 0.0% (0; done)"
        if parts[2] != "not":
            result["objective"] = float(parts[2])
        if parts[4] == "tree":
            result["bound"] = result["objective"]
        else:
            result["bound"] = float(parts[4])
        inside = line[line.rindex("(") + 1:line.rindex(")")].split(";")
        result["nodes"] = int(inside[0]) + int(inside[1])
    status_line = [l for l in solution_text.splitlines() if l.startswith("Status:")]
    status = status_line[0].split(":", 1)[1].strip() if status_line else ""
    objective_line = [l for l in solution_text.splitlines() if l.startswith("Objective:")]
    if objective_line and status.startswith("INTEGER"):
        result["objective"] = float(objective_line[0].split("=")[1].split()[0])
    if status == "INTEGER OPTIMAL":
        result["status"] = "optimal"
        result["bound"] = result["objective"]
    elif status == "INTEGER NON-OPTIMAL":
        result["status"] = "feasible"
    elif "EMPTY" in status or "UNDEFINED" in status:
        result["status"] = "noSolution"
    if "TIME LIMIT EXCEEDED" in log_text:
        result["stopReason"] = "timeLimit"
    if "PROBLEM HAS NO PRIMAL FEASIBLE SOLUTION" in log_text or "INTEGER EMPTY" in status:
        result["status"] = "infeasible"
    return result


def parse_cbc(text):
    result = {"status": "noSolution", "stopReason": "solved", "objective": None, "bound": None,
              "gap": None, "nodes": None, "iterations": None}
    for line in text.splitlines():
        if line.startswith("Result - "):
            what = line[len("Result - "):]
            if what.startswith("Optimal"):
                result["status"] = "optimal"
            elif what.startswith("Stopped on time"):
                result["stopReason"] = "timeLimit"
            elif what.startswith("Problem proven infeasible"):
                result["status"] = "infeasible"
        elif line.startswith("Objective value:"):
            result["objective"] = float(line.split(":")[1])
        elif line.startswith("Lower bound:") or line.startswith("Upper bound:"):
            result["bound"] = float(line.split(":")[1])
        elif line.startswith("Enumerated nodes:"):
            result["nodes"] = int(line.split(":")[1])
        elif line.startswith("Total iterations:"):
            result["iterations"] = int(line.split(":")[1])
    if result["status"] == "optimal":
        result["bound"] = result["objective"]
    elif result["objective"] is not None and result["status"] == "noSolution":
        result["status"] = "feasible"
    return result


def gap_of(objective, bound):
    if objective is None or bound is None:
        return None
    return abs(objective - bound) / max(1.0, abs(objective))


def run_mip(entry, solver, files, workdir):
    limit, maximize = entry["limit"], entry["sense"] == "max"
    mps = files["mps"]
    if solver == "flexplan":
        cmd = [os.path.join(BUILD, "flexplan"), "lp", "solve", mps, "--time-limit", str(limit),
               "--format", "json"] + (["--max"] if maximize else [])
    elif solver == "glpsol":
        # -o names a temporary file: never /dev/null (as root glpsol deletes it).
        cmd = ["glpsol", "--freemps", mps, "--tmlim", str(int(limit)), "-o",
               os.path.join(workdir, "glpsol.out")] + (["--max"] if maximize else []) + \
            entry.get("glpsolOptions", [])
    elif solver == "cbc":
        cmd = ["cbc", files["cbc"]] + (["-max"] if maximize else []) + \
              ["-sec", str(limit), "-solve", "-quit"]
    else:
        cmd = [venv_python(), os.path.join(PEERS, "highs_solve.py"), mps,
               "--time-limit", str(limit)] + (["--max"] if maximize else [])
    code, out, err, wall, mem, killed = measure(cmd, limit + entry.get("grace", 0), cwd=workdir)
    base = {"processSeconds": wall, "seconds": wall, "peakMemoryMB": mem}
    if killed:
        return dict(base, status="error", error="killed %d s past the limit" % (
            GRACE + entry.get("grace", 0)))
    try:
        if solver in ("flexplan", "highs"):
            if solver == "flexplan" and code not in (0, 1, 3):
                raise ValueError("exit %d: %s" % (code, err.strip()[-300:]))
            data = parse_json_line(out)
            data["solverSeconds"] = data.pop("seconds", None)
            data.pop("version", None)
        elif solver == "glpsol":
            with open(os.path.join(workdir, "glpsol.out")) as f:
                data = parse_glpsol(out, f.read())
            os.remove(os.path.join(workdir, "glpsol.out"))
        else:
            data = parse_cbc(out)
    except (ValueError, OSError, KeyError, IndexError) as e:
        return dict(base, status="error", error=str(e)[-500:])
    if data.get("gap") is None or solver != "flexplan":
        data["gap"] = gap_of(data.get("objective"), data.get("bound"))
    return dict(base, **data)


def school_file(school, workdir):
    """The path of an entry's school: a bundled example folder, or a school generated once per
    run into the work folder with the release `flexplan generate`."""
    if "example" in school:
        return os.path.join(ROOT, "Examples", school["example"])
    path = os.path.join(workdir, "%s-%d-s%d.json" % (school["kind"], school["students"], school["seed"]))
    if not os.path.exists(path):
        cmd = [os.path.join(BUILD, "flexplan"), "generate", "--kind", school["kind"], "--students",
               str(school["students"]), "--seed", str(school["seed"]), "-o", path]
        log("  $ " + " ".join(cmd[1:]))
        r = sh(cmd)
        if r.returncode != 0:
            raise SystemExit("run: flexplan generate failed: " + r.stderr[-2000:])
    return path


def prepare(entry, workdir):
    """Generates the entry's model (.lp), converts it through FlexPlan to free MPS, and makes
    CBC's copy (the same file with FREE on its NAME line, which CBC needs for free MPS). A
    timetabling MIP comes from its school instead: `lpbench school-stats SCHOOL --write-model`
    writes the exact model with the default formulation, the one `flexplan solve
    --write-model` writes."""
    lp = os.path.join(workdir, entry["name"] + ".lp")
    mps = os.path.join(workdir, entry["name"] + ".mps")
    cbc = os.path.join(workdir, entry["name"] + ".cbc.mps")
    if "school" in entry:
        r = sh([os.path.join(BUILD, "lpbench"), "school-stats", school_file(entry["school"], workdir),
                "--write-model", mps])
        if r.returncode != 0:
            raise SystemExit("run: lpbench school-stats failed: " + r.stderr)
        stats = parse_json_line(r.stdout)
        log("  model: %d binaries, %d rows, %d nonzeros" % (stats["binaries"], stats["rows"],
                                                          stats["nonzeros"]))
        lp = None
    else:
        gen = entry["generator"]
        with open(lp, "w") as f:
            r = subprocess.run([sys.executable, os.path.join(GENERATORS, gen[0])] + gen[1:], stdout=f)
        if r.returncode != 0:
            raise SystemExit("run: generator %s failed" % " ".join(gen))
        r = sh([os.path.join(BUILD, "lpbench"), "write", lp, mps])
        if r.returncode != 0:
            raise SystemExit("run: lpbench write failed: " + r.stderr)
    with open(mps) as f, open(cbc, "w") as g:
        for line in f:
            g.write(line.rstrip("\n") + " FREE\n" if line.startswith("NAME") else line)
    return {"lp": lp, "mps": mps, "cbc": cbc}


def school_stats(school):
    """`lpbench school-stats SCHOOL`: the exact model's size, built without solving."""
    r = sh([os.path.join(BUILD, "lpbench"), "school-stats", school])
    try:
        return parse_json_line(r.stdout) if r.returncode == 0 else {}
    except ValueError:
        return {}


def run_school(entry, school, workdir, stats=None):
    """`flexplan solve SCHOOL --time-limit T --format json -o PLAN --verbose`, then `flexplan
    check SCHOOL PLAN --format json` on the plan it wrote. The model's size comes from the
    statistics line of --verbose; when the solver stopped before building the model (a school
    refused as infeasible up front) it comes from `lpbench school-stats` (`statsFrom`)."""
    flexplan = os.path.join(BUILD, "flexplan")
    plan = os.path.join(workdir, entry["name"] + ".plan.json")
    if os.path.exists(plan):
        os.remove(plan)
    limit = entry["limit"]
    cmd = [flexplan, "solve", school, "--time-limit", "%g" % limit, "--format", "json", "-o", plan,
           "--verbose"]
    code, out, err, wall, mem, killed = measure(cmd, limit + entry.get("grace", 0), cwd=workdir)
    result = {"processSeconds": wall, "seconds": wall, "peakMemoryMB": mem, "exitCode": code}
    result.update(timetabling.parse_solve_log(err))
    if not result.get("binaries") and stats:
        for k in ("lessons", "periodsOfWork", "binaries", "rows", "nonzeros", "unplaceable"):
            result[k] = stats.get(k)
        result["statsFrom"] = "lpbench school-stats"
    if killed:
        return dict(result, status="error", error="killed %d s past the limit" % (
            GRACE + entry.get("grace", 0)), stderrTail=err[-1500:])
    if code not in (0, 1, 3):
        return dict(result, status="error", error="exit %d: %s" % (code, err.strip()[-500:]))
    try:
        data = parse_json_line(out)
    except ValueError as e:
        return dict(result, status="error", error="%s: %s" % (e, err.strip()[-500:]))
    data["solverSeconds"] = data.pop("seconds", None)
    data.pop("plan", None)
    result.update(data)
    if os.path.exists(plan):
        r = sh([flexplan, "check", school, plan, "--format", "json"])
        try:
            check = parse_json_line(r.stdout)
            result.update(checkHardViolations=check.get("hardViolations"),
                          checkObjectiveMatches=check.get("objectiveMatches"),
                          checkSoftScore=check.get("softScore"), checkExitCode=r.returncode)
        except ValueError:
            result.update(checkError="exit %d: %s" % (r.returncode, r.stderr.strip()[-500:]))
    return result


def run_formulation(entry, school, workdir):
    """`lpbench formulation SCHOOL --time-limit T --without X`: the exact MIP with one choice
    off (or none), solved once by GLPK with the feasibility pump, as TimetableSolver does."""
    cmd = [os.path.join(BUILD, "lpbench"), "formulation", school, "--time-limit", "%g" % entry["limit"],
           "--without", ",".join(entry["without"]) or "none"]
    code, out, err, wall, mem, killed = measure(cmd, entry["limit"] * 2 + entry.get("grace", 0),
                                                cwd=workdir)
    result = {"processSeconds": wall, "peakMemoryMB": mem}
    if killed:
        return dict(result, status="error", seconds=wall, error="killed past twice the limit")
    if code != 0:
        return dict(result, status="error", seconds=wall, error="exit %d: %s" % (code, err.strip()[-500:]))
    data = parse_json_line(out)
    data.pop("without", None)
    data.pop("timeLimit", None)
    result.update(data)      # seconds: the MIP's own (GLPK's), measured by lpbench
    return result


def run_entry(entry, solvers, repeat, info, workdir):
    files = prepare(entry, workdir) if entry["kind"] == "mip" else None
    school = school_file(entry["school"], workdir) if entry["kind"] in ("school", "formulation") else None
    records = []
    for solver in solvers:
        runs = []
        for k in range(repeat):
            if entry["kind"] == "build":
                r = run_build(entry, solver, workdir)
            elif entry["kind"] == "school":
                if k == 0:
                    stats = school_stats(school)
                r = run_school(entry, school, workdir, stats)
            elif entry["kind"] == "formulation":
                r = run_formulation(entry, school, workdir)
            else:
                r = run_mip(entry, solver, files, workdir)
            runs.append(r)
            log("  %-14s %-8s run %d/%d: %s %s s" % (entry["name"], solver, k + 1, repeat,
                                                   r.get("status"), fmt(r.get("seconds"), 3)))
            if r.get("status") == "error":
                break
        records.append(summarize(entry, solver, runs, info))
    return records


def summarize(entry, solver, runs, info):
    ok = [r for r in runs if r.get("status") != "error" and r.get("seconds") is not None]
    record = {"entry": entry["name"], "group": entry["group"], "kind": entry["kind"],
              "solver": solver, "timeLimit": entry["limit"], "sense": entry.get("sense"),
              "repeat": len(runs), "commit": info["commit"], "dirty": info["dirty"],
              "cores": info["cores"], "time": info["time"], "system": info["system"]}
    if entry.get("timeToLimit"):
        record["timeToLimit"] = True
    if "school" in entry:
        record["school"] = entry["school"]
    if "without" in entry:
        record["without"] = entry["without"]
    if not ok:
        for k, v in runs[-1].items():     # what the failed run measured (timetabling: its log)
            record.setdefault(k, v)
        record.update(status="error", error=runs[-1].get("error"), seconds=None, objective=None)
        return record
    ok.sort(key=lambda r: r["seconds"])
    middle = ok[(len(ok) - 1) // 2]       # the median run (the lower middle for an even count)
    for k, v in middle.items():
        record.setdefault(k, v)
    record["seconds"] = statistics.median(r["seconds"] for r in ok)
    record["secondsRuns"] = [r["seconds"] for r in runs if r.get("seconds") is not None]
    record["processSeconds"] = statistics.median(r["processSeconds"] for r in ok)
    record["peakMemoryMB"] = max(r["peakMemoryMB"] for r in ok)
    objectives = set(r.get("objective") for r in ok)
    if len(objectives) > 1:
        record["objectivesDiffer"] = sorted(objectives, key=lambda o: (o is None, o))
    record.setdefault("objective", None)
    return record
