"""Weekly flex assignment: `benchmarks/run flex`.

Schools of 200 → 4,000 students × 40 flex sessions (two flex periods a week, Tuesday and
Thursday), generated here with a fixed seed: sessions of 20 intervention and 20 enrichment
topics with uneven capacities (about 1.1 seats per student in all), three ranked choices per
student drawn with uneven popularity (some sessions are wanted by twice their seats), learner
profiles, and teacher requests for about 12% of students (30% of them hard, priorities 1–3).
Week 2 keeps three quarters of the requests, adds new ones, and one student in six ranks again.

`flexplan flex` runs as a whole process (reading the school, solving, checking, writing the
plan): week 1 from the school's standing requests, week 2 with `--requests` and `--previous`.
The peer is the greedy rule of today's flex tools, run here on the same inputs: hard requests,
then soft requests by priority, then students in a random order each take their highest choice
with a seat, else a session matching their needs, else the homeroom; every week afresh.
"""

import csv
import json
import os
import random
import subprocess
import time

SIZES = [200, 500, 1000, 2000, 4000]
SESSIONS = 40
NEEDS = ["fractions", "ratios", "reading-fluency", "writing", "study-skills", "algebra", "vocabulary",
         "geometry", "comprehension", "organisation"]
INTERESTS = ["robotics", "coding", "debate", "chess", "gardening", "art", "music", "film", "sports", "drama"]


def make_school(students, seed=1):
    """The school (FlexPlan JSON) and week 2's requests (CSV rows)."""
    rng = random.Random(seed * 7919 + students)
    day = lambda i, name, bell: {"id": name[:3].lower(), "name": name, "bellSchedule": bell, "weekday": i}
    periods = [{"id": str(i), "start": "%02d:00" % (7 + i), "minutes": 50} for i in range(1, 4)]
    flex_periods = periods + [{"id": "flex", "start": "11:00", "minutes": 35, "kind": "flex"}]
    names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    grid = {"bellSchedules": [{"id": "regular", "periods": periods}, {"id": "flexday", "periods": flex_periods}],
            "days": [day(i + 1, n, "flexday" if i in (1, 3) else "regular") for i, n in enumerate(names)]}
    topics = [("Intervention: " + t, t) for t in NEEDS * 2] + [("Enrichment: " + t, t) for t in INTERESTS * 2]
    weights = [rng.uniform(0.7, 1.3) for _ in range(SESSIONS)]
    total = 1.1 * students
    capacities = [max(5, round(total * w / sum(weights))) for w in weights]
    teachers = [{"id": "T%03d" % (i + 1)} for i in range(SESSIONS)]
    rooms = [{"id": "R%03d" % (i + 1), "seats": capacities[i]} for i in range(SESSIONS)]
    sessions = [{"id": "F%02d" % (i + 1), "name": topics[i][0], "teacher": teachers[i]["id"],
                 "room": rooms[i]["id"], "capacity": capacities[i], "tags": [topics[i][1]]}
                for i in range(SESSIONS)]
    popularity = [rng.paretovariate(1.5) for _ in range(SESSIONS)]
    people, requests, choices = [], [], []
    hard_count = [0] * SESSIONS
    for n in range(students):
        sid = "S%05d" % (n + 1)
        needs = [rng.choice(NEEDS)] if rng.random() < 0.4 else []
        people.append({"id": sid, "grade": rng.choice(["06", "07", "08"]),
                       "profile": {"needs": needs, "interests": rng.sample(INTERESTS, 2)}})
        ranked = []
        while len(ranked) < 3:
            pick = rng.choices(range(SESSIONS), weights=popularity)[0]
            if pick not in ranked:
                ranked.append(pick)
        choices.append({"student": sid, "sessions": ["F%02d" % (i + 1) for i in ranked]})
        if needs and rng.random() < 0.3:
            target = NEEDS.index(needs[0]) + 10 * rng.randint(0, 1)
            hard = rng.random() < 0.3 and hard_count[target] < capacities[target] // 2
            hard_count[target] += 1 if hard else 0
            requests.append({"teacher": teachers[target]["id"], "student": sid, "session": sessions[target]["id"],
                             "priority": rng.randint(1, 3), "hard": hard})
    school = {"formatVersion": 1, "name": "Flex benchmark %d" % students, "timeGrid": grid,
              "calendar": {"termStart": "2026-09-01", "termEnd": "2026-12-18"},
              "teachers": teachers, "rooms": rooms, "students": people, "activities": [],
              "flex": {"sessions": sessions, "requests": requests, "choices": choices,
                       "catchAll": {"kind": "homeroom"}}}
    rows = [["kind", "student", "session", "rank", "teacher", "priority", "hard", "periods"]]
    week_two_requests = [r for r in requests if rng.random() < 0.75]
    for r in week_two_requests:
        rows.append(["request", r["student"], r["session"], "", r["teacher"], r["priority"],
                     "true" if r["hard"] else "false", ""])
    asked = set(r["student"] for r in week_two_requests)
    for p in people:
        if p["profile"]["needs"] and p["id"] not in asked and rng.random() < 0.05:
            target = NEEDS.index(p["profile"]["needs"][0])
            rows.append(["request", p["id"], sessions[target]["id"], "", teachers[target]["id"],
                         rng.randint(1, 3), "false", ""])
    week_two_choices = []
    for c in choices:
        ranked = c["sessions"] if rng.random() >= 1 / 6 else rng.sample([s["id"] for s in sessions], 3)
        week_two_choices.append({"student": c["student"], "sessions": ranked})
        rows += [["choice", c["student"], s, i + 1, "", "", "", ""] for i, s in enumerate(ranked)]
    return school, rows, week_two_choices


def greedy(school, requests, choices, seed):
    """The flex tools' greedy rule for one flex period: student → session id or None."""
    rng = random.Random(seed)
    capacity = {s["id"]: s["capacity"] for s in school["flex"]["sessions"]}
    tags = {s["id"]: s["tags"] for s in school["flex"]["sessions"]}
    place = {}
    for r in sorted(requests, key=lambda r: (not r["hard"], -r["priority"])):
        if r["student"] not in place and capacity[r["session"]] > 0:
            place[r["student"]] = r["session"]
            capacity[r["session"]] -= 1
    ranked = {c["student"]: c["sessions"] for c in choices}
    order = [p for p in school["students"] if p["id"] not in place]
    rng.shuffle(order)
    for p in order:
        wanted = ranked.get(p["id"], []) + [s for s in capacity if set(tags[s]) & set(p["profile"]["needs"])]
        place[p["id"]] = next((s for s in wanted if capacity[s] > 0), None)
        if place[p["id"]]:
            capacity[place[p["id"]]] -= 1
    return place


def greedy_figures(school, requests, choices, seed, previous=None):
    periods = [greedy(school, requests, choices, seed * 2 + k) for k in range(2)]
    ranked = {c["student"]: c["sessions"] for c in choices}
    slots = [(k, p["id"]) for k in range(2) for p in school["students"]]
    with_choices = [(k, s) for k, s in slots if ranked.get(s)]
    hard = [r for r in requests if r["hard"]]
    figures = {
        "placed": sum(1 for k, s in slots if periods[k][s]) / len(slots),
        "firstChoice": sum(1 for k, s in with_choices if periods[k][s] == ranked[s][0]) / len(with_choices),
        "hardRequestsHonoured": (sum(1 for k in range(2) for r in hard if periods[k][r["student"]] == r["session"])
                                 / max(1, 2 * len(hard))),
    }
    if previous:
        figures["changedFromPrevious"] = sum(1 for k, s in slots if periods[k][s] != previous[k][s]) / len(slots)
    return figures, periods


def _run(cmd):
    started = time.monotonic()
    done = subprocess.run(cmd, capture_output=True, text=True)
    return done, time.monotonic() - started


def measure(build, workdir, log, sizes=SIZES):
    flexplan = os.path.join(build, "flexplan")
    records = []
    for students in sizes:
        school, rows, week_two_choices = make_school(students)
        path = os.path.join(workdir, "flex-%d.json" % students)
        week_two = os.path.join(workdir, "flex-%d-week-2.csv" % students)
        first, second = path.replace(".json", "-w1.json"), path.replace(".json", "-w2.json")
        with open(path, "w") as f:
            json.dump(school, f)
        with open(week_two, "w", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)
        log("flex: %d students × %d sessions" % (students, SESSIONS))
        one, one_seconds = _run([flexplan, "flex", path, "--week", "1", "-o", first, "--format", "json"])
        two, two_seconds = _run([flexplan, "flex", path, "--week", "2", "--requests", week_two,
                                 "--previous", first, "-o", second, "--format", "json"])
        record = {"students": students, "sessions": SESSIONS}
        for name, done, seconds in (("week1", one, one_seconds), ("week2", two, two_seconds)):
            if done.returncode != 0:
                record[name] = {"failed": done.stderr.strip()[-300:]}
            else:
                record[name] = json.loads(done.stdout)
                record[name]["processSeconds"] = seconds
        week_two_requests = [{"student": r[1], "session": r[2], "priority": int(r[5]), "hard": r[6] == "true"}
                             for r in rows[1:] if r[0] == "request"]
        greedy_one, places = greedy_figures(school, school["flex"]["requests"], school["flex"]["choices"], 1)
        greedy_two, _ = greedy_figures(school, week_two_requests, week_two_choices, 2, previous=places)
        record["greedy"] = {"week1": greedy_one, "week2": greedy_two}
        records.append(record)
    return records


def table(records):
    head = ["students × sessions", "week 1 s", "week 2 s", "placed", "first choice", "hard honoured",
            "changed from week 1", "greedy: placed", "greedy: first choice", "greedy: hard", "greedy: changed",
            "integral"]
    pct = lambda v: "-" if v is None else "%.1f%%" % (100 * v)
    rows = []
    for r in records:
        one, two, g = r["week1"], r["week2"], r["greedy"]
        if "failed" in one or "failed" in two:
            rows.append(["{:,} × {}".format(r["students"], r["sessions"]), one.get("failed", "-"),
                         two.get("failed", "-")] + ["-"] * 9)
            continue
        rows.append([
            "{:,} × {}".format(r["students"], r["sessions"]), "%.2f" % one["processSeconds"],
            "%.2f" % two["processSeconds"],
            "%s / %s" % (pct(one["placed"]), pct(two["placed"])),
            "%s / %s" % (pct(one["firstChoice"]), pct(two["firstChoice"])),
            "%s / %s" % (pct(one["hardRequestsHonoured"]), pct(two["hardRequestsHonoured"])),
            pct(two["changedFromPrevious"]),
            "%s / %s" % (pct(g["week1"]["placed"]), pct(g["week2"]["placed"])),
            "%s / %s" % (pct(g["week1"]["firstChoice"]), pct(g["week2"]["firstChoice"])),
            "%s / %s" % (pct(g["week1"]["hardRequestsHonoured"]), pct(g["week2"]["hardRequestsHonoured"])),
            pct(g["week2"]["changedFromPrevious"]),
            "yes" if one["integral"] and two["integral"] else "no"])
    return head, rows
