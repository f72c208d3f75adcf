/// A subject, e.g. mathematics.
public struct Subject: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String?

    public init(id: String, name: String? = nil) {
        self.id = id
        self.name = name
    }
}

/// A course that students request and that runs in sections (a US high school's unit).
public struct Course: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String?
    public var subject: String?
    /// Meetings of each section per week.
    public var meetingsPerWeek: Int
    /// Periods per meeting; 1 when absent.
    public var duration: Int?
    /// Days between two meetings of a section, at least; 1 when absent and meetings > 1.
    public var minDaysApart: Int?
    /// Features every room of the course must have ("lab").
    public var roomFeatures: [String]?
    /// Students per section, at most.
    public var maxSectionSize: Int?
    /// Sections to run: a number, or a range the solver chooses from.
    public var sections: SectionCount?
    /// Teachers who may teach a section.
    public var teachers: [String]?
    /// Times the course should meet (a soft rule).
    public var preferredTimes: [TimeSlots]?
    /// Each section meets in the same period on each of its days (a US high school's
    /// "Period 3"); a hard rule. A school whose courses all have it, with no activities or
    /// relations, is scheduled by the master-schedule model, which sees student requests.
    public var samePeriod: Bool?

    public init(id: String, name: String? = nil, subject: String? = nil, meetingsPerWeek: Int) {
        self.id = id
        self.name = name
        self.subject = subject
        self.meetingsPerWeek = meetingsPerWeek
    }

    /// Periods per meeting, 1 when absent.
    public var resolvedDuration: Int { duration ?? 1 }
}

/// How many sections a course runs: fixed (`3`) or a range (`{"min": 2, "max": 4}`).
public struct SectionCount: Codable, Sendable, Equatable {
    public var min: Int
    public var max: Int

    public init(_ count: Int) {
        min = count
        max = count
    }

    public init(min: Int, max: Int) {
        self.min = min
        self.max = max
    }

    public var isFixed: Bool { min == max }

    private enum CodingKeys: String, CodingKey { case min, max }

    public init(from decoder: any Decoder) throws {
        if let count = try? decoder.singleValueContainer().decode(Int.self) {
            self.init(count)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(min: try container.decode(Int.self, forKey: .min), max: try container.decode(Int.self, forKey: .max))
    }

    public func encode(to encoder: any Encoder) throws {
        if isFixed {
            var container = encoder.singleValueContainer()
            try container.encode(min)
        } else {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(min, forKey: .min)
            try container.encode(max, forKey: .max)
        }
    }
}

/// A lesson to place, with fixed teachers and cohorts, as FET has them.
///
/// A subject taught 4 times a week is 4 activities sharing a `splitGroup`; they fall on
/// different days (`minDaysApart`, 1 by default).
public struct Activity: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var subject: String?
    public var teachers: [String]
    /// Cohorts taught together; empty for a meeting of staff only.
    public var cohorts: [String]?
    /// Periods; 1 when absent.
    public var duration: Int?
    /// Students, when no cohort gives the number.
    public var students: Int?
    /// Features the room must have.
    public var roomFeatures: [String]?
    /// Rooms the activity may use; any room that fits when absent; when empty, it needs no room.
    public var rooms: [String]?
    /// Rooms it should use (a soft rule). An activity that needs no room (`rooms` empty) takes
    /// one of these when one is free, and misses the rule without one (FET's soft room rules).
    public var preferredRooms: [String]?
    /// Activities of one split lesson share this id.
    public var splitGroup: String?
    /// Days between lessons of the split group, at least; 1 when absent.
    public var minDaysApart: Int?
    /// Times it should start (a soft rule).
    public var preferredTimes: [TimeSlots]?
    /// The only times it may start (a hard rule; FET's preferred starting times and time slots at 100%).
    public var allowedStarts: [TimeSlots]?
    /// A placement the solver must keep.
    public var locked: LockedPlacement?
    /// Free labels (FET's activity tags, e.g. `lab`), which ``TagLimit``s refer to.
    public var tags: [String]?

    public init(id: String, subject: String? = nil, teachers: [String], cohorts: [String]? = nil, duration: Int? = nil)
    {
        self.id = id
        self.subject = subject
        self.teachers = teachers
        self.cohorts = cohorts
        self.duration = duration
    }

    /// Periods, 1 when absent.
    /// An empty `rooms` list: the activity needs no room (FET's activities without a space
    /// constraint, a staff meeting held anywhere); the solver gives it none.
    public var takesNoRoom: Bool { rooms?.isEmpty == true }

    public var resolvedDuration: Int { duration ?? 1 }
}

/// A fixed start (and optionally room) for an activity.
public struct LockedPlacement: Codable, Sendable, Equatable {
    public var day: String
    public var period: String
    public var room: String?

    public init(day: String, period: String, room: String? = nil) {
        self.day = day
        self.period = period
        self.room = room
    }
}

/// A rule between activities.
///
/// "Back to back" means the next one starts in the period right after the previous one ends;
/// with `acrossBreaks`, break periods between them do not count (FET's meaning).
public struct ActivityRelation: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// All start at the same time (e.g. parallel option blocks, a team meeting).
        case sameStart
        /// Back to back, in the listed order, on one day.
        case consecutive
        /// In the listed order within the week (each starts after the one before starts).
        case ordered
        /// At least `minDays` days apart.
        case minDaysApart
        /// Back to back in some order, all on one day (FET's grouped activities).
        case grouped
        /// No two of them at the same time, even in part.
        case notOverlapping
        /// All start on one day.
        case sameDay
        /// All start in the same period (by id) of their days, on any days.
        case samePeriod
        /// Two of them on one day have at least `minPeriods` periods between them (breaks count).
        case minGap
        /// Two of them on one day are in the listed order (each starts after the one before starts).
        case orderedIfSameDay
        /// At most `maxDays` days apart.
        case maxDaysApart
        /// Each is the last lesson of the day for its cohorts: none of theirs later that day
        /// (one activity is enough).
        case endsCohortsDay
    }

    public var kind: Kind
    public var activities: [String]
    public var minDays: Int?
    /// `maxDaysApart`: the most days between two of them.
    public var maxDays: Int?
    /// `minGap`: the fewest periods between two of them on one day.
    public var minPeriods: Int?
    /// `consecutive` and `grouped`: break periods between them do not keep them apart.
    public var acrossBreaks: Bool?
    /// Absent: hard. A number: soft, a penalty per pair that breaks the rule; per relation for
    /// `grouped`, per activity for `endsCohortsDay`, per period shared (`notOverlapping`),
    /// missing (`minGap`) or day too many (`maxDaysApart`).
    public var weight: Double?

    public init(
        kind: Kind, activities: [String], minDays: Int? = nil, maxDays: Int? = nil, minPeriods: Int? = nil,
        acrossBreaks: Bool? = nil, weight: Double? = nil
    ) {
        self.kind = kind
        self.activities = activities
        self.minDays = minDays
        self.maxDays = maxDays
        self.minPeriods = minPeriods
        self.acrossBreaks = acrossBreaks
        self.weight = weight
    }
}
