/// The checks behind ``School/validate()``, one method per part of the school.
struct SchoolValidator {
    let school: School
    var issues: [ValidationIssue] = []

    // Lookups built once.
    let teacherIDs: Set<String>
    let roomIDs: Set<String>
    let cohortsByID: [String: Cohort]
    let studentIDs: Set<String>
    let courseIDs: Set<String>
    let subjectIDs: Set<String>?
    let activityIDs: Set<String>
    let sessionIDs: Set<String>
    let dayPeriods: [String: [Period]]

    init(school: School) {
        self.school = school
        teacherIDs = Set(school.teachers.map(\.id))
        roomIDs = Set(school.rooms.map(\.id))
        cohortsByID = Dictionary((school.cohorts ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        studentIDs = Set((school.students ?? []).map(\.id))
        courseIDs = Set((school.courses ?? []).map(\.id))
        subjectIDs = school.subjects.map { Set($0.map(\.id)) }
        activityIDs = Set((school.activities ?? []).map(\.id))
        sessionIDs = Set((school.flex?.sessions ?? []).map(\.id))
        let schedules = Dictionary(
            school.timeGrid.bellSchedules.map { ($0.id, $0.periods) }, uniquingKeysWith: { first, _ in first })
        dayPeriods = Dictionary(
            school.timeGrid.days.compactMap { day in schedules[day.bellSchedule].map { (day.id, $0) } },
            uniquingKeysWith: { first, _ in first })
    }

    mutating func run() {
        if school.formatVersion != School.currentFormatVersion {
            error(
                "$.formatVersion", field: "formatVersion",
                "format version \(school.formatVersion) is not supported (this FlexPlan reads \(School.currentFormatVersion))"
            )
        }
        guard checkMagnitudes() else { return }
        checkLimits()
        checkTimeGrid()
        checkUnique(school.subjects ?? [], "subjects")
        checkUnique(school.teachers, "teachers")
        checkUnique(school.rooms, "rooms")
        checkUnique(school.cohorts ?? [], "cohorts")
        checkUnique(school.students ?? [], "students")
        checkUnique(school.courses ?? [], "courses")
        checkUnique(school.activities ?? [], "activities")
        checkUnique(school.teams ?? [], "teams")
        checkUnique(school.flex?.sessions ?? [], "flex.sessions")
        checkCalendar()
        checkTeachers()
        checkRooms()
        checkCohorts()
        checkPeopleDayLimits()
        checkStudents()
        checkCourses()
        checkActivities()
        checkSplitGroups()
        checkRelations()
        checkTagLimits()
        checkSlotRules()
        checkDayLimits()
        checkRoomRules()
        checkSoftDayLimits()
        checkAvoidedRoomTimes()
        checkTeams()
        checkFlex()
        checkWeights()
    }

    // MARK: Reporting

    mutating func error(_ path: String, record: String? = nil, field: String? = nil, _ message: String) {
        issues.append(ValidationIssue(.error, path: path, record: record, field: field, message: message))
    }

    mutating func warning(_ path: String, record: String? = nil, field: String? = nil, _ message: String) {
        issues.append(ValidationIssue(.warning, path: path, record: record, field: field, message: message))
    }

    /// `$.collection[id=ID]`.
    func path(_ collection: String, _ id: String) -> String { "$.\(collection)[id=\(id)]" }

    // MARK: Generic checks

    mutating func checkUnique<Record: Identifiable>(_ records: [Record], _ collection: String)
    where Record.ID == String {
        var seen = Set<String>()
        for (index, record) in records.enumerated() {
            if record.id.isEmpty {
                error("$.\(collection)[\(index)].id", field: "id", "empty id")
            } else if !seen.insert(record.id).inserted {
                error("$.\(collection)[\(index)].id", record: record.id, field: "id", "duplicate id '\(record.id)'")
            }
        }
    }

    /// Each id of `references` must be in `known`.
    mutating func checkReferences(
        _ references: [String]?, in known: Set<String>, kind: String, at base: String,
        record: String?, field: String
    ) {
        for (index, reference) in (references ?? []).enumerated() where !known.contains(reference) {
            error("\(base).\(field)[\(index)]", record: record, field: field, "unknown \(kind) '\(reference)'")
        }
    }

    /// The teachers and cohorts a limit names: known, and at least one of them.
    mutating func checkOwners(teachers: [String]?, cohorts: [String]?, at base: String, of kind: String) {
        checkReferences(teachers, in: teacherIDs, kind: "teacher", at: base, record: nil, field: "teachers")
        checkReferences(cohorts, in: Set(cohortsByID.keys), kind: "cohort", at: base, record: nil, field: "cohorts")
        if (teachers ?? []).isEmpty && (cohorts ?? []).isEmpty {
            error(base, field: "teachers", "a \(kind) names the teachers or cohorts it limits")
        }
    }

    mutating func checkReference(
        _ reference: String?, in known: Set<String>, kind: String, at base: String,
        record: String?, field: String
    ) {
        if let reference, !known.contains(reference) {
            error("\(base).\(field)", record: record, field: field, "unknown \(kind) '\(reference)'")
        }
    }

    mutating func checkSlots(_ slots: [TimeSlots]?, at base: String, record: String?, field: String) {
        for (index, slot) in (slots ?? []).enumerated() {
            guard let periods = dayPeriods[slot.day] else {
                error("\(base).\(field)[\(index)].day", record: record, field: field, "unknown day '\(slot.day)'")
                continue
            }
            let ids = Set(periods.map(\.id))
            for (position, period) in (slot.periods ?? []).enumerated() where !ids.contains(period) {
                error(
                    "\(base).\(field)[\(index)].periods[\(position)]", record: record, field: field,
                    "unknown period '\(period)' on day '\(slot.day)'")
            }
        }
    }

    /// Counts above ``SchoolLimits`` are errors naming the limit.
    mutating func checkLimits() {
        let meetings = (school.courses ?? []).reduce(0) { total, course in
            total + max(0, course.sections?.min ?? 1) * max(0, course.meetingsPerWeek)
        }
        let counts: [(String, Int, Int)] = [
            ("students", school.students?.count ?? 0, SchoolLimits.students),
            ("teachers", school.teachers.count, SchoolLimits.teachers),
            ("rooms", school.rooms.count, SchoolLimits.rooms),
            ("cohorts", school.cohorts?.count ?? 0, SchoolLimits.cohorts),
            ("activities", (school.activities?.count ?? 0) + meetings, SchoolLimits.lessons),
            ("timeGrid.days", school.timeGrid.days.count, SchoolLimits.days),
            ("flex.sessions", school.flex?.sessions.count ?? 0, SchoolLimits.flexSessions),
        ]
        for (field, count, limit) in counts where count > limit {
            error(
                "$.\(field)", field: field,
                "\(count) \(field == "activities" ? "lessons (activities and course meetings)" : field) is above FlexPlan's limit of \(limit)"
            )
        }
        for schedule in school.timeGrid.bellSchedules where schedule.periods.count > SchoolLimits.periodsPerDay {
            error(
                path("timeGrid.bellSchedules", schedule.id) + ".periods", record: schedule.id, field: "periods",
                "\(schedule.periods.count) periods in a day is above FlexPlan's limit of \(SchoolLimits.periodsPerDay)")
        }
        for student in school.students ?? [] where (student.requests?.count ?? 0) > SchoolLimits.requestsPerStudent {
            error(
                path("students", student.id) + ".requests", record: student.id, field: "requests",
                "\(student.requests!.count) course requests is above FlexPlan's limit of \(SchoolLimits.requestsPerStudent)"
            )
        }
    }

    mutating func checkRange(_ low: Int?, _ high: Int?, at base: String, record: String, names: (String, String)) {
        for (value, name) in [(low, names.0), (high, names.1)] {
            if let value, value < 0 {
                error("\(base).\(name)", record: record, field: name, "\(name) is negative (\(value))")
            }
        }
        if let low, let high, low > high {
            error("\(base).\(names.0)", record: record, field: names.0, "\(names.0) \(low) is above \(names.1) \(high)")
        }
    }
}
