import LinearProgramming
import SchoolModel

/// Soft rules, each a penalty per unit (see ``SoftRuleWeights``). Gaps use the classic
/// "started / not yet finished" staircases: `a[p]` is 1 from the first busy period of the day
/// on, `b[p]` 1 up to the last, and a period is a gap when `a + b − 1 − busy` is 1. The helper
/// variables are continuous: at an optimum, and in ``evaluationModel()``, they take the exact
/// values, so the objective of a timetable is its penalty as the checker counts it.
extension TimetableFormulation {
    mutating func addSoftRules() throws {
        guard options.softRules else {
            try model.minimize(objectiveTerms)
            return
        }
        let teacherGap = weights.teacherGap ?? 0
        let cohortGap = weights.cohortGap ?? 0
        let lateStart = weights.lateStart ?? 0
        let uneven = weights.unevenDays ?? 0
        let shortDay = weights.shortDay ?? 0
        for (teacher, record) in problem.school.teachers.enumerated() where !teacherCover[teacher].isEmpty {
            let cover = teacherCover[teacher]
            if teacherGap > 0 { try addGaps(cover, weight: teacherGap, lateStartWeight: 0) }
            if uneven > 0 { try addUnevenDays(cover, load: load(teacher: teacher), weight: uneven) }
            if shortDay > 0, let minimum = record.minPeriodsPerDay, minimum > 0 {
                try addShortDays(cover, minimum: minimum, weight: shortDay)
            }
        }
        for leaf in problem.leafCohorts.indices where !leafCover[leaf].isEmpty {
            let cover = leafCover[leaf]
            if cohortGap > 0 || lateStart > 0 { try addGaps(cover, weight: cohortGap, lateStartWeight: lateStart) }
            if uneven > 0 { try addUnevenDays(cover, load: load(leaf: leaf), weight: uneven) }
        }
        try addSoftDayLimits()
        try model.minimize(objectiveTerms)
    }

    /// Gaps between the first and last busy teaching period of each day, and a late start
    /// (the first teaching period free on a day with lessons).
    private mutating func addGaps(_ cover: [Slot: [Variable]], weight: Double, lateStartWeight: Double) throws {
        for sequence in daySequences where sequence.contains(where: { cover[$0] != nil }) {
            let busyAt = sequence.map { busy(cover, $0) }
            let count = sequence.count
            let (started, remaining) = try staircases(busyAt)
            if weight > 0 && count > 2 {
                for index in 1..<(count - 1) {
                    let gap = try model.addVariable()
                    try model.add(gap >= started[index] + remaining[index] - 1 - busyAt[index])
                    objectiveTerms.add(weight, gap)
                }
            }
            if lateStartWeight > 0 {
                let late = try model.addVariable()
                try model.add(late >= remaining[0] - busyAt[0])
                objectiveTerms.add(lateStartWeight, late)
            }
        }
    }

    /// The "started" staircase (1 from the first busy period on) and the "not yet finished" one
    /// (1 up to the last), as continuous variables bounded below: a period is a gap when
    /// `started + remaining − 1 − busy` is 1.
    mutating func staircases(
        _ busyAt: [LinearExpression]
    ) throws -> (started: [Variable], remaining: [Variable]) {
        let started = try busyAt.map { _ in try model.addVariable(upperBound: 1) }
        let remaining = try busyAt.map { _ in try model.addVariable(upperBound: 1) }
        for index in busyAt.indices {
            try model.add(started[index] >= busyAt[index])
            try model.add(remaining[index] >= busyAt[index])
            if index > 0 { try model.add(started[index] >= LinearExpression(started[index - 1])) }
            if index + 1 < busyAt.count { try model.add(remaining[index] >= LinearExpression(remaining[index + 1])) }
        }
        return (started, remaining)
    }

    /// Periods above the resource's even share (its possible weekly load over the days, rounded up).
    private mutating func addUnevenDays(_ cover: [Slot: [Variable]], load: Int, weight: Double) throws {
        let days = max(1, daySequences.filter { !$0.isEmpty }.count)
        let share = Double((load + days - 1) / days)
        for sequence in daySequences {
            let total = sum(sequence.flatMap { cover[$0] ?? [] })
            guard Double(total.termCount) > share else { continue }
            let over = try model.addVariable()
            try model.add(over >= total - share)
            objectiveTerms.add(weight, over)
        }
    }

    /// Periods of lessons of a teacher, or of a leaf cohort, per week.
    func load(teacher: Int) -> Int {
        problem.lessons.reduce(0) { $0 + ($1.teachers.contains(teacher) ? $1.duration : 0) }
    }

    func load(leaf: Int) -> Int {
        problem.lessons.reduce(0) { $0 + ($1.leaves.contains(leaf) ? $1.duration : 0) }
    }

    /// Periods below a teacher's daily minimum on a day they teach.
    private mutating func addShortDays(_ cover: [Slot: [Variable]], minimum: Int, weight: Double) throws {
        for sequence in daySequences where sequence.contains(where: { cover[$0] != nil }) {
            let teaches = try model.addVariable(upperBound: 1)
            for slot in sequence where cover[slot] != nil { try model.add(teaches >= busy(cover, slot)) }
            let short = try model.addVariable()
            try model.add(short >= Double(minimum) * teaches - sum(sequence.flatMap { cover[$0] ?? [] }))
            objectiveTerms.add(weight, short)
        }
    }

    /// The model with every start fixed as in `starts`: its optimum is the exact penalty of
    /// that timetable under this formulation (the helper variables at their least values).
    public func evaluationModel(_ starts: [Slot]) throws -> Model {
        var fixed = model
        for (variable, value) in startValues(starts) { try fixed.setBounds(of: variable, lower: value, upper: value) }
        return fixed
    }
}
