import random, sys
# Multidimensional 0-1 knapsack: maximise profit, ITEMS items, DIMENSIONS capacity rows (half the
# total weight each), correlated profits. Usage: python3 multiknapsack.py ITEMS DIMENSIONS SEED
items, dims, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
w = [[rng.randint(1, 1000) for j in range(items)] for k in range(dims)]
p = [sum(w[k][j] for k in range(dims)) // dims + rng.randint(0, 100) for j in range(items)]
cap = [sum(w[k]) // 2 for k in range(dims)]
out = ["\\ Multidimensional knapsack %d items x %d dimensions, seed %d" % (items, dims, seed), "Maximize",
       " profit: " + " + ".join("%d x_%d" % (p[j], j) for j in range(items)), "Subject To"]
for k in range(dims):
    out.append(" capacity_%d: " % k + " + ".join("%d x_%d" % (w[k][j], j) for j in range(items)) + " <= %d" % cap[k])
out.append("Binary")
out += [" x_%d" % j for j in range(items)]
out.append("End")
print("\n".join(out))
