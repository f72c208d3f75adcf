import SchoolModel

extension FET {
    /// Max span per day, min resting hours and interval max days per week, of a teacher, all teachers, a students set or
    /// all students (hard only: a ``DayLimit`` has no weight).
    static let dayLimitConstraints: Set<String> = [
        "ConstraintTeacherMaxSpanPerDay", "ConstraintTeachersMaxSpanPerDay", "ConstraintStudentsSetMaxSpanPerDay",
        "ConstraintStudentsMaxSpanPerDay", "ConstraintTeacherMinRestingHours", "ConstraintTeachersMinRestingHours",
        "ConstraintStudentsSetMinRestingHours", "ConstraintStudentsMinRestingHours",
        "ConstraintTeacherIntervalMaxDaysPerWeek", "ConstraintTeachersIntervalMaxDaysPerWeek",
        "ConstraintStudentsSetIntervalMaxDaysPerWeek", "ConstraintStudentsIntervalMaxDaysPerWeek",
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
        } else if name.hasSuffix("IntervalMaxDaysPerWeek") {
            // An empty end hour is the end of the day (FET's hours have no name for it).
            guard let start = element.value("Interval_Start_Hour"), hourNames.contains(start) else {
                throw failure(
                    element, "\(name): unknown Interval_Start_Hour '\(element.value("Interval_Start_Hour") ?? "")'")
            }
            let end = element.value("Interval_End_Hour").flatMap { $0.isEmpty ? nil : $0 }
            if let end, !hourNames.contains(end) {
                throw failure(element, "\(name): unknown Interval_End_Hour '\(end)'")
            }
            limit.intervalStart = start
            limit.intervalEnd = end
            limit.maxIntervalDays = try required(element, "Max_Days_Per_Week")
        } else {
            limit.minRest = try required(element, "Minimum_Resting_Hours")
            if try flag(element, "Circular") == true { limit.minRestCircular = true }
        }
        school.dayLimits = (school.dayLimits ?? []) + [limit]
        return true
    }
}
