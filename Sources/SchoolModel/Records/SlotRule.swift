/// A rule on how a set of activities uses a selection of time slots (FET's "selected time
/// slots" constraints). An activity occupies each period it runs in.
public struct SlotRule: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Of the selected periods, at most `count` hold any of the activities (FET's
        /// ActivitiesOccupyMaxTimeSlotsFromSelection).
        case maxOccupied
        /// In each selected period, at most `count` of the activities (FET's
        /// ActivitiesMaxSimultaneousInSelectedTimeSlots).
        case maxSimultaneous
        /// In each selected period, at least `count` of the activities, or none when
        /// `allowEmpty` (FET's ActivitiesMinSimultaneousInSelectedTimeSlots).
        case minSimultaneous
    }

    public var kind: Kind
    /// The activities (ids).
    public var activities: [String]
    /// The selected periods.
    public var slots: [TimeSlots]
    public var count: Int
    /// For `minSimultaneous`: a selected period may also hold none of the activities.
    public var allowEmpty: Bool?

    public init(kind: Kind, activities: [String], slots: [TimeSlots], count: Int, allowEmpty: Bool? = nil) {
        self.kind = kind
        self.activities = activities
        self.slots = slots
        self.count = count
        self.allowEmpty = allowEmpty
    }
}
