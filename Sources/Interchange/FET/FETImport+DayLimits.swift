import SchoolModel

extension FET {
    /// Max span per day and min resting hours, of a teacher, all teachers, a students set or
    /// all students (hard only: a ``DayLimit`` has no weight).
    static let dayLimitConstraints: Set<String> = [
        "ConstraintTeacherMaxSpanPerDay", "ConstraintTeachersMaxSpanPerDay", "ConstraintStudentsSetMaxSpanPerDay",
        "ConstraintStudentsMaxSpanPerDay", "ConstraintTeacherMinRestingHours", "ConstraintTeachersMinRestingHours",
        "ConstraintStudentsSetMinRestingHours", "ConstraintStudentsMinRestingHours",
    ]
}

extension FETSchoolBuilder {
    /// Applies one constraint of ``FET/dayLimitConstraints`` as a ``DayLimit`` on the teacher
    /// (or every teacher), or the smallest sets of the students set (or of every set). FET's
    /// one-day exception of max span (one day a week may span one hour more) is kept.
    /// False for a soft instance.
    mutating func applyDayLimitRule(_ element: FETElement, hard: Bool, weight: Double?) throws -> Bool {
        guard hard else { return false }
        let name = element.name
        let (teachers, cohorts) = try owners(of: element)
        var limit = DayLimit(teachers: teachers, cohorts: cohorts)
        if name.hasSuffix("MaxSpanPerDay") {
            limit.maxSpan = try required(element, "Max_Span")
            if try flag(element, "Allow_One_Day_Exception_of_Plus_One") == true { limit.maxSpanExceptions = 1 }
        } else {
            limit.minRest = try required(element, "Minimum_Resting_Hours")
            if try flag(element, "Circular") == true { limit.minRestCircular = true }
        }
        school.dayLimits = (school.dayLimits ?? []) + [limit]
        return true
    }
}
