extension TimetableChecker {
    /// A placed lesson as the checker sees it.
    struct Placed {
        var activity: Activity
        var day: Int
        var periods: [Int]  // covered period positions
        var room: Room?
    }

    mutating func run() {
        let grid = school.timeGrid
        let activities = school.lessons()
        let byID = Dictionary(activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rooms = Dictionary(school.rooms.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var placed: [Placed] = []
        var seen = Set<String>()
        for placement in placements {
            guard let activity = byID[placement.activity] else {
                flag(
                    "placement.unknownActivity", [placement.activity],
                    "the plan places '\(placement.activity)', which the school does not have")
                continue
            }
            guard seen.insert(activity.id).inserted else {
                flag("placement.duplicate", [activity.id], "activity '\(activity.id)' is placed more than once")
                continue
            }
            guard let day = grid.days.firstIndex(where: { $0.id == placement.day }),
                let first = grid.periods(ofDay: day).firstIndex(where: { $0.id == placement.period })
            else {
                flag(
                    "placement.unknownTime", [activity.id],
                    "activity '\(activity.id)' is placed at \(placement.day) \(placement.period), which is not in the time grid"
                )
                continue
            }
            let periods = grid.periods(ofDay: day)
            let duration = activity.duration ?? 1
            let covered = Array(first..<(first + duration))
            let fits = covered.last! < periods.count && covered.allSatisfy { periods[$0].resolvedKind == .teaching }
            if !fits {
                flag(
                    "placement.fitsDay", [activity.id],
                    "activity '\(activity.id)' (\(duration) periods from \(placement.day) \(placement.period)) leaves the teaching periods of the day or crosses a break"
                )
            }
            var room: Room?
            if let id = placement.room {
                room = rooms[id]
                if room == nil {
                    flag("room.missing", [activity.id, id], "activity '\(activity.id)' is in unknown room '\(id)'")
                }
            } else if !school.rooms.isEmpty && !activity.takesNoRoom {
                flag("room.missing", [activity.id], "activity '\(activity.id)' has no room")
            }
            placed.append(
                Placed(activity: activity, day: day, periods: covered.filter { $0 < periods.count }, room: room))
        }
        for activity in activities where !seen.contains(activity.id) {
            flag("placement.missing", [activity.id], "activity '\(activity.id)' is not placed")
        }
        checkResources(placed)
        checkRooms(placed)
        checkAvailability(placed)
        checkSpread(placed)
        checkRelations(placed)
        checkLimits(placed)
        checkPeopleDayLimits(placed)
        checkTagLimits(placed)
        checkSlotRules(placed)
        checkDayLimits(placed)
        checkRoomRules(placed)
        checkLocked(placed)
        checkTeams(placed)
        scoreTimes(placed)
        scoreSoftDayLimits(placed)
        scoreAvoidedRoomTimes(placed)
    }

    // MARK: Cohorts

    /// The cohorts without sub-cohorts under `id` (itself if it has none).
    func leaves(under id: String) -> [String] {
        let cohorts = school.cohorts ?? []
        let children = Dictionary(grouping: cohorts.filter { $0.parent != nil }, by: { $0.parent! })
        var result: [String] = []
        var stack = [id]
        var visited = Set<String>()
        while let current = stack.popLast() {
            guard visited.insert(current).inserted else { continue }
            if let kids = children[current], !kids.isEmpty {
                stack.append(contentsOf: kids.map(\.id))
            } else {
                result.append(current)
            }
        }
        return result.sorted()
    }

    /// The leaf cohorts whose students a lesson occupies.
    func occupiedLeaves(_ activity: Activity) -> Set<String> {
        Set((activity.cohorts ?? []).flatMap { leaves(under: $0) })
    }

    /// `id` and its parents.
    func ancestry(_ id: String) -> [String] {
        let byID = Dictionary((school.cohorts ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var chain: [String] = []
        var next: String? = id
        while let current = next, !chain.contains(current) {
            chain.append(current)
            next = byID[current]?.parent
        }
        return chain
    }

    // MARK: Hard rules

    mutating func checkResources(_ placed: [Placed]) {
        var teacherAt: [String: [String: [String]]] = [:]  // teacher → "day:period" → activities
        var leafAt: [String: [String: [String]]] = [:]
        var roomAt: [String: [String: [String]]] = [:]
        for lesson in placed {
            for period in lesson.periods {
                let key =
                    "\(school.timeGrid.days[lesson.day].id) \(school.timeGrid.periods(ofDay: lesson.day)[period].id)"
                for teacher in lesson.activity.teachers {
                    teacherAt[teacher, default: [:]][key, default: []].append(lesson.activity.id)
                }
                for leaf in occupiedLeaves(lesson.activity) {
                    leafAt[leaf, default: [:]][key, default: []].append(lesson.activity.id)
                }
                if let room = lesson.room { roomAt[room.id, default: [:]][key, default: []].append(lesson.activity.id) }
            }
        }
        for teacher in teacherAt.keys.sorted() {
            for (key, ids) in teacherAt[teacher]!.sorted(by: { $0.key < $1.key }) where ids.count > 1 {
                flag(
                    "teacher.clash", [teacher] + ids,
                    "teacher '\(teacher)' teaches \(ids.joined(separator: ", ")) at once (\(key))")
            }
        }
        for leaf in leafAt.keys.sorted() {
            for (key, ids) in leafAt[leaf]!.sorted(by: { $0.key < $1.key }) where ids.count > 1 {
                flag(
                    "cohort.clash", [leaf] + ids, "cohort '\(leaf)' has \(ids.joined(separator: ", ")) at once (\(key))"
                )
            }
        }
        let rooms = Dictionary(school.rooms.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for room in roomAt.keys.sorted() {
            let capacity = rooms[room]?.groups ?? 1
            for (key, ids) in roomAt[room]!.sorted(by: { $0.key < $1.key }) where ids.count > capacity {
                flag(
                    "room.capacity", [room] + ids,
                    "room '\(room)' hosts \(ids.count) activities at once (\(key)), more than its \(capacity)")
            }
        }
    }

    func size(_ activity: Activity) -> Int {
        let sizes = Dictionary((school.cohorts ?? []).map { ($0.id, $0.size) }, uniquingKeysWith: { first, _ in first })
        return activity.students ?? (activity.cohorts ?? []).reduce(0) { $0 + (sizes[$1] ?? 0) }
    }

    mutating func checkRooms(_ placed: [Placed]) {
        for lesson in placed {
            guard let room = lesson.room else { continue }
            let id = lesson.activity.id
            let students = size(lesson.activity)
            if room.seats < students {
                flag(
                    "room.seats", [id, room.id],
                    "room '\(room.id)' seats \(room.seats), activity '\(id)' has \(students) students")
            }
            let missing = Set(lesson.activity.roomFeatures ?? []).subtracting(room.features ?? [])
            if !missing.isEmpty {
                flag(
                    "room.features", [id, room.id],
                    "room '\(room.id)' lacks \(missing.sorted().joined(separator: ", ")) for activity '\(id)'")
            }
            // An empty list: the activity needs no room (one it is put in anyway is no breach).
            if let allowed = lesson.activity.rooms, !allowed.isEmpty, !allowed.contains(room.id) {
                flag("room.allowed", [id, room.id], "activity '\(id)' may not use room '\(room.id)'")
            }
        }
    }

    /// Whether the period is named by `slots` (an unavailability list or a window).
    func isListed(_ slots: [TimeSlots]?, day: Int, period: Int) -> Bool {
        let dayID = school.timeGrid.days[day].id
        let periodID = school.timeGrid.periods(ofDay: day)[period].id
        return (slots ?? []).contains { $0.day == dayID && ($0.periods == nil || $0.periods!.contains(periodID)) }
    }

    mutating func checkAvailability(_ placed: [Placed]) {
        let teachers = Dictionary(school.teachers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let cohorts = Dictionary((school.cohorts ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for lesson in placed {
            let id = lesson.activity.id
            for period in lesson.periods {
                for teacher in lesson.activity.teachers
                where isListed(teachers[teacher]?.unavailable, day: lesson.day, period: period) {
                    flag(
                        "teacher.availability", [teacher, id],
                        "teacher '\(teacher)' is not available for activity '\(id)'")
                }
                let involved = Set(occupiedLeaves(lesson.activity).flatMap { ancestry($0) })
                for cohort in involved.sorted()
                where isListed(cohorts[cohort]?.unavailable, day: lesson.day, period: period) {
                    flag(
                        "cohort.availability", [cohort, id], "cohort '\(cohort)' is not available for activity '\(id)'")
                }
                if let room = lesson.room, isListed(room.unavailable, day: lesson.day, period: period) {
                    flag("room.availability", [room.id, id], "room '\(room.id)' is not available for activity '\(id)'")
                }
            }
        }
    }

    mutating func checkSpread(_ placed: [Placed]) {
        var groups: [String: [Placed]] = [:]
        for lesson in placed { if let group = lesson.activity.splitGroup { groups[group, default: []].append(lesson) } }
        for group in groups.keys.sorted() {
            let members = groups[group]!
            let minimum = members.compactMap(\.activity.minDaysApart).max() ?? 1
            for (i, first) in members.enumerated() {
                for second in members[(i + 1)...] where abs(first.day - second.day) < minimum {
                    flag(
                        "split.minDaysApart", [group, first.activity.id, second.activity.id],
                        "lessons '\(first.activity.id)' and '\(second.activity.id)' of '\(group)' are fewer than \(minimum) day(s) apart"
                    )
                }
            }
        }
        // Sections of a same-period course: every meeting in one period.
        let samePeriod = Set((school.courses ?? []).filter { $0.samePeriod == true }.map(\.id))
        let byActivity = Dictionary(placed.map { ($0.activity.id, $0) }, uniquingKeysWith: { first, _ in first })
        for section in school.courseSections() where samePeriod.contains(section.course) {
            let starts = Set(
                section.meetings.compactMap { byActivity[$0] }.compactMap { lesson in
                    lesson.periods.first.map { school.timeGrid.periods(ofDay: lesson.day)[$0].id }
                })
            if starts.count > 1 {
                flag(
                    "section.samePeriod", [section.id],
                    "the meetings of section '\(section.id)' start in periods \(starts.sorted().joined(separator: ", ")), not one"
                )
            }
        }
    }

    mutating func checkRelations(_ placed: [Placed]) {
        let byID = Dictionary(placed.map { ($0.activity.id, $0) }, uniquingKeysWith: { first, _ in first })
        for relation in school.activityRelations ?? [] {
            let members = relation.activities.compactMap { byID[$0] }
            guard !checkMoreRelation(relation, members: members, placed: placed), members.count > 1 else { continue }
            var pairs: [(Placed, Placed)] = []
            switch relation.kind {
            case .sameStart: pairs = members.dropFirst().map { (members[0], $0) }
            case .consecutive, .ordered: pairs = Array(zip(members, members.dropFirst()))
            case .minDaysApart:
                for i in members.indices {
                    for j in members.indices where j > i { pairs.append((members[i], members[j])) }
                }
            default: break
            }
            for (first, second) in pairs {
                let broken: Bool
                switch relation.kind {
                case .sameStart: broken = first.day != second.day || first.periods.first != second.periods.first
                case .consecutive:
                    broken =
                        first.day != second.day
                        || second.periods.first != nextPeriod(after: first, acrossBreaks: relation.acrossBreaks == true)
                case .ordered: broken = (second.day, second.periods.first ?? 0) <= (first.day, first.periods.first ?? 0)
                case .minDaysApart: broken = abs(first.day - second.day) < (relation.minDays ?? 1)
                default: broken = false
                }
                guard broken else { continue }
                if let weight = relation.weight {
                    score("relation.\(relation.kind.rawValue)", weight)
                } else {
                    flag(
                        "relation.\(relation.kind.rawValue)", [first.activity.id, second.activity.id],
                        "activities '\(first.activity.id)' and '\(second.activity.id)' break their \(relation.kind.rawValue) rule"
                    )
                }
            }
        }
    }

    /// Busy teaching periods per resource and day.
    func busyPeriods(_ placed: [Placed]) -> (teachers: [String: [Int: Set<Int>]], leaves: [String: [Int: Set<Int>]]) {
        var teachers: [String: [Int: Set<Int>]] = [:]
        var leaves: [String: [Int: Set<Int>]] = [:]
        for lesson in placed {
            for teacher in lesson.activity.teachers {
                teachers[teacher, default: [:]][lesson.day, default: []].formUnion(lesson.periods)
            }
            for leaf in occupiedLeaves(lesson.activity) {
                leaves[leaf, default: [:]][lesson.day, default: []].formUnion(lesson.periods)
            }
        }
        return (teachers, leaves)
    }

    mutating func checkLimits(_ placed: [Placed]) {
        let busy = busyPeriods(placed)
        for teacher in school.teachers {
            let days = busy.teachers[teacher.id] ?? [:]
            let total = days.values.reduce(0) { $0 + $1.count }
            let away = school.timeGrid.slots(in: teacher.unavailable ?? [])
            let gapCount = days.reduce(0) { $0 + gaps($1.value, day: $1.key, excluded: away) }
            if let maximum = teacher.maxGapsPerWeek, gapCount > maximum {
                flag(
                    "teacher.maxGapsPerWeek", [teacher.id],
                    "teacher '\(teacher.id)' has \(gapCount) gaps in the week, above \(maximum)")
            }
            if let maximum = teacher.maxDaysPerWeek, days.count > maximum {
                flag(
                    "teacher.maxDaysPerWeek", [teacher.id],
                    "teacher '\(teacher.id)' teaches on \(days.count) days, above \(maximum)")
            }
            if let maximum = teacher.maxPeriodsPerWeek, total > maximum {
                flag(
                    "teacher.maxPerWeek", [teacher.id],
                    "teacher '\(teacher.id)' teaches \(total) periods, above \(maximum)")
            }
            for day in days.keys.sorted() {
                let periods = days[day]!
                if let maximum = teacher.maxPeriodsPerDay, periods.count > maximum {
                    flag(
                        "teacher.maxPerDay", [teacher.id],
                        "teacher '\(teacher.id)' teaches \(periods.count) periods on \(school.timeGrid.days[day].id), above \(maximum)"
                    )
                }
                if let maximum = teacher.maxConsecutive, longestStreak(periods, day: day) > maximum {
                    flag(
                        "teacher.maxConsecutive", [teacher.id],
                        "teacher '\(teacher.id)' teaches \(longestStreak(periods, day: day)) periods in a row on \(school.timeGrid.days[day].id), above \(maximum)"
                    )
                }
            }
        }
        let cohorts = Dictionary((school.cohorts ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for leaf in busy.leaves.keys.sorted() {
            let gapLimits = ancestry(leaf).compactMap { cohorts[$0]?.maxGapsPerWeek }
            let away = school.timeGrid.slots(in: ancestry(leaf).flatMap { cohorts[$0]?.unavailable ?? [] })
            let gapCount = busy.leaves[leaf]!.reduce(0) { $0 + gaps($1.value, day: $1.key, excluded: away) }
            if let maximum = gapLimits.min(), gapCount > maximum {
                flag(
                    "cohort.maxGapsPerWeek", [leaf],
                    "cohort '\(leaf)' has \(gapCount) gaps in the week, above \(maximum)")
            }
            let limits = ancestry(leaf).compactMap { cohorts[$0]?.maxPeriodsPerDay }
            guard let maximum = limits.min() else { continue }
            for (day, periods) in busy.leaves[leaf]!.sorted(by: { $0.key < $1.key }) where periods.count > maximum {
                flag(
                    "cohort.maxPerDay", [leaf],
                    "cohort '\(leaf)' has \(periods.count) periods on \(school.timeGrid.days[day].id), above \(maximum)"
                )
            }
        }
    }

    /// The longest run of busy teaching periods back to back (a break or flex period ends it).
    func longestStreak(_ periods: Set<Int>, day: Int) -> Int {
        let all = school.timeGrid.periods(ofDay: day)
        var best = 0
        var current = 0
        for (index, period) in all.enumerated() {
            if period.resolvedKind == .teaching && periods.contains(index) {
                current += 1
                best = max(best, current)
            } else {
                current = 0
            }
        }
        return best
    }

    mutating func checkLocked(_ placed: [Placed]) {
        for lesson in placed {
            let day = school.timeGrid.days[lesson.day].id
            let period = school.timeGrid.periods(ofDay: lesson.day)[lesson.periods.first ?? 0].id
            if let allowed = lesson.activity.allowedStarts,
                !isListed(allowed, day: lesson.day, period: lesson.periods.first ?? 0)
            {
                flag(
                    "activity.allowedStarts", [lesson.activity.id],
                    "activity '\(lesson.activity.id)' starts at \(day) \(period), not one of its allowed starts")
            }
            guard let locked = lesson.activity.locked else { continue }
            if locked.day != day || locked.period != period || (locked.room != nil && locked.room != lesson.room?.id) {
                flag(
                    "locked", [lesson.activity.id],
                    "activity '\(lesson.activity.id)' is locked at \(locked.day) \(locked.period)\(locked.room.map { " in \($0)" } ?? "") but placed at \(day) \(period)"
                )
            }
        }
    }
}
