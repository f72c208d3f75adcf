teachers = ["ada", "ben", "cleo", "dev", "eli"]
days = ["mon", "tue", "wed", "thu", "fri"]
duties = ["gate", "lunch", "bus"]
unavailable = {("ada", "wed"), ("ben", "mon"), ("cleo", "fri"), ("dev", "tue"), ("eli", "thu")}
# penalty: teacher's dislike of a duty (0 = happy)
dislike = {"ada": {"gate": 0, "lunch": 2, "bus": 3}, "ben": {"gate": 3, "lunch": 0, "bus": 1},
           "cleo": {"gate": 1, "lunch": 1, "bus": 0}, "dev": {"gate": 2, "lunch": 0, "bus": 2},
           "eli": {"gate": 0, "lunch": 3, "bus": 1}}
x = lambda t, d, k: "x_%s_%s_%s" % (t, d, k)
lines = ["\\ Duty rota: 5 teachers cover 3 duties on each of 5 days.",
         "\\ Every duty covered once, nobody twice a day or on a day off, at most 3 duties a week,",
         "\\ fewest disliked duties. Optimum 2.",
         "Minimize", " dislike: " + " + ".join("%d %s" % (dislike[t][k], x(t, d, k)) for t in teachers for d in days for k in duties if dislike[t][k])]
lines.append("Subject To")
for d in days:
    for k in duties:
        lines.append(" cover_%s_%s: " % (d, k) + " + ".join(x(t, d, k) for t in teachers) + " = 1")
for t in teachers:
    for d in days:
        lines.append(" once_%s_%s: " % (t, d) + " + ".join(x(t, d, k) for k in duties) + (" = 0" if (t, d) in unavailable else " <= 1"))
    lines.append(" load_%s: " % t + " + ".join(x(t, d, k) for d in days for k in duties) + " <= 3")
lines.append("Binary")
lines += [" " + x(t, d, k) for t in teachers for d in days for k in duties]
lines.append("End")
print("\n".join(lines))
