import SchoolModel

extension FET {
    /// Room rules as FET's space constraints: a building rule once per teacher and per cohort it
    /// names, a rule over activities once.
    static func writeRoomRuleConstraints(_ rules: [RoomRule], ids: [String: String], to xml: inout FETWriter) {
        for rule in rules {
            let count = "\(rule.count ?? 0)"
            switch rule.kind {
            case .maxDifferentRooms, .sameRoomIfConsecutive:
                let members = (rule.activities ?? []).compactMap { ids[$0] }
                let name =
                    rule.kind == .maxDifferentRooms
                    ? "ConstraintActivitiesOccupyMaxDifferentRooms" : "ConstraintActivitiesSameRoomIfConsecutive"
                xml.constraint(name) { xml in
                    xml.value("Number_of_Activities", "\(members.count)")
                    for id in members { xml.value("Activity_Id", id) }
                    if rule.kind == .maxDifferentRooms { xml.value("Max_Number_of_Different_Rooms", count) }
                }
            case .maxBuildingChangesPerDay, .maxBuildingChangesPerWeek, .minGapsBetweenBuildingChanges:
                let (suffix, field) =
                    switch rule.kind {
                    case .maxBuildingChangesPerDay: ("MaxBuildingChangesPerDay", "Max_Building_Changes_Per_Day")
                    case .maxBuildingChangesPerWeek: ("MaxBuildingChangesPerWeek", "Max_Building_Changes_Per_Week")
                    default: ("MinGapsBetweenBuildingChanges", "Min_Gaps_Between_Building_Changes")
                    }
                let owners =
                    (rule.teachers ?? []).map { ("Teacher", "Teacher", $0) }
                    + (rule.cohorts ?? []).map { ("StudentsSet", "Students", $0) }
                for (kind, ownerField, owner) in owners {
                    xml.constraint("Constraint\(kind)\(suffix)") { xml in
                        xml.value(ownerField, owner)
                        xml.value(field, count)
                    }
                }
            }
        }
    }
}

extension FET {
    /// Soft day limits as FET's max hours daily and continuously (of an activity tag, for a
    /// limit with a tag), one constraint per teacher and per cohort, the
    /// weight as FET's weight percentage (100 and more written as 99.9: still soft).
    static func writeSoftDayLimits(_ limits: [SoftDayLimit], to xml: inout FETWriter) {
        for limit in limits {
            if let tag = limit.tag {
                let tagLimit = TagLimit(
                    tag: tag, teachers: limit.teachers, cohorts: limit.cohorts,
                    maxPeriodsPerDay: limit.maxPeriodsPerDay,
                    maxConsecutive: limit.maxConsecutive)
                writeTagLimits([tagLimit], weight: min(limit.weight, 99.9), to: &xml)
                continue
            }
            let owners =
                (limit.teachers ?? []).map { ("Teacher", "Teacher_Name", $0) }
                + (limit.cohorts ?? []).map { ("StudentsSet", "Students", $0) }
            for (kind, field, owner) in owners {
                for (suffix, valueField, maximum) in [
                    ("MaxHoursDaily", "Maximum_Hours_Daily", limit.maxPeriodsPerDay),
                    ("MaxHoursContinuously", "Maximum_Hours_Continuously", limit.maxConsecutive),
                ] {
                    guard let maximum else { continue }
                    xml.constraint("Constraint\(kind)\(suffix)", weight: min(limit.weight, 99.9)) { xml in
                        xml.value(field, owner)
                        xml.value(valueField, "\(maximum)")
                    }
                }
            }
        }
    }
}
