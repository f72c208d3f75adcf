/// The checker's verdict on a week's flex assignment, with the contract's figures, per flex
/// period and for the week.
public struct FlexReport: Sendable {
    /// Counts behind the figures, for one flex period or the week.
    public struct Figures: Sendable, Equatable {
        /// Student-periods: students × flex periods.
        public var studentPeriods = 0
        /// Student-periods in a session other than the catch-all.
        public var placedCount = 0
        /// Hard requests that apply, and those honoured.
        public var hardRequests = 0
        public var hardRequestsMet = 0
        /// Student-periods with choices, and those in their first choice.
        public var withChoices = 0
        public var firstChoices = 0
        /// Student-periods also in the previous week (by weekday and period), and those whose
        /// place changed; nil without a previous week.
        public var comparedWithPrevious: Int?
        public var changed: Int?

        /// Fraction of student-periods in a session other than the catch-all.
        public var placed: Double { studentPeriods == 0 ? 1 : Double(placedCount) / Double(studentPeriods) }
        /// Fraction of applicable hard requests honoured (1 when there are none).
        public var hardRequestsHonoured: Double {
            hardRequests == 0 ? 1 : Double(hardRequestsMet) / Double(hardRequests)
        }
        /// Fraction of student-periods with choices that got the first choice (1 when none chose).
        public var firstChoice: Double { withChoices == 0 ? 1 : Double(firstChoices) / Double(withChoices) }
        /// Fraction of student-periods in both weeks whose place changed.
        public var changedFromPrevious: Double? {
            guard let compared = comparedWithPrevious, let changed else { return nil }
            return compared == 0 ? 0 : Double(changed) / Double(compared)
        }

        static func + (lhs: Figures, rhs: Figures) -> Figures {
            var sum = lhs
            sum.studentPeriods += rhs.studentPeriods
            sum.placedCount += rhs.placedCount
            sum.hardRequests += rhs.hardRequests
            sum.hardRequestsMet += rhs.hardRequestsMet
            sum.withChoices += rhs.withChoices
            sum.firstChoices += rhs.firstChoices
            if let compared = rhs.comparedWithPrevious {
                sum.comparedWithPrevious = (sum.comparedWithPrevious ?? 0) + compared
            }
            if let changed = rhs.changed { sum.changed = (sum.changed ?? 0) + changed }
            return sum
        }
    }

    public var violations: [Violation]
    /// Per flex period of the plan, in order.
    public var periods: [Figures]
    /// Per session id: students in it, per flex period.
    public var sessionLoads: [String: [Int]]

    /// The week's figures.
    public var week: Figures { periods.reduce(Figures(), +) }
}

/// Checks a week's flex assignment against the school and the week's requests, on its own: the
/// week's flex periods from the calendar, seats from the sessions and rooms, every hard request.
///
/// Hard rules: `flex.week` (the periods are not the week's flex periods), `flex.unknownStudent`,
/// `flex.unknownSession`, `flex.missing` (a student without a place in a flex period),
/// `flex.duplicate` (two places), `flex.notRunning` (a session outside its periods),
/// `flex.grade` (a session closed to the student's grade), `flex.capacity` (more students
/// than the session's capacity or its room's seats), `flex.roomSeats` (sessions sharing a
/// room over its seats), `flex.hardRequest` (a hard request not honoured), `flex.reason` (a
/// stated reason or rank that the inputs do not bear out).
public enum FlexChecker {
    public static let hardRules = [
        "flex.week", "flex.unknownStudent", "flex.unknownSession", "flex.missing", "flex.duplicate",
        "flex.notRunning", "flex.grade", "flex.capacity", "flex.roomSeats", "flex.hardRequest", "flex.reason",
    ]

    public static func check(
        _ school: School, plan: FlexWeekPlan, inputs: FlexInputs, previous: FlexWeekPlan? = nil
    ) -> FlexReport {
        var violations: [Violation] = []
        func flag(_ rule: String, _ records: [String], _ message: String) {
            violations.append(Violation(rule: rule, records: records, message: message))
        }
        let grid = school.timeGrid
        let students = school.students ?? []
        let studentByID = Dictionary(students.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let sessions = school.flex?.sessions ?? []
        let sessionByID = Dictionary(sessions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rooms = Dictionary(school.rooms.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let catchAll = school.flex?.catchAll.flatMap { $0.kind == .session ? $0.session : nil }

        do {
            let expected = try school.flexWeek(plan.week)
            if expected.periods != plan.periods {
                flag(
                    "flex.week", [],
                    "the plan's flex periods (\(plan.periods.map(\.description).joined(separator: ", "))) are not week \(plan.week)'s (\(expected.periods.map(\.description).joined(separator: ", ")))"
                )
            }
        } catch {
            flag("flex.week", [], "the plan's week: \(error.description)")
        }
        // Each period's slot, found from the ids.
        let slots: [Slot?] = plan.periods.map { period in
            guard let day = grid.days.firstIndex(where: { $0.id == period.day }),
                let index = grid.periods(ofDay: day).firstIndex(where: { $0.id == period.period })
            else { return nil }
            return Slot(day: day, period: index)
        }
        func runs(_ session: FlexSession, at slot: Slot?) -> Bool {
            guard let slot else { return false }
            return session.periods.map { grid.slots(in: $0).contains(slot) } ?? true
        }
        let periodIndex = Dictionary(
            plan.periods.enumerated().map { ($1.description, $0) }, uniquingKeysWith: { first, _ in first })

        // place[period][student] = session id ("" for the homeroom).
        var place = [[String: String]](repeating: [:], count: plan.periods.count)
        var loads: [String: [Int]] = [:]
        for assignment in plan.assignments {
            guard let period = periodIndex[assignment.flexPeriod.description] else {
                flag(
                    "flex.week", [assignment.student],
                    "student '\(assignment.student)' is placed in \(assignment.flexPeriod), not a flex period of the plan"
                )
                continue
            }
            guard let student = studentByID[assignment.student] else {
                flag("flex.unknownStudent", [assignment.student], "unknown student '\(assignment.student)'")
                continue
            }
            guard place[period][student.id] == nil else {
                flag(
                    "flex.duplicate", [student.id],
                    "student '\(student.id)' has two places in \(plan.periods[period])")
                continue
            }
            place[period][student.id] = assignment.session ?? ""
            guard let id = assignment.session else { continue }
            guard let session = sessionByID[id] else {
                flag("flex.unknownSession", [student.id, id], "student '\(student.id)' is in unknown session '\(id)'")
                continue
            }
            if !runs(session, at: slots[period]) {
                flag(
                    "flex.notRunning", [student.id, id],
                    "flex session '\(id)' does not run in \(plan.periods[period]) but holds student '\(student.id)'")
            }
            if id != catchAll, let grades = session.grades, !(student.grade.map(grades.contains) ?? false) {
                flag(
                    "flex.grade", [student.id, id],
                    "flex session '\(id)' is for grades \(grades.joined(separator: ", ")), not student '\(student.id)' (grade \(student.grade ?? "none"))"
                )
            }
            loads[id, default: [Int](repeating: 0, count: plan.periods.count)][period] += 1
        }
        for (period, flexPeriod) in plan.periods.enumerated() {
            for student in students where place[period][student.id] == nil {
                flag("flex.missing", [student.id], "student '\(student.id)' has no place in \(flexPeriod)")
            }
            var roomLoad: [String: Int] = [:]
            for (id, counts) in loads.sorted(by: { $0.key < $1.key }) where counts[period] > 0 {
                guard let session = sessionByID[id] else { continue }
                let seats = rooms[session.room]?.seats ?? 0
                let limit = min(session.capacity ?? seats, seats)
                if counts[period] > limit {
                    flag(
                        "flex.capacity", [id],
                        "flex session '\(id)' holds \(counts[period]) students in \(flexPeriod), above its \(limit) seats"
                    )
                }
                roomLoad[session.room, default: 0] += counts[period]
            }
            for (room, count) in roomLoad.sorted(by: { $0.key < $1.key }) where count > rooms[room]?.seats ?? 0 {
                flag(
                    "flex.roomSeats", [room],
                    "room '\(room)' holds \(count) flex students in \(flexPeriod), above its \(rooms[room]?.seats ?? 0) seats"
                )
            }
        }

        var figures = [FlexReport.Figures](repeating: FlexReport.Figures(), count: plan.periods.count)
        for period in figures.indices { figures[period].studentPeriods = students.count }
        // Hard requests, in every flex period they name (all when none) where the session runs.
        for request in inputs.requests where request.isHard {
            guard let session = sessionByID[request.session], studentByID[request.student] != nil else { continue }
            let named = request.periods.map { grid.slots(in: $0) }
            for (period, slot) in slots.enumerated() {
                guard let slot, named?.contains(slot) ?? true, runs(session, at: slot) else { continue }
                figures[period].hardRequests += 1
                if place[period][request.student] == request.session {
                    figures[period].hardRequestsMet += 1
                } else {
                    flag(
                        "flex.hardRequest", [request.student, request.session],
                        "hard request by '\(request.teacher)': student '\(request.student)' is not in '\(request.session)' in \(plan.periods[period])"
                    )
                }
            }
        }

        // Choices, and what the plan says about them.
        var choicesByStudent: [String: [FlexChoice]] = [:]
        for choice in inputs.choices { choicesByStudent[choice.student, default: []].append(choice) }
        func ranking(_ student: String, _ slot: Slot?) -> [String]? {
            let records = choicesByStudent[student] ?? []
            let specific = records.first { record in
                guard let slot, let periods = record.periods else { return false }
                return grid.slots(in: periods).contains(slot)
            }
            return (specific ?? records.first { $0.periods == nil })?.sessions
        }
        var requested: Set<[String]> = []  // [student, session, "hard"|"soft"]
        for request in inputs.requests {
            requested.insert([request.student, request.session, request.isHard ? "hard" : "soft"])
        }
        for assignment in plan.assignments {
            guard let period = periodIndex[assignment.flexPeriod.description] else { continue }
            if let session = assignment.session, session != catchAll { figures[period].placedCount += 1 }
            let ranked = ranking(assignment.student, slots[period]) ?? []
            if !ranked.isEmpty {
                figures[period].withChoices += 1
                if assignment.session == ranked.first { figures[period].firstChoices += 1 }
            }
            let actualRank = assignment.session.flatMap { ranked.firstIndex(of: $0) }.map { $0 + 1 }
            let claim: String? =
                switch assignment.reason {
                case .hardRequest where !requested.contains([assignment.student, assignment.session ?? "", "hard"]):
                    "a hard request"
                case .request where !requested.contains([assignment.student, assignment.session ?? "", "soft"]):
                    "a request"
                case .choice where actualRank == nil: "a choice"
                default: assignment.rank != nil && assignment.rank != actualRank ? "rank \(assignment.rank!)" : nil
                }
            if let claim {
                flag(
                    "flex.reason", [assignment.student],
                    "student '\(assignment.student)' in \(assignment.flexPeriod): the plan claims \(claim) the inputs do not hold"
                )
            }
        }

        // Changes from the previous week, matched by weekday (or day) and period.
        if let previous {
            var before: [String: String] = [:]
            for assignment in previous.assignments {
                before[assignment.student + "|" + assignment.flexPeriod.recurrenceKey] = assignment.session ?? ""
            }
            for period in figures.indices {
                figures[period].comparedWithPrevious = 0
                figures[period].changed = 0
            }
            for assignment in plan.assignments {
                guard let period = periodIndex[assignment.flexPeriod.description],
                    let last = before[assignment.student + "|" + assignment.flexPeriod.recurrenceKey]
                else { continue }
                figures[period].comparedWithPrevious! += 1
                if last != assignment.session ?? "" { figures[period].changed! += 1 }
            }
        }
        return FlexReport(violations: violations, periods: figures, sessionLoads: loads)
    }
}
