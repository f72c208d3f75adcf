extension TimetableChecker {
    /// Soft day limits: each day of a teacher named, or of a smallest cohort inside a cohort
    /// named, busy in more periods than the limit costs its weight (FET counts the day once).
    mutating func scoreSoftDayLimits(_ placed: [Placed]) {
        guard let limits = school.softDayLimits, !limits.isEmpty else { return }
        let busy = busyPeriods(placed)
        for limit in limits {
            var people: [[Int: Set<Int>]] = (limit.teachers ?? []).map { busy.teachers[$0] ?? [:] }
            for leaf in Set((limit.cohorts ?? []).flatMap { leaves(under: $0) }).sorted() {
                people.append(busy.leaves[leaf] ?? [:])
            }
            let over = people.reduce(0) { total, days in
                total + days.values.filter { $0.count > limit.maxPeriodsPerDay }.count
            }
            score("softDayLimit", limit.weight * Double(over))
        }
    }
}
