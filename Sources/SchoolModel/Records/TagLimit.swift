/// A limit on the lessons of one activity tag (``Activity/tags``), as FET's activity-tag
/// limits have it: for each teacher it names, and for each smallest cohort inside a cohort it
/// names, at most ``maxPeriodsPerDay`` periods a day of lessons with the tag, and at most
/// ``maxConsecutive`` such periods back to back (a break, a free period or a lesson without
/// the tag ends a run).
public struct TagLimit: Codable, Sendable, Equatable {
    /// The activity tag, e.g. `lab` or `sport`.
    public var tag: String
    /// Teachers it applies to (ids).
    public var teachers: [String]?
    /// Cohorts it applies to (ids): each of their smallest sub-cohorts is limited on its own.
    public var cohorts: [String]?
    /// Periods a day of lessons with the tag, at most.
    public var maxPeriodsPerDay: Int?
    /// Periods in a row of lessons with the tag, at most.
    public var maxConsecutive: Int?

    public init(
        tag: String, teachers: [String]? = nil, cohorts: [String]? = nil, maxPeriodsPerDay: Int? = nil,
        maxConsecutive: Int? = nil
    ) {
        self.tag = tag
        self.teachers = teachers
        self.cohorts = cohorts
        self.maxPeriodsPerDay = maxPeriodsPerDay
        self.maxConsecutive = maxConsecutive
    }
}
