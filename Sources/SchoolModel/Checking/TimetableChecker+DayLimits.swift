extension TimetableChecker {
    /// Day limits: per teacher named and per smallest cohort inside a cohort named, each day's
    /// span (first to last busy period, breaks included) and the free periods between a day's
    /// last busy period and the next day's first.
    mutating func checkDayLimits(_ placed: [Placed]) {
        guard let limits = school.dayLimits, !limits.isEmpty else { return }
        let busy = busyPeriods(placed)
        let grid = school.timeGrid
        for limit in limits {
            var people: [(name: String, days: [Int: Set<Int>])] = (limit.teachers ?? []).map {
                ("teacher '\($0)'", busy.teachers[$0] ?? [:])
            }
            for leaf in Set((limit.cohorts ?? []).flatMap { leaves(under: $0) }).sorted() {
                people.append(("cohort '\(leaf)'", busy.leaves[leaf] ?? [:]))
            }
            for (name, days) in people {
                if let span = limit.maxSpan {
                    var longer: [String] = []
                    for day in days.keys.sorted() {
                        guard let first = days[day]!.min(), let last = days[day]!.max() else { continue }
                        let length = last - first + 1
                        if length > span + 1 || (length == span + 1 && (limit.maxSpanExceptions ?? 0) == 0) {
                            flag(
                                "dayLimit.maxSpan", [name],
                                "\(name)'s \(grid.days[day].id) spans \(length) periods, above \(span)")
                        } else if length == span + 1 {
                            longer.append(grid.days[day].id)
                        }
                    }
                    if longer.count > limit.maxSpanExceptions ?? 0 {
                        flag(
                            "dayLimit.maxSpan", [name],
                            "\(name)'s days \(longer.joined(separator: ", ")) span \(span + 1) periods: more than \(limit.maxSpanExceptions ?? 0) such days"
                        )
                    }
                }
                if let maximum = limit.maxIntervalDays {
                    let used = days.keys.filter { day in
                        let inside = limit.interval(inDayOf: grid.periods(ofDay: day).map(\.id))
                        return days[day]!.contains { inside.contains($0) }
                    }
                    if used.count > maximum {
                        flag(
                            "dayLimit.maxIntervalDays", [name],
                            "\(name) is busy from \(limit.intervalStart ?? "") to \(limit.intervalEnd ?? "the end of the day") on \(used.count) days, above \(maximum)"
                        )
                    }
                }
                guard let rest = limit.minRest else { continue }
                let count = grid.days.count
                for day in 0..<(limit.minRestCircular == true ? count : count - 1) where count > 1 {
                    let next = (day + 1) % count
                    guard let last = days[day]?.max(), let first = days[next]?.min() else { continue }
                    let free = (grid.periods(ofDay: day).count - 1 - last) + first
                    if free < rest {
                        flag(
                            "dayLimit.minRest", [name],
                            "\(name) rests \(free) periods from \(grid.days[day].id) to \(grid.days[next].id), below \(rest)"
                        )
                    }
                }
            }
        }
    }
}
