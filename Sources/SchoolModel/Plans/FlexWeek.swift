/// One flex period of a week: the grid day and period, and the date when the school has a
/// calendar.
public struct FlexPeriod: Codable, Sendable, Equatable, CustomStringConvertible {
    /// Day id of the time grid ("tue", or a cycle day "A").
    public var day: String
    /// Period id within that day ("flex").
    public var period: String
    /// "YYYY-MM-DD", when the school has a calendar.
    public var date: String?

    public init(day: String, period: String, date: String? = nil) {
        self.day = day
        self.period = period
        self.date = date
    }

    /// "tue:flex", with the date when known: "tue:flex 2026-09-08".
    public var description: String { "\(day):\(period)" + (date.map { " \($0)" } ?? "") }

    /// What a student recognises as "the same flex period" another week: the weekday and
    /// period when dated (a rotating cycle moves cycle days across weekdays), else the grid
    /// day and period.
    public var recurrenceKey: String {
        if let date, let civil = CivilDate(date) { return "weekday \(civil.weekday) \(period)" }
        return "\(day) \(period)"
    }
}

/// The flex periods of one term week.
public struct FlexWeek: Sendable, Equatable {
    /// 1 = the term's first week.
    public var number: Int
    public var periods: [FlexPeriod]
    /// The grid slot of each period, in the same order.
    public var slots: [Slot]

    public init(number: Int, periods: [FlexPeriod], slots: [Slot]) {
        self.number = number
        self.periods = periods
        self.slots = slots
    }
}

/// A week's teacher requests and student choices.
public struct FlexInputs: Sendable, Equatable {
    public var requests: [FlexRequest]
    public var choices: [FlexChoice]

    public init(requests: [FlexRequest] = [], choices: [FlexChoice] = []) {
        self.requests = requests
        self.choices = choices
    }
}

extension School {
    /// The standing requests and choices of the school file.
    public var standingFlexInputs: FlexInputs {
        FlexInputs(requests: flex?.requests ?? [], choices: flex?.choices ?? [])
    }

    /// The flex periods of term week `number`.
    ///
    /// With a calendar: the flex periods of the week's school days (holidays skipped, a
    /// rotating cycle laid onto the dates). Without one, "week" means one cycle: every flex
    /// period of the grid, undated.
    public func flexWeek(_ number: Int) throws(FlexError) -> FlexWeek {
        let grid = timeGrid
        let flexSlots = grid.slots(of: .flex)
        guard !flexSlots.isEmpty else { throw .noFlexPeriods(week: nil) }
        guard let calendar else {
            guard number >= 1 else { throw .weekOutsideTerm(week: number, weeks: nil) }
            return FlexWeek(
                number: number,
                periods: flexSlots.map {
                    FlexPeriod(day: grid.days[$0.day].id, period: grid.period(at: $0).id)
                }, slots: flexSlots)
        }
        let schoolDays = grid.schoolDays(in: calendar)
        let weeks = schoolDays.last?.week ?? 0
        guard (1...max(1, weeks)).contains(number), weeks > 0 else {
            throw .weekOutsideTerm(week: number, weeks: weeks)
        }
        var periods: [FlexPeriod] = []
        var slots: [Slot] = []
        for schoolDay in schoolDays where schoolDay.week == number {
            for slot in flexSlots where slot.day == schoolDay.dayIndex {
                periods.append(
                    FlexPeriod(
                        day: grid.days[slot.day].id, period: grid.period(at: slot).id,
                        date: schoolDay.date.description))
                slots.append(slot)
            }
        }
        guard !periods.isEmpty else { throw .noFlexPeriods(week: number) }
        return FlexWeek(number: number, periods: periods, slots: slots)
    }
}

/// Why a week's flex assignment cannot be made, in school terms.
public enum FlexError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The week is not in the term (`weeks` is the term's length, nil without a calendar).
    case weekOutsideTerm(week: Int, weeks: Int?)
    /// The grid has no flex period (nil week), or the week's flex days are all holidays.
    case noFlexPeriods(week: Int?)
    /// The school has no students to assign.
    case noStudents
    /// More hard requests for a session in a period than it has seats.
    case hardRequestsOverCapacity(session: String, period: String, requested: Int, capacity: Int)
    /// A student has hard requests for two sessions at once.
    case conflictingHardRequests(student: String, period: String, sessions: [String])
    /// A hard request the session cannot take: not running then, or not open to the grade.
    case hardRequestImpossible(student: String, session: String, period: String, why: String)
    /// No assignment exists (a catch-all session too small for everyone left over).
    case noAssignment(period: String, why: String)
    /// The solver failed (a bug or a GLPK failure).
    case solverFailed(String)

    public var description: String {
        switch self {
        case .weekOutsideTerm(let week, let weeks?):
            return "week \(week) is not in the term (weeks 1–\(weeks))"
        case .weekOutsideTerm(let week, nil):
            return "week \(week) is not a week number (1 or more)"
        case .noFlexPeriods(nil):
            return "the time grid has no flex period"
        case .noFlexPeriods(let week?):
            return "week \(week) has no flex period (its flex days are holidays or outside the term)"
        case .noStudents:
            return "the school has no students to assign to flex sessions"
        case .hardRequestsOverCapacity(let session, let period, let requested, let capacity):
            return
                "\(requested) hard requests for flex session '\(session)' in \(period), but it seats \(capacity): make some requests soft or raise its capacity"
        case .conflictingHardRequests(let student, let period, let sessions):
            return
                "student '\(student)' has hard requests for \(sessions.map { "'\($0)'" }.joined(separator: " and ")) in \(period); a student attends one session at a time"
        case .hardRequestImpossible(let student, let session, let period, let why):
            return
                "hard request for student '\(student)' in flex session '\(session)' (\(period)) cannot be met: \(why)"
        case .noAssignment(let period, let why):
            return "no flex assignment exists in \(period): \(why)"
        case .solverFailed(let message):
            return "the flex assignment failed: \(message)"
        }
    }
}
