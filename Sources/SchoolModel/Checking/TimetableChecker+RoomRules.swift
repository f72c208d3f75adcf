extension TimetableChecker {
    /// Room rules, as FET counts them: per teacher named and per smallest cohort inside a cohort
    /// named, each day's periods in order, each holding the building of the lesson there (none
    /// for a free period, a lesson without a room or in a room of no building); and the rooms of
    /// the activities a room rule names.
    mutating func checkRoomRules(_ placed: [Placed]) {
        guard let rules = school.roomRules, !rules.isEmpty else { return }
        let grid = school.timeGrid
        for (index, rule) in rules.enumerated() {
            let record = "roomRules[\(index)]"
            if rule.isBuildingRule {
                checkBuildingRule(rule, record: record, placed: placed)
                continue
            }
            let named = Set(rule.activities ?? [])
            let members = placed.filter { named.contains($0.activity.id) }
            switch rule.kind {
            case .maxDifferentRooms:
                let rooms = Set(members.compactMap(\.room?.id))
                if rooms.count > rule.count ?? 0 {
                    flag(
                        "roomRule.maxDifferentRooms", [record] + members.map(\.activity.id).sorted(),
                        "room rule \(index + 1): its activities use \(rooms.count) rooms (\(rooms.sorted().joined(separator: ", "))), above \(rule.count ?? 0)"
                    )
                }
            default:  // sameRoomIfConsecutive
                for first in members {
                    for second in members where second.day == first.day {
                        guard let end = first.periods.last, second.periods.first == end + 1,
                            let a = first.room?.id, let b = second.room?.id, a != b
                        else { continue }
                        flag(
                            "roomRule.sameRoomIfConsecutive", [record, first.activity.id, second.activity.id],
                            "room rule \(index + 1): '\(first.activity.id)' in \(a) and '\(second.activity.id)' in \(b) follow each other on \(grid.days[first.day].id)"
                        )
                    }
                }
            }
        }
    }

    /// One building rule over every person it names.
    private mutating func checkBuildingRule(_ rule: RoomRule, record: String, placed: [Placed]) {
        let grid = school.timeGrid
        let count = rule.count ?? 0
        var people: [(name: String, lessons: [Placed])] = (rule.teachers ?? []).map { teacher in
            ("teacher '\(teacher)'", placed.filter { ($0.activity.teachers ?? []).contains(teacher) })
        }
        let occupied = placed.map { occupiedLeaves($0.activity) }
        for leaf in Set((rule.cohorts ?? []).flatMap { leaves(under: $0) }).sorted() {
            people.append(
                ("cohort '\(leaf)'", placed.indices.filter { occupied[$0].contains(leaf) }.map { placed[$0] }))
        }
        for (name, lessons) in people {
            var weekChanges = 0
            for day in grid.days.indices {
                var building = [String?](repeating: nil, count: grid.periods(ofDay: day).count)
                for lesson in lessons where lesson.day == day {
                    for period in lesson.periods { building[period] = lesson.room?.building }
                }
                let changes = Self.buildingChanges(building)
                weekChanges += changes.count
                switch rule.kind {
                case .maxBuildingChangesPerDay where changes.count > count:
                    flag(
                        "roomRule.maxBuildingChangesPerDay", [record],
                        "\(name) changes building \(changes.count) times on \(grid.days[day].id), above \(count)")
                case .minGapsBetweenBuildingChanges:
                    for change in changes where change.gap < count {
                        flag(
                            "roomRule.minGapsBetweenBuildingChanges", [record],
                            "\(name) changes building on \(grid.days[day].id) after \(change.gap) free periods, below \(count)"
                        )
                    }
                default: break
                }
            }
            if rule.kind == .maxBuildingChangesPerWeek && weekChanges > count {
                flag(
                    "roomRule.maxBuildingChangesPerWeek", [record],
                    "\(name) changes building \(weekChanges) times a week, above \(count)")
            }
        }
    }

    /// The building changes of one day (the building of each period, nil where none): each
    /// change with the free periods (nil entries) since the last period in a building.
    static func buildingChanges(_ building: [String?]) -> [(period: Int, gap: Int)] {
        var changes: [(period: Int, gap: Int)] = []
        var current: String?
        var gap = 0
        for (period, here) in building.enumerated() {
            guard let here else {
                gap += 1
                continue
            }
            if let current, current != here { changes.append((period, gap)) }
            current = here
            gap = 0
        }
        return changes
    }
}
