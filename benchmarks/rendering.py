"""What a run shows: numbers as text (`fmt`), the ratios against the peers, the results table
as text or Markdown, the ratio lines, the SVG chart (benchmarks/chart.svg) and the results
section of benchmarks/README.md."""

import math

import timetabling
from paths import README
from suite import order, solver_order


def fmt(value, digits=2):
    if value is None:
        return "-"
    if isinstance(value, float):
        if value != value:
            return "-"
        if digits == 2 and abs(value - round(value)) < 1e-6 * max(1.0, abs(value)):
            value = float(round(value))
        if abs(value) >= 1e5 or (value == int(value) and digits != 3):
            return "%.0f" % value if abs(value) < 1e12 else "%.3g" % value
        return ("%." + str(digits) + "f") % value
    return str(value)


def ratios(records):
    by = {(r["entry"], r["solver"]): r for r in records}
    out = []
    for entry in sorted(set(r["entry"] for r in records), key=order):
        own = by.get((entry, "flexplan"))
        if not own or own.get("seconds") is None:
            continue
        for peer in ("glpsol", "cbc", "highs", "pulp"):
            p = by.get((entry, peer))
            if p and p.get("seconds"):
                out.append({"entry": entry, "peer": peer, "flexplan": own["seconds"],
                            "timetabling": "school" in own,
                            "peerSeconds": p["seconds"], "ratio": own["seconds"] / p["seconds"],
                            "nodes": own.get("nodes"), "iterations": own.get("iterations"),
                            "peerNodes": p.get("nodes"), "peerIterations": p.get("iterations")})
    return out


def table(records):
    head = ["entry", "solver", "status", "objective", "bound", "gap", "seconds", "runs",
            "peak MB", "nodes", "iterations"]
    rows = []
    for r in sorted(records, key=lambda r: (order(r["entry"]), solver_order(r["solver"]))):
        if r["kind"] in TIMETABLING_KINDS:
            continue
        runs = "/".join(fmt(s, 2) for s in r.get("secondsRuns", []))
        status = r.get("status")
        if r["kind"] == "build" and status == "built":
            status = "built %s nz" % fmt(r.get("nonzeros"))
        rows.append([r["entry"], r["solver"], status, fmt(r.get("objective")),
                     fmt(r.get("bound")), fmt(r.get("gap"), 4), fmt(r.get("seconds"), 3), runs,
                     fmt(r.get("peakMemoryMB"), 0), fmt(r.get("nodes")), fmt(r.get("iterations"))])
    return head, rows


TIMETABLING_KINDS = ("school", "formulation")   # shown in their own tables


def of_kind(records, kind):
    return sorted([r for r in records if r["kind"] == kind], key=lambda r: order(r["entry"]))


def render_text(head, rows):
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)]
    line = lambda cells: "  ".join(str(c).ljust(w) for c, w in zip(cells, widths)).rstrip()
    return "\n".join([line(head), line(["-" * w for w in widths])] + [line(r) for r in rows])


def render_markdown(head, rows):
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def ratio_lines(rs, markdown=False):
    goals = {"glpsol": "goal <= 1.05", "pulp": "goal: FlexPlan >= 10x faster"}
    lines = []
    for r in rs:
        if r["peer"] == "pulp":
            text = "%s: PuLP %.3f s / FlexPlan %.3f s = FlexPlan %.1fx faster (%s: %s)" % (
                r["entry"], r["peerSeconds"], r["flexplan"], 1 / r["ratio"], goals["pulp"],
                "met" if 1 / r["ratio"] >= 10 else "NOT met")
        else:
            text = "%s: FlexPlan %.3f s / %s %.3f s = %.3f" % (
                r["entry"], r["flexplan"], r["peer"], r["peerSeconds"], r["ratio"])
            if r["peer"] in goals and not r.get("timetabling"):
                text += " (%s: %s" % (goals[r["peer"]], "met" if r["ratio"] <= 1.05 else "NOT met")
                same = (r["nodes"], r["iterations"]) == (r["peerNodes"], r["peerIterations"])
                text += "; %s search: %s/%s nodes, %s/%s iterations)" % (
                    "same" if same else "different", r["nodes"], r["peerNodes"],
                    r["iterations"], r["peerIterations"])
        lines.append(("- " if markdown else "  ") + text)
    for peer in ("glpsol", "cbc", "highs"):
        mine = [r["ratio"] for r in rs if r["peer"] == peer]
        if len(mine) > 1:
            mean = math.exp(sum(math.log(x) for x in mine) / len(mine))
            lines.append(("- " if markdown else "  ") + "geometric mean of FlexPlan/%s over %d MIPs: %.3f" % (
                peer, len(mine), mean))
    return lines


COLORS = {"flexplan": "#1f77b4", "glpsol": "#7f7f7f", "cbc": "#ff7f0e", "highs": "#2ca02c",
          "pulp": "#d62728"}


def chart_svg(records, info):
    """A horizontal bar chart, one group per entry, one bar per solver; log-scale seconds."""
    # a school's seconds are its time limit: they are left out
    recs = [r for r in records if r.get("seconds") and r["kind"] != "school"]
    if not recs:
        return None
    entries = sorted(set(r["entry"] for r in recs), key=order)
    solvers = sorted(set(r["solver"] for r in recs), key=solver_order)
    lo = 10 ** math.floor(math.log10(min(r["seconds"] for r in recs)))
    hi = 10 ** math.ceil(math.log10(max(r["seconds"] for r in recs)))
    left, width, bar, gap = 130, 560, 14, 12
    groups = [(e, [r for r in sorted(recs, key=lambda r: solver_order(r["solver"]))
                   if r["entry"] == e]) for e in entries]
    height = 70 + sum(len(g) * bar + gap for _, g in groups) + 60
    x = lambda s: left + width * (math.log10(s) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))
    svg = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'font-family="sans-serif" font-size="11">' % (left + width + 90, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="10" y="20" font-size="14" font-weight="bold">FlexPlan benchmarks: '
           'median wall-clock seconds per entry and solver (log scale)</text>',
           '<text x="10" y="38" fill="#555">commit %s, %s cores, %s</text>' % (
               (info["commit"] or "?")[:10], info["cores"], info["time"][:16])]
    y = 55
    grid_at = len(svg)
    for e, rs in groups:
        svg.append('<text x="%d" y="%d" text-anchor="end" font-weight="bold">%s</text>' % (
            left - 8, y + len(rs) * bar / 2 + 4, e))
        for r in rs:
            w = max(1.0, x(r["seconds"]) - left)
            svg.append('<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"><title>%s %s: '
                       '%.3f s</title></rect>' % (left, y, w, bar - 2, COLORS.get(r["solver"], "#999"),
                                                  e, r["solver"], r["seconds"]))
            svg.append('<text x="%.1f" y="%d">%s %.3g s</text>' % (left + w + 4, y + bar - 4,
                                                                 r["solver"], r["seconds"]))
            y += bar
        y += gap
    k, grid = lo, []
    while k <= hi * 1.0001:
        grid.append('<line x1="%.1f" x2="%.1f" y1="50" y2="%d" stroke="#ddd"/>' % (x(k), x(k), y))
        grid.append('<text x="%.1f" y="%d" text-anchor="middle" fill="#555">%g s</text>' % (
            x(k), y + 14, k))
        k *= 10
    svg[grid_at:grid_at] = grid
    lx = 10
    for s in solvers:
        svg.append('<rect x="%d" y="%d" width="10" height="10" fill="%s"/>' % (lx, y + 30, COLORS.get(s, "#999")))
        svg.append('<text x="%d" y="%d">%s</text>' % (lx + 14, y + 39, s))
        lx += 90
    svg.append("</svg>")
    return "\n".join(svg) + "\n"


START, END = "<!-- results:start -->", "<!-- results:end -->"


def repeat_text(records):
    counts = sorted(set(r["repeat"] for r in records), reverse=True)
    if len(counts) == 1:
        return "%d runs per record" % counts[0]
    return "%d runs per record (%s for the timetabling entries, which run to their limits)" % (
        counts[0], "/".join(str(c) for c in counts[1:]))


def update_readme(records, rs, info, command, vers):
    head, rows = table(records)
    block = [START, "",
             "Full run of commit `%s`%s on %s cores (%s), %s; %s, the median shown." % (
                 (info["commit"] or "?")[:10], " (with uncommitted changes to Sources/, Package.swift or benchmarks/)" if info["dirty"] else "",
                 info["cores"], info["system"], info["time"][:16], repeat_text(records)),
             "Reproduce with:", "", "```sh", command, "```", "",
             "Versions: " + "; ".join("%s: %s" % kv for kv in sorted(vers.items())) + ".", "",
             render_markdown(head, rows), ""]
    for kind, title, make in (("school", "The school ladder (`flexplan solve --time-limit T --verbose`, "
                                         "then `flexplan check`):", timetabling.school_table),
                              ("formulation", "Formulation choices (exact MIP, `lpbench formulation`):",
                               timetabling.formulation_table)):
        if of_kind(records, kind):
            block += [title, "", render_markdown(*make(of_kind(records, kind))), ""]
            if any(r.get("statsFrom") for r in of_kind(records, kind)):
                block += ["\\* model size from `lpbench school-stats` (the solver refused the "
                          "school before building its model).", ""]
    block += ["Ratios measured in this run:", ""]
    block += ratio_lines(rs, markdown=True)
    block += ["", "![time per entry and solver](chart.svg)", "", END]
    with open(README) as f:
        text = f.read()
    if START in text and END in text:
        text = text[:text.index(START)] + "\n".join(block) + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + "\n".join(block) + "\n"
    with open(README, "w") as f:
        f.write(text)
