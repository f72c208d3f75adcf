/// A week's flex assignment as the plan file keeps it (its `flex`): every student's session in
/// every flex period of the week, with why, and what next week needs (fairness).
public struct FlexWeekPlan: Codable, Sendable, Equatable {
    /// A file the assignment was made from, by path and content hash.
    public struct Source: Codable, Sendable, Equatable {
        public var path: String
        public var sha256: String

        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    /// Term week (1 = the first).
    public var week: Int
    /// The week's flex periods, in order.
    public var periods: [FlexPeriod]
    /// The weekly requests file (`--requests`); absent when the school's standing requests and
    /// choices applied.
    public var requests: Source?
    /// The plan of the week before (`--previous`), when there was one.
    public var previous: Source?
    /// Bonus per student-period kept in last week's session (`--stability`).
    public var stabilityWeight: Double
    /// How strongly past missed choices raise a student's claim (`--fairness`).
    public var fairnessWeight: Double
    /// One per student and flex period, period by period, students in school order.
    public var assignments: [FlexAssignment]
    /// Per student, choices missed so far (0 = first choices; halves every flex period), after
    /// this week; students at 0 are left out. Next week's `--previous` reads it.
    public var fairness: [String: Double]

    public init(
        week: Int, periods: [FlexPeriod], requests: Source? = nil, previous: Source? = nil,
        stabilityWeight: Double, fairnessWeight: Double, assignments: [FlexAssignment],
        fairness: [String: Double]
    ) {
        self.week = week
        self.periods = periods
        self.requests = requests
        self.previous = previous
        self.stabilityWeight = stabilityWeight
        self.fairnessWeight = fairnessWeight
        self.assignments = assignments
        self.fairness = fairness
    }
}

/// Where one student goes in one flex period, and why.
public struct FlexAssignment: Codable, Sendable, Equatable {
    public var student: String
    /// Grid day id and period id of the flex period.
    public var day: String
    public var period: String
    /// "YYYY-MM-DD", when the school has a calendar.
    public var date: String?
    /// The session; absent when the student goes to their homeroom (the catch-all).
    public var session: String?
    public var reason: FlexReason
    /// The session's rank in the student's choices (1 = first), when they chose it.
    public var rank: Int?
    /// The requesting teacher and the request's priority, for a request.
    public var teacher: String?
    public var priority: Int?
    /// True when the student stays in the session of the same flex period last week.
    public var kept: Bool?
    /// Sessions the student wanted more (requested, ranked higher, matching their profile) that
    /// were full.
    public var full: [String]?

    public init(
        student: String, day: String, period: String, date: String? = nil, session: String?, reason: FlexReason,
        rank: Int? = nil, teacher: String? = nil, priority: Int? = nil, kept: Bool? = nil, full: [String]? = nil
    ) {
        self.student = student
        self.day = day
        self.period = period
        self.date = date
        self.session = session
        self.reason = reason
        self.rank = rank
        self.teacher = teacher
        self.priority = priority
        self.kept = kept
        self.full = full
    }

    /// The flex period it is in.
    public var flexPeriod: FlexPeriod { FlexPeriod(day: day, period: period, date: date) }
}

/// Why a student is where they are in a flex period.
public enum FlexReason: String, Codable, Sendable, CaseIterable {
    /// A teacher's hard request.
    case hardRequest
    /// A teacher's soft request (it outranks the student's choices).
    case request
    /// One of the student's ranked choices.
    case choice
    /// A session whose tags match the student's needs or interests.
    case profile
    /// Nothing they wanted had a seat, or they asked for nothing: the catch-all.
    case catchAll
}

extension FlexAssignment {
    /// Why, in a sentence: "2nd choice (F03 full); kept from last week".
    public var explanation: String {
        var text: String
        switch reason {
        case .hardRequest:
            text = "hard request by \(teacher ?? "a teacher") (priority \(priority ?? 1))"
        case .request:
            text = "request by \(teacher ?? "a teacher") (priority \(priority ?? 1))"
        case .choice:
            text = rank.map { Self.ordinal($0) + " choice" } ?? "choice"
        case .profile:
            text = "matches the student's profile"
        case .catchAll:
            text = session == nil ? "homeroom (catch-all)" : "catch-all session"
            if (full ?? []).isEmpty { text += ": no request or choice for this period" }
        }
        if let full, !full.isEmpty {
            text += reason == .catchAll ? ": wanted sessions full (" : " ("
            text += full.joined(separator: ", ") + (reason == .catchAll ? ")" : " full)")
        }
        if kept == true { text += "; kept from last week" }
        return text
    }

    /// "1st", "2nd", "3rd", "4th", … "11th", "21st".
    static func ordinal(_ value: Int) -> String {
        let suffix: String
        switch (value % 10, value % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(value)\(suffix)"
    }
}
