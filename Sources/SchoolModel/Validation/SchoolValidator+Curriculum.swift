extension SchoolValidator {
    /// The longest run of consecutive non-break periods of any day.
    var longestRun: Int {
        school.timeGrid.days.indices.map { school.timeGrid.contiguousRuns(ofDay: $0).map(\.count).max() ?? 0 }.max()
            ?? 0
    }

    mutating func checkCourses() {
        var demand: [String: Int] = [:]
        for student in school.students ?? [] {
            for request in student.requests ?? [] { demand[request.course, default: 0] += 1 }
        }
        let features = school.rooms.map { Set($0.features ?? []) }
        for course in school.courses ?? [] {
            let base = path("courses", course.id)
            if let subjectIDs {
                checkReference(
                    course.subject, in: subjectIDs, kind: "subject", at: base, record: course.id, field: "subject")
            }
            if course.meetingsPerWeek < 1 {
                error(
                    "\(base).meetingsPerWeek", record: course.id, field: "meetingsPerWeek",
                    "a course meets at least once a week, not \(course.meetingsPerWeek) times")
            }
            checkDuration(course.duration, at: base, record: course.id)
            if let days = course.minDaysApart, days < 0 {
                error(
                    "\(base).minDaysApart", record: course.id, field: "minDaysApart", "minDaysApart cannot be negative")
            }
            if course.samePeriod == true, let reason = school.masterScheduleUnsuitability {
                error(
                    "\(base).samePeriod", record: course.id, field: "samePeriod",
                    "same-period sections are scheduled by the master schedule, which needs every course same-period and no activities or relations (\(reason))"
                )
            }
            if let size = course.maxSectionSize, size < 1 {
                error(
                    "\(base).maxSectionSize", record: course.id, field: "maxSectionSize",
                    "a section holds at least 1 student, not \(size)")
            }
            if let sections = course.sections {
                checkRange(
                    sections.min, sections.max, at: base, record: course.id, names: ("sections.min", "sections.max"))
            }
            checkReferences(
                course.teachers, in: teacherIDs, kind: "teacher", at: base, record: course.id, field: "teachers")
            checkSlots(course.preferredTimes, at: base, record: course.id, field: "preferredTimes")
            let needed = Set(course.roomFeatures ?? [])
            if !needed.isEmpty && !features.contains(where: { needed.isSubset(of: $0) }) {
                error(
                    "\(base).roomFeatures", record: course.id, field: "roomFeatures",
                    "no room has \(needed.sorted().joined(separator: ", "))")
            }
            if let size = course.maxSectionSize, let requests = demand[course.id] {
                let seats = size * (course.sections?.max ?? 1)
                if requests > seats {
                    warning(
                        "\(base).sections", record: course.id, field: "sections",
                        "\(requests) students request '\(course.id)' but its sections seat at most \(seats)")
                }
            }
        }
    }

    mutating func checkDuration(_ duration: Int?, at base: String, record: String) {
        guard let duration else { return }
        if duration < 1 {
            error(
                "\(base).duration", record: record, field: "duration",
                "duration must be at least 1 period, not \(duration)")
        } else if duration > longestRun {
            error(
                "\(base).duration", record: record, field: "duration",
                "\(duration) periods do not fit in any day (longest run without a break: \(longestRun))")
        }
    }

    mutating func checkActivities() {
        let cohortIDs = Set(cohortsByID.keys)
        for activity in school.activities ?? [] {
            let base = path("activities", activity.id)
            if let subjectIDs {
                checkReference(
                    activity.subject, in: subjectIDs, kind: "subject", at: base, record: activity.id, field: "subject")
            }
            checkReferences(
                activity.teachers, in: teacherIDs, kind: "teacher", at: base, record: activity.id, field: "teachers")
            checkReferences(
                activity.cohorts, in: cohortIDs, kind: "cohort", at: base, record: activity.id, field: "cohorts")
            checkReferences(activity.rooms, in: roomIDs, kind: "room", at: base, record: activity.id, field: "rooms")
            checkReferences(
                activity.preferredRooms, in: roomIDs, kind: "room", at: base, record: activity.id,
                field: "preferredRooms")
            checkDuration(activity.duration, at: base, record: activity.id)
            checkSlots(activity.preferredTimes, at: base, record: activity.id, field: "preferredTimes")
            checkSlots(activity.allowedStarts, at: base, record: activity.id, field: "allowedStarts")
            if activity.teachers.isEmpty && (activity.cohorts ?? []).isEmpty {
                // Valid (FET has such placeholders: they only take a time and perhaps a room),
                // but often a mistake.
                warning(
                    base, record: activity.id, field: "teachers",
                    "activity '\(activity.id)' has neither teachers nor cohorts: it only takes a time and a room")
            }
            if let students = activity.students, students < 0 {
                error("\(base).students", record: activity.id, field: "students", "students cannot be negative")
            }
            if let locked = activity.locked {
                let lockedPath = "\(base).locked"
                if let periods = dayPeriods[locked.day] {
                    if !periods.contains(where: { $0.id == locked.period }) {
                        error(
                            "\(lockedPath).period", record: activity.id, field: "locked",
                            "unknown period '\(locked.period)' on day '\(locked.day)'")
                    }
                } else {
                    error("\(lockedPath).day", record: activity.id, field: "locked", "unknown day '\(locked.day)'")
                }
                checkReference(
                    locked.room, in: roomIDs, kind: "room", at: lockedPath, record: activity.id, field: "room")
            }
        }
    }

    /// A split group with more lessons than the cycle has room for at their distance.
    mutating func checkSplitGroups() {
        var groups: [String: [Activity]] = [:]
        var order: [String] = []
        for activity in school.activities ?? [] {
            guard let group = activity.splitGroup else { continue }
            if groups[group] == nil { order.append(group) }
            groups[group, default: []].append(activity)
        }
        let days = school.timeGrid.days.count
        for group in order {
            let members = groups[group]!
            let gap = max(1, members.compactMap(\.minDaysApart).max() ?? 1)
            let room = (days + gap - 1) / gap
            if members.count > room {
                error(
                    path("activities", members[0].id) + ".splitGroup", record: members[0].id, field: "splitGroup",
                    "split group '\(group)' has \(members.count) lessons \(gap) day(s) apart but the cycle has \(days) days"
                )
            }
        }
        for course in school.courses ?? [] where course.meetingsPerWeek > 1 {
            let gap = max(1, course.minDaysApart ?? 1)
            if course.meetingsPerWeek > (days + gap - 1) / gap {
                error(
                    path("courses", course.id) + ".meetingsPerWeek", record: course.id, field: "meetingsPerWeek",
                    "\(course.meetingsPerWeek) meetings \(gap) day(s) apart do not fit in a cycle of \(days) days")
            }
        }
    }

    mutating func checkRelations() {
        for (index, relation) in (school.activityRelations ?? []).enumerated() {
            let base = "$.activityRelations[\(index)]"
            checkReferences(
                relation.activities, in: activityIDs, kind: "activity", at: base, record: nil, field: "activities")
            if relation.kind == .endsCohortsDay {
                if relation.activities.isEmpty {
                    error("\(base).activities", field: "activities", "endsCohortsDay needs at least 1 activity")
                }
            } else if relation.activities.count < 2 {
                error("\(base).activities", field: "activities", "a relation needs at least 2 activities")
            }
            if relation.kind == .minDaysApart && (relation.minDays ?? 0) < 1 {
                error("\(base).minDays", field: "minDays", "minDaysApart needs minDays of at least 1")
            }
            if relation.kind == .maxDaysApart && (relation.maxDays ?? -1) < 0 {
                error("\(base).maxDays", field: "maxDays", "maxDaysApart needs maxDays of 0 or more")
            }
            if relation.kind == .minGap && (relation.minPeriods ?? -1) < 0 {
                error("\(base).minPeriods", field: "minPeriods", "minGap needs minPeriods of 0 or more")
            }
            if let weight = relation.weight, !(weight >= 0 && weight.isFinite) {
                error("\(base).weight", field: "weight", "weight must be a non-negative number")
            }
        }
    }
}
