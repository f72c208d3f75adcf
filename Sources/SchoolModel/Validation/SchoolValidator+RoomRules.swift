extension SchoolValidator {
    /// Room rules: building rules name known teachers or cohorts and no activities; room rules
    /// name at least two known activities and no people; a count where the kind needs one.
    mutating func checkRoomRules() {
        for (index, rule) in (school.roomRules ?? []).enumerated() {
            let base = "$.roomRules[\(index)]"
            if rule.isBuildingRule {
                checkOwners(teachers: rule.teachers, cohorts: rule.cohorts, at: base, of: "building rule")
                if rule.activities != nil {
                    error("\(base).activities", field: "activities", "a \(rule.kind.rawValue) rule names no activities")
                }
            } else {
                checkReferences(
                    rule.activities, in: activityIDs, kind: "activity", at: base, record: nil, field: "activities")
                if (rule.activities ?? []).count < 2 {
                    error(base, field: "activities", "a \(rule.kind.rawValue) rule names at least two activities")
                }
                if rule.teachers != nil || rule.cohorts != nil {
                    error(base, field: "teachers", "a \(rule.kind.rawValue) rule names activities, not people")
                }
            }
            switch (rule.kind, rule.count) {
            case (.sameRoomIfConsecutive, nil): break
            case (.sameRoomIfConsecutive, _):
                warning("\(base).count", field: "count", "sameRoomIfConsecutive takes no count")
            case (_, nil):
                error(base, field: "count", "a \(rule.kind.rawValue) rule needs a count")
            case (.maxDifferentRooms, let count?) where !(1...100_000).contains(count):
                error("\(base).count", field: "count", "count \(count) is not 1 to 100000")
            case (_, let count?) where !(0...1_000).contains(count):
                error("\(base).count", field: "count", "count \(count) is not 0 to 1000")
            default: break
            }
        }
    }
}
