"""FET side by side: `benchmarks/run fet`.

For each official-mode example of fet-data (Debian's 236 real school files), with the same time
limit: `fet-cl` (FET's command-line generator) and `flexplan solve`; FlexPlan's checker on both
timetables (fet-cl's `<name>_activities.xml` checked against the school as FlexPlan imports it,
unsupported constraints left out); one table, and a results file.

fet-cl exits 0 also when it fails: its `logs/result.txt` says "Simulation successful" when it
solved the file. FlexPlan solves only files it imports without `--ignore-unsupported`; for the
others the table names the first unsupported hard constraints.
"""

import json
import os
import re
import shutil
import subprocess
import time

import timetabling

FET_DATA = "/usr/share/doc/fet-data/examples"
EXAMPLES_ROOT = os.path.join(FET_DATA, "FET-5-official")
# Every official-mode file of fet-data (the other folders are FET's other modes).
OFFICIAL_ROOTS = [EXAMPLES_ROOT, os.path.join(FET_DATA, "FET-6-official")]

# The ten named schools first, then further official-mode files spanning sizes.
EXAMPLES = [
    "Denmark/small-school.fet",
    "Brazil/2/EEBLJ-Noturno.fet",
    "Romania/Oradea/School-10-Oradea-2007-2008.fet",
    "Greece/Gymnasio/Gymnasio.fet",
    "Germany/secondary-school-1/using_subactivities_constraints/German_subact_constr.fet",
    "Hungary/Bethlen/2008-2009/2-newer/Bethlen-2008-2009.fet",
    "Spain/2-secondary-school/secondary-school.fet",
    "Hong-Kong/secondary-school-2/FET-2020-07-30-SAMPLE_HK_6_period.fet",
    "Germany/secondary-school-2/GYR.fet",
    "Italy/2007/difficult/highschool-Ancona.fet",
    "United-Kingdom/Hopwood/Hopwood.fet",
    "Brazil/3/ACHILES-MANHA.fet",
    "Algeria/Mechanical-Batna_Univ/ET2012-2013-S2.fet",
    "Namibia/by-Bobby/set-2/FGPS.fet",
    "Namibia/by-Bobby/set-7-2016/ErnstJagerCSY2016T2a.fet",
    "Namibia/by-Bobby/set-7-2016/HashiyanaPSY16T2a.fet",
    "Indonesia/SMK-Negeri-1-Arahan-Kab-Indramayu/netura_2016-2017.fet",
    "Namibia/by-Bobby/set-1/Van_RhynFinal.fet",
    "Namibia/by-Bobby/set-2/MAPS.fet",
    "Namibia/by-Bobby/set-2/PutSS.fet",
    "India/St-Marys-College/St-Marys-College-Puthanagadi.fet",
    "Namibia/by-Bobby/set-2/KPS.fet",
    # Issue 26: 18 more, of every size, each importing with no rule dropped.
    "Sudan/Khartoum-2010-02-13.fet",
    "Greece/Corfu/THE-2008-2009-exams-sep.fet",
    "Argentina/Horario_ISJ.fet",
    "Iran/Sharif-University/Sharif.fet",
    "India/Chennai/Anna-University/timetable_July_Nov_09_9.fet",
    "anonymous/1/2007/anonymous-1-2007.fet",
    "Vietnam/2-secondary-school/VietNamHungYen.fet",
    "Syria/Hama/2019/Industrial-high-school.fet",
    "Germany/DGS-Pro/dgspro200809.fet",
    "Egypt/Dakahlia/input_Lectures_40.fet",
    "Bulgaria/Lom_high_school_2007-2008.fet",
    "Russia/Russian-Medical-College/timetable-ru.fet",
    "Saudi-Arabia/Arabic_Saudi_1.fet",
    "Malta/Klikk-SLP/Klikks-SLP.fet",
    "Morocco/Goulmima/Lycee-Goulmima.fet",
    "FET-6-official/South-Africa/Western-Cape/Robertson/MHS_July2.fet",
    "United-Arab-Emirates/IBDP-School-2016.fet",
    "India/REVA-University/REVA-UNIVERSITY_JANUARY2016.fet",
]


def resolve(example, roots=(EXAMPLES_ROOT,)):
    """The example's path: as written under one of `roots` (or under fet-data's examples, e.g.
    FET-6-official/...); a name not found so is looked up by file name, in `roots` in order."""
    for root in list(roots) + [FET_DATA]:
        path = os.path.join(root, example)
        if os.path.isfile(path):
            return path
    name = os.path.basename(example)
    for root in roots:
        for folder, _, files in sorted(os.walk(root)):
            if name in files:
                return os.path.join(folder, name)
    return None


def official_files():
    """Every official-mode .fet file of fet-data (FET 5 and 6), sorted."""
    found = []
    for root in OFFICIAL_ROOTS:
        for folder, _, files in os.walk(root):
            found += [os.path.join(folder, f) for f in files if f.endswith(".fet")]
    return sorted(found)


def run(cmd, timeout, cwd=None):
    started = time.time()
    try:
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           timeout=timeout, cwd=cwd)
        return r.returncode, r.stdout, r.stderr, time.time() - started
    except subprocess.TimeoutExpired:
        return None, "", "killed", time.time() - started


def last_json(text):
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    return None


def check(flexplan, school, plan, options=(), details=False):
    """`flexplan check SCHOOL PLAN` (a plan or fet-cl's <name>_activities.xml): hardViolations
    and softScore, with `details` the violations too ({rule, records, message})."""
    code, out, err, _ = run([flexplan, "check", school, plan, "--format", "json"] + list(options), 600)
    data = last_json(out) if out else None
    if data is None:
        return {"checkError": (err or "").strip()[-300:]}
    result = {"hardViolations": data.get("hardViolations"), "softScore": data.get("softScore")}
    if details:
        result["violations"] = data.get("violations") or []
    return result


def fetcl_outcome(text):
    """fet-cl's verdict from its logs/result.txt (fet-cl exits 0 also when it fails): whether
    it says "Simulation successful", and its last line (e.g. "Time exceeded", "Cannot
    precompute - data is wrong - aborting"; None for an empty or missing file)."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return "Simulation successful" in (text or ""), (lines[-1] if lines else None)


def fetcl_solve(fetcl, path, out_dir, limit, kill_after):
    """fet-cl on `path` into `out_dir` (emptied first) with --timelimitseconds=limit, killed by
    `timeout` after `kill_after` seconds (fet-cl ignores its limit when a locked activity cannot
    be placed): solved, seconds, result (result.txt's last line, or "killed after N s"), and the
    timetable (<name>_activities.xml) when it solved the file."""
    shutil.rmtree(out_dir, ignore_errors=True)
    cmd = [fetcl, "--inputfile=" + path, "--outputdir=" + out_dir, "--timelimitseconds=%d" % limit]
    if shutil.which("timeout"):
        cmd = ["timeout", "-k", "10", "%d" % kill_after] + cmd
    code, _, _, seconds = run(cmd, kill_after + 30)
    result = os.path.join(out_dir, "logs", "result.txt")
    text = open(result, errors="replace").read() if os.path.exists(result) else ""
    solved, last = fetcl_outcome(text)
    if code is None or code in (124, 137):
        last = "killed after %d s" % kill_after
    name = os.path.splitext(os.path.basename(path))[0]
    timetable = os.path.join(out_dir, "timetables", name, name + "_activities.xml")
    return {"solved": solved, "seconds": seconds, "result": last,
            "timetable": timetable if solved and os.path.exists(timetable) else None}


def side_by_side(build_dir, limit, workdir, log):
    flexplan = os.path.join(build_dir, "flexplan")
    fetcl = shutil.which("fet-cl")
    records = []
    for example in EXAMPLES:
        path = resolve(example)
        record = {"example": example, "limit": limit}
        records.append(record)
        if path is None:
            record["error"] = "not in fet-data"
            log("fet: %s: not found" % example)
            continue
        name = os.path.splitext(os.path.basename(path))[0]
        work = os.path.join(workdir, re.sub(r"[^A-Za-z0-9_.-]", "_", name))
        os.makedirs(work, exist_ok=True)
        # The school as FlexPlan reads it, unsupported constraints left out (for sizes and checks).
        relaxed = os.path.join(work, "school.json")
        code, _, err, _ = run([flexplan, "import", path, "-o", relaxed, "--ignore-unsupported"], 600)
        if code != 0:
            record["error"] = "import: " + " ".join(err.split())[-300:]
            log("fet: %s: import failed: %s" % (example, err.strip()[-200:]))
            continue
        with open(relaxed) as f:
            school = json.load(f)
        activities = school.get("activities") or []
        record["activities"] = len(activities)
        record["periodsOfWork"] = sum(a.get("duration") or 1 for a in activities)
        code, _, err, _ = run([flexplan, "import", path, "-o", os.path.join(work, "strict.json")], 600)
        unsupported = re.search(r"unsupported hard constraints: (.*?);", err or "")
        record["unsupported"] = unsupported.group(1) if unsupported else None

        # fet-cl
        if fetcl:
            fet = fetcl_solve(fetcl, path, os.path.join(work, "fet-cl"), limit, limit + 120)
            record["fetSolved"] = fet["solved"]
            record["fetSeconds"] = round(fet["seconds"], 2)
            if fet["timetable"]:
                record.update({"fet" + k[0].upper() + k[1:]: v
                               for k, v in check(flexplan, relaxed, fet["timetable"]).items()})
        # FlexPlan, on files it imports as they are
        if record["unsupported"] is None:
            plan = os.path.join(work, "plan.json")
            code, out, err, seconds = run([flexplan, "solve", path, "--time-limit", "%g" % limit,
                                           "--format", "json", "-o", plan, "--verbose"], limit + 120)
            data = last_json(out) if out else None
            record["flexplanSeconds"] = round(seconds, 2)
            first = timetabling.parse_solve_log(err or "").get("firstPlanSeconds")
            record["flexplanFirstPlanSeconds"] = first
            record["flexplanStatus"] = data.get("status") if data else "error: " + " ".join(
                (err or "").strip().split())[-200:]
            record["flexplanSolved"] = bool(data and data.get("plan"))
            if data:
                record.update(objective=data.get("objective"), bound=data.get("bound"), gap=data.get("gap"))
            if record["flexplanSolved"]:
                record.update({"flexplan" + k[0].upper() + k[1:]: v
                               for k, v in check(flexplan, path, plan).items()})
                if fetcl:
                    # FET the judge: the plan locked into the original must be accepted.
                    import fetverify  # (fetverify imports this module)
                    record.update(fetverify.fet_accepts(flexplan, fetcl, path, plan, work, limit))
        log("fet: %s: fet-cl %s in %s s; flexplan %s in %s s" % (
            example, record.get("fetSolved"), record.get("fetSeconds"),
            record.get("flexplanStatus", "not run (unsupported)"), record.get("flexplanSeconds")))
    return records


fmt = timetabling._fmt  # the ladder's cell format (yes/NO, thousands, fixed digits)


def table(records):
    head = ["example", "activities", "periods of work", "fet-cl solved", "fet-cl s",
            "FlexPlan", "FlexPlan first plan s", "FlexPlan s", "hard (fet-cl / FlexPlan)", "soft (fet-cl / FlexPlan)",
            "bound", "gap", "fet-cl accepts FlexPlan's plan"]
    rows = []
    for r in records:
        if r.get("error"):
            rows.append([r["example"]] + ["-"] * 4 + [r["error"][:60]] + ["-"] * 7)
            continue
        if r.get("unsupported"):
            flex = "unsupported: " + r["unsupported"].split(",")[0].replace("Constraint", "")
        else:
            flex = r.get("flexplanStatus", "-")
        rows.append([
            r["example"], fmt(r.get("activities")), fmt(r.get("periodsOfWork")),
            fmt(r.get("fetSolved")), fmt(r.get("fetSeconds")), flex, fmt(r.get("flexplanFirstPlanSeconds")),
            fmt(r.get("flexplanSeconds")),
            "%s / %s" % (fmt(r.get("fetHardViolations")), fmt(r.get("flexplanHardViolations"))),
            "%s / %s" % (fmt(r.get("fetSoftScore")), fmt(r.get("flexplanSoftScore"))),
            fmt(r.get("bound")), fmt(r.get("gap")),
            "export failed" if r.get("exportError") else fmt(r.get("lockedAccepted"))])
    return head, rows


def summary(records):
    """The issue's goal, measured: the examples fet-cl solved, whether FlexPlan did too, and
    the median time ratio over those both solved."""
    both = [r for r in records if r.get("fetSolved") and r.get("flexplanSolved")
            and r.get("flexplanHardViolations") == 0]
    fet_solved = [r for r in records if r.get("fetSolved")]
    ratios = sorted((r.get("flexplanFirstPlanSeconds") or r["flexplanSeconds"]) / max(0.01, r["fetSeconds"])
                    for r in both)
    median = ratios[len(ratios) // 2] if ratios else None
    lines = ["fet-cl solved %d of %d examples; FlexPlan solved %d of those with 0 hard violations "
             "(%d not supported)." % (len(fet_solved), len(records), len(both),
                                      sum(1 for r in fet_solved if r.get("unsupported")))]
    if median is not None:
        lines.append("Median FlexPlan/fet-cl time ratio over the %d both solved: %.2f (FlexPlan's "
                     "seconds to its first verified plan; fet-cl stops at its first timetable)."
                     % (len(both), median))
    scored = [r for r in both if r.get("fetSoftScore") is not None and r.get("flexplanSoftScore") is not None]
    if scored:
        lines.append("FlexPlan's soft score at the limit no worse than fet-cl's on %d of %d both solved."
                     % (sum(1 for r in scored if r["flexplanSoftScore"] <= r["fetSoftScore"] + 1e-6), len(scored)))
    only = [r["example"] for r in records if r.get("flexplanSolved") and not r.get("fetSolved")
            and r.get("flexplanHardViolations") == 0]
    lines.append("FlexPlan solved %d that fet-cl did not%s." % (len(only), (": " + ", ".join(only)) if only else ""))
    plans = [r for r in records if r.get("flexplanSolved")]
    if plans and any("lockedAccepted" in r or "exportError" in r for r in plans):
        lines.append("fet-cl accepts %d of FlexPlan's %d plans locked into the original files."
                     % (sum(1 for r in plans if r.get("lockedAccepted")), len(plans)))
    disagreements = [r["example"] for r in records if r.get("fetHardViolations")]
    if disagreements:
        lines.append("FlexPlan's checker finds hard violations in fet-cl's timetables of: %s "
                     "(a disagreement to resolve)." % ", ".join(disagreements))
    return lines
