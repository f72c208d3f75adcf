import SchoolModel

extension FET {
    /// Limits on teachers' and students sets' days: gaps per day, minimum hours, early starts, continuous hours, days per week.
    static let limitConstraints: Set<String> = [
        "ConstraintTeacherMaxGapsPerDay", "ConstraintTeachersMaxGapsPerDay", "ConstraintTeacherMinHoursDaily",
        "ConstraintTeachersMinHoursDaily", "ConstraintStudentsEarlyMaxBeginningsAtSecondHour",
        "ConstraintStudentsSetEarlyMaxBeginningsAtSecondHour", "ConstraintStudentsMinHoursDaily",
        "ConstraintStudentsSetMinHoursDaily", "ConstraintTeacherMaxHoursContinuously",
        "ConstraintTeachersMaxHoursContinuously", "ConstraintStudentsMaxHoursContinuously",
        "ConstraintStudentsSetMaxHoursContinuously", "ConstraintStudentsMaxHoursDaily",
        "ConstraintStudentsSetMaxHoursDaily", "ConstraintTeacherMinDaysPerWeek", "ConstraintTeachersMinDaysPerWeek",
        "ConstraintStudentsMaxGapsPerDay", "ConstraintStudentsSetMaxGapsPerDay",
    ]
}

extension FETSchoolBuilder {
    /// Applies one constraint of ``FET/limitConstraints``; false when this instance is not supported.
    ///
    /// Hard instances are read, and soft max hours daily and continuously (a ``SoftDayLimit``
    /// of the rule's weight per day or run over, as FET counts it); other soft limits are left
    /// out. Teachers' rules go on the teacher named (`Teacher_Name`) or on every teacher;
    /// students' rules on every smallest set of the set named (`Students`) or of the school, as
    /// FET counts them per subgroup. Several rules on one teacher or set keep the strictest
    /// value.
    mutating func applyLimitRule(_ element: FETElement, hard: Bool, weight: Double?) throws -> Bool {
        guard hard else {
            let soft = [
                "ConstraintStudentsMaxHoursDaily", "ConstraintStudentsSetMaxHoursDaily",
                "ConstraintTeacherMaxHoursContinuously", "ConstraintTeachersMaxHoursContinuously",
                "ConstraintStudentsMaxHoursContinuously", "ConstraintStudentsSetMaxHoursContinuously",
            ]
            guard soft.contains(element.name), let weight else { return false }
            return try applySoftDayLimit(element, weight: weight)
        }
        switch element.name {
        case "ConstraintTeacherMaxGapsPerDay", "ConstraintTeachersMaxGapsPerDay":
            return try limitTeachers(element, "Max_Gaps", \.maxGapsPerDay)
        case "ConstraintTeacherMinDaysPerWeek", "ConstraintTeachersMinDaysPerWeek":
            return try limitTeachers(element, "Minimum_Days_Per_Week", \.minDaysPerWeek, keeping: max)
        case "ConstraintTeacherMaxHoursContinuously", "ConstraintTeachersMaxHoursContinuously":
            // FlexPlan's runs are at least one period long; 0 (no teaching at all) is not read.
            guard try wholeNumber(element, "Maximum_Hours_Continuously") != 0 else { return false }
            return try limitTeachers(element, "Maximum_Hours_Continuously", \.maxConsecutive)
        case "ConstraintTeacherMinHoursDaily", "ConstraintTeachersMinHoursDaily":
            // FET refuses to generate with empty days not allowed (it points to min days per
            // week instead): such a rule is left out as unsupported.
            guard try flag(element, "Allow_Empty_Days") ?? true else { return false }
            return try limitTeachers(element, "Minimum_Hours_Daily", \.minPeriodsPerBusyDay, keeping: max)
        case "ConstraintStudentsMaxGapsPerDay", "ConstraintStudentsSetMaxGapsPerDay":
            return try limitStudents(element, "Max_Gaps", \.maxGapsPerDay)
        case "ConstraintStudentsMaxHoursDaily", "ConstraintStudentsSetMaxHoursDaily":
            guard try wholeNumber(element, "Maximum_Hours_Daily") != 0 else { return false }
            return try limitStudents(element, "Maximum_Hours_Daily", \.maxPeriodsPerDay)
        case "ConstraintStudentsMaxHoursContinuously", "ConstraintStudentsSetMaxHoursContinuously":
            guard try wholeNumber(element, "Maximum_Hours_Continuously") != 0 else { return false }
            return try limitStudents(element, "Maximum_Hours_Continuously", \.maxConsecutive)
        case "ConstraintStudentsMinHoursDaily", "ConstraintStudentsSetMinHoursDaily":
            // Absent, Allow_Empty_Days is false for students (FET's reader).
            let limit: WritableKeyPath<Cohort, Int?> =
                try flag(element, "Allow_Empty_Days") ?? false ? \.minPeriodsPerBusyDay : \.minPeriodsEveryDay
            return try limitStudents(element, "Minimum_Hours_Daily", limit, keeping: max)
        case "ConstraintStudentsEarlyMaxBeginningsAtSecondHour", "ConstraintStudentsSetEarlyMaxBeginningsAtSecondHour":
            return try limitStudents(element, "Max_Beginnings_At_Second_Hour", \.maxSecondPeriodStartsPerWeek)
        default:
            return false
        }
    }

    /// Sets a limit of the smallest students sets the constraint limits (``owners(of:)``: those
    /// of the set it names, or every one), keeping the stricter of an earlier
    /// value and this one (`keeping`: `min` for a maximum, `max` for a minimum); false when the
    /// constraint has no number under `field`.
    mutating func limitStudents(
        _ element: FETElement, _ field: String, _ limit: WritableKeyPath<Cohort, Int?>,
        keeping stricter: (Int, Int) -> Int = min
    ) throws -> Bool {
        guard let value = try wholeNumber(element, field) else { return false }
        let leaves = Set(try owners(of: element).cohorts ?? [])
        for index in (school.cohorts ?? []).indices where leaves.contains(school.cohorts![index].id) {
            school.cohorts![index][keyPath: limit] =
                school.cohorts![index][keyPath: limit].map { stricter($0, value) } ?? value
        }
        return true
    }
}

extension FETSchoolBuilder {
    /// A max hours daily or continuously below 100% of a teacher, all teachers, a students set
    /// or all students as a ``SoftDayLimit`` of its weight.
    mutating func applySoftDayLimit(_ element: FETElement, weight: Double) throws -> Bool {
        let (teachers, cohorts) = try owners(of: element)
        var limit = SoftDayLimit(teachers: teachers, cohorts: cohorts, weight: weight)
        if element.name.hasSuffix("Continuously") {
            limit.maxConsecutive = try required(element, "Maximum_Hours_Continuously")
        } else {
            limit.maxPeriodsPerDay = try required(element, "Maximum_Hours_Daily")
        }
        school.softDayLimits = (school.softDayLimits ?? []) + [limit]
        return true
    }
}
