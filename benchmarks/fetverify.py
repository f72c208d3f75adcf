"""Independent verification with FET: `benchmarks/run fet-verify [FILE...]` (issue 25).

For each official-mode file (default: the side-by-side list of fetpeer.py), with one time limit S:

(a) fet-cl solves the file (`timeout $((S*2+30)) fet-cl --inputfile=F --outputdir=D
    --timelimitseconds=S`; it exits 0 also when it fails, so D/logs/result.txt decides:
    "Simulation successful"); when it produced a timetable, `flexplan check F
    D/timetables/NAME/NAME_activities.xml` must find 0 hard violations: FlexPlan's checker
    agrees with FET. A file FlexPlan imports only with --ignore-unsupported is checked so, on
    the rules FlexPlan reads.
(b) for a file FlexPlan imports as it is (no --ignore-unsupported), `flexplan solve F
    --time-limit S -o plan.json`; when it writes a plan, `flexplan export plan.json --to fet
    --into F -o locked.fet` (the user's own file plus a permanent lock of each activity's start
    and room), soft constraints switched off in it (FET accepts a locked soft violation of
    weight w only with probability (100-w)% per try), then fet-cl on it, `timeout`-wrapped the
    same way (fet-cl ignores its limit when a locked activity cannot be placed): FET must accept
    FlexPlan's timetable under every rule of the original.
"""

import os
import re

import fetcoverage
import fetpeer

fmt = fetpeer.fmt

CONSTRAINT_OPEN = re.compile(r"^\s*<(Constraint\w+)>\s*$")
WEIGHT = re.compile(r"<Weight_Percentage>\s*([^<]*?)\s*</Weight_Percentage>")
ACTIVE = re.compile(r"<Active>\s*[^<]*?\s*</Active>")


def switch_off_soft(text):
    """`text` (a .fet file, one element per line, as FET writes it) with every constraint
    whose Weight_Percentage is below 100 made inactive: its <Active> set to false, or an
    <Active>false</Active> added after the weight when it has none. Returns (text, how many)."""
    out, block, closing, switched = [], None, None, 0
    for line in text.splitlines(True):
        if block is None:
            m = CONSTRAINT_OPEN.match(line)
            if m:
                block, closing = [line], "</%s>" % m.group(1)
            else:
                out.append(line)
            continue
        block.append(line)
        if line.strip() != closing:
            continue
        weight = next((WEIGHT.search(b) for b in block if WEIGHT.search(b)), None)
        try:
            soft = weight is not None and float(weight.group(1)) < 100
        except ValueError:
            soft = False
        if soft:
            switched += 1
            if any(ACTIVE.search(b) for b in block):
                block = [ACTIVE.sub("<Active>false</Active>", b) for b in block]
            else:
                at = next(i for i, b in enumerate(block) if WEIGHT.search(b))
                indent = re.match(r"^\s*", block[at]).group(0)
                newline = "\r\n" if block[at].endswith("\r\n") else "\n"
                block.insert(at + 1, indent + "<Active>false</Active>" + newline)
        out += block
        block = None
    if block is not None:          # an unclosed element: left as it was
        out += block
    return "".join(out), switched


def strict_import(flexplan, path):
    """(imports, reason) for `flexplan validate F` without --ignore-unsupported: reason is
    "unsupported" when hard rules would be dropped, else the refusal's error lines."""
    status, errors = fetcoverage.import_status(path, *fetcoverage.validate(flexplan, path))
    return status == "imports", (None if status == "imports" else
                                 "unsupported" if status == "unsupported" else "; ".join(errors))


def violation_text(violations, limit=3):
    """'rule: message' of the first violations, for the table and the log."""
    return "; ".join("%s: %s" % (v.get("rule"), v.get("message")) for v in violations[:limit]) + (
        " (+%d more)" % (len(violations) - limit) if len(violations) > limit else "")


def fet_accepts(flexplan, fetcl, path, plan, work, limit):
    """FlexPlan's `plan` of the file at `path`, locked into the original (`flexplan export
    --to fet --into`), soft constraints switched off, given to fet-cl: lockedAccepted,
    lockedSeconds, lockedResult and softSwitchedOff, or exportError."""
    locked = os.path.join(work, "locked.fet")
    code, _, err, _ = fetpeer.run([flexplan, "export", plan, "--to", "fet", "--into", path, "-o", locked], 300)
    if code != 0:
        return {"exportError": " ".join((err or "").split())[-300:]}
    with open(locked, encoding="utf-8", newline="") as f:
        text, switched = switch_off_soft(f.read())
    with open(locked, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    back = fetpeer.fetcl_solve(fetcl, locked, os.path.join(work, "fet-cl-locked"), limit, limit * 2 + 30)
    return {"softSwitchedOff": switched, "lockedAccepted": back["solved"],
            "lockedSeconds": round(back["seconds"], 2), "lockedResult": back["result"]}


def verify(flexplan, fetcl, example, path, limit, work, log):
    """One file's record: (a) and (b) above."""
    kill_after = limit * 2 + 30
    record = {"example": example, "limit": limit}
    imports, reason = strict_import(flexplan, path)
    record["imports"] = imports
    if not imports:
        record["importProblem"] = reason

    # (a) fet-cl's timetable, checked by FlexPlan
    fet = fetpeer.fetcl_solve(fetcl, path, os.path.join(work, "fet-cl"), limit, kill_after)
    record.update(fetSolved=fet["solved"], fetSeconds=round(fet["seconds"], 2), fetResult=fet["result"])
    if fet["timetable"] and (imports or reason == "unsupported"):
        options = [] if imports else ["--ignore-unsupported"]
        result = fetpeer.check(flexplan, path, fet["timetable"], options, details=True)
        record["checkedRules"] = "all" if imports else "supported only"
        if "checkError" in result:
            record["checkError"] = result["checkError"]
        else:
            record["fetHardViolations"] = result["hardViolations"]
            record["fetViolations"] = result["violations"]

    # (b) FlexPlan's plan, locked into the original, given to fet-cl
    if imports:
        plan = os.path.join(work, "plan.json")
        if os.path.exists(plan):
            os.remove(plan)
        code, out, err, seconds = fetpeer.run([flexplan, "solve", path, "--time-limit", "%g" % limit,
                                               "--format", "json", "-o", plan], limit + 120)
        data = fetpeer.last_json(out) if out else None
        record["flexplanSeconds"] = round(seconds, 2)
        record["flexplanStatus"] = data.get("status") if data else "error: " + " ".join(
            (err or "").split())[-200:]
        record["flexplanPlan"] = os.path.exists(plan)
        if record["flexplanPlan"]:
            record.update(fet_accepts(flexplan, fetcl, path, plan, work, limit))
    log("fet-verify: %s: fet-cl %s in %s s, checker %s hard; flexplan %s; FET on the locked plan: %s" % (
        example, record["fetSolved"], record["fetSeconds"], record.get("fetHardViolations", "-"),
        record.get("flexplanStatus", "not run (%s)" % record.get("importProblem")),
        verdict(record)))
    return record


def measure(flexplan, fetcl, examples, limit, workdir, log):
    """One record per example (names resolved in fet-data's official folders)."""
    records = []
    for example in examples:
        path = fetpeer.resolve(example, fetpeer.OFFICIAL_ROOTS)
        if path is None:
            records.append({"example": example, "limit": limit, "error": "not in fet-data"})
            log("fet-verify: %s: not found" % example)
            continue
        work = os.path.join(workdir, re.sub(r"[^A-Za-z0-9_.-]", "_", example))
        os.makedirs(work, exist_ok=True)
        records.append(verify(flexplan, fetcl, example, path, limit, work, log))
    return records


def verdict(record):
    """FET's verdict on FlexPlan's locked plan: accepted, refused (its reason), or why none."""
    if record.get("lockedAccepted") is not None:
        return "accepted" if record["lockedAccepted"] else "REFUSED (%s)" % record.get("lockedResult")
    if record.get("exportError"):
        return "export failed"
    if record.get("flexplanPlan") is False:
        return "no plan"
    return "-"


def checker_text(record):
    """FlexPlan's checker on fet-cl's timetable: hard violations, and which rules it read."""
    if record.get("checkError"):
        return "check failed"
    if record.get("fetHardViolations") is None:
        return "-"
    text = "%d hard" % record["fetHardViolations"]
    if record.get("checkedRules") == "supported only":
        text += " (supported rules)"
    return text


def table(records):
    head = ["example", "imports as is", "fet-cl", "fet-cl s", "FlexPlan check of fet-cl's timetable",
            "FlexPlan plan", "FlexPlan s", "fet-cl on the locked original", "locked s"]
    rows = []
    for r in records:
        if r.get("error"):
            rows.append([r["example"]] + ["-"] * 8)
            continue
        imports = "yes" if r["imports"] else ("no: " + ("unsupported hard rules" if r.get(
            "importProblem") == "unsupported" else "invalid"))
        fet = "solved" if r["fetSolved"] else (r.get("fetResult") or "failed")
        plan = "-" if "flexplanPlan" not in r else ("yes" if r["flexplanPlan"] else "no (%s)" % r["flexplanStatus"])
        rows.append([r["example"], imports, fet, fmt(r.get("fetSeconds")), checker_text(r), plan,
                     fmt(r.get("flexplanSeconds")), verdict(r), fmt(r.get("lockedSeconds"))])
    return head, rows


def totals(records):
    """The issue's two goals, counted."""
    checked = [r for r in records if r.get("fetHardViolations") is not None]
    plans = [r for r in records if r.get("lockedAccepted") is not None]
    return {
        "files": len(records),
        "fetSolved": sum(1 for r in records if r.get("fetSolved")),
        "fetChecked": len(checked),
        "fetCheckedClean": sum(1 for r in checked if r["fetHardViolations"] == 0),
        "fetCheckedAllRules": sum(1 for r in checked if r.get("checkedRules") == "all"),
        "fetCheckedAllRulesClean": sum(1 for r in checked if r.get("checkedRules") == "all"
                                       and r["fetHardViolations"] == 0),
        "imports": sum(1 for r in records if r.get("imports")),
        "flexplanPlans": sum(1 for r in records if r.get("flexplanPlan")),
        "lockedGiven": len(plans),
        "lockedAccepted": sum(1 for r in plans if r["lockedAccepted"]),
    }


def disagreements(records):
    """Lines naming each disagreement between FlexPlan and FET (bugs to report)."""
    lines = []
    for r in records:
        if r.get("fetHardViolations"):
            lines.append("%s: FlexPlan's checker finds %d hard violations in fet-cl's timetable: %s" % (
                r["example"], r["fetHardViolations"], violation_text(r.get("fetViolations") or [])))
        if r.get("checkError"):
            lines.append("%s: flexplan check could not read fet-cl's timetable: %s" % (r["example"], r["checkError"]))
        if r.get("lockedAccepted") is False:
            lines.append("%s: fet-cl does not accept FlexPlan's plan locked into the original (%s)" % (
                r["example"], r.get("lockedResult")))
        if r.get("exportError"):
            lines.append("%s: export --into failed: %s" % (r["example"], r["exportError"]))
    return lines


def summary(records):
    t = totals(records)
    lines = [
        "fet-cl solved %d of %d files; FlexPlan's checker finds 0 hard violations in %d of the %d "
        "timetables it checked (%d of %d checked against every rule, the others on the rules "
        "FlexPlan reads)." % (t["fetSolved"], t["files"], t["fetCheckedClean"], t["fetChecked"],
                              t["fetCheckedAllRulesClean"], t["fetCheckedAllRules"]),
        "FlexPlan imports %d of the files as they are and made %d plans; fet-cl accepts %d of the %d "
        "given to it as locked originals." % (t["imports"], t["flexplanPlans"], t["lockedAccepted"],
                                               t["lockedGiven"]),
    ]
    found = disagreements(records)
    lines += ["Disagreements:"] + ["  " + d for d in found] if found else ["No disagreement."]
    return lines
