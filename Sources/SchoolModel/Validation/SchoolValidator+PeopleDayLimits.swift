extension SchoolValidator {
    /// The limits on teachers' and cohorts' days (FET's): none negative, a run of at least one
    /// period, no minimum above the maximum it meets.
    mutating func checkPeopleDayLimits() {
        for teacher in school.teachers {
            let base = path("teachers", teacher.id)
            checkRange(
                teacher.minPeriodsPerBusyDay, teacher.maxPeriodsPerDay, at: base, record: teacher.id,
                names: ("minPeriodsPerBusyDay", "maxPeriodsPerDay"))
            checkRange(
                teacher.minDaysPerWeek, teacher.maxDaysPerWeek, at: base, record: teacher.id,
                names: ("minDaysPerWeek", "maxDaysPerWeek"))
            checkRange(nil, teacher.maxGapsPerDay, at: base, record: teacher.id, names: ("", "maxGapsPerDay"))
        }
        for cohort in school.cohorts ?? [] {
            let base = path("cohorts", cohort.id)
            checkRange(
                cohort.minPeriodsPerBusyDay, cohort.maxPeriodsPerDay, at: base, record: cohort.id,
                names: ("minPeriodsPerBusyDay", "maxPeriodsPerDay"))
            checkRange(cohort.minPeriodsEveryDay, nil, at: base, record: cohort.id, names: ("minPeriodsEveryDay", ""))
            if let every = cohort.minPeriodsEveryDay, let maximum = cohort.maxPeriodsPerDay, every > maximum {
                error(
                    "\(base).minPeriodsEveryDay", record: cohort.id, field: "minPeriodsEveryDay",
                    "minPeriodsEveryDay \(every) is above maxPeriodsPerDay \(maximum)")
            }
            checkRange(nil, cohort.maxGapsPerDay, at: base, record: cohort.id, names: ("", "maxGapsPerDay"))
            checkRange(
                nil, cohort.maxSecondPeriodStartsPerWeek, at: base, record: cohort.id,
                names: ("", "maxSecondPeriodStartsPerWeek"))
            if let consecutive = cohort.maxConsecutive, consecutive < 1 {
                error(
                    "\(base).maxConsecutive", record: cohort.id, field: "maxConsecutive",
                    "maxConsecutive must be at least 1, not \(consecutive)")
            }
        }
    }
}
