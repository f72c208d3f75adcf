/// A limit on the shape of each day of the teachers it names and of each smallest cohort inside
/// the cohorts it names (FET's max span per day and min resting hours). Periods are counted as
/// the day lists them, breaks included, as FET counts hours.
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

    public init(
        teachers: [String]? = nil, cohorts: [String]? = nil, maxSpan: Int? = nil, maxSpanExceptions: Int? = nil,
        minRest: Int? = nil, minRestCircular: Bool? = nil
    ) {
        self.teachers = teachers
        self.cohorts = cohorts
        self.maxSpan = maxSpan
        self.maxSpanExceptions = maxSpanExceptions
        self.minRest = minRest
        self.minRestCircular = minRestCircular
    }
}
