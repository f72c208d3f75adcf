import LinearProgramming
import SchoolModel

/// One room rule as the room MIP meets it: a building rule for one teacher or one smallest
/// cohort, or a rule over a set of activities.
struct RoomRuleScope {
    /// Position of the rule in the school's `roomRules`.
    var index: Int
    var rule: RoomRule
    /// The lessons (by position) it concerns: the person's, or the activities named.
    var lessons: Set<Int>

    /// Every scope of the school's room rules: a building rule once per teacher and per
    /// smallest cohort it names, a rule over activities once.
    static func all(_ problem: SchedulingProblem) -> [RoomRuleScope] {
        var scopes: [RoomRuleScope] = []
        for (index, rule) in (problem.school.roomRules ?? []).enumerated() {
            if rule.isBuildingRule {
                let people = problem.people(teachers: rule.teachers, cohorts: rule.cohorts)
                for teacher in people.teachers {
                    let lessons = problem.lessons.indices.filter { problem.lessons[$0].teachers.contains(teacher) }
                    scopes.append(RoomRuleScope(index: index, rule: rule, lessons: Set(lessons)))
                }
                for leaf in people.leaves {
                    let lessons = problem.lessons.indices.filter { problem.lessons[$0].leaves.contains(leaf) }
                    scopes.append(RoomRuleScope(index: index, rule: rule, lessons: Set(lessons)))
                }
            } else {
                let named = Set(rule.activities ?? [])
                let lessons = problem.lessons.indices.filter { named.contains(problem.lessons[$0].activity.id) }
                scopes.append(RoomRuleScope(index: index, rule: rule, lessons: Set(lessons)))
            }
        }
        return scopes
    }
}

extension RoomAssignment {
    /// Adds one rule scope over the lessons of `built` that it concerns.
    static func addRule(
        _ scope: RoomRuleScope, to built: inout RoomModel, _ problem: SchedulingProblem, starts: [Slot], lessons: [Int]
    ) throws {
        let members = lessons.filter { scope.lessons.contains($0) && built.choice[$0] != nil }
        switch scope.rule.kind {
        case .maxDifferentRooms:
            var used: [Int: Variable] = [:]
            for lesson in members {
                for (room, variable) in built.choice[lesson]! {
                    if used[room] == nil { used[room] = try built.model.addBinary() }
                    try built.model.add(variable - used[room]! <= 0)
                }
            }
            if used.count > scope.rule.count ?? 0 {
                try built.model.add(sum(used.values) <= Double(scope.rule.count ?? 0))
            }
        case .sameRoomIfConsecutive:
            for first in members {
                let end = starts[first].period + problem.lessons[first].duration
                for second in members where starts[second].day == starts[first].day && starts[second].period == end {
                    // In a room, the first lesson leaves the second no other room.
                    for (room, variable) in built.choice[first]! {
                        let elsewhere = built.choice[second]!.filter { $0.room != room }.map(\.variable)
                        guard !elsewhere.isEmpty else { continue }
                        try built.model.add(variable + sum(elsewhere) <= 1)
                    }
                }
            }
        case .maxBuildingChangesPerDay, .maxBuildingChangesPerWeek, .minGapsBetweenBuildingChanges:
            try addBuildingRule(scope.rule, to: &built, problem, starts: starts, members: members)
        }
    }

    /// A building rule for one person over their lessons of the model, as FET counts changes:
    /// in period order, between two lessons in buildings with none in a building between them
    /// (a lesson with no room, or in a room of no building, is a free period).
    private static func addBuildingRule(
        _ rule: RoomRule, to built: inout RoomModel, _ problem: SchedulingProblem, starts: [Slot], members: [Int]
    ) throws {
        let rooms = problem.school.rooms
        let count = rule.count ?? 0
        func inBuilding(_ lesson: Int, _ building: String?) -> LinearExpression {
            sum(built.choice[lesson]!.filter { rooms[$0.room].building == building }.map(\.variable))
        }
        func inAny(_ lesson: Int) -> LinearExpression {
            sum(built.choice[lesson]!.filter { rooms[$0.room].building != nil }.map(\.variable))
        }
        func buildings(_ lesson: Int) -> Set<String> {
            Set(built.choice[lesson]!.compactMap { rooms[$0.room].building })
        }
        func surelyInBuilding(_ lesson: Int) -> Bool {
            built.none[lesson] == nil && !built.choice[lesson]!.isEmpty
                && built.choice[lesson]!.allSatisfy { rooms[$0.room].building != nil }
        }
        var week = LinearExpression()
        var weekHasChanges = false
        for day in Set(members.map { starts[$0].day }).sorted() {
            let order = members.filter { starts[$0].day == day }.sorted { starts[$0].period < starts[$1].period }
            var changes = LinearExpression()
            var dayHasChanges = false
            for i in order.indices where !buildings(order[i]).isEmpty {
                let first = order[i]
                var between = LinearExpression()
                for second in order[(i + 1)...] {
                    defer { between += inAny(second) }
                    let gap = starts[second].period - (starts[first].period + problem.lessons[first].duration)
                    let counted = rule.kind != .minGapsBetweenBuildingChanges
                    if !buildings(second).isEmpty && (counted || gap < count) {
                        let change = counted ? try built.model.addVariable(upperBound: 1) : nil
                        for building in buildings(first).sorted() {
                            // Positive exactly when the first is in `building`, the second in
                            // another and no lesson between them in a building.
                            let moved =
                                inBuilding(first, building) - inBuilding(second, building) + inAny(second) - 1
                                - between
                            if let change {
                                try built.model.add(LinearExpression(change) - moved >= 0)
                            } else {
                                try built.model.add(moved <= 0)
                            }
                        }
                        if let change {
                            changes += change
                            dayHasChanges = true
                        }
                    }
                    if surelyInBuilding(second) { break }
                }
            }
            guard dayHasChanges else { continue }
            if rule.kind == .maxBuildingChangesPerDay {
                try built.model.add(changes <= Double(count))
            } else {
                week += changes
                weekHasChanges = true
            }
        }
        if rule.kind == .maxBuildingChangesPerWeek && weekHasChanges {
            try built.model.add(week <= Double(count))
        }
    }

    /// When the room MIP of `lessons` is infeasible with no shortage: the first rule scope
    /// whose own lessons (one day's, for a rule of one day) cannot get rooms under it alone.
    static func ruleConflict(
        _ problem: SchedulingProblem, starts: [Slot], lessons: [Int], rules: [RoomRuleScope]
    ) throws -> Obstacle? {
        for scope in rules {
            let members = lessons.filter { scope.lessons.contains($0) }
            let parts =
                scope.rule.spansDays
                ? [members]
                : Dictionary(grouping: members, by: { starts[$0].day }).sorted { $0.key < $1.key }.map(\.value)
            for part in parts where !part.isEmpty {
                let alone = try roomModel(
                    problem, starts: starts, lessons: part, weights: SoftRuleWeights(), rules: [scope],
                    name: "room-rule-\(scope.index)")
                if !(try alone.model.solve()).hasValues {
                    return .ruleConflict(rule: scope.index, lessons: part.sorted())
                }
            }
        }
        return nil
    }
}
