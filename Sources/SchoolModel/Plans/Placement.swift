/// Where and when one lesson takes place: the plan's unit.
public struct Placement: Codable, Sendable, Equatable, Hashable {
    /// The activity id (for a course section, `COURSE.k-mN`).
    public var activity: String
    /// The day id.
    public var day: String
    /// The id of the first period.
    public var period: String
    /// The room id; nil in a school without rooms.
    public var room: String?

    public init(activity: String, day: String, period: String, room: String?) {
        self.activity = activity
        self.day = day
        self.period = period
        self.room = room
    }
}
