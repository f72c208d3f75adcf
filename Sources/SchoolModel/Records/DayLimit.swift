/// A limit on the days of the teachers it names and of each smallest cohort inside the cohorts
/// it names (FET's max span per day, min resting hours and interval max days per week).
/// Periods are counted as the day lists them, breaks included, as FET counts hours.
public struct DayLimit: Codable, Sendable, Equatable {
    /// Teachers it applies to (ids).
    public var teachers: [String]?
    /// Cohorts it applies to (ids): each of their smallest sub-cohorts on its own.
    public var cohorts: [String]?
    /// Periods from a day's first busy period to its last, at most.
    public var maxSpan: Int?
    /// Days a week that may span one period more than `maxSpan` (FET's one-day exception: 1).
    public var maxSpanExceptions: Int?
    /// Free periods from the last busy period of a day to the first of the next day, at least.
    public var minRest: Int?
    /// Also from the last day of the week to the first (FET's circular).
    public var minRestCircular: Bool?
    /// The period (id) from which the interval of ``maxIntervalDays`` runs.
    public var intervalStart: String?
    /// The period (id) at which that interval ends, not included; nil: the end of the day.
    public var intervalEnd: String?
    /// Days a week with anything in the interval, at most.
    public var maxIntervalDays: Int?

    public init(
        teachers: [String]? = nil, cohorts: [String]? = nil, maxSpan: Int? = nil, maxSpanExceptions: Int? = nil,
        minRest: Int? = nil, minRestCircular: Bool? = nil, intervalStart: String? = nil, intervalEnd: String? = nil,
        maxIntervalDays: Int? = nil
    ) {
        self.teachers = teachers
        self.cohorts = cohorts
        self.maxSpan = maxSpan
        self.maxSpanExceptions = maxSpanExceptions
        self.minRest = minRest
        self.minRestCircular = minRestCircular
        self.intervalStart = intervalStart
        self.intervalEnd = intervalEnd
        self.maxIntervalDays = maxIntervalDays
    }

    /// The positions of `day`'s periods (of `periodIDs`, the day's period ids in order) inside
    /// the interval: from ``intervalStart`` up to ``intervalEnd`` (the end of the day when nil).
    /// Empty when the day has no period `intervalStart`.
    public func interval(inDayOf periodIDs: [String]) -> Range<Int> {
        guard let start = intervalStart, let first = periodIDs.firstIndex(of: start) else { return 0..<0 }
        let end = intervalEnd.flatMap { periodIDs.firstIndex(of: $0) } ?? periodIDs.count
        return first..<max(first, end)
    }
}
