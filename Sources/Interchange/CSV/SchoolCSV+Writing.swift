import CSV
import Foundation
import SchoolModel

extension SchoolCSV {
    /// Writes `school` as a CSV folder (created when missing), each file atomically.
    ///
    /// A collection the school does not have gets no file (and a stale file of that name is
    /// removed), so that reading the folder back gives an equal school.
    public static func write(_ school: School, to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let tables = try tables(of: school)
        for layout in files {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(layout.name).path
            if let rows = tables[layout.name] {
                try AtomicFile.write(try CSVText.encode(header: layout.columns, rows: rows), to: path)
            } else if FileManager.default.fileExists(atPath: path) {
                try FileManager.default.removeItem(atPath: path)
            }
        }
    }

    /// The rows of every file the school needs, by file name, in each file's column order.
    static func tables(of school: School) throws -> [String: [[String]]] {
        var tables: [String: [[String]]] = [:]
        tables["school.csv"] = schoolRows(school)
        if let subjects = school.subjects { tables["subjects.csv"] = subjects.map { [$0.id, text($0.name)] } }
        tables["periods.csv"] = school.timeGrid.bellSchedules.flatMap { schedule in
            schedule.periods.map { [schedule.id, $0.id, $0.start, String($0.minutes), text($0.kind?.rawValue)] }
        }
        tables["days.csv"] = school.timeGrid.days.map { [$0.id, text($0.name), $0.bellSchedule, text($0.weekday)] }
        tables["teachers.csv"] = school.teachers.map { teacher in
            [
                teacher.id, text(teacher.name), list(teacher.subjects), slots(teacher.unavailable),
                text(teacher.minPeriodsPerWeek), text(teacher.maxPeriodsPerWeek), text(teacher.maxMinutesPerWeek),
                text(teacher.minPeriodsPerDay), text(teacher.maxPeriodsPerDay), text(teacher.maxConsecutive),
                list(teacher.preferredRooms), text(teacher.planningMinutes), text(teacher.maxDaysPerWeek),
                text(teacher.maxGapsPerWeek), text(teacher.maxGapsPerDay), text(teacher.minDaysPerWeek),
                text(teacher.minPeriodsPerBusyDay),
            ]
        }
        tables["rooms.csv"] = school.rooms.map { room in
            [
                room.id, text(room.name), String(room.seats), text(room.groups), list(room.features),
                slots(room.unavailable), text(room.building),
            ]
        }
        tables["cohorts.csv"] = school.cohorts?.map { cohort in
            [
                cohort.id, text(cohort.name), text(cohort.kind?.rawValue), text(cohort.parent), String(cohort.size),
                text(cohort.homeroom), slots(cohort.unavailable), text(cohort.maxPeriodsPerDay),
                text(cohort.maxGapsPerWeek), text(cohort.maxGapsPerDay), text(cohort.maxConsecutive),
                text(cohort.minPeriodsPerBusyDay), text(cohort.minPeriodsEveryDay),
                text(cohort.maxSecondPeriodStartsPerWeek),
            ]
        }
        if let students = school.students {
            tables["students.csv"] = students.map { student in
                [
                    student.id, text(student.name), text(student.grade), text(student.cohort),
                    list(student.profile?.needs),
                    list(student.profile?.levels?.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }),
                    list(student.profile?.interests), list(student.keepWith), list(student.keepApartFrom),
                ]
            }
            if students.contains(where: { $0.requests != nil }) {
                tables["requests.csv"] = students.flatMap { student in
                    (student.requests ?? []).flatMap { request in
                        [[student.id, request.course, text(request.weight), "", "", ""]]
                            + (request.alternates ?? []).map { [student.id, $0, "", "true", request.course, ""] }
                    }
                }
            }
        }
        tables["courses.csv"] = school.courses?.map { course in
            [
                course.id, text(course.name), text(course.subject), String(course.meetingsPerWeek),
                text(course.duration), text(course.minDaysApart), list(course.roomFeatures),
                text(course.maxSectionSize),
                course.sections.map { $0.isFixed ? String($0.min) : "\($0.min)-\($0.max)" } ?? "",
                list(course.teachers), slots(course.preferredTimes), text(course.samePeriod),
            ]
        }
        tables["activities.csv"] = school.activities?.map { activity in
            [
                activity.id, text(activity.subject), list(activity.teachers), list(activity.cohorts),
                text(activity.duration), text(activity.students), list(activity.roomFeatures),
                activity.takesNoRoom ? "-" : list(activity.rooms),
                list(activity.preferredRooms), text(activity.splitGroup), text(activity.minDaysApart),
                slots(activity.preferredTimes), activity.locked.map { "\($0.day):\($0.period)" } ?? "",
                text(activity.locked?.room), slots(activity.allowedStarts), list(activity.tags),
            ]
        }
        tables["day-limits.csv"] = school.dayLimits?.map { limit in
            [
                list(limit.teachers), list(limit.cohorts), text(limit.maxSpan), text(limit.maxSpanExceptions),
                text(limit.minRest), text(limit.minRestCircular), text(limit.intervalStart), text(limit.intervalEnd),
                text(limit.maxIntervalDays),
            ]
        }
        tables["slot-rules.csv"] = school.slotRules?.map { rule in
            [rule.kind.rawValue, list(rule.activities), slots(rule.slots), String(rule.count), text(rule.allowEmpty)]
        }
        tables["soft-day-limits.csv"] = school.softDayLimits?.map { limit in
            [
                list(limit.teachers), list(limit.cohorts), text(limit.tag), text(limit.maxPeriodsPerDay),
                text(limit.maxConsecutive),
                number(limit.weight),
            ]
        }
        tables["avoided-room-times.csv"] = school.avoidedRoomTimes?.map { avoided in
            [avoided.room, slots(avoided.times), number(avoided.weight)]
        }
        tables["room-rules.csv"] = school.roomRules?.map { rule in
            [rule.kind.rawValue, list(rule.teachers), list(rule.cohorts), list(rule.activities), text(rule.count)]
        }
        tables["tag-limits.csv"] = school.tagLimits?.map { limit in
            [
                limit.tag, list(limit.teachers), list(limit.cohorts), text(limit.maxPeriodsPerDay),
                text(limit.maxConsecutive),
            ]
        }
        tables["activity-relations.csv"] = school.activityRelations?.map { relation in
            [
                relation.kind.rawValue, list(relation.activities), text(relation.minDays), number(relation.weight),
                text(relation.maxDays), text(relation.minPeriods), text(relation.acrossBreaks),
            ]
        }
        tables["teams.csv"] = school.teams?.map { team in
            let collaboration = team.collaboration
            return [
                team.id, text(team.name), text(team.kind?.rawValue), list(team.members), text(collaboration?.minutes),
                text(collaboration?.minBlockMinutes), text(collaboration?.minBlocks), text(collaboration?.maxBlocks),
                slots(collaboration?.windows), text(collaboration?.meeting), text(collaboration?.maxDirectedMinutes),
                number(collaboration?.weight),
            ]
        }
        if let flex = school.flex {
            tables["flex-sessions.csv"] = flex.sessions.map { session in
                [
                    session.id, text(session.name), session.teacher, session.room, text(session.capacity),
                    list(session.tags), slots(session.periods), list(session.grades),
                ]
            }
            tables["flex-requests.csv"] = flex.requests?.map { request in
                [
                    request.teacher, request.student, request.session, text(request.priority), text(request.hard),
                    slots(request.periods),
                ]
            }
            tables["flex-choices.csv"] = flex.choices?.map { [$0.student, list($0.sessions), slots($0.periods)] }
        }
        return tables
    }

    private static func schoolRows(_ school: School) -> [[String]] {
        var rows = [["name", school.name]]
        if let calendar = school.calendar {
            rows.append(["termStart", calendar.termStart])
            rows.append(["termEnd", calendar.termEnd])
            if let holidays = calendar.holidays { rows.append(["holidays", list(holidays)]) }
            if let timeZone = calendar.timeZone { rows.append(["timeZone", timeZone]) }
        }
        if let catchAll = school.flex?.catchAll {
            rows.append(["flexCatchAll", catchAll.kind == .homeroom ? "homeroom" : "session:\(catchAll.session ?? "")"])
        }
        if let weights = school.weights {
            let named: [(String, Double?)] = [
                ("teacherGap", weights.teacherGap), ("cohortGap", weights.cohortGap),
                ("preferredTime", weights.preferredTime), ("preferredRoom", weights.preferredRoom),
                ("roomChange", weights.roomChange), ("lateStart", weights.lateStart),
                ("unevenDays", weights.unevenDays), ("shortDay", weights.shortDay),
                ("unmetRequest", weights.unmetRequest),
            ]
            for (name, value) in named { if let value { rows.append(["weights.\(name)", number(value)]) } }
        }
        return rows
    }

    private static func text(_ value: String?) -> String { value ?? "" }
    private static func text(_ value: Int?) -> String { value.map(String.init) ?? "" }
    private static func text(_ value: Bool?) -> String { value.map(String.init) ?? "" }
    /// `a;b`; a lone `;` for an empty list, so that it reads back as empty rather than absent.
    private static func list(_ values: [String]?) -> String {
        guard let values else { return "" }
        return values.isEmpty ? ";" : values.joined(separator: ";")
    }

    private static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// `mon:1;mon:2;fri`.
    private static func slots(_ values: [TimeSlots]?) -> String {
        guard let values else { return "" }
        if values.isEmpty { return ";" }
        return values.flatMap { slot in slot.periods.map { $0.map { "\(slot.day):\($0)" } } ?? [slot.day] }
            .joined(separator: ";")
    }
}
