"""FET coverage: `benchmarks/run fet-coverage` (issue 25).

Imports every official-mode file of fet-data (FET-5-official and FET-6-official, recursively,
*.fet: 139 files) with FlexPlan, twice per file:

- `flexplan validate FILE`: exit 0 means the file imports with no hard rule dropped (and is a
  valid school); a refusal that says "unsupported hard constraints: ..." means FlexPlan would
  have to drop hard rules; any other refusal (exit 2) is a file refused for another reason (an
  invalid school: the error lines name it);
- `flexplan validate FILE --ignore-unsupported --verbose`: the reader then names what it left
  out, one line per constraint type (SchoolSource.swift, SchoolOptions.swift):
      warning: FILE: FET constraint left out: ConstraintX ×3 (2 hard)     (with --verbose)
      warning: FILE: hard FET constraint left out: ConstraintX ×2 hard    (always)
  "×N" counts the type's active instances left out (weight above 0%), "(H hard)" those at 100%;
  a type with no hard instance has no "(… hard)". Virtual rooms are named "virtual room".

A file "imports with no rule dropped at all" when the first run passes and the second names
nothing left out (no soft rule either). For each type still left out, the number of files where
it is active: hard (an instance at 100%) and soft (an instance below 100%) counted separately.
"""

import re

import fetpeer

# "warning: PATH: FET constraint left out: NAME ×N (H hard)" and its "hard FET constraint" twin;
# PATH may hold ": ", so the pattern anchors on the text after it.
LEFT_OUT = re.compile(r": (hard )?FET constraint left out: (.+?) ×(\d+)(?: \((\d+) hard\)| hard)?\s*$")
UNSUPPORTED_HARD = "unsupported hard constraints:"
ERROR = re.compile(r"^error: (.*)$")


def parse_left_out(text):
    """{type: {"count": N, "hard": H, "soft": N - H}} from the "FET constraint left out" lines of
    `--ignore-unsupported --verbose`. The always-printed "hard FET constraint left out" lines
    fill in the hard count of a type whose verbose line is missing (a run without --verbose)."""
    left = {}
    hard_only = {}
    for line in (text or "").splitlines():
        m = LEFT_OUT.search(line)
        if not m:
            continue
        name, count = m.group(2), int(m.group(3))
        if m.group(1):
            hard_only[name] = count
        else:
            hard = int(m.group(4)) if m.group(4) else 0
            left[name] = {"count": count, "hard": hard, "soft": count - hard}
    for name, hard in hard_only.items():
        if name not in left:
            left[name] = {"count": hard, "hard": hard, "soft": 0}
    return left


def error_lines(text, path=None):
    """The "error: ..." lines of a refusal, without the leading "error: " and the file's path
    ("FILE:LINE: message" becomes "line LINE: message")."""
    errors = []
    for line in (text or "").splitlines():
        m = ERROR.match(line.strip())
        if not m:
            continue
        message = m.group(1)
        if path and message.startswith(path + ":"):
            message = message[len(path) + 1:]
            where = re.match(r"^(\d+):\s*(.*)$", message)
            message = "line %s: %s" % where.groups() if where else message.strip()
        errors.append(message)
    return errors


def import_status(path, code, text):
    """What `flexplan validate FILE` (exit code, stdout + stderr) says of a file read as it is:
    ("imports", []), ("unsupported", []) when it holds unsupported hard constraints, or
    ("refused", error lines) when it is refused for another reason."""
    if code == 0:
        return "imports", []
    if code is not None and UNSUPPORTED_HARD in (text or ""):
        return "unsupported", []
    return "refused", error_lines(text, path) or ["exit %s%s" % (code, "" if code is not None else " (killed)")]


def validate(flexplan, path, relaxed=False):
    """`flexplan validate FILE` (with --ignore-unsupported --verbose when `relaxed`): the exit
    code and stdout + stderr."""
    extra = ["--ignore-unsupported", "--verbose"] if relaxed else []
    code, out, err, _ = fetpeer.run([flexplan, "validate", path] + extra, 300)
    return code, out + err


def classify(path, strict_code, strict_text, relaxed_code, relaxed_text):
    """One file's record from its two `flexplan validate` runs (exit code, stdout + stderr):
    status "clean" (no rule dropped), "soft-dropped" (no hard rule dropped, soft ones left out),
    "hard-dropped" (refused for unsupported hard constraints) or "refused" (for another reason,
    named in `errors`); `leftOut` per type; `relaxedErrors` when the school read without the
    unsupported rules is still refused."""
    left = parse_left_out(relaxed_text)
    record = {"file": path, "leftOut": left}
    status, errors = import_status(path, strict_code, strict_text)
    if status == "imports":
        record["status"] = "soft-dropped" if left else "clean"
    elif status == "unsupported":
        record["status"] = "hard-dropped"
        relaxed, errors = import_status(path, relaxed_code, relaxed_text)
        if relaxed != "imports":
            record["relaxedErrors"] = errors
    else:
        record["status"] = "refused"
        record["errors"] = errors
    return record


def measure(flexplan, files, log):
    """Both validate runs per file; one record per file."""
    records = []
    for path in files:
        record = classify(path, *(validate(flexplan, path) + validate(flexplan, path, relaxed=True)))
        record["file"] = relative(path)
        records.append(record)
        log("fet-coverage: %s: %s" % (record["file"], record["status"]))
    return records


def relative(path):
    """A fet-data path as FET-5-official/…, or as given when it is elsewhere."""
    prefix = fetpeer.FET_DATA.rstrip("/") + "/"
    return path[len(prefix):] if path.startswith(prefix) else path


def summarize(records):
    """The counts and the types still left out, by number of files (hard and soft apart)."""
    status = [r["status"] for r in records]
    types = {}
    for r in records:
        for name, entry in r["leftOut"].items():
            t = types.setdefault(name, {"type": name, "files": 0, "hardFiles": 0, "softFiles": 0})
            t["files"] += 1
            t["hardFiles"] += entry["hard"] > 0
            t["softFiles"] += entry["soft"] > 0
    ranked = sorted(types.values(), key=lambda t: (-t["files"], -t["hardFiles"], t["type"]))
    return {
        "files": len(records),
        "noHardDropped": status.count("clean") + status.count("soft-dropped"),
        "noRuleDropped": status.count("clean"),
        "hardDropped": status.count("hard-dropped"),
        "refused": [{"file": r["file"], "errors": r["errors"]} for r in records if r["status"] == "refused"],
        "invalidWithoutUnsupported": [{"file": r["file"], "errors": r["relaxedErrors"]}
                                      for r in records if r.get("relaxedErrors")],
        "types": ranked,
    }


def percent(part, whole):
    return "%.0f%%" % (100.0 * part / whole) if whole else "-"


def summary_lines(s):
    n = s["files"]
    lines = [
        "%d official-mode files of fet-data." % n,
        "Import with no hard rule dropped (`flexplan validate FILE` passes): %d of %d (%s)."
        % (s["noHardDropped"], n, percent(s["noHardDropped"], n)),
        "Import with no rule dropped at all (no soft rule left out either): %d of %d (%s)."
        % (s["noRuleDropped"], n, percent(s["noRuleDropped"], n)),
        "Refused for unsupported hard constraints: %d." % s["hardDropped"],
        "Refused for other reasons: %d." % len(s["refused"]),
    ]
    for r in s["refused"]:
        lines.append("  %s: %s" % (r["file"], "; ".join(r["errors"])))
    if s["invalidWithoutUnsupported"]:
        lines.append("Of the files refused for unsupported hard constraints, still refused with "
                     "--ignore-unsupported: %d." % len(s["invalidWithoutUnsupported"]))
        for r in s["invalidWithoutUnsupported"]:
            lines.append("  %s: %s" % (r["file"], "; ".join(r["errors"])))
    return lines


def types_table(s, limit=None):
    """Unsupported types with the files where each is active: any, hard, soft."""
    head = ["constraint type left out", "files", "hard in", "soft in"]
    rows = [[t["type"], str(t["files"]), str(t["hardFiles"]), str(t["softFiles"])]
            for t in s["types"][:limit]]
    return head, rows
