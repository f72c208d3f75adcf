/// Flex blocks: sessions offered, teacher requests, student choices and the catch-all.
public struct FlexSetup: Codable, Sendable, Equatable {
    public var sessions: [FlexSession]
    /// Standing teacher requests (a week's requests come with `flexplan flex --requests`).
    public var requests: [FlexRequest]?
    /// Standing student choices, ranked.
    public var choices: [FlexChoice]?
    /// Where unplaced students go.
    public var catchAll: CatchAll?

    public init(
        sessions: [FlexSession], requests: [FlexRequest]? = nil, choices: [FlexChoice]? = nil,
        catchAll: CatchAll? = nil
    ) {
        self.sessions = sessions
        self.requests = requests
        self.choices = choices
        self.catchAll = catchAll
    }
}

/// One offering in flex periods: a teacher, a room, a topic.
public struct FlexSession: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String?
    public var teacher: String
    public var room: String
    /// Students, at most; the room's seats when absent.
    public var capacity: Int?
    /// Profile tags it serves ("fractions", "enrichment").
    public var tags: [String]?
    /// Flex periods it runs in; every flex period when absent.
    public var periods: [TimeSlots]?
    /// Grades it is open to; all when absent.
    public var grades: [String]?

    public init(
        id: String, name: String? = nil, teacher: String, room: String, capacity: Int? = nil,
        tags: [String]? = nil
    ) {
        self.id = id
        self.name = name
        self.teacher = teacher
        self.room = room
        self.capacity = capacity
        self.tags = tags
    }
}

/// A teacher asks for a student in a session.
public struct FlexRequest: Codable, Sendable, Equatable {
    public var teacher: String
    public var student: String
    public var session: String
    /// Higher outranks lower and outranks student choice; 1 when absent.
    public var priority: Int?
    /// Must be honoured; soft when absent or false.
    public var hard: Bool?
    /// Flex periods it applies to; every flex period the session runs in when absent.
    public var periods: [TimeSlots]?

    public init(
        teacher: String, student: String, session: String, priority: Int? = nil, hard: Bool? = nil,
        periods: [TimeSlots]? = nil
    ) {
        self.teacher = teacher
        self.student = student
        self.session = session
        self.priority = priority
        self.hard = hard
        self.periods = periods
    }

    /// The priority, 1 when absent.
    public var resolvedPriority: Int { priority ?? 1 }

    /// Whether it must be honoured.
    public var isHard: Bool { hard ?? false }
}

/// A student's ranked choice of sessions.
public struct FlexChoice: Codable, Sendable, Equatable {
    public var student: String
    /// Session ids, first choice first.
    public var sessions: [String]
    /// Flex periods these choices are for; every flex period when absent.
    public var periods: [TimeSlots]?

    public init(student: String, sessions: [String], periods: [TimeSlots]? = nil) {
        self.student = student
        self.sessions = sessions
        self.periods = periods
    }
}

/// Where a student goes when no session takes them.
public struct CatchAll: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// The student's cohort's homeroom.
        case homeroom
        /// A named session (e.g. a supervised study hall).
        case session
    }

    public var kind: Kind
    public var session: String?

    public init(kind: Kind, session: String? = nil) {
        self.kind = kind
        self.session = session
    }
}
