"""Build the large generalized-assignment model of `lpbench build` in PuLP; print JSON
{seconds, variables, constraints, nonzeros}. Usage: python pulp_build.py [AGENTS JOBS]

The coefficients are the formulas of benchmarks/Sources/lpbench/main.swift, so both models are
the same. Expressions are built with LpAffineExpression from (variable, coefficient) pairs,
PuLP's fastest documented way (faster than lpSum over products). Imports are not timed."""
import json, sys, time
import pulp

agents = int(sys.argv[1]) if len(sys.argv) > 1 else 100
jobs = int(sys.argv[2]) if len(sys.argv) > 2 else 5000


def weight(i, j):
    return 5 + (i * 7919 + j * 104729) % 21


def cost(i, j):
    return 10 + (i * 31 + j * 17) % 41


start = time.perf_counter()
prob = pulp.LpProblem("gap_%dx%d" % (agents, jobs), pulp.LpMinimize)
x = [[pulp.LpVariable("x_%d_%d" % (i, j), cat="Binary") for j in range(jobs)] for i in range(agents)]
for j in range(jobs):
    prob += pulp.LpAffineExpression([(x[i][j], 1) for i in range(agents)]) == 1, "job_%d" % j
for i in range(agents):
    total = sum(weight(i, j) for j in range(jobs))
    load = pulp.LpAffineExpression([(x[i][j], weight(i, j)) for j in range(jobs)])
    prob += load <= int(0.8 * total / agents), "capacity_%d" % i
prob += pulp.LpAffineExpression([(x[i][j], cost(i, j)) for i in range(agents) for j in range(jobs)])
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "variables": agents * jobs,
                  "constraints": len(prob.constraints),
                  "nonzeros": sum(len(c) for c in prob.constraints.values()),
                  "version": pulp.__version__}))
