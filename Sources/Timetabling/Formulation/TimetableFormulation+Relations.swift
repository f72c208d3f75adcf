import LinearProgramming
import SchoolModel

/// The relations read from FET beyond same start, consecutive, ordered and minimum days:
/// grouped, not overlapping, same day, same period, a minimum gap, ordered if on one day,
/// maximum days apart, and the end of the cohorts' day. Hard ones are exact rows over the
/// start variables; soft ones add a penalty variable per pair (or relation, or activity),
/// weighted in the objective, that the rows force to the size of the breach.
extension TimetableFormulation {
    /// Where a lesson following `lesson` at `start` back to back begins: the period after it
    /// ends, or with `acrossBreaks` the first period after it that is not a break; nil when
    /// the day ends first.
    func follower(_ lesson: Int, _ start: Slot, acrossBreaks: Bool) -> Slot? {
        let periods = problem.grid.periods(ofDay: start.day)
        var period = start.period + problem.lessons[lesson].duration
        while acrossBreaks && period < periods.count && periods[period].resolvedKind == .break { period += 1 }
        return period < periods.count ? Slot(day: start.day, period: period) : nil
    }

    /// Adds one relation of the kinds above; false for the other kinds (added by
    /// `addRelations`). `members` are lesson positions in the relation's order.
    mutating func addMoreRelation(_ relation: ActivityRelation, members: [Int]) throws -> Bool {
        let weight = relation.weight
        let pairs = members.indices.flatMap { i in members.indices.filter { $0 > i }.map { (members[i], members[$0]) } }
        switch relation.kind {
        case .sameStart, .consecutive, .ordered, .minDaysApart:
            return false
        case .grouped:
            try addGrouped(members, acrossBreaks: relation.acrossBreaks == true, weight: weight)
        case .notOverlapping:
            try addNotOverlapping(members, pairs: pairs, weight: weight)
        case .sameDay:
            try addSameKey(members, pairs: pairs, weight: weight) { _, slot in "\(slot.day)" }
        case .samePeriod:
            let grid = problem.grid
            try addSameKey(members, pairs: pairs, weight: weight) { _, slot in
                grid.periods(ofDay: slot.day)[slot.period].id
            }
        case .minGap:
            for (first, second) in pairs {
                try addMinGap(first, second, periods: relation.minPeriods ?? 0, weight: weight)
            }
        case .orderedIfSameDay:
            for (first, second) in zip(members, members.dropFirst()) {
                try addOrdered(first, second, weight: weight, sameDayOnly: true)
            }
        case .maxDaysApart:
            for (first, second) in pairs {
                try addMaxDaysApart(first, second, maxDays: relation.maxDays ?? 0, weight: weight)
            }
        case .endsCohortsDay:
            for member in members { try addEndsCohortsDay(member, weight: weight) }
        }
        return true
    }

    /// A penalty variable for a soft rule (weighted in the objective), nil for a hard one.
    private mutating func penalty(_ weight: Double?, upperBound: Double = 1) throws -> Variable? {
        guard let weight else { return nil }
        let variable = try model.addVariable(upperBound: upperBound)
        objectiveTerms.add(weight, variable)
        return variable
    }

    /// `expression ≤ bound`, or with a penalty `expression − penalty ≤ bound`.
    private mutating func addAtMost(_ expression: LinearExpression, _ bound: Double, penalty: Variable?) throws {
        if let penalty {
            try model.add(expression - penalty <= bound)
        } else {
            try model.add(expression <= bound)
        }
    }

    /// A chain: every member but one starts where another member's follower is (it has a
    /// predecessor) — `first[i]` marks the one that need not, at most one is marked — and no
    /// two start together (for three or more), so each has at most one successor: a path.
    /// `first` may be continuous: at integer starts a member without predecessor needs it at 1.
    private mutating func addGrouped(_ members: [Int], acrossBreaks: Bool, weight: Double?) throws {
        let violation = try penalty(weight)
        var predecessors: [Int: [Slot: LinearExpression]] = [:]
        for member in members {
            for (start, variable) in zip(problem.lessons[member].starts, startVariables[member]) {
                guard let next = follower(member, start, acrossBreaks: acrossBreaks) else { continue }
                for other in members where other != member {
                    predecessors[other, default: [:]][next, default: LinearExpression()] += variable
                }
            }
        }
        var firsts = LinearExpression()
        for member in members {
            let first = try model.addVariable(upperBound: 1)
            firsts += first
            for (start, variable) in zip(problem.lessons[member].starts, startVariables[member]) {
                let row = variable - (predecessors[member]?[start] ?? LinearExpression()) - first
                try addAtMost(row, 0, penalty: violation)
            }
        }
        try model.add(firsts <= 1)
        guard members.count > 2 else { return }
        for slot in Set(members.flatMap { problem.lessons[$0].starts }).sorted() {
            let together = sum(members.map { startExpression($0, slot) })
            if together.termCount > 1 { try addAtMost(together, 1, penalty: violation) }
        }
    }

    /// Hard: at most one member covers each slot. Soft: a penalty per pair and shared period.
    private mutating func addNotOverlapping(_ members: [Int], pairs: [(Int, Int)], weight: Double?) throws {
        let slots = Set(members.flatMap { lessonCover[$0].keys }).sorted()
        guard weight != nil else {
            for slot in slots {
                let covering = sum(members.flatMap { lessonCover[$0][slot] ?? [] })
                if covering.termCount > 1 { try model.add(covering <= 1) }
            }
            return
        }
        for (first, second) in pairs {
            for slot in slots {
                guard let one = lessonCover[first][slot], let other = lessonCover[second][slot] else { continue }
                try addAtMost(sum(one) + sum(other), 1, penalty: try penalty(weight))
            }
        }
    }

    /// The members' starts fall in one class of `key` (the day, or the period's id). Hard:
    /// each member's count per class equals the first's. Soft: a penalty per pair that differs.
    private mutating func addSameKey(
        _ members: [Int], pairs: [(Int, Int)], weight: Double?, key: (Int, Slot) -> String
    ) throws {
        var perClass: [Int: [String: LinearExpression]] = [:]
        var classes = Set<String>()
        for member in members {
            for (start, variable) in zip(problem.lessons[member].starts, startVariables[member]) {
                let name = key(member, start)
                classes.insert(name)
                perClass[member, default: [:]][name, default: LinearExpression()] += variable
            }
        }
        let chosen = weight == nil ? members.dropFirst().map { (members[0], $0) } : pairs
        for (first, second) in chosen {
            let violation = try penalty(weight)
            for name in classes.sorted() {
                let difference =
                    (perClass[first]?[name] ?? LinearExpression()) - (perClass[second]?[name] ?? LinearExpression())
                guard difference.termCount > 0 else { continue }
                if let violation {
                    try model.add(difference - violation <= 0)
                } else {
                    try model.add(difference == 0)
                }
            }
        }
    }

    /// On one day, at least `periods` periods from the end of the earlier to the start of the
    /// later (breaks count). Soft: a penalty per missing period, as FET counts them.
    private mutating func addMinGap(_ first: Int, _ second: Int, periods: Int, weight: Double?) throws {
        let firstDuration = problem.lessons[first].duration
        let secondDuration = problem.lessons[second].duration
        let violation = try penalty(weight, upperBound: .infinity)
        for (start, variable) in zip(problem.lessons[first].starts, startVariables[first]) {
            var missing = LinearExpression()
            var most = 0
            for (other, otherVariable) in zip(problem.lessons[second].starts, startVariables[second])
            where other.day == start.day {
                let short =
                    start.period >= other.period
                    ? other.period + secondDuration + periods - start.period
                    : start.period + firstDuration + periods - other.period
                guard short > 0 else { continue }
                missing.add(violation == nil ? 1 : Double(short), otherVariable)
                most = max(most, short)
            }
            guard missing.termCount > 0 else { continue }
            if let violation {
                // The penalty is at least the missing periods when the first is at `start`.
                try model.add(missing + Double(most) * variable - violation <= Double(most))
            } else {
                try model.add(missing + variable <= 1)
            }
        }
    }

    /// At most `maxDays` days between them. Soft: a penalty per day too many.
    private mutating func addMaxDaysApart(_ first: Int, _ second: Int, maxDays: Int, weight: Double?) throws {
        let dayCount = problem.grid.days.count
        guard maxDays < dayCount - 1 else { return }
        if let violation = try penalty(weight, upperBound: .infinity) {
            var difference = LinearExpression()
            for day in 0..<dayCount {
                difference.add(onDay(first, day), times: Double(day))
                difference.add(onDay(second, day), times: -Double(day))
            }
            try model.add(difference - violation <= Double(maxDays))
            try model.add(difference + violation >= -Double(maxDays))
            return
        }
        for day in 0..<dayCount {
            var far = onDay(first, day)
            for other in 0..<dayCount where abs(other - day) > maxDays { far += onDay(second, other) }
            if far.termCount > onDay(first, day).termCount { try model.add(far <= 1) }
        }
    }

    /// For each leaf cohort of the lesson and each slot: the lesson's starts that end by then
    /// on that day and the cohort's other lessons there, at most one of them. Soft: a penalty
    /// per lesson.
    private mutating func addEndsCohortsDay(_ lesson: Int, weight: Double?) throws {
        let violation = try penalty(weight)
        let duration = problem.lessons[lesson].duration
        let own = Set(startVariables[lesson].map(\.index))
        var seen = Set<[Int]>()
        for leaf in problem.lessons[lesson].leaves {
            for slot in leafCover[leaf].keys.sorted() {
                let others = leafCover[leaf][slot]!.filter { !own.contains($0.index) }
                guard !others.isEmpty else { continue }
                let ended = zip(problem.lessons[lesson].starts, startVariables[lesson]).filter { start, _ in
                    start.day == slot.day && start.period + duration <= slot.period
                }.map(\.1)
                guard !ended.isEmpty else { continue }
                let row = ended + others
                guard seen.insert(row.map(\.index)).inserted else { continue }
                try addAtMost(sum(row), 1, penalty: violation)
            }
        }
    }
}
