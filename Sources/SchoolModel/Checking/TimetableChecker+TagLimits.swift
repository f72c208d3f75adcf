extension TimetableChecker {
    /// Tag limits: per teacher named and per smallest cohort inside a cohort named, the
    /// periods a day of lessons with the tag, and the longest run of them.
    mutating func checkTagLimits(_ placed: [Placed]) {
        for limit in school.tagLimits ?? [] {
            let tagged = placed.filter { $0.activity.tags?.contains(limit.tag) == true }
            var busy: [String: [Int: Set<Int>]] = [:]  // "teacher T" or "cohort C" → day → periods
            let leavesNamed = Set((limit.cohorts ?? []).flatMap { leaves(under: $0) })
            let teachersNamed = Set(limit.teachers ?? [])
            for lesson in tagged {
                for teacher in lesson.activity.teachers where teachersNamed.contains(teacher) {
                    busy["teacher '\(teacher)'", default: [:]][lesson.day, default: []].formUnion(lesson.periods)
                }
                for leaf in occupiedLeaves(lesson.activity) where leavesNamed.contains(leaf) {
                    busy["cohort '\(leaf)'", default: [:]][lesson.day, default: []].formUnion(lesson.periods)
                }
            }
            for who in busy.keys.sorted() {
                for (day, periods) in busy[who]!.sorted(by: { $0.key < $1.key }) {
                    let dayName = school.timeGrid.days[day].id
                    if let maximum = limit.maxPeriodsPerDay, periods.count > maximum {
                        flag(
                            "tagLimit.maxPerDay", [limit.tag, who],
                            "\(who) has \(periods.count) periods of '\(limit.tag)' lessons on \(dayName), above \(maximum)"
                        )
                    }
                    if let maximum = limit.maxConsecutive, longestStreak(periods, day: day) > maximum {
                        flag(
                            "tagLimit.maxConsecutive", [limit.tag, who],
                            "\(who) has \(longestStreak(periods, day: day)) periods of '\(limit.tag)' lessons in a row on \(dayName), above \(maximum)"
                        )
                    }
                }
            }
        }
    }
}
