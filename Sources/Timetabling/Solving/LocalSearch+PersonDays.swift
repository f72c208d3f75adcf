import SchoolModel

/// The rules on a teacher's or leaf cohort's days that the MIP holds through helper variables
/// (gap staircases, day indicators), counted natively for ``LocalSearch``: gaps per day and
/// per week (hard limits and the soft gap weights), days per week, the minimum of a busy day,
/// FET's second-period starts, a late start, and the team blocks planned for teachers
/// (``TimetableSolver/plannedTeamBlocks(_:)``: kept free, as the greedy construction keeps
/// them); it also keeps the lessons of team members for ``TeamDays``.
///
/// Counted as the formulation counts them (``TimetableFormulation/dailyGaps(_:away:)``):
/// over each day's teaching periods, a person's unavailable periods are no gaps for the hard
/// limits; the soft gap weight counts every teaching period.
struct PersonDays {
    struct Limits {
        var maxGapsPerWeek: Int?
        var maxGapsPerDay: Int?
        var maxDays: Int?
        var minDays: Int?
        var minBusyDay: Int?
        var maxSecondStarts: Int?
        var gapWeight = 0.0
        var lateWeight = 0.0
        /// On a team: its lessons count for the team's common time.
        var inTeam = false
        /// Has team blocks planned (kept free, a hard rule of the search).
        var hasReserved = false

        var isEmpty: Bool {
            maxGapsPerWeek == nil && maxGapsPerDay == nil && maxDays == nil && minDays == nil && minBusyDay == nil
                && maxSecondStarts == nil && gapWeight == 0 && lateWeight == 0 && !inTeam && !hasReserved
        }
    }

    /// One day of one person, as the rules count it.
    struct Day: Equatable {
        var periods = 0
        var gaps = 0
        var gapsAvailable = 0
        var secondStart = false
        var late = false
        var reserved = 0
    }

    let limits: [Limits]
    /// Teaching positions per day (the width of each day's row in `busy`).
    let width: Int
    let dayCount: Int
    /// Teaching periods of each day, by period: its position in the day's sequence, or -1.
    let position: [[Int]]
    let sequenceLength: [Int]
    /// Per person, day and position: unavailable (no gap there for the hard limits).
    let away: [[Bool]]
    /// Lessons per person at each day and position.
    var busy: [[Int]]
    var days: [[Day]]
    /// The tracked people of each lesson (teachers first, then leaf cohorts, by position).
    let peopleOfLesson: [[Int]]

    /// Per person, day and position: a planned team block.
    let reservedAt: [[Bool]]

    init(formulation: TimetableFormulation, reserved: [Set<Slot>]) {
        let problem = formulation.problem
        let weights = formulation.weights
        dayCount = problem.grid.days.count
        position = problem.grid.days.indices.map { day in
            var result = [Int](repeating: -1, count: problem.grid.periods(ofDay: day).count)
            for (index, period) in problem.teachingPeriods[day].enumerated() { result[period] = index }
            return result
        }
        sequenceLength = problem.teachingPeriods.map(\.count)
        width = max(1, sequenceLength.max() ?? 1)
        let teachers = problem.school.teachers
        var limits: [Limits] = teachers.indices.map { index in
            let record = teachers[index]
            var limit = Limits()
            limit.maxGapsPerWeek = record.maxGapsPerWeek
            limit.maxGapsPerDay = record.maxGapsPerDay
            if let maximum = record.maxDaysPerWeek, maximum < problem.teachingPeriods.count { limit.maxDays = maximum }
            limit.minDays = record.minDaysPerWeek.flatMap { $0 > 0 ? $0 : nil }
            limit.minBusyDay = record.minPeriodsPerBusyDay.flatMap { $0 > 1 ? $0 : nil }
            limit.gapWeight = weights.teacherGap ?? 0
            limit.hasReserved = index < reserved.count && !reserved[index].isEmpty
            limit.inTeam = (problem.school.teams ?? []).contains {
                $0.collaboration != nil && $0.members.contains(record.id)
            }
            return limit
        }
        var blocked = problem.teacherBlocked
        for leaf in problem.leafCohorts.indices {
            var limit = Limits()
            limit.maxGapsPerWeek = formulation.tightest(\.maxGapsPerWeek, ofLeaf: leaf)
            limit.maxGapsPerDay = formulation.tightest(\.maxGapsPerDay, ofLeaf: leaf)
            limit.minBusyDay = formulation.largest(\.minPeriodsPerBusyDay, ofLeaf: leaf).flatMap { $0 > 1 ? $0 : nil }
            limit.maxSecondStarts = formulation.tightest(\.maxSecondPeriodStartsPerWeek, ofLeaf: leaf)
            limit.gapWeight = weights.cohortGap ?? 0
            limit.lateWeight = weights.lateStart ?? 0
            limits.append(limit)
            blocked.append(problem.leafBlocked[leaf])
        }
        self.limits = limits
        let width = self.width
        let position = self.position
        func mask(_ slots: Set<Slot>) -> [Bool] {
            var result = [Bool](repeating: false, count: problem.grid.days.count * width)
            for slot in slots where slot.day < position.count && slot.period < position[slot.day].count {
                let index = position[slot.day][slot.period]
                if index >= 0 { result[slot.day * width + index] = true }
            }
            return result
        }
        away = blocked.map(mask)
        reservedAt = limits.indices.map { $0 < reserved.count && $0 < teachers.count ? mask(reserved[$0]) : [] }
        busy = limits.map { $0.isEmpty ? [] : [Int](repeating: 0, count: problem.grid.days.count * width) }
        days = limits.map { _ in [Day](repeating: Day(), count: problem.grid.days.count) }
        let teacherCount = teachers.count
        peopleOfLesson = problem.lessons.map { lesson in
            (lesson.teachers + lesson.leaves.map { $0 + teacherCount }).filter { !limits[$0].isEmpty }
        }
    }

    /// The day of a person with `busy` as it is now.
    func count(_ person: Int, day: Int) -> Day {
        let base = day * width
        let length = sequenceLength[day]
        let cells = busy[person]
        let absent = away[person]
        var result = Day()
        var first = -1
        var last = -1
        var firstAvailable = -1
        var lastAvailable = -1
        var busyAvailable = 0
        for index in 0..<length where cells[base + index] > 0 {
            result.periods += 1
            if !reservedAt[person].isEmpty && reservedAt[person][base + index] { result.reserved += 1 }
            if first < 0 { first = index }
            last = index
            if !absent[base + index] {
                if firstAvailable < 0 { firstAvailable = index }
                lastAvailable = index
                busyAvailable += 1
            }
        }
        guard first >= 0 else { return result }
        result.gaps = last - first + 1 - result.periods
        if firstAvailable >= 0 {
            var available = 0
            for index in firstAvailable...lastAvailable where !absent[base + index] { available += 1 }
            result.gapsAvailable = available - busyAvailable
        }
        result.late = cells[base] == 0
        // FET's early start, over the periods the person is available for.
        var seen = 0
        var firstFree = false
        for index in 0..<length where !absent[base + index] {
            if seen == 0 {
                firstFree = cells[base + index] == 0
            } else {
                result.secondStart = firstFree && cells[base + index] > 0
                break
            }
            seen += 1
        }
        return result
    }

    /// The hard violation and soft penalty of a person's week.
    func cost(_ person: Int, days week: [Day]) -> (hard: Double, soft: Double) {
        let limit = limits[person]
        var gaps = 0
        var gapsAvailable = 0
        var busyDays = 0
        var secondStarts = 0
        var late = 0
        var hard = 0
        for day in week {
            hard += day.reserved
            gaps += day.gaps
            gapsAvailable += day.gapsAvailable
            guard day.periods > 0 else { continue }
            busyDays += 1
            if day.secondStart { secondStarts += 1 }
            if day.late { late += 1 }
            if let maximum = limit.maxGapsPerDay { hard += max(0, day.gapsAvailable - maximum) }
            if let minimum = limit.minBusyDay { hard += max(0, minimum - day.periods) }
        }
        if let maximum = limit.maxGapsPerWeek { hard += max(0, gapsAvailable - maximum) }
        if let maximum = limit.maxDays { hard += max(0, busyDays - maximum) }
        if let minimum = limit.minDays { hard += max(0, minimum - busyDays) }
        if let maximum = limit.maxSecondStarts { hard += max(0, secondStarts - maximum) }
        return (Double(hard), limit.gapWeight * Double(gaps) + limit.lateWeight * Double(late))
    }

    func cost(_ person: Int) -> (hard: Double, soft: Double) { cost(person, days: days[person]) }

    /// Adds (`sign` 1) or removes (-1) a lesson's periods at a start to the people's rows.
    mutating func mark(_ people: [Int], from start: Slot, duration: Int, sign: Int) {
        for person in people {
            for offset in 0..<duration {
                let index = position[start.day][start.period + offset]
                if index >= 0 { busy[person][start.day * width + index] += sign }
            }
        }
    }

    /// Recounts the given days of the given people.
    mutating func recount(_ people: [Int], days changed: [Int]) {
        for person in people { for day in changed { days[person][day] = count(person, day: day) } }
    }
}
