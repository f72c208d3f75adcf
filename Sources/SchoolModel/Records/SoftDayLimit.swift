/// A soft limit on the busy periods of a day, for the teachers it names and each smallest
/// cohort inside the cohorts it names (FET's max hours daily and max hours continuously below
/// 100%): each day of one of them busy in more than `maxPeriodsPerDay` periods costs `weight`,
/// and so does each run of more than `maxConsecutive` busy periods in a row (a break or a free
/// period ends a run), as FET counts a broken day or run once. With a `tag`, only lessons with
/// that tag count (FET's activity-tag max hours daily and continuously below 100%).
public struct SoftDayLimit: Codable, Sendable, Equatable {
    /// Teachers it applies to (ids).
    public var teachers: [String]?
    /// Cohorts it applies to (ids): each of their smallest sub-cohorts on its own.
    public var cohorts: [String]?
    /// Only lessons with this activity tag count; nil: every lesson.
    public var tag: String?
    /// Busy periods a day above which a day costs `weight`.
    public var maxPeriodsPerDay: Int?
    /// Busy periods in a row above which a run costs `weight`.
    public var maxConsecutive: Int?
    /// The penalty of each day or run over.
    public var weight: Double

    public init(
        teachers: [String]? = nil, cohorts: [String]? = nil, tag: String? = nil, maxPeriodsPerDay: Int? = nil,
        maxConsecutive: Int? = nil, weight: Double
    ) {
        self.teachers = teachers
        self.cohorts = cohorts
        self.tag = tag
        self.maxPeriodsPerDay = maxPeriodsPerDay
        self.maxConsecutive = maxConsecutive
        self.weight = weight
    }
}
