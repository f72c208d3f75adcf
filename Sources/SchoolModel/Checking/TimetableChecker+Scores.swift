/// Soft rules, scored exactly as their documentation in ``SoftRuleWeights`` defines them.
extension TimetableChecker {
    mutating func scoreTimes(_ placed: [Placed]) {
        let weights = (school.weights ?? SoftRuleWeights()).resolved
        let busy = busyPeriods(placed)
        for teacher in school.teachers {
            let days = busy.teachers[teacher.id] ?? [:]
            score("teacherGap", weights.teacherGap! * Double(days.reduce(0) { $0 + gaps($1.value, day: $1.key) }))
            score("unevenDays", weights.unevenDays! * Double(overShare(days)))
            if let minimum = teacher.minPeriodsPerDay {
                let short = days.values.filter { !$0.isEmpty }.reduce(0) { $0 + max(0, minimum - $1.count) }
                score("shortDay", weights.shortDay! * Double(short))
            }
        }
        for (_, days) in busy.leaves.sorted(by: { $0.key < $1.key }) {
            score("cohortGap", weights.cohortGap! * Double(days.reduce(0) { $0 + gaps($1.value, day: $1.key) }))
            score("unevenDays", weights.unevenDays! * Double(overShare(days)))
            let late = days.filter { day, periods in
                guard !periods.isEmpty, let first = teachingPeriods(day).first else { return false }
                return !periods.contains(first)
            }.count
            score("lateStart", weights.lateStart! * Double(late))
        }
        for lesson in placed {
            if let preferred = lesson.activity.preferredTimes {
                let day = school.timeGrid.days[lesson.day].id
                let period = school.timeGrid.periods(ofDay: lesson.day)[lesson.periods.first ?? 0].id
                let inside = preferred.contains { $0.day == day && ($0.periods == nil || $0.periods!.contains(period)) }
                if !inside { score("preferredTime", weights.preferredTime!) }
            }
            if let room = lesson.room {
                let preferred =
                    lesson.activity.preferredRooms
                    ?? Array(
                        Set(
                            lesson.activity.teachers.flatMap { id in
                                school.teachers.first { $0.id == id }?.preferredRooms ?? []
                            }))
                if !preferred.isEmpty && !preferred.contains(room.id) { score("preferredRoom", weights.preferredRoom!) }
            } else if lesson.activity.takesNoRoom, !(lesson.activity.preferredRooms ?? []).isEmpty {
                // It needs no room but should use one of these: without a room it misses them.
                score("preferredRoom", weights.preferredRoom!)
            }
        }
        score("roomChange", weights.roomChange! * Double(roomChanges(placed)))
    }

    /// Teaching periods of a day, in order.
    func teachingPeriods(_ day: Int) -> [Int] {
        school.timeGrid.periods(ofDay: day).indices.filter {
            school.timeGrid.periods(ofDay: day)[$0].resolvedKind == .teaching
        }
    }

    /// Free teaching periods between the first and last busy one; periods in `excluded` (the
    /// resource's unavailable ones, for the hard limits, as FET counts) are no gaps.
    func gaps(_ periods: Set<Int>, day: Int, excluded: Set<Slot> = []) -> Int {
        let sequence = teachingPeriods(day).filter { !excluded.contains(Slot(day: day, period: $0)) }
        guard let first = sequence.firstIndex(where: periods.contains),
            let last = sequence.lastIndex(where: periods.contains)
        else { return 0 }
        return sequence[first...last].filter { !periods.contains($0) }.count
    }

    /// Periods above the even share (weekly load over the days with teaching periods, rounded up).
    func overShare(_ days: [Int: Set<Int>]) -> Int {
        let load = days.values.reduce(0) { $0 + $1.count }
        let dayCount = max(1, school.timeGrid.days.indices.filter { !teachingPeriods($0).isEmpty }.count)
        let share = (load + dayCount - 1) / dayCount
        return days.values.reduce(0) { $0 + max(0, $1.count - share) }
    }

    /// Pairs of lessons sharing a leaf cohort, the second starting where the first ends (same
    /// run of periods), in different rooms.
    func roomChanges(_ placed: [Placed]) -> Int {
        var count = 0
        for first in placed {
            guard let end = first.periods.last, let firstRoom = first.room else { continue }
            let next = end + 1
            let periods = school.timeGrid.periods(ofDay: first.day)
            guard next < periods.count, periods[next].resolvedKind == .teaching else { continue }
            let leaves = occupiedLeaves(first.activity)
            for second in placed
            where second.day == first.day && second.periods.first == next && second.activity.id != first.activity.id {
                guard !leaves.isDisjoint(with: occupiedLeaves(second.activity)), let secondRoom = second.room else {
                    continue
                }
                if secondRoom.id != firstRoom.id { count += 1 }
            }
        }
        return count
    }
}
