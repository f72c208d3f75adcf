/// Teachers who need shared time: a grade-level team, a department or PLC, an
/// interdisciplinary team, a co-teaching pair.
public struct Team: Codable, Sendable, Equatable, Identifiable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case gradeLevel, department, plc, interdisciplinary, coTeaching
    }

    public var id: String
    public var name: String?
    public var kind: Kind?
    /// Teacher ids; a teacher may be on several teams.
    public var members: [String]
    public var collaboration: CollaborationRequirement?

    public init(
        id: String, name: String? = nil, kind: Kind? = nil, members: [String],
        collaboration: CollaborationRequirement? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.members = members
        self.collaboration = collaboration
    }
}

/// Common planning time a team needs: minutes per week in which every member is free at the
/// same time, counted only in contiguous blocks of at least `minBlockMinutes`.
public struct CollaborationRequirement: Codable, Sendable, Equatable {
    /// Common minutes per week (per cycle), at least.
    public var minutes: Int
    /// A team block counts only when it is this long (contiguous, passing time not counted).
    public var minBlockMinutes: Int?
    /// Team blocks per week, at least / at most.
    public var minBlocks: Int?
    public var maxBlocks: Int?
    /// Where team blocks may lie; anywhere in the school day when absent.
    public var windows: [TimeSlots]?
    /// Book a team meeting as a real activity in one of the blocks.
    public var meeting: Bool?
    /// Administrator-directed minutes per week, at most (e.g. 50).
    public var maxDirectedMinutes: Int?
    /// Absent: hard. A number: soft, penalty per missing minute.
    public var weight: Double?

    public init(
        minutes: Int, minBlockMinutes: Int? = nil, minBlocks: Int? = nil, maxBlocks: Int? = nil,
        windows: [TimeSlots]? = nil, meeting: Bool? = nil, maxDirectedMinutes: Int? = nil,
        weight: Double? = nil
    ) {
        self.minutes = minutes
        self.minBlockMinutes = minBlockMinutes
        self.minBlocks = minBlocks
        self.maxBlocks = maxBlocks
        self.windows = windows
        self.meeting = meeting
        self.maxDirectedMinutes = maxDirectedMinutes
        self.weight = weight
    }

    public var isHard: Bool { weight == nil }
}
