"""The benchmark suite (SUITE): its entries, the solvers each runs with, the order entries and
solvers are shown in, and the entries chosen by the parts named on the command line (`select`).

`group` names a part (`benchmarks/run build`); every entry can be named on its own. A MIP
entry's model comes from a generator (.lp), is converted to free MPS by FlexPlan (`lpbench
write`), and every solver reads that same MPS file.
"""

SUITE = [
    {"name": "build-1m", "group": "build", "kind": "build", "size": [100, 5000], "limit": 300,
     "about": "build a 500,000-binary, 1,000,000-nonzero generalized-assignment model in memory",
     "solvers": ["flexplan", "pulp"]},
    {"name": "gap-8x40-s1", "group": "mip", "kind": "mip", "limit": 60, "sense": "min",
     "generator": ["assignment.py", "8", "40", "1"],
     "about": "generalized assignment, 8 agents x 40 jobs (320 binaries)"},
    {"name": "gap-10x40-s1", "group": "mip", "kind": "mip", "limit": 60, "sense": "min",
     "generator": ["assignment.py", "10", "40", "1"],
     "about": "generalized assignment, 10 agents x 40 jobs (400 binaries)"},
    {"name": "gap-8x40-s2", "group": "mip", "kind": "mip", "limit": 60, "sense": "min",
     "generator": ["assignment.py", "8", "40", "2"],
     "about": "generalized assignment, 8 agents x 40 jobs (320 binaries), optimum 715"},
    {"name": "mkp-30x6-s1", "group": "mip", "kind": "mip", "limit": 60, "sense": "max",
     "generator": ["multiknapsack.py", "30", "6", "1"],
     "about": "multidimensional knapsack, 30 items x 6 capacity rows (maximize)"},
]


# Timetabling. `school` names a school: a bundled example folder, or one generated at run time
# with the release `flexplan generate` (never committed). Solving a school runs to its time
# limit, so these entries run once by default (`repeat`), shorter under --quick (`quick`), and
# cannot regress on time (`timeToLimit`): only on a worse objective at the same limit, or no
# plan where the baseline had one.

def generated(kind, students, seed=1):
    return {"kind": kind, "students": students, "seed": seed}


def school_entry(name, school, limit, quick, about):
    return {"name": name, "group": "schools", "kind": "school", "school": school, "limit": limit,
            "quick": quick, "repeat": 1, "timeToLimit": True, "sense": "min", "grace": 120,
            "solvers": ["flexplan"], "about": about}


SMALL = generated("primary", 60)    # small enough for GLPK's exact MIP


def formulation_entry(without):
    suffix = "all" if not without else "no-" + without
    return {"name": "form-p60-" + suffix, "group": "formulation", "kind": "formulation",
            "school": SMALL, "without": [without] if without else [], "limit": 60, "quick": 10,
            "repeat": 1, "sense": "min", "grace": 60, "solvers": ["flexplan"],
            "about": "exact MIP of generated primary 60 (lpbench formulation, fpump on), " + (
                "every formulation choice on" if not without else "without " + without)}


SUITE += [
    school_entry("tt-primary-200", generated("primary", 200), 60, 10,
                 "flexplan solve: generated primary school, 200 students, seed 1"),
    school_entry("tt-primary-300", {"example": "primary-school"}, 60, 10,
                 "flexplan solve: the bundled primary school (300 students)"),
    school_entry("tt-middle-600", generated("middle", 600), 60, 10,
                 "flexplan solve: generated middle school, 600 students, 3 teams, seed 1"),
    school_entry("tt-high-1500", generated("high", 1500), 300, 30,
                 "flexplan solve: generated high school, 1,500 students, seed 1"),
    school_entry("tt-high-3000", generated("high", 3000), 300, 30,
                 "flexplan solve: generated high school, 3,000 students, seed 1"),
] + [formulation_entry(w) for w in (None, "clique", "rooms", "symmetry")] + [
    {"name": "ttmip-primary-60", "group": "tt-peers", "kind": "mip", "school": SMALL,
     "limit": 60, "quick": 10, "repeat": 1, "sense": "min", "grace": 60,
     "glpsolOptions": ["--fpump"],
     "about": "the exact timetabling MIP of generated primary 60 as MPS (the model `flexplan "
              "solve --write-model` writes); glpsol with --fpump"},
]
MIP_SOLVERS = ["flexplan", "glpsol", "cbc", "highs"]
OWN = {"flexplan"}          # the solvers whose records are compared with the baseline


def solvers_of(entry):
    return entry.get("solvers", MIP_SOLVERS)


def order(name):
    names = [e["name"] for e in SUITE]
    return names.index(name) if name in names else len(names)


def solver_order(s):
    names = ["flexplan", "glpsol", "cbc", "highs", "pulp"]
    return names.index(s) if s in names else len(names)


def select(parts):
    if not parts or parts == ["all"]:
        return SUITE, True
    chosen = []
    for p in parts:
        hits = [e for e in SUITE if p in (e["name"], e["group"])]
        if not hits:
            raise SystemExit("run: no entry or group named %r (see --list)" % p)
        chosen += [e for e in hits if e not in chosen]
    return chosen, len(chosen) == len(SUITE)
