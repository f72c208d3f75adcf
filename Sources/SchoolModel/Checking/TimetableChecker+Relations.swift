extension TimetableChecker {
    /// The period where a lesson that follows `lesson` back to back starts: the one after its
    /// last, or with `acrossBreaks` the first after it that is not a break.
    func nextPeriod(after lesson: Placed, acrossBreaks: Bool) -> Int {
        let periods = school.timeGrid.periods(ofDay: lesson.day)
        var period = (lesson.periods.last ?? -1) + 1
        while acrossBreaks && period < periods.count && periods[period].resolvedKind == .break { period += 1 }
        return period
    }

    /// Checks a relation of the kinds read from FET beyond same start, consecutive, ordered
    /// and minimum days; false for those four (checked by `checkRelations`). `members` are the
    /// placed lessons in the relation's order, `placed` all of them.
    mutating func checkMoreRelation(_ relation: ActivityRelation, members: [Placed], placed: [Placed]) -> Bool {
        var pairs: [(Placed, Placed)] = []
        for i in members.indices {
            for j in members.indices where j > i { pairs.append((members[i], members[j])) }
        }
        /// Pairs that break the rule, each with the size of the breach (for soft scores).
        var broken: [(Placed, Placed, Double)] = []
        switch relation.kind {
        case .sameStart, .consecutive, .ordered, .minDaysApart:
            return false
        case .grouped:
            let sorted = members.sorted { ($0.day, $0.periods.first ?? 0) < ($1.day, $1.periods.first ?? 0) }
            for (first, second) in zip(sorted, sorted.dropFirst())
            where first.day != second.day
                || second.periods.first != nextPeriod(after: first, acrossBreaks: relation.acrossBreaks == true)
            {
                broken.append((first, second, 1))
            }
            // One breach per relation, named by its first broken link.
            broken = Array(broken.prefix(1))
        case .notOverlapping:
            for (first, second) in pairs where first.day == second.day {
                let shared = Set(first.periods).intersection(second.periods).count
                if shared > 0 { broken.append((first, second, Double(shared))) }
            }
        case .sameDay:
            for (first, second) in pairs where first.day != second.day { broken.append((first, second, 1)) }
        case .samePeriod:
            func start(_ lesson: Placed) -> String? {
                lesson.periods.first.map { school.timeGrid.periods(ofDay: lesson.day)[$0].id }
            }
            for (first, second) in pairs where start(first) != start(second) { broken.append((first, second, 1)) }
        case .minGap:
            let gap = relation.minPeriods ?? 0
            for (first, second) in pairs where first.day == second.day {
                let (earlier, later) =
                    (first.periods.first ?? 0) >= (second.periods.first ?? 0) ? (second, first) : (first, second)
                let short = earlier.periods.count + gap - ((later.periods.first ?? 0) - (earlier.periods.first ?? 0))
                if short > 0 { broken.append((first, second, Double(short))) }
            }
        case .orderedIfSameDay:
            for (first, second) in zip(members, members.dropFirst())
            where first.day == second.day && (second.periods.first ?? 0) <= (first.periods.first ?? 0) {
                broken.append((first, second, 1))
            }
        case .maxDaysApart:
            for (first, second) in pairs where abs(first.day - second.day) > (relation.maxDays ?? 0) {
                broken.append((first, second, Double(abs(first.day - second.day) - (relation.maxDays ?? 0))))
            }
        case .endsCohortsDay:
            for member in members {
                let leaves = occupiedLeaves(member.activity)
                let last = member.periods.last ?? 0
                if let later = placed.first(where: { other in
                    other.activity.id != member.activity.id && other.day == member.day
                        && other.periods.contains { $0 > last }
                        && !leaves.isDisjoint(with: occupiedLeaves(other.activity))
                }) {
                    broken.append((member, later, 1))
                }
            }
        }
        let name = relation.kind.rawValue
        for (first, second, amount) in broken {
            if let weight = relation.weight {
                score("relation.\(name)", weight * amount)
            } else {
                flag(
                    "relation.\(name)", [first.activity.id, second.activity.id],
                    "activities '\(first.activity.id)' and '\(second.activity.id)' break their \(name) rule")
            }
        }
        return true
    }
}
