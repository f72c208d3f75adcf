import SchoolModel

extension FET {
    /// Building changes of a teacher, all teachers, a students set or all students, and rooms
    /// shared by a set of activities (hard only: a ``RoomRule`` has no weight).
    static let roomRuleConstraints: Set<String> = [
        "ConstraintTeacherMaxBuildingChangesPerDay", "ConstraintTeachersMaxBuildingChangesPerDay",
        "ConstraintStudentsSetMaxBuildingChangesPerDay", "ConstraintStudentsMaxBuildingChangesPerDay",
        "ConstraintTeacherMaxBuildingChangesPerWeek", "ConstraintTeachersMaxBuildingChangesPerWeek",
        "ConstraintStudentsSetMaxBuildingChangesPerWeek", "ConstraintStudentsMaxBuildingChangesPerWeek",
        "ConstraintTeacherMinGapsBetweenBuildingChanges", "ConstraintTeachersMinGapsBetweenBuildingChanges",
        "ConstraintStudentsSetMinGapsBetweenBuildingChanges", "ConstraintStudentsMinGapsBetweenBuildingChanges",
        "ConstraintActivitiesOccupyMaxDifferentRooms", "ConstraintActivitiesSameRoomIfConsecutive",
    ]
}

extension FETSchoolBuilder {
    /// Applies one constraint of ``FET/roomRuleConstraints`` as a ``RoomRule``: a building rule
    /// on the teacher (or every teacher), or the smallest sets of the students set (or of every
    /// set); a rule over the constraint's active activities (fewer than two: nothing to keep,
    /// as FET ignores it). False for a soft instance.
    mutating func applyRoomRuleConstraint(_ element: FETElement, hard: Bool, weight: Double?) throws -> Bool {
        guard hard else { return false }
        let name = element.name
        let rule: RoomRule
        switch name {
        case "ConstraintActivitiesOccupyMaxDifferentRooms", "ConstraintActivitiesSameRoomIfConsecutive":
            let ids = try activityIDs(element)
            guard ids.count >= 2 else { return true }
            rule =
                name.hasSuffix("MaxDifferentRooms")
                ? RoomRule(
                    kind: .maxDifferentRooms, activities: ids,
                    count: try required(element, "Max_Number_of_Different_Rooms"))
                : RoomRule(kind: .sameRoomIfConsecutive, activities: ids)
        default:
            let (teachers, cohorts) = try owners(of: element)
            if name.hasSuffix("PerDay") {
                rule = RoomRule(
                    kind: .maxBuildingChangesPerDay, teachers: teachers, cohorts: cohorts,
                    count: try required(element, "Max_Building_Changes_Per_Day"))
            } else if name.hasSuffix("PerWeek") {
                rule = RoomRule(
                    kind: .maxBuildingChangesPerWeek, teachers: teachers, cohorts: cohorts,
                    count: try required(element, "Max_Building_Changes_Per_Week"))
            } else {
                rule = RoomRule(
                    kind: .minGapsBetweenBuildingChanges, teachers: teachers, cohorts: cohorts,
                    count: try required(element, "Min_Gaps_Between_Building_Changes"))
            }
        }
        school.roomRules = (school.roomRules ?? []) + [rule]
        return true
    }
}
