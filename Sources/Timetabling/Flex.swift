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

    public init(teacher: String, student: String, session: String, priority: Int? = nil, hard: Bool? = nil) {
        self.teacher = teacher
        self.student = student
        self.session = session
        self.priority = priority
        self.hard = hard
    }
}

/// A student's ranked choice of sessions.
public struct FlexChoice: Codable, Sendable, Equatable {
    public var student: String
    /// Session ids, first choice first.
    public var sessions: [String]

    public init(student: String, sessions: [String]) {
        self.student = student
        self.sessions = sessions
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

/// Weights of the soft rules, each a penalty per unit of violation.
///
/// Units: `teacherGap` and `cohortGap` per idle period between two lessons of one day;
/// `preferredTime` per lesson starting outside its preferred times; `preferredRoom` per lesson
/// outside its preferred rooms; `roomChange` per change of room between a cohort's consecutive
/// lessons; `lateStart` per cohort day whose first lesson is not in the first teaching period;
/// `unevenDays` per period a teacher's or cohort's day exceeds their even share (weekly load over
/// the days, rounded up); `shortDay` per period a teacher's teaching day falls below their
/// `minPeriodsPerDay`; `unmetRequest` per unit of request weight not met. Relations carry their
/// own weights.
public struct SoftRuleWeights: Codable, Sendable, Equatable {
    public var teacherGap: Double?
    public var cohortGap: Double?
    public var preferredTime: Double?
    public var preferredRoom: Double?
    public var roomChange: Double?
    public var lateStart: Double?
    public var unevenDays: Double?
    public var shortDay: Double?
    public var unmetRequest: Double?

    public init() {}

    /// The weights with FlexPlan's defaults where absent.
    public var resolved: SoftRuleWeights {
        var result = self
        result.teacherGap = teacherGap ?? 1
        result.cohortGap = cohortGap ?? 3
        result.preferredTime = preferredTime ?? 1
        result.preferredRoom = preferredRoom ?? 1
        result.roomChange = roomChange ?? 0
        result.lateStart = lateStart ?? 2
        result.unevenDays = unevenDays ?? 0
        result.shortDay = shortDay ?? 1
        result.unmetRequest = unmetRequest ?? 10
        return result
    }
}
