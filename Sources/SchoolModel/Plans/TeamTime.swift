/// A team's common time in a plan: its blocks and minutes against the requirement.
public struct TeamTime: Codable, Sendable, Equatable {
    /// One contiguous block in which every member is free.
    public struct Block: Codable, Sendable, Equatable {
        public var day: String
        /// Period ids, in order.
        public var periods: [String]
        public var minutes: Int
        /// Whether the team's booked meeting (directed time) takes this block.
        public var meeting: Bool?

        public init(day: String, periods: [String], minutes: Int, meeting: Bool? = nil) {
            self.day = day
            self.periods = periods
            self.minutes = minutes
            self.meeting = meeting
        }
    }

    public var id: String
    public var requiredMinutes: Int
    /// Minutes in blocks that count (each at least the requirement's block length).
    public var achievedMinutes: Int
    public var blocks: [Block]

    public init(id: String, requiredMinutes: Int, achievedMinutes: Int, blocks: [Block]) {
        self.id = id
        self.requiredMinutes = requiredMinutes
        self.achievedMinutes = achievedMinutes
        self.blocks = blocks
    }
}

/// A teacher's individual planning time in a plan: free teaching minutes outside lessons and
/// team blocks, against the requirement.
public struct PlanningTime: Codable, Sendable, Equatable {
    public var teacher: String
    public var requiredMinutes: Int
    public var minutes: Int

    public init(teacher: String, requiredMinutes: Int, minutes: Int) {
        self.teacher = teacher
        self.requiredMinutes = requiredMinutes
        self.minutes = minutes
    }
}
