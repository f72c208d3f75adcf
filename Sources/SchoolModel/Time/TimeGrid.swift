/// When lessons can happen: the days (or cycle days) of the week, each with its periods.
///
/// Periods come from named bell schedules, so that a regular day and an early-release day can
/// differ. A day is a weekday of a fixed week (`weekday` set on every day) or a cycle day of a
/// rotating schedule (A/B, 6-day: `weekday` absent); "per week" means "per cycle".
public struct TimeGrid: Codable, Sendable, Equatable {
    /// Bell schedules that days refer to.
    public var bellSchedules: [BellSchedule]
    /// The days of the cycle, in order.
    public var days: [Day]

    public init(bellSchedules: [BellSchedule], days: [Day]) {
        self.bellSchedules = bellSchedules
        self.days = days
    }
}

/// The periods of one kind of day, in order.
public struct BellSchedule: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var periods: [Period]

    public init(id: String, periods: [Period]) {
        self.id = id
        self.periods = periods
    }
}

/// One slot of a day's bell schedule.
public struct Period: Codable, Sendable, Equatable, Identifiable {
    /// What a period is for.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Lessons may be placed here (the default).
        case teaching
        /// A flex block: students go to flex sessions.
        case flex
        /// A break (lunch, recess): nothing is placed; contiguous blocks end here.
        case `break`
    }

    /// Unique within its bell schedule, e.g. "1", "2", "lunch".
    public var id: String
    /// Start time, "HH:MM" (24-hour).
    public var start: String
    /// Length in minutes.
    public var minutes: Int
    /// Teaching (default), flex or break.
    public var kind: Kind?

    public init(id: String, start: String, minutes: Int, kind: Kind? = nil) {
        self.id = id
        self.start = start
        self.minutes = minutes
        self.kind = kind
    }

    /// The kind, teaching when absent.
    public var resolvedKind: Kind { kind ?? .teaching }

    /// Minutes since midnight of the start, or nil when `start` is not "HH:MM".
    public var startMinute: Int? { Self.minuteOfDay(start) }

    /// Minutes since midnight of an "HH:MM" time.
    public static func minuteOfDay(_ time: String) -> Int? {
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return hour * 60 + minute
    }
}

/// A day of the cycle.
public struct Day: Codable, Sendable, Equatable, Identifiable {
    /// Unique, e.g. "mon" or "A".
    public var id: String
    public var name: String?
    /// The bell schedule of this day.
    public var bellSchedule: String
    /// The weekday (1 = Monday … 7 = Sunday) of a fixed week; absent for a rotating cycle day.
    public var weekday: Int?

    public init(id: String, name: String? = nil, bellSchedule: String, weekday: Int? = nil) {
        self.id = id
        self.name = name
        self.bellSchedule = bellSchedule
        self.weekday = weekday
    }
}

/// A set of periods: whole days, or some periods of some days.
///
/// `{"day": "mon"}` is all of Monday; `{"day": "mon", "periods": ["1", "2"]}` two periods of it.
public struct TimeSlots: Codable, Sendable, Equatable {
    public var day: String
    /// Period ids of that day; absent for the whole day.
    public var periods: [String]?

    public init(day: String, periods: [String]? = nil) {
        self.day = day
        self.periods = periods
    }
}
