import random, sys
# Generalized assignment: minimise cost, each job to one agent, agent capacities tight.
agents, jobs, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
w = [[rng.randint(5, 25) for j in range(jobs)] for i in range(agents)]
c = [[rng.randint(10, 50) for j in range(jobs)] for i in range(agents)]
cap = [int(0.8 * sum(w[i]) / agents) for i in range(agents)]
out = ["\\ Generalized assignment %d agents x %d jobs, seed %d" % (agents, jobs, seed), "Minimize", " cost: " + " + ".join("%d x_%d_%d" % (c[i][j], i, j) for i in range(agents) for j in range(jobs)), "Subject To"]
for j in range(jobs):
    out.append(" job_%d: " % j + " + ".join("x_%d_%d" % (i, j) for i in range(agents)) + " = 1")
for i in range(agents):
    out.append(" capacity_%d: " % i + " + ".join("%d x_%d_%d" % (w[i][j], i, j) for j in range(jobs)) + " <= %d" % cap[i])
out.append("Binary")
out += [" x_%d_%d" % (i, j) for i in range(agents) for j in range(jobs)]
out.append("End")
print("\n".join(out))
