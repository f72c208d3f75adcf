import SchoolModel

extension RelaxationSearch {
    /// The limits on each teacher's and cohort's days (gaps per day, minimum periods on busy
    /// days or every day, minimum days, continuous periods, early starts), one group each.
    static func peopleDayLimitGroups(of school: School) -> [RuleGroup] {
        var groups: [RuleGroup] = []
        for (index, teacher) in school.teachers.enumerated()
        where teacher.maxGapsPerDay != nil || teacher.minPeriodsPerBusyDay != nil || teacher.minDaysPerWeek != nil {
            groups.append(
                RuleGroup(
                    name: "\(teacher.id)'s day limits", records: [teacher.id], stiffness: 3,
                    fix: "relax \(teacher.id)'s maxGapsPerDay, minPeriodsPerBusyDay or minDaysPerWeek"
                ) { school in
                    school.teachers[index].maxGapsPerDay = nil
                    school.teachers[index].minPeriodsPerBusyDay = nil
                    school.teachers[index].minDaysPerWeek = nil
                })
        }
        for (index, cohort) in (school.cohorts ?? []).enumerated()
        where cohort.maxGapsPerDay != nil || cohort.maxConsecutive != nil || cohort.minPeriodsPerBusyDay != nil
            || cohort.minPeriodsEveryDay != nil || cohort.maxSecondPeriodStartsPerWeek != nil
        {
            groups.append(
                RuleGroup(
                    name: "\(cohort.id)'s day limits", records: [cohort.id], stiffness: 3,
                    fix:
                        "relax \(cohort.id)'s maxGapsPerDay, maxConsecutive, minPeriodsPerBusyDay, minPeriodsEveryDay or maxSecondPeriodStartsPerWeek"
                ) { school in
                    school.cohorts?[index].maxGapsPerDay = nil
                    school.cohorts?[index].maxConsecutive = nil
                    school.cohorts?[index].minPeriodsPerBusyDay = nil
                    school.cohorts?[index].minPeriodsEveryDay = nil
                    school.cohorts?[index].maxSecondPeriodStartsPerWeek = nil
                })
        }
        return groups
    }
}
