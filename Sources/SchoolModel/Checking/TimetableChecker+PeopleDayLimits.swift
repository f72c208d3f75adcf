/// The limits on teachers' and leaf cohorts' days, counted as FET counts them (a cohort's
/// limits, and its parents', apply to each of its smallest sub-cohorts).
extension TimetableChecker {
    mutating func checkPeopleDayLimits(_ placed: [Placed]) {
        let busy = busyPeriods(placed)
        for teacher in school.teachers {
            let days = (busy.teachers[teacher.id] ?? [:]).filter { !$0.value.isEmpty }
            let away = school.timeGrid.slots(in: teacher.unavailable ?? [])
            checkDays(
                days, of: ("teacher", teacher.id), away: away, maxGaps: teacher.maxGapsPerDay,
                minPerBusyDay: teacher.minPeriodsPerBusyDay)
            if let minimum = teacher.minDaysPerWeek, days.count < minimum {
                flag(
                    "teacher.minDaysPerWeek", [teacher.id],
                    "teacher '\(teacher.id)' teaches on \(days.count) days, below \(minimum)")
            }
        }
        let cohorts = school.cohorts ?? []
        let byID = Dictionary(cohorts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let parents = Set(cohorts.compactMap(\.parent))
        for leaf in cohorts.map(\.id).filter({ !parents.contains($0) }).sorted() {
            let lineage = ancestry(leaf).compactMap { byID[$0] }
            let days = (busy.leaves[leaf] ?? [:]).filter { !$0.value.isEmpty }
            let away = school.timeGrid.slots(in: lineage.flatMap { $0.unavailable ?? [] })
            checkDays(
                days, of: ("cohort", leaf), away: away, maxGaps: lineage.compactMap(\.maxGapsPerDay).min(),
                minPerBusyDay: lineage.compactMap(\.minPeriodsPerBusyDay).max())
            if let maximum = lineage.compactMap(\.maxConsecutive).min() {
                for (day, periods) in days.sorted(by: { $0.key < $1.key })
                where longestStreak(periods, day: day) > maximum {
                    flag(
                        "cohort.maxConsecutive", [leaf],
                        "cohort '\(leaf)' has \(longestStreak(periods, day: day)) periods in a row on \(school.timeGrid.days[day].id), above \(maximum)"
                    )
                }
            }
            if let minimum = lineage.compactMap(\.minPeriodsEveryDay).max() {
                for day in school.timeGrid.days.indices where (days[day]?.count ?? 0) < minimum {
                    flag(
                        "cohort.minEveryDay", [leaf],
                        "cohort '\(leaf)' has \(days[day]?.count ?? 0) periods on \(school.timeGrid.days[day].id), below \(minimum)"
                    )
                }
            }
            if let maximum = lineage.compactMap(\.maxSecondPeriodStartsPerWeek).min() {
                checkEarlyStarts(days, of: leaf, away: away, maxSecondPeriodStarts: maximum)
            }
        }
    }

    /// Gaps on each day and the minimum of a busy day, for a teacher or a leaf cohort.
    private mutating func checkDays(
        _ days: [Int: Set<Int>], of owner: (kind: String, id: String), away: Set<Slot>, maxGaps: Int?,
        minPerBusyDay: Int?
    ) {
        for (day, periods) in days.sorted(by: { $0.key < $1.key }) {
            let dayID = school.timeGrid.days[day].id
            if let maximum = maxGaps, gaps(periods, day: day, excluded: away) > maximum {
                flag(
                    "\(owner.kind).maxGapsPerDay", [owner.id],
                    "\(owner.kind) '\(owner.id)' has \(gaps(periods, day: day, excluded: away)) gaps on \(dayID), above \(maximum)"
                )
            }
            if let minimum = minPerBusyDay, periods.count < minimum {
                flag(
                    "\(owner.kind).minPerBusyDay", [owner.id],
                    "\(owner.kind) '\(owner.id)' has \(periods.count) periods on \(dayID), below \(minimum) on a day with lessons"
                )
            }
        }
    }

    /// FET's early start: each day with lessons begins in the first or second of the teaching
    /// periods the cohort is available for, in the second on at most `maxSecondPeriodStarts` days.
    private mutating func checkEarlyStarts(
        _ days: [Int: Set<Int>], of leaf: String, away: Set<Slot>, maxSecondPeriodStarts: Int
    ) {
        var secondStarts = 0
        for (day, periods) in days.sorted(by: { $0.key < $1.key }) {
            let available = teachingPeriods(day).filter { !away.contains(Slot(day: day, period: $0)) }
            guard let first = available.firstIndex(where: periods.contains) else { continue }
            if first == 1 { secondStarts += 1 }
            if first > 1 {
                flag(
                    "cohort.secondPeriodStarts", [leaf],
                    "cohort '\(leaf)' begins on \(school.timeGrid.days[day].id) in period \(school.timeGrid.periods(ofDay: day)[available[first]].id), after the first two it is available for"
                )
            }
        }
        if secondStarts > maxSecondPeriodStarts {
            flag(
                "cohort.secondPeriodStarts", [leaf],
                "cohort '\(leaf)' begins in its second period on \(secondStarts) days, above \(maxSecondPeriodStarts)")
        }
    }
}
