import SchoolModel

extension FET {
    /// Teachers' and cohorts' limits that are FET constraints, each written hard, as FET's own
    /// constraint on the teacher or students set (a cohort's limit holds for each of its
    /// smallest sub-cohorts, as FET's for each subgroup of the set).
    static func writeLimits(_ school: School, to xml: inout FETWriter) {
        for teacher in school.teachers {
            let limits: [(String, String, Int?)] = [
                ("ConstraintTeacherMaxHoursDaily", "Maximum_Hours_Daily", teacher.maxPeriodsPerDay),
                ("ConstraintTeacherMaxHoursContinuously", "Maximum_Hours_Continuously", teacher.maxConsecutive),
                ("ConstraintTeacherMaxDaysPerWeek", "Max_Days_Per_Week", teacher.maxDaysPerWeek),
                ("ConstraintTeacherMinDaysPerWeek", "Minimum_Days_Per_Week", teacher.minDaysPerWeek),
                ("ConstraintTeacherMaxGapsPerWeek", "Max_Gaps", teacher.maxGapsPerWeek),
                ("ConstraintTeacherMaxGapsPerDay", "Max_Gaps", teacher.maxGapsPerDay),
                ("ConstraintTeacherMinHoursDaily", "Minimum_Hours_Daily", teacher.minPeriodsPerBusyDay),
            ]
            for (name, field, value) in limits {
                guard let value else { continue }
                xml.constraint(name) { xml in
                    xml.value("Teacher_Name", teacher.id)
                    xml.value(field, "\(value)")
                    if field == "Minimum_Hours_Daily" { xml.value("Allow_Empty_Days", "true") }
                }
            }
        }
        for cohort in school.cohorts ?? [] {
            let limits: [(String, String, Int?, emptyDays: String?)] = [
                ("ConstraintStudentsSetMaxHoursDaily", "Maximum_Hours_Daily", cohort.maxPeriodsPerDay, nil),
                ("ConstraintStudentsSetMaxHoursContinuously", "Maximum_Hours_Continuously", cohort.maxConsecutive, nil),
                ("ConstraintStudentsSetMaxGapsPerWeek", "Max_Gaps", cohort.maxGapsPerWeek, nil),
                ("ConstraintStudentsSetMaxGapsPerDay", "Max_Gaps", cohort.maxGapsPerDay, nil),
                ("ConstraintStudentsSetMinHoursDaily", "Minimum_Hours_Daily", cohort.minPeriodsPerBusyDay, "true"),
                ("ConstraintStudentsSetMinHoursDaily", "Minimum_Hours_Daily", cohort.minPeriodsEveryDay, "false"),
                (
                    "ConstraintStudentsSetEarlyMaxBeginningsAtSecondHour", "Max_Beginnings_At_Second_Hour",
                    cohort.maxSecondPeriodStartsPerWeek, nil
                ),
            ]
            for (name, field, value, emptyDays) in limits {
                guard let value else { continue }
                xml.constraint(name) { xml in
                    xml.value(field, "\(value)")
                    xml.value("Students", cohort.id)
                    if let emptyDays { xml.value("Allow_Empty_Days", emptyDays) }
                }
            }
        }
    }
}
