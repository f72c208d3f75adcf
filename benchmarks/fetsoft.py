#!/usr/bin/env python3
"""FET's soft score against FlexPlan's, on one real file (issue 25: soft rules read with FET's
meaning).

    benchmarks/fetsoft.py FILE.fet [--keep TYPE ...] [--add XML] [--time-limit S]
        [--flexplan PATH] [--work DIR]

Writes a copy of FILE with every soft constraint (weight below 100%) switched off except those
of the types `--keep` names, with the constraints of `--add` (FET XML, one or more elements)
added to the time or space constraints, as their names say; has fet-cl solve the copy
(`timeout`-wrapped); then `flexplan check COPY TIMETABLE --ignore-unsupported` scores fet-cl's
timetable. FET reports "Total soft conflicts: X" with each broken instance costing weight/100;
FlexPlan weighs an imported soft rule by its percentage, so the two agree when FlexPlan's soft
score is 100 × X. Prints both and the per-rule break-down; exit 0 when they agree (to 1e-6
relative), 1 when not, 2 when fet-cl made no timetable.
"""

import argparse
import os
import re
import shutil
import sys

import fetpeer

CONSTRAINT = re.compile(r"<(Constraint\w+)>(.*?)</\1>", re.S)
WEIGHT = re.compile(r"<Weight_Percentage>\s*([^<]*?)\s*</Weight_Percentage>")
ACTIVE = re.compile(r"<Active>\s*[^<]*?\s*</Active>")
TOTAL = re.compile(r"Total soft conflicts:\s*([0-9.eE+-]+)")
SPACE_WORDS = ("Room", "Building")


def keep_soft(text, keep):
    """`text` with every constraint below 100% whose type is not in `keep` made inactive."""
    def edit(match):
        name, body = match.group(1), match.group(2)
        weight = WEIGHT.search(body)
        if weight and float(weight.group(1)) < 100 and name not in keep:
            body = ACTIVE.sub("<Active>false</Active>", body) if ACTIVE.search(body) else (
                body + "<Active>false</Active>")
        return "<%s>%s</%s>" % (name, body, name)
    return CONSTRAINT.sub(edit, text)


def add_constraints(text, xml):
    """`text` with the constraints in `xml` appended to the space constraints when their type
    is about rooms or buildings, else to the time constraints."""
    for match in CONSTRAINT.finditer(xml or ""):
        space = any(word in match.group(1) for word in SPACE_WORDS)
        closing = "</Space_Constraints_List>" if space else "</Time_Constraints_List>"
        text = text.replace(closing, match.group(0) + "\n" + closing, 1)
    return text


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("file")
    p.add_argument("--keep", nargs="*", default=[], help="soft constraint types to keep active")
    p.add_argument("--add", help="FET constraints (XML) to add")
    p.add_argument("--time-limit", type=int, default=60, help="fet-cl's limit in seconds (default 60)")
    p.add_argument("--flexplan", default=".build/debug/flexplan")
    p.add_argument("--work", default="/tmp/fetsoft", help="work folder (default /tmp/fetsoft)")
    args = p.parse_args(argv)
    os.makedirs(args.work, exist_ok=True)
    copy = os.path.join(args.work, "soft.fet")
    with open(args.file, encoding="utf-8") as f:
        text = add_constraints(keep_soft(f.read(), set(args.keep)), args.add)
    with open(copy, "w", encoding="utf-8") as f:
        f.write(text)
    out = os.path.join(args.work, "out")
    fet = fetpeer.fetcl_solve(shutil.which("fet-cl") or "fet-cl", copy, out, args.time_limit,
                              args.time_limit * 2 + 30)
    if not fet["timetable"]:
        print("fet-cl made no timetable: %s" % fet["result"])
        return 2
    conflicts = os.path.join(out, "timetables", "soft", "soft_soft_conflicts.txt")
    total = float(TOTAL.search(open(conflicts, encoding="utf-8", errors="replace").read()).group(1))
    code, output, err, _ = fetpeer.run(
        [args.flexplan, "check", copy, fet["timetable"], "--ignore-unsupported"], 300)
    score = re.search(r"soft score\s+([0-9.]+)", output + err)
    flexplan = float(score.group(1)) if score else None
    print("FET: total soft conflicts %g (x100 = %g)" % (total, total * 100))
    print("FlexPlan: soft score %s" % ("-" if flexplan is None else "%g" % flexplan))
    for line in (output + err).splitlines():
        if line.startswith("  ") or line.startswith("hard violations"):
            print("  " + line.strip())
    agree = flexplan is not None and abs(flexplan - 100 * total) <= 1e-6 * max(1, abs(flexplan))
    print("agree" if agree else "DISAGREE")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
