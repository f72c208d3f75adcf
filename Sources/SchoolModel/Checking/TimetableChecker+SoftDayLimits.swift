extension TimetableChecker {
    /// Soft day limits: each day of a teacher named, or of a smallest cohort inside a cohort
    /// named, busy in more periods than the limit, and each run of more busy periods in a row
    /// (a break or free period ends it), costs its weight (FET counts a day or run once); with
    /// a tag, only the lessons with the tag count.
    mutating func scoreSoftDayLimits(_ placed: [Placed]) {
        guard let limits = school.softDayLimits, !limits.isEmpty else { return }
        let all = busyPeriods(placed)
        for limit in limits {
            let busy =
                limit.tag.map { tag in busyPeriods(placed.filter { $0.activity.tags?.contains(tag) == true }) } ?? all
            var people: [[Int: Set<Int>]] = (limit.teachers ?? []).map { busy.teachers[$0] ?? [:] }
            for leaf in Set((limit.cohorts ?? []).flatMap { leaves(under: $0) }).sorted() {
                people.append(busy.leaves[leaf] ?? [:])
            }
            var over = 0
            for days in people {
                for (day, periods) in days {
                    if let maximum = limit.maxPeriodsPerDay, periods.count > maximum { over += 1 }
                    if let maximum = limit.maxConsecutive { over += longRuns(periods, day: day, above: maximum) }
                }
            }
            score("softDayLimit", limit.weight * Double(over))
        }
    }

    /// Runs of busy periods in a row on `day` longer than `maximum`: periods in the day's order,
    /// a period not busy (free, a break) ending a run.
    func longRuns(_ periods: Set<Int>, day: Int, above maximum: Int) -> Int {
        var runs = 0
        var length = 0
        for period in school.timeGrid.periods(ofDay: day).indices {
            if periods.contains(period) {
                length += 1
                continue
            }
            if length > maximum { runs += 1 }
            length = 0
        }
        return runs + (length > maximum ? 1 : 0)
    }
}
