"""The timetabling entries of benchmarks/run: parsing `flexplan solve --verbose` and the
tables of the school ladder and the formulation choices (standard library only).

`flexplan solve --verbose` prints progress lines on stderr,
    "   29.9s  improvement  incumbent 132.000  bound 0.000"
(phases: building, LP relaxation, exact MIP, construction (N unplaced), improvement), and at
the end one statistics line of the exact model,
    "228 lessons, 684 periods of work; 9120 binaries, 4000 rows, 60000 nonzeros; 12 nodes; 0 room cuts".
The first progress line whose incumbent is not '-' marks the first complete plan.
"""

import re

PROGRESS = re.compile(r"^\s*([0-9.]+)s\s+(.*?)\s+incumbent\s+(\S+)\s+bound\s+(\S+)\s*$")
STATISTICS = re.compile(
    r"(\d+) lessons, (\d+) periods of work; (\d+) binaries, (\d+) rows, (\d+) nonzeros; "
    r"(\d+) nodes; (\d+) room cuts")


def number(text):
    return None if text == "-" else float(text)


def parse_solve_log(text):
    """Fields from the stderr of `flexplan solve --verbose`: firstPlanSeconds (None when no
    progress line had an incumbent), firstPlanPhase, firstPlanObjective, lastPhase, phases (in
    order of first appearance, the unplaced counts folded), and the exact model's lessons,
    periodsOfWork, binaries, rows, nonzeros, nodes and roomCuts when the statistics line is there."""
    result = {"firstPlanSeconds": None, "firstPlanPhase": None, "firstPlanObjective": None,
              "lastPhase": None, "phases": []}
    for line in text.splitlines():
        m = PROGRESS.match(line)
        if m:
            seconds, phase, incumbent = float(m.group(1)), m.group(2), number(m.group(3))
            folded = re.sub(r"\(\d+ unplaced\)", "(N unplaced)", phase)
            if folded not in result["phases"]:
                result["phases"].append(folded)
            result["lastPhase"] = phase
            if incumbent is not None and result["firstPlanSeconds"] is None:
                result["firstPlanSeconds"] = seconds
                result["firstPlanPhase"] = phase
                result["firstPlanObjective"] = incumbent
            continue
        m = STATISTICS.search(line)
        if m:
            keys = ("lessons", "periodsOfWork", "binaries", "rows", "nonzeros", "nodes", "roomCuts")
            result.update(zip(keys, (int(g) for g in m.groups())))
    return result


def _fmt(value, digits=2):
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "NO"
    if isinstance(value, int):
        return "{:,}".format(value)
    if isinstance(value, float):
        if abs(value) < 1e-9:      # GLPK's -1e-15 bounds are 0
            value = 0.0
        if value == int(value) and abs(value) < 1e12:
            return "{:,}".format(int(value)) if digits != 3 else "%.3f" % value
        return ("%." + str(digits) + "f") % value
    return str(value)


def check_text(record):
    """'0 hard, objective matches' style summary of `flexplan check` on the plan."""
    if record.get("checkHardViolations") is None:
        return "no plan" if record.get("objective") is None else "not checked"
    text = "%d hard" % record["checkHardViolations"]
    text += ", objective matches" if record.get("checkObjectiveMatches") else ", objective DIFFERS"
    return text


def school_table(records):
    """The ladder: one row per school entry."""
    head = ["instance", "activities", "periods of work", "binaries", "rows", "nonzeros",
            "limit s", "first plan s (phase)", "status", "objective", "bound", "gap", "seconds",
            "check", "teams met", "peak MB"]
    rows = []
    for r in records:
        first = "-"
        if r.get("firstPlanSeconds") is not None:
            first = "%.1f (%s)" % (r["firstPlanSeconds"], r.get("firstPlanPhase") or "?")
        status = r.get("status") or "-"
        if r.get("stopReason") and status != "error":
            status += " (%s)" % r["stopReason"]
        mark = "*" if r.get("statsFrom") else ""
        rows.append([r["entry"], _fmt(r.get("lessons")), _fmt(r.get("periodsOfWork")),
                     _fmt(r.get("binaries")) + mark, _fmt(r.get("rows")) + mark,
                     _fmt(r.get("nonzeros")) + mark,
                     _fmt(r.get("timeLimit")), first, status, _fmt(r.get("objective")),
                     _fmt(r.get("bound")), _fmt(r.get("gap"), 4), _fmt(r.get("seconds"), 1),
                     check_text(r), teams_text(r), _fmt(r.get("peakMemoryMB"), 0)])
    return head, rows


def teams_text(record):
    """Teams whose achieved collaboration minutes reach their requirement, of all teams."""
    teams = record.get("teams") or []
    if not teams or record.get("objective") is None:
        return "-"
    met = sum(1 for t in teams if (t.get("achievedMinutes") or 0) >= (t.get("requiredMinutes") or 0))
    return "%d/%d" % (met, len(teams))


def formulation_table(records):
    """The formulation choices: one row per variant of the exact MIP."""
    head = ["entry", "without", "binaries", "rows", "nonzeros", "LP bound", "LP s", "status",
            "objective", "bound", "gap", "first incumbent s", "MIP s", "nodes", "limit s"]
    rows = []
    for r in records:
        without = ", ".join(r.get("without") or []) or "(all on)"
        status = r.get("status") or "-"
        if r.get("stopReason") and status != "error":
            status += " (%s)" % r["stopReason"]
        rows.append([r["entry"], without, _fmt(r.get("binaries")), _fmt(r.get("rows")),
                     _fmt(r.get("nonzeros")), _fmt(r.get("lpBound")), _fmt(r.get("lpSeconds"), 2),
                     status, _fmt(r.get("objective")), _fmt(r.get("bound")), _fmt(r.get("gap"), 4),
                     _fmt(r.get("firstIncumbentSeconds"), 2), _fmt(r.get("seconds"), 2),
                     _fmt(r.get("nodes")), _fmt(r.get("timeLimit"))])
    return head, rows
