#!/usr/bin/env python3
"""Kill loop (issue 24): SIGKILL FlexPlan while it writes, then check what is left.

Goal of issue 24: 0 torn, stale or mixed outputs over 100 `kill -9` during writes.

For each command below, three configurations that give different outputs (another seed,
school, week or plan) take turns writing to the same target (a file or a folder). Each
configuration is first run unkilled into a folder of its own: that is its reference (its
outputs are deterministic with --iterations; only the DTSTAMP lines of .ics files vary and are
ignored) and its timing. Then, in turn, the next configuration is started on the target and
killed with SIGKILL at a random moment, half the time a moment after the write began (the
hidden temporary entry appeared beside the target; a random delay within the measured write
time), half the time a random delay over the whole measured run biased toward the end.
After each kill the target must be, modulo DTSTAMP, exactly

  * the last completed run's output ("prev": the killed run had not swapped its output in), or
  * the killed run's reference ("new": it was killed after the swap),

and otherwise it is one of

  * torn:    a file that does not parse, is empty or truncated, or matches no run's file;
  * partial: every file from one run, but files of that run are missing;
  * mixed:   files from two runs;
  * stale:   a complete output of a run older than the last completed one;
  * missing: the target is gone although a completed run had written it.

Hidden entries left beside the target by the killed run (temporary files, the half-built
folder) are counted after the kill, and again after the next completed run, which FlexPlan
says removes them ("leftovers after next run": reported, not a failure of the goal).
Exit 1 when any torn, partial, mixed, stale or missing output was seen (or a reference or
completed run failed), 0 otherwise.

Python 3, standard library only:
    python3 benchmarks/killloop.py --binary .build/release/flexplan [--kills 100] [--seed N]
"""

import argparse
import csv
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(os.path.dirname(HERE), "Examples")

OK = ("prev", "new", "absent")
BAD = ("torn", "partial", "mixed", "stale", "missing")


# ---------------------------------------------------------------------------------------------
# Reading and classifying outputs (no processes; what test_killloop.py tests)


def snapshot(path):
    """The output at `path`: None when absent, else {relative path: bytes} (a file is
    {its name: bytes}); hidden files inside a folder are included."""
    if os.path.isdir(path):
        files = {}
        for root, _, names in os.walk(path):
            for name in names:
                full = os.path.join(root, name)
                with open(full, "rb") as handle:
                    files[os.path.relpath(full, path)] = handle.read()
        return files
    if os.path.exists(path):
        with open(path, "rb") as handle:
            return {os.path.basename(path): handle.read()}
    return None


def normalized(name, data):
    """The bytes compared between runs: .ics files without their DTSTAMP lines (the time the
    calendar was written); every other file as it is."""
    if name.endswith(".ics"):
        return b"".join(line for line in data.splitlines(True) if not line.startswith(b"DTSTAMP:"))
    return data


def normalize(files):
    return None if files is None else {name: normalized(name, data) for name, data in files.items()}


def torn_reason(name, data):
    """Why a file is not a complete file of its kind (None when it is)."""
    if not data:
        return "empty"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "not UTF-8"
    if name.endswith(".json"):
        try:
            value = json.loads(text)
        except ValueError as error:
            return f"JSON does not parse: {error}"
        if not isinstance(value, dict):
            return "JSON is not an object"
    elif name.endswith(".ics"):
        if not text.startswith("BEGIN:VCALENDAR") or not text.rstrip().endswith("END:VCALENDAR"):
            return "not BEGIN:VCALENDAR … END:VCALENDAR"
    elif name.endswith(".html"):
        if not text.rstrip().endswith("</html>"):
            return "does not end with </html>"
    elif name.endswith(".csv"):
        if not text.endswith("\n"):
            return "last line cut"
        rows = list(csv.reader(io.StringIO(text)))
        widths = {len(row) for row in rows}
        if len(widths) != 1:
            return f"rows of {sorted(widths)} columns"
    return None


def classify(files, refs, prev, new):
    """Classifies an output against the references.

    files: snapshot() of the target (None when absent); refs: {config: normalized snapshot of
    that configuration's unkilled run}; prev: the configuration of the last completed run on
    the target (None when none); new: the configuration of the killed run.
    Returns (category, detail), category one of OK or BAD."""
    if files is None:
        return ("absent", "") if prev is None else ("missing", f"gone; run {prev} had written it")
    for name in sorted(files):
        reason = torn_reason(name, files[name])
        if reason:
            return "torn", f"{name}: {reason}"
    current = normalize(files)
    if current == refs[new]:
        return "new", ""
    if prev is not None and current == refs[prev]:
        return "prev", ""
    for config in sorted(refs, key=str):
        if current == refs[config]:
            return "stale", f"the whole output of run {config} (last completed: {prev}, killed: {new})"
    owners = None
    for name in sorted(current):
        mine = {config for config, ref in refs.items() if ref.get(name) == current[name]}
        if not mine:
            return "torn", f"{name}: matches no run's file (truncated or altered)"
        owners = mine if owners is None else owners & mine
    if owners:
        config = sorted(owners, key=str)[0]
        absent = sorted(set(refs[config]) - set(current))
        return "partial", f"files of run {config} only, {len(absent)} missing (e.g. {', '.join(absent[:3])})"
    origins = {}
    for name in sorted(current):
        mine = tuple(sorted((c for c, ref in refs.items() if ref.get(name) == current[name]), key=str))
        origins.setdefault(mine, []).append(name)
    parts = "; ".join(f"{len(names)} of run {'/'.join(map(str, k))} (e.g. {names[0]})" for k, names in origins.items())
    return "mixed", parts


def leftovers(parent, target_name):
    """Entries in `parent` other than the target: temporary files (.NAME.UUID.tmp) and
    half-built or set-aside folders (.NAME.flexplan-new-…, -old-…)."""
    try:
        return sorted(name for name in os.listdir(parent) if name != target_name)
    except FileNotFoundError:
        return []


def share(total, weights):
    """`total` split in proportion to `weights` (largest remainders), each at least 1 when
    total allows."""
    whole = sum(weights.values())
    exact = {name: total * weight / whole for name, weight in weights.items()}
    counts = {name: int(value) for name, value in exact.items()}
    for name in sorted(exact, key=lambda n: exact[n] - counts[n], reverse=True)[: total - sum(counts.values())]:
        counts[name] += 1
    return counts


COLUMNS = ("kills", "missed", "before", "during", "after", "prev", "new", *BAD, "left", "left next")


def table(rows):
    """The result table (rows: {command: {column: count}}), with a total line."""
    total = {column: sum(row.get(column, 0) for row in rows.values()) for column in COLUMNS}
    lines = []
    width = max([len("command"), len("total")] + [len(name) for name in rows])
    lines.append("command".ljust(width) + "".join(f"{c:>10}" for c in COLUMNS))
    for name, row in list(rows.items()) + [("total", total)]:
        lines.append(name.ljust(width) + "".join(f"{row.get(c, 0):>10}" for c in COLUMNS))
    return "\n".join(lines), total


def failed(total):
    return any(total.get(category, 0) for category in BAD)


# ---------------------------------------------------------------------------------------------
# The commands


class Scenario:
    """One command: its target (a file or a folder, named `target`), three configurations
    (each a function of the target path giving the argument list after the binary) and the
    share of the kills it gets."""

    def __init__(self, name, target, configs, weight, needs_plans=False):
        self.name, self.target, self.configs, self.weight = name, target, configs, weight
        self.needs_plans = needs_plans


def scenarios(examples, plans):
    primary = os.path.join(examples, "primary-school")
    middle = os.path.join(examples, "middle-school")

    def solve(school, iterations, seed, flag):
        return lambda target: ["solve", school, "--iterations", str(iterations), "--seed", str(seed), flag, target]

    def export(to, plan):
        return lambda target: ["export", plans[plan], "--to", to, "-o", target]

    def flex(week, flag):
        return lambda target: ["flex", middle, "--week", str(week), flag, target]

    return [
        Scenario("solve -o", "plan.json", {f"primary seed {s}": solve(primary, 5, s, "-o") for s in (1, 2, 3)}, 20),
        Scenario(
            "solve --out",
            "out",
            {
                "primary seed 1": solve(primary, 5, 1, "--out"),
                "primary seed 2": solve(primary, 5, 2, "--out"),
                "middle it 12": solve(middle, 12, 1, "--out"),
            },
            25,
        ),
        Scenario("export --to ics", "ics", {p: export("ics", p) for p in ("middle", "primary1", "primary2")}, 20, True),
        Scenario("export --to html", "html", {p: export("html", p) for p in ("middle", "primary1", "primary2")}, 10, True),
        Scenario("flex --out", "out", {f"week {w}": flex(w, "--out") for w in (1, 2, 3)}, 15),
        Scenario("flex -o", "flex.json", {f"week {w}": flex(w, "-o") for w in (1, 2, 3)}, 10),
    ]


def make_plans(binary, examples, folder):
    """The plans the export commands read (solved once, unkilled)."""
    os.makedirs(folder, exist_ok=True)
    recipes = {
        "middle": (os.path.join(examples, "middle-school"), 12, 1),
        "primary1": (os.path.join(examples, "primary-school"), 5, 1),
        "primary2": (os.path.join(examples, "primary-school"), 5, 2),
    }
    plans = {}
    for name, (school, iterations, seed) in recipes.items():
        path = os.path.join(folder, name + ".json")
        argv = [binary, "solve", school, "--iterations", str(iterations), "--seed", str(seed), "-o", path]
        done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            raise SystemExit(f"killloop: {' '.join(argv)} exited {done.returncode}: {done.stderr.strip()}")
        plans[name] = path
    return plans


# ---------------------------------------------------------------------------------------------
# Running and killing


def run_watched(argv, parent, target_name, kill=None):
    """Runs argv; polls `parent` for a hidden entry (the write began). `kill` is None (run to
    the end) or ("timed", seconds after the start) or ("triggered", seconds after the write
    began). Returns (return code, seconds, seconds when the write was first seen or None,
    whether SIGKILL was sent)."""
    start = time.monotonic()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    seen = None
    deadline = None
    if kill and kill[0] == "timed":
        deadline = start + kill[1]
    sent = False
    while process.poll() is None:
        now = time.monotonic()
        if seen is None and leftovers(parent, target_name):
            seen = now - start
            if kill and kill[0] == "triggered":
                deadline = now + kill[1]
        if deadline is not None and now >= deadline:
            try:
                os.kill(process.pid, signal.SIGKILL)
                sent = True
            except ProcessLookupError:
                pass
            break
        time.sleep(0.0005)
    process.wait()
    stderr = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    return process.returncode, time.monotonic() - start, seen, sent and process.returncode == -signal.SIGKILL, stderr


class Failure(Exception):
    pass


def run_scenario(scenario, binary, kills, rng, work, log, note=lambda line: None):
    folder = os.path.join(work, scenario.name.replace(" ", "").replace("-", "_"))
    os.makedirs(folder)
    refs, timing = {}, {}
    for index, (config, argv_of) in enumerate(scenario.configs.items()):
        parent = os.path.join(folder, f"ref{index}")
        os.makedirs(parent)
        # One unkilled run: the reference and the timing. (Every completed run of the loop is
        # checked against it again, so a configuration whose output varied would stop the loop.)
        target = os.path.join(parent, scenario.target)
        code, seconds, seen, _, stderr = run_watched([binary] + argv_of(target), parent, scenario.target)
        if code != 0:
            raise Failure(f"{scenario.name} {config}: the unkilled run exited {code}: {stderr.strip()}")
        left = leftovers(parent, scenario.target)
        if left:
            raise Failure(f"{scenario.name} {config}: an unkilled run left {left}")
        refs[config] = normalize(snapshot(target))
        timing[config] = (seconds, seconds - seen if seen is not None else 0.005)
        log(f"  reference {config}: {len(refs[config])} files, {seconds:.2f} s, write ≈ {timing[config][1]:.3f} s")
    configs = list(scenario.configs)
    for i, a in enumerate(configs):
        for b in configs[i + 1:]:
            if refs[a] == refs[b]:
                raise Failure(f"{scenario.name}: {a} and {b} give the same output; the loop could not tell them apart")

    parent = os.path.join(folder, "loop")
    os.makedirs(parent)
    target = os.path.join(parent, scenario.target)
    row = {column: 0 for column in COLUMNS}
    findings = []

    def completed(config):
        code, _, _, _, stderr = run_watched([binary] + scenario.configs[config](target), parent, scenario.target)
        if code != 0:
            raise Failure(f"{scenario.name} {config}: a completed run exited {code}: {stderr.strip()}")
        category, detail = classify(snapshot(target), refs, None, config)
        if category != "new":
            raise Failure(f"{scenario.name} {config}: a completed run left {category} output: {detail}")
        return leftovers(parent, scenario.target)

    last = configs[0]
    completed(last)
    attempts = 0
    while row["kills"] < kills:
        attempts += 1
        if attempts > 6 * kills + 10:
            raise Failure(f"{scenario.name}: only {row['kills']} of {kills} kills landed in {attempts} attempts")
        config = configs[(configs.index(last) + 1) % len(configs)]
        seconds, write = timing[config]
        if rng.random() < 0.5:
            # A single file exists as a temporary for a few milliseconds (write, fsync,
            # rename): the delays lean toward 0 so that some kills land before the rename.
            u = rng.random()
            kill = ("triggered", write * 1.2 * (u**3 if scenario.target.endswith(".json") else u))
        else:
            kill = ("timed", seconds * 1.05 * max(rng.random(), rng.random()))
        argv = [binary] + scenario.configs[config](target)
        code, _, seen, killed, stderr = run_watched(argv, parent, scenario.target, kill)
        if not killed:
            row["missed"] += 1
            note(f"    {config}: {kill[0]} {kill[1]:.3f} s: finished first (write seen at {seen})")
            if code != 0:
                raise Failure(f"{scenario.name} {config}: exited {code} before the kill: {stderr.strip()}")
            category, detail = classify(snapshot(target), refs, None, config)
            if category != "new":
                raise Failure(f"{scenario.name} {config}: a completed run left {category} output: {detail}")
            left = leftovers(parent, scenario.target)
            if left:
                row["left next"] += 1
                findings.append(f"{scenario.name}: left after a completed run: {left}")
                clear(parent, scenario.target)
            last = config
            continue
        row["kills"] += 1
        files = snapshot(target)
        category, detail_text = classify(files, refs, last, config)
        left = leftovers(parent, scenario.target)
        note(f"    {config}: {kill[0]} {kill[1]:.3f} s: killed; {category} {detail_text}; left {left}")
        row[category if category != "absent" else "prev"] += 1
        row["during" if left else ("after" if category == "new" else "before")] += 1
        if category in BAD:
            keep = os.path.join(folder, f"bad-{row['kills']}")
            shutil.copytree(parent, keep, symlinks=True)
            findings.append(
                f"{scenario.name}: {category}: {detail_text}\n    killed run: {' '.join(argv)} ({kill[0]} "
                f"{kill[1]:.3f} s)\n    last completed: {last}; the folder as left is kept in {keep}"
            )
        if left:
            row["left"] += 1
        if category == "new":
            last = config
        if left or category in BAD:
            # The next completed run: a configuration other than the last, the fastest.
            others = [c for c in configs if c != last]
            nxt = min(others, key=lambda c: timing[c][0])
            after = completed(nxt)
            last = nxt
            if after:
                row["left next"] += 1
                findings.append(f"{scenario.name}: after a kill left {left}, the next completed run ({nxt}) left {after}")
                clear(parent, scenario.target)
    return row, findings


def clear(parent, target_name):
    for name in leftovers(parent, target_name):
        path = os.path.join(parent, name)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            os.remove(path)


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="killloop.py",
        description="SIGKILL FlexPlan during writes and count torn, partial, mixed, stale and missing "
        "outputs (issue 24). Exit 1 when any is found.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="columns: kills (SIGKILL delivered to a live process); missed: runs that ended before their "
        "planned kill (checked as completed runs, not counted as kills); before/during/after: where the kill "
        "landed (during = a hidden temporary entry was left beside the target); prev/new: the target held the "
        "last completed run's or the killed run's whole output (or nothing, before any run: counted as prev); "
        "torn/partial/mixed/stale/missing: failures (see the module's description); left: kills that left "
        "hidden entries; left next: of those, entries still there after the next completed run.",
    )
    parser.add_argument("--binary", help="the flexplan executable (required but with --list)")
    parser.add_argument("--kills", type=int, default=100, help="kills in all, shared among the commands (default 100)")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the kill moments (default 1)")
    parser.add_argument("--only", action="append", default=[], help="only this command (e.g. 'solve -o'; repeatable)")
    parser.add_argument("--examples", default=EXAMPLES, help="the Examples folder (default: the repository's)")
    parser.add_argument("--work", help="work folder (default: a new temporary folder, removed unless failures)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--verbose", action="store_true", help="a line per kill")
    parser.add_argument("--list", action="store_true", help="list the commands and their configurations")
    args = parser.parse_args(argv)

    binary = os.path.abspath(args.binary or "")
    examples = os.path.abspath(args.examples)
    chosen = scenarios(examples, {p: f"<{p} plan>" for p in ("middle", "primary1", "primary2")})
    if args.list:
        for scenario in chosen:
            print(f"{scenario.name} (weight {scenario.weight}):")
            for config, argv_of in scenario.configs.items():
                print(f"  {config}: flexplan {' '.join(argv_of(scenario.target))}")
        return 0
    if args.only:
        unknown = set(args.only) - {s.name for s in chosen}
        if unknown:
            parser.error(f"unknown command {sorted(unknown)}; see --list")
    if not args.binary:
        parser.error("--binary is required")
    if not os.path.isfile(binary) or not os.access(binary, os.X_OK):
        parser.error(f"{binary} is not an executable")
    work = os.path.abspath(args.work) if args.work else tempfile.mkdtemp(prefix="flexplan-killloop-")
    os.makedirs(work, exist_ok=True)
    rng = random.Random(args.seed)

    def log(line):
        print(line, flush=True)

    started = time.monotonic()
    selected = [s for s in chosen if not args.only or s.name in args.only]
    counts = share(args.kills, {s.name: s.weight for s in selected})
    plans = None
    if any(s.needs_plans for s in selected):
        plans = make_plans(binary, examples, os.path.join(work, "plans"))
    selected = [s for s in scenarios(examples, plans or {}) if s.name in counts]
    rows, findings, broken = {}, [], []
    for scenario in selected:
        log(f"{scenario.name}: {counts[scenario.name]} kills")
        try:
            rows[scenario.name], found = run_scenario(
                scenario, binary, counts[scenario.name], rng, work, log, log if args.verbose else (lambda line: None))
            findings += found
        except Failure as error:
            broken.append(str(error))
            log(f"  error: {error}")
    text, total = table(rows)
    print()
    print(text)
    print(f"\n{total['kills']} kills in {time.monotonic() - started:.0f} s (seed {args.seed}); work folder {work}")
    for finding in findings:
        print("- " + finding)
    for error in broken:
        print("error: " + error)
    bad = failed(total) or bool(broken)
    if not bad and not args.keep and not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
