extension SchoolValidator {
    /// The least value any count in a school may take: below it (or above a field's maximum) a
    /// number is a spreadsheet accident, and the other checks, which add and multiply these
    /// numbers, must not see it.
    static let leastMagnitude = -1_000_000

    /// Numbers outside what any school has (a period of 10^18 minutes, a room of −2^63 seats):
    /// errors naming the field and the range. Returns whether all were in range; when not,
    /// validation stops there (the other checks do arithmetic on these numbers).
    mutating func checkMagnitudes() -> Bool {
        let before = issues.count
        let week = 7 * 24 * 60
        func check(_ value: Int?, _ maximum: Int, _ path: String, _ record: String?, _ field: String) {
            guard let value, value < Self.leastMagnitude || value > maximum else { return }
            error(
                path, record: record, field: field,
                "\(field) \(value) is outside the range FlexPlan accepts (\(Self.leastMagnitude) to \(maximum))")
        }
        check(school.formatVersion, 1_000, "$.formatVersion", nil, "formatVersion")
        for schedule in school.timeGrid.bellSchedules {
            for period in schedule.periods {
                check(
                    period.minutes, 24 * 60, path("timeGrid.bellSchedules", schedule.id) + ".periods", period.id,
                    "minutes")
            }
        }
        for teacher in school.teachers {
            let base = path("teachers", teacher.id)
            for (value, field, maximum) in [
                (teacher.minPeriodsPerWeek, "minPeriodsPerWeek", 10_000),
                (teacher.maxPeriodsPerWeek, "maxPeriodsPerWeek", 10_000),
                (teacher.maxMinutesPerWeek, "maxMinutesPerWeek", week),
                (teacher.minPeriodsPerDay, "minPeriodsPerDay", 1_000),
                (teacher.maxPeriodsPerDay, "maxPeriodsPerDay", 1_000),
                (teacher.maxConsecutive, "maxConsecutive", 1_000),
                (teacher.maxDaysPerWeek, "maxDaysPerWeek", 1_000), (teacher.maxGapsPerWeek, "maxGapsPerWeek", 10_000),
                (teacher.planningMinutes, "planningMinutes", week),
                (teacher.minPeriodsPerBusyDay, "minPeriodsPerBusyDay", 1_000),
                (teacher.maxGapsPerDay, "maxGapsPerDay", 1_000), (teacher.minDaysPerWeek, "minDaysPerWeek", 1_000),
            ] {
                check(value, maximum, "\(base).\(field)", teacher.id, field)
            }
        }
        for room in school.rooms {
            check(room.seats, 1_000_000, path("rooms", room.id) + ".seats", room.id, "seats")
            check(room.groups, 1_000, path("rooms", room.id) + ".groups", room.id, "groups")
        }
        for cohort in school.cohorts ?? [] {
            let base = path("cohorts", cohort.id)
            check(cohort.size, 1_000_000, "\(base).size", cohort.id, "size")
            check(cohort.maxPeriodsPerDay, 1_000, "\(base).maxPeriodsPerDay", cohort.id, "maxPeriodsPerDay")
            check(cohort.maxGapsPerWeek, 10_000, "\(base).maxGapsPerWeek", cohort.id, "maxGapsPerWeek")
            for (value, field) in [
                (cohort.maxGapsPerDay, "maxGapsPerDay"), (cohort.maxConsecutive, "maxConsecutive"),
                (cohort.minPeriodsPerBusyDay, "minPeriodsPerBusyDay"),
                (cohort.minPeriodsEveryDay, "minPeriodsEveryDay"),
                (cohort.maxSecondPeriodStartsPerWeek, "maxSecondPeriodStartsPerWeek"),
            ] {
                check(value, 1_000, "\(base).\(field)", cohort.id, field)
            }
        }
        for student in school.students ?? [] {
            for request in student.requests ?? [] {
                check(request.weight, 1_000_000, path("students", student.id) + ".requests", student.id, "weight")
            }
        }
        for course in school.courses ?? [] {
            let base = path("courses", course.id)
            check(course.meetingsPerWeek, 1_000, "\(base).meetingsPerWeek", course.id, "meetingsPerWeek")
            check(course.duration, 1_000, "\(base).duration", course.id, "duration")
            check(course.minDaysApart, 1_000, "\(base).minDaysApart", course.id, "minDaysApart")
            check(course.maxSectionSize, 1_000_000, "\(base).maxSectionSize", course.id, "maxSectionSize")
            check(course.sections?.min, 1_000, "\(base).sections", course.id, "sections")
            check(course.sections?.max, 1_000, "\(base).sections", course.id, "sections")
        }
        for activity in school.activities ?? [] {
            let base = path("activities", activity.id)
            check(activity.duration, 1_000, "\(base).duration", activity.id, "duration")
            check(activity.students, 1_000_000, "\(base).students", activity.id, "students")
            check(activity.minDaysApart, 1_000, "\(base).minDaysApart", activity.id, "minDaysApart")
        }
        for (index, relation) in (school.activityRelations ?? []).enumerated() {
            check(relation.minDays, 1_000, "$.activityRelations[\(index)].minDays", nil, "minDays")
            check(relation.maxDays, 1_000, "$.activityRelations[\(index)].maxDays", nil, "maxDays")
            check(relation.minPeriods, 1_000, "$.activityRelations[\(index)].minPeriods", nil, "minPeriods")
        }
        for team in school.teams ?? [] {
            guard let requirement = team.collaboration else { continue }
            let base = path("teams", team.id) + ".collaboration"
            for (value, field, maximum) in [
                (requirement.minutes, "minutes", week), (requirement.minBlockMinutes, "minBlockMinutes", week),
                (requirement.minBlocks, "minBlocks", 1_000), (requirement.maxBlocks, "maxBlocks", 1_000),
                (requirement.maxDirectedMinutes, "maxDirectedMinutes", week),
            ] {
                check(value, maximum, "\(base).\(field)", team.id, field)
            }
        }
        for session in school.flex?.sessions ?? [] {
            check(session.capacity, 1_000_000, path("flex.sessions", session.id) + ".capacity", session.id, "capacity")
        }
        for (index, request) in (school.flex?.requests ?? []).enumerated() {
            check(request.priority, 1_000_000, "$.flex.requests[\(index)].priority", nil, "priority")
        }
        return issues.count == before
    }
}
