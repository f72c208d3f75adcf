/// A rule on the rooms lessons get: the buildings a person moves between in a day or a week
/// (FET's building-change constraints), or the rooms a set of activities shares (FET's
/// activities occupy max different rooms, same room if consecutive). Rooms are given after
/// times, so these rules bind the room assignment, and times only through its cuts.
///
/// A lesson counts in a building when its room has a ``Room/building``; a lesson without a room,
/// or in a room of no building, counts as a free period, as FET counts it.
public struct RoomRule: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Each teacher named, and each smallest cohort inside a cohort named, changes building
        /// at most `count` times a day (between lessons of one day in period order).
        case maxBuildingChangesPerDay
        /// The same, at most `count` times a week.
        case maxBuildingChangesPerWeek
        /// Between two lessons of one day in different buildings, at least `count` free periods
        /// (breaks included).
        case minGapsBetweenBuildingChanges
        /// The activities named use at most `count` different rooms between them.
        case maxDifferentRooms
        /// Two of the activities named, one ending where the other starts on one day, are in
        /// the same room.
        case sameRoomIfConsecutive
    }

    public var kind: Kind
    /// For the building kinds: the teachers it applies to (ids).
    public var teachers: [String]?
    /// For the building kinds: the cohorts it applies to (ids), each smallest sub-cohort on its
    /// own.
    public var cohorts: [String]?
    /// For the room kinds: the activities (ids).
    public var activities: [String]?
    /// Changes, free periods or rooms (see ``Kind``); none for `sameRoomIfConsecutive`.
    public var count: Int?

    public init(
        kind: Kind, teachers: [String]? = nil, cohorts: [String]? = nil, activities: [String]? = nil,
        count: Int? = nil
    ) {
        self.kind = kind
        self.teachers = teachers
        self.cohorts = cohorts
        self.activities = activities
        self.count = count
    }

    /// Whether the rule is about buildings (people named) rather than a set of activities.
    public var isBuildingRule: Bool {
        switch kind {
        case .maxBuildingChangesPerDay, .maxBuildingChangesPerWeek, .minGapsBetweenBuildingChanges: true
        case .maxDifferentRooms, .sameRoomIfConsecutive: false
        }
    }

    /// Whether the rule ties the rooms of different days together.
    public var spansDays: Bool { kind == .maxBuildingChangesPerWeek || kind == .maxDifferentRooms }
}
