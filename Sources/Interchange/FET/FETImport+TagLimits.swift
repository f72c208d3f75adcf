import SchoolModel

extension FET {
    /// Limits on the hours of one activity tag a day or in a row, for teachers and students
    /// sets (hard only: FlexPlan's ``TagLimit`` has no weight).
    static let tagLimitConstraints: Set<String> = [
        "ConstraintTeacherActivityTagMaxHoursDaily", "ConstraintTeachersActivityTagMaxHoursDaily",
        "ConstraintStudentsActivityTagMaxHoursDaily", "ConstraintStudentsSetActivityTagMaxHoursDaily",
        "ConstraintTeacherActivityTagMaxHoursContinuously", "ConstraintTeachersActivityTagMaxHoursContinuously",
        "ConstraintStudentsActivityTagMaxHoursContinuously", "ConstraintStudentsSetActivityTagMaxHoursContinuously",
    ]
}

extension FETSchoolBuilder {
    /// Applies one constraint of ``FET/tagLimitConstraints`` as a ``TagLimit``: the teacher
    /// (or every teacher), or the smallest sets of the students set (or of every set), at most
    /// so many hours of the tag's activities a day or in a row. The activities with the tag
    /// carry it (``Activity/tags``). A soft instance is a ``SoftDayLimit`` with the tag, of its
    /// weight.
    mutating func applyTagLimitRule(_ element: FETElement, hard: Bool, weight: Double?) throws -> Bool {
        let name = element.name
        let daily = name.hasSuffix("MaxHoursDaily")
        let field = daily ? "Maximum_Hours_Daily" : "Maximum_Hours_Continuously"
        guard let maximum = try wholeNumber(element, field, atLeast: daily ? 0 : 1) else {
            throw failure(element, "\(name): \(field) is missing")
        }
        let forTeachers = name.hasPrefix("ConstraintTeacher")
        guard let tag = element.value(forTeachers ? "Activity_Tag_Name" : "Activity_Tag"), !tag.isEmpty else {
            throw failure(element, "\(name): the activity tag is missing")
        }
        let (teachers, cohorts) = try owners(of: element)
        for index in school.activities!.indices where fetTags[school.activities![index].id]?.contains(tag) == true {
            let tags = school.activities![index].tags ?? []
            if !tags.contains(tag) { school.activities![index].tags = tags + [tag] }
        }
        if let weight, !hard {
            var limit = SoftDayLimit(teachers: teachers, cohorts: cohorts, tag: tag, weight: weight)
            if daily { limit.maxPeriodsPerDay = maximum } else { limit.maxConsecutive = maximum }
            school.softDayLimits = (school.softDayLimits ?? []) + [limit]
            return true
        }
        var limit = TagLimit(tag: tag, teachers: teachers, cohorts: cohorts)
        if daily { limit.maxPeriodsPerDay = maximum } else { limit.maxConsecutive = maximum }
        school.tagLimits = (school.tagLimits ?? []) + [limit]
        return true
    }
}
