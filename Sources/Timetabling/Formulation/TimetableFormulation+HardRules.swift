import LinearProgramming
import SchoolModel

extension TimetableFormulation {
    mutating func addHardRules() throws {
        // Every lesson once (or, in the elastic model, unplaced at a penalty).
        for variables in startVariables {
            if options.elastic {
                let unplaced = try model.addVariable(upperBound: 1)
                unplacedVariables.append(unplaced)
                objectiveTerms.add(options.unplacedPenalty, unplaced)
                try model.add(sum(variables) + unplaced == 1)
            } else {
                try model.add(sum(variables) == 1)
            }
        }
        try addConflicts()
        if options.aggregatedRooms { try addRoomCounts() }
        try addSplitGroups()
        try addRelations()
        try addDailyLimits()
        try addTagLimits()
        try addSlotRules()
        try addDayLimits()
        try addMaxDays()
        try addMaxGaps()
        try addPeopleDayLimits()
    }

    /// No teacher or leaf cohort in two places at once.
    private mutating func addConflicts() throws {
        var seen = Set<[Int]>()
        for covers in [teacherCover, leafCover] {
            for cover in covers {
                for slot in cover.keys.sorted() {
                    let variables = cover[slot]!
                    guard variables.count > 1 else { continue }
                    // Leaves with the same lessons give the same row: keep one.
                    guard seen.insert(variables.map(\.index).sorted()).inserted else { continue }
                    if options.cliqueConflicts {
                        try model.add(sum(variables) <= 1)
                    } else {
                        for i in variables.indices {
                            for j in variables.indices
                            where j > i && startLesson(variables[i]) != startLesson(variables[j]) {
                                try model.add(variables[i] + variables[j] <= 1)
                            }
                        }
                    }
                }
            }
        }
    }

    /// The lesson a start variable belongs to (start variables come first, lesson by lesson).
    func startLesson(_ variable: Variable) -> Int { lessonOfStart[variable.index] }

    /// Per set of candidate rooms and slot: lessons that can only use rooms of the set, at
    /// most the set's available capacity. Exact when the candidate sets are nested or disjoint.
    private mutating func addRoomCounts() throws {
        guard !problem.school.rooms.isEmpty else { return }
        let blocked = problem.roomBlocked
        for set in problem.candidateRoomSets {
            let members = problem.lessons(confinedTo: set)
            for slot in problem.teachingSlots.sorted() {
                let variables = members.flatMap { lessonCover[$0][slot] ?? [] }
                let capacity = set.reduce(0) {
                    $0 + (blocked[$1].contains(slot) ? 0 : problem.school.rooms[$1].resolvedGroups)
                }
                guard variables.count > capacity else { continue }
                try model.add(sum(variables) <= Double(capacity))
            }
        }
    }

    /// Lessons of a split group on days at least `minDaysApart` apart; interchangeable ones
    /// ordered by day.
    private mutating func addSplitGroups() throws {
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, lesson) in problem.lessons.enumerated() {
            guard let group = lesson.activity.splitGroup else { continue }
            if groups[group] == nil { order.append(group) }
            groups[group, default: []].append(index)
        }
        let dayCount = problem.grid.days.count
        for group in order {
            let members = groups[group]!
            guard members.count > 1 else { continue }
            let gap = members.compactMap { problem.lessons[$0].activity.minDaysApart }.max() ?? 1
            guard gap > 0 else { continue }
            try addDaySpread(members, minDays: gap, dayCount: dayCount, weight: nil)
            if options.symmetryBreaking { try orderInterchangeable(members) }
        }
    }

    /// At most one of `lessons` in any `minDays` consecutive days (hard), or a penalty per
    /// pair of them closer than that (soft, `weight`).
    mutating func addDaySpread(_ lessons: [Int], minDays: Int, dayCount: Int, weight: Double?) throws {
        let perDay = lessons.map { lesson in (0..<dayCount).map { onDay(lesson, $0) } }
        if let weight {
            for i in lessons.indices {
                for j in lessons.indices where j > i {
                    let violation = try model.addVariable(upperBound: 1)
                    for first in 0..<dayCount {
                        for second in 0..<dayCount where abs(first - second) < minDays {
                            try model.add(violation >= perDay[i][first] + perDay[j][second] - 1)
                        }
                    }
                    objectiveTerms.add(weight, violation)
                }
            }
            return
        }
        for start in 0..<dayCount {
            var window = LinearExpression()
            for day in start..<min(dayCount, start + minDays) {
                for lesson in perDay.indices { window += perDay[lesson][day] }
            }
            if window.termCount > 1 { try model.add(window <= 1) }
        }
    }

    private mutating func orderInterchangeable(_ members: [Int]) throws {
        func signature(_ index: Int) -> String {
            let lesson = problem.lessons[index]
            return "\(lesson.teachers)|\(lesson.leaves)|\(lesson.duration)|\(lesson.candidateRooms)|\(lesson.starts)|"
                + "\(lesson.preferredStarts.map { $0.sorted() } as Any)|\(lesson.preferredRooms.sorted())|\(lesson.activity.locked == nil)"
                + "|\((lesson.activity.tags ?? []).sorted())"
        }
        var classes: [String: [Int]] = [:]
        var order: [String] = []
        // Lessons a relation, slot rule or room rule names are not interchangeable with their
        // twins (tag limits are told apart by the tags in the signature).
        let school = problem.school
        let related = Set(
            (school.activityRelations ?? []).flatMap(\.activities) + (school.slotRules ?? []).flatMap(\.activities)
                + (school.roomRules ?? []).flatMap { $0.activities ?? [] })
        for member in members
        where problem.lessons[member].activity.locked == nil
            && !related.contains(problem.lessons[member].activity.id)
        {
            let key = signature(member)
            if classes[key] == nil { order.append(key) }
            classes[key, default: []].append(member)
        }
        for key in order {
            let same = classes[key]!
            if same.count > 1 { interchangeable.append(same) }
            for (first, second) in zip(same, same.dropFirst()) {
                var difference = LinearExpression()
                for day in problem.grid.days.indices {
                    difference.add(onDay(second, day), times: Double(day))
                    difference.add(onDay(first, day), times: -Double(day))
                }
                symmetryRows.insert(model.constraintCount)
                try model.add(difference >= 1)
            }
        }
    }

    /// Same start, consecutive, ordered and minimum days apart, hard or soft.
    private mutating func addRelations() throws {
        let index = Dictionary(
            problem.lessons.enumerated().map { ($1.activity.id, $0) }, uniquingKeysWith: { a, _ in a })
        for relation in problem.school.activityRelations ?? [] {
            let members = relation.activities.compactMap { index[$0] }
            guard try !addMoreRelation(relation, members: members), members.count > 1 else { continue }
            switch relation.kind {
            case .sameStart:
                for other in members.dropFirst() { try addSameStart(members[0], other, weight: relation.weight) }
            case .consecutive:
                for (first, second) in zip(members, members.dropFirst()) {
                    try addConsecutive(
                        first, second, acrossBreaks: relation.acrossBreaks == true, weight: relation.weight)
                }
            case .ordered:
                for (first, second) in zip(members, members.dropFirst()) {
                    try addOrdered(first, second, weight: relation.weight)
                }
            case .minDaysApart:
                try addDaySpread(
                    members, minDays: relation.minDays ?? 1, dayCount: problem.grid.days.count, weight: relation.weight)
            default: break
            }
        }
    }

    /// `x[a, s]` for every slot, 0 where `s` is not a start of `a`.
    func startExpression(_ lesson: Int, _ slot: Slot) -> LinearExpression {
        if let position = problem.lessons[lesson].starts.firstIndex(of: slot) {
            return LinearExpression(startVariables[lesson][position])
        }
        return LinearExpression()
    }

    private mutating func addSameStart(_ first: Int, _ second: Int, weight: Double?) throws {
        let slots = Set(problem.lessons[first].starts).union(problem.lessons[second].starts).sorted()
        let violation = try weight.map { _ in try model.addVariable(upperBound: 1) }
        for slot in slots {
            let difference = startExpression(first, slot) - startExpression(second, slot)
            if let violation {
                try model.add(violation >= difference)
            } else {
                try model.add(difference == 0)
            }
        }
        if let violation, let weight { objectiveTerms.add(weight, violation) }
    }

    private mutating func addConsecutive(_ first: Int, _ second: Int, acrossBreaks: Bool, weight: Double?) throws {
        let violation = try weight.map { _ in try model.addVariable(upperBound: 1) }
        for (start, variable) in zip(problem.lessons[first].starts, startVariables[first]) {
            let next =
                follower(first, start, acrossBreaks: acrossBreaks).map { startExpression(second, $0) }
                ?? LinearExpression()
            if let violation {
                try model.add(violation >= variable - next)
            } else {
                try model.add(variable - next <= 0)
            }
        }
        if let violation, let weight { objectiveTerms.add(weight, violation) }
    }

    /// The second starts after the first starts (with `sameDayOnly`, when both are on one day).
    mutating func addOrdered(_ first: Int, _ second: Int, weight: Double?, sameDayOnly: Bool = false) throws {
        let violation = try weight.map { _ in try model.addVariable(upperBound: 1) }
        let firstStarts = problem.lessons[first].starts
        for (start, variable) in zip(problem.lessons[second].starts, startVariables[second]) {
            // The second may not start at or before the first's start.
            var clash = LinearExpression(variable)
            for (candidate, other) in zip(firstStarts, startVariables[first])
            where candidate >= start && (!sameDayOnly || candidate.day == start.day) {
                clash += other
            }
            if let violation {
                try model.add(violation >= clash - 1)
            } else {
                try model.add(clash <= 1)
            }
        }
        if let violation, let weight { objectiveTerms.add(weight, violation) }
    }

    /// The tightest value of a cohort limit on a leaf cohort and its ancestors; nil when none
    /// has one.
    func tightest(_ limit: KeyPath<Cohort, Int?>, ofLeaf leaf: Int) -> Int? {
        problem.leafLineage[leaf].compactMap { $0[keyPath: limit] }.min()
    }

    /// Max periods per day and max consecutive periods, for teachers and leaf cohorts.
    private mutating func addDailyLimits() throws {
        for (teacher, record) in problem.school.teachers.enumerated() {
            try addLimits(teacherCover[teacher], perDay: record.maxPeriodsPerDay, consecutive: record.maxConsecutive)
        }
        for leaf in problem.leafCohorts.indices {
            try addLimits(
                leafCover[leaf], perDay: tightest(\.maxPeriodsPerDay, ofLeaf: leaf),
                consecutive: tightest(\.maxConsecutive, ofLeaf: leaf))
        }
    }

    /// At most `maxGapsPerWeek` gaps for a teacher, and for each leaf cohort the tightest limit
    /// of its line: per day, "started / not yet finished" staircases as for the soft gaps, a
    /// gap variable at least `started + remaining − 1 − busy` per inner period, their sum
    /// bounded (in the elastic model, each gap over costs a slack).
    private mutating func addMaxGaps() throws {
        for (teacher, record) in problem.school.teachers.enumerated() {
            guard let maximum = record.maxGapsPerWeek else { continue }
            try addGapLimit(teacherCover[teacher], maximum: maximum, away: problem.teacherBlocked[teacher])
        }
        for leaf in problem.leafCohorts.indices {
            guard let limit = tightest(\.maxGapsPerWeek, ofLeaf: leaf) else { continue }
            try addGapLimit(leafCover[leaf], maximum: limit, away: problem.leafBlocked[leaf])
        }
    }

    /// Gaps counted as FET counts them: the resource's unavailable periods (`away`) are no gaps.
    private mutating func addGapLimit(_ cover: [Slot: [Variable]], maximum: Int, away: Set<Slot>) throws {
        let gaps = sum(try dailyGaps(cover, away: away))
        guard gaps.termCount > maximum else { return }
        try addHard(LinearExpression(Double(maximum)) - gaps, atLeast: 0, penalty: hardMinutePenalty)
    }

    /// At most `maxDaysPerWeek` days with lessons: a binary per day that any lesson of the
    /// teacher's that day switches on (in the elastic model, each day over costs a slack).
    private mutating func addMaxDays() throws {
        for (teacher, record) in problem.school.teachers.enumerated() {
            guard let maximum = record.maxDaysPerWeek, maximum < daySequences.count else { continue }
            var days = LinearExpression()
            for sequence in daySequences {
                let busy = sum(sequence.flatMap { teacherCover[teacher][$0] ?? [] })
                guard busy.termCount > 0 else { continue }
                let teaches = try model.addBinary()
                try model.add(busy - Double(sequence.count) * teaches <= 0)
                days += teaches
            }
            guard days.termCount > maximum else { continue }
            try addHard(LinearExpression(Double(maximum)) - days, atLeast: 0, penalty: options.unplacedPenalty)
        }
    }

    /// At most `perDay` busy periods a day and `consecutive` in a row over `cover`.
    mutating func addLimits(_ cover: [Slot: [Variable]], perDay: Int?, consecutive: Int?) throws {
        for (day, sequence) in daySequences.enumerated() {
            if let perDay {
                let total = sum(sequence.flatMap { cover[$0] ?? [] })
                if total.termCount > perDay { try model.add(total <= Double(perDay)) }
            }
            guard let consecutive else { continue }
            for run in teachingRuns(day) where run.count > consecutive {
                for start in 0...(run.count - consecutive - 1) {
                    let window = sum(run[start...(start + consecutive)].flatMap { cover[$0] ?? [] })
                    if window.termCount > consecutive { try model.add(window <= Double(consecutive)) }
                }
            }
        }
    }

    /// Runs of back-to-back teaching periods of a day (breaks and flex periods end a run).
    func teachingRuns(_ day: Int) -> [[Slot]] {
        problem.grid.contiguousRuns(ofDay: day).flatMap { run -> [[Slot]] in
            var runs: [[Slot]] = []
            var current: [Slot] = []
            for period in run {
                let slot = Slot(day: day, period: period)
                if problem.teachingSlots.contains(slot) {
                    current.append(slot)
                } else if !current.isEmpty {
                    runs.append(current)
                    current = []
                }
            }
            if !current.isEmpty { runs.append(current) }
            return runs
        }
    }
}

extension TimetableFormulation {
    /// What the room assignment found in the way of these starts, as a row: a room count
    /// (below), or for a room rule's conflict, that its lessons do not all keep these starts.
    /// Returns false when the row would not cut anything.
    mutating func addRoomCut(_ obstacle: RoomAssignment.Obstacle, starts: [Slot]) throws -> Bool {
        switch obstacle {
        case .shortage(let shortage): return try addRoomCut(slot: shortage.slot, rooms: shortage.rooms)
        case .ruleConflict(_, let lessons):
            // These lessons may not all keep these starts again.
            var variables: [Variable] = []
            for lesson in lessons {
                guard let index = problem.lessons[lesson].starts.firstIndex(of: starts[lesson]) else { return false }
                variables.append(startVariables[lesson][index])
            }
            try model.add(sum(variables) <= Double(variables.count - 1))
            return true
        }
    }

    /// A room count found missing by the room assignment (a Hall violation at `slot`): the
    /// lessons that can only use `rooms` there share their available places.
    mutating func addRoomCut(slot: Slot, rooms: Set<Int>) throws -> Bool {
        let blocked = problem.roomBlocked
        let lessons = problem.lessons
        let members = lessons.indices.filter { lesson in
            Set(lessons[lesson].candidateRooms.filter { !blocked[$0].contains(slot) }).isSubset(of: rooms)
        }
        let variables = members.flatMap { lessonCover[$0][slot] ?? [] }
        let capacity = rooms.reduce(0) {
            $0 + (blocked[$1].contains(slot) ? 0 : problem.school.rooms[$1].resolvedGroups)
        }
        guard variables.count > capacity else { return false }
        try model.add(sum(variables) <= Double(capacity))
        return true
    }
}
