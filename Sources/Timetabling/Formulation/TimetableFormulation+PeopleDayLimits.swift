import LinearProgramming
import SchoolModel

/// Limits on the days of teachers and leaf cohorts, as FET counts them: gaps per day, a
/// minimum of periods on each busy day or on every day, a minimum of days a week, and early
/// starts. Each row is exact for a complete timetable (its helpers, continuous, take their
/// least values). In the elastic model every row has a penalized slack: a partial timetable
/// may fall short of a minimum, or leave a gap, that further lessons would mend.
extension TimetableFormulation {
    mutating func addPeopleDayLimits() throws {
        for (teacher, record) in problem.school.teachers.enumerated() {
            let cover = teacherCover[teacher]
            if let maximum = record.maxGapsPerDay {
                try addDailyGapLimit(cover, maximum: maximum, away: problem.teacherBlocked[teacher])
            }
            if let minimum = record.minPeriodsPerBusyDay { try addBusyDayMinimum(cover, minimum: minimum) }
            if let minimum = record.minDaysPerWeek { try addMinDays(cover, minimum: minimum) }
        }
        for leaf in problem.leafCohorts.indices {
            let cover = leafCover[leaf]
            let away = problem.leafBlocked[leaf]
            if let maximum = tightest(\.maxGapsPerDay, ofLeaf: leaf) {
                try addDailyGapLimit(cover, maximum: maximum, away: away)
            }
            if let minimum = largest(\.minPeriodsPerBusyDay, ofLeaf: leaf) {
                try addBusyDayMinimum(cover, minimum: minimum)
            }
            if let minimum = largest(\.minPeriodsEveryDay, ofLeaf: leaf), minimum > 0 {
                for sequence in daySequences {
                    try addHard(
                        sum(sequence.flatMap { cover[$0] ?? [] }), atLeast: Double(minimum), penalty: hardMinutePenalty)
                }
            }
            if let maximum = tightest(\.maxSecondPeriodStartsPerWeek, ofLeaf: leaf) {
                try addEarlyStarts(cover, maxSecondPeriodStarts: maximum, away: away)
            }
        }
    }

    /// The largest value of a cohort minimum on a leaf cohort and its ancestors; nil when none
    /// has one.
    func largest(_ limit: KeyPath<Cohort, Int?>, ofLeaf leaf: Int) -> Int? {
        problem.leafLineage[leaf].compactMap { $0[keyPath: limit] }.max()
    }

    /// Each day's gaps of a resource, as FET counts them (its unavailable periods, `away`, are
    /// no gaps): "started / not yet finished" staircases over the day's other teaching
    /// periods, a gap variable at least `started + remaining − 1 − busy` per inner period.
    mutating func dailyGaps(_ cover: [Slot: [Variable]], away: Set<Slot>) throws -> [LinearExpression] {
        var days: [LinearExpression] = []
        for sequence in daySequences.map({ $0.filter { !away.contains($0) } })
        where sequence.count > 2 && sequence.contains(where: { cover[$0] != nil }) {
            let busyAt = sequence.map { busy(cover, $0) }
            let (started, remaining) = try staircases(busyAt)
            var gaps = LinearExpression()
            for index in 1..<(sequence.count - 1) {
                let gap = try model.addVariable()
                try model.add(gap >= started[index] + remaining[index] - 1 - busyAt[index])
                gaps += gap
            }
            days.append(gaps)
        }
        return days
    }

    /// At most `maximum` gaps each day (the resource's unavailable periods are no gaps).
    private mutating func addDailyGapLimit(_ cover: [Slot: [Variable]], maximum: Int, away: Set<Slot>) throws {
        for gaps in try dailyGaps(cover, away: away) where gaps.termCount > maximum {
            try addHard(LinearExpression(Double(maximum)) - gaps, atLeast: 0, penalty: hardMinutePenalty)
        }
    }

    /// On each day with a lesson, at least `minimum` busy periods: `busy(d) ≥ minimum · teaches`,
    /// where `teaches ≥ busy(s)` for every slot of the day.
    private mutating func addBusyDayMinimum(_ cover: [Slot: [Variable]], minimum: Int) throws {
        guard minimum > 1 else { return }
        for sequence in daySequences where sequence.contains(where: { cover[$0] != nil }) {
            let teaches = try model.addVariable(upperBound: 1)
            for slot in sequence where cover[slot] != nil { try model.add(teaches >= busy(cover, slot)) }
            let total = sum(sequence.flatMap { cover[$0] ?? [] })
            try addHard(total - Double(minimum) * teaches, atLeast: 0, penalty: hardMinutePenalty)
        }
    }

    /// At least `minimum` days with lessons: `works(d) ≤ busy(d)`, their sum at least `minimum`.
    private mutating func addMinDays(_ cover: [Slot: [Variable]], minimum: Int) throws {
        guard minimum > 0 else { return }
        var days = LinearExpression()
        for sequence in daySequences where sequence.contains(where: { cover[$0] != nil }) {
            let works = try model.addVariable(upperBound: 1)
            try model.add(sum(sequence.flatMap { cover[$0] ?? [] }) - works >= 0)
            days += works
        }
        try addHard(days, atLeast: Double(minimum), penalty: hardMinutePenalty)
    }

    /// FET's early start: of the periods the resource is available for each day (`s0, s1, …`),
    /// a busy one after `s1` needs `s0` or `s1` busy; a day that begins in `s1` (`late ≥
    /// busy(s1) − busy(s0)`) counts, and at most `maxSecondPeriodStarts` do.
    private mutating func addEarlyStarts(
        _ cover: [Slot: [Variable]], maxSecondPeriodStarts: Int, away: Set<Slot>
    ) throws {
        var late = LinearExpression()
        for sequence in daySequences.map({ $0.filter { !away.contains($0) } })
        where sequence.count > 1 && sequence.contains(where: { cover[$0] != nil }) {
            let first = busy(cover, sequence[0])
            let second = busy(cover, sequence[1])
            for slot in sequence.dropFirst(2) where cover[slot] != nil {
                try addHard(first + second - busy(cover, slot), atLeast: 0, penalty: hardMinutePenalty)
            }
            guard cover[sequence[1]] != nil else { continue }
            let startsSecond = try model.addVariable(upperBound: 1)
            try model.add(startsSecond - second + first >= 0)
            late += startsSecond
        }
        guard late.termCount > maxSecondPeriodStarts else { return }
        try addHard(
            LinearExpression(Double(maxSecondPeriodStarts)) - late, atLeast: 0, penalty: hardMinutePenalty)
    }
}
