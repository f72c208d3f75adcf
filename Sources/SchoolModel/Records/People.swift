/// A teacher and the limits on their week.
public struct Teacher: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String?
    /// Subjects the teacher can teach (ids of ``Subject``).
    public var subjects: [String]?
    /// Periods the teacher cannot teach or meet.
    public var unavailable: [TimeSlots]?
    /// Teaching periods per week: at least / at most.
    public var minPeriodsPerWeek: Int?
    public var maxPeriodsPerWeek: Int?
    /// Teaching minutes per week, at most (contracts often count minutes).
    public var maxMinutesPerWeek: Int?
    /// Teaching periods per day: at least (on days they teach; a soft rule, weighed by
    /// ``SoftRuleWeights/shortDay``) / at most (hard).
    public var minPeriodsPerDay: Int?
    public var maxPeriodsPerDay: Int?
    /// Teaching periods on each day the teacher teaches, at least: a hard rule (FET's
    /// TeacherMinHoursDaily, whose empty days are allowed). A day without lessons is no breach.
    public var minPeriodsPerBusyDay: Int?
    /// Consecutive teaching periods, at most.
    public var maxConsecutive: Int?
    /// Days with lessons in a week, at most (FET's TeacherMaxDaysPerWeek).
    public var maxDaysPerWeek: Int?
    /// Gaps in a week (free teaching periods between a day's first and last lesson), at most.
    public var maxGapsPerWeek: Int?
    /// Gaps on any one day, at most (FET's TeacherMaxGapsPerDay). Counted as for
    /// ``maxGapsPerWeek``: the teacher's unavailable periods are no gaps.
    public var maxGapsPerDay: Int?
    /// Days with lessons in a week, at least (FET's TeacherMinDaysPerWeek).
    public var minDaysPerWeek: Int?
    /// Rooms the teacher prefers (a soft rule).
    public var preferredRooms: [String]?
    /// Individual planning minutes a week the teacher must keep, apart from team time.
    public var planningMinutes: Int?

    public init(id: String, name: String? = nil, subjects: [String]? = nil) {
        self.id = id
        self.name = name
        self.subjects = subjects
    }
}

/// A students set that moves together, as in FET: a year, a group inside it, or a subgroup.
///
/// Lessons of a cohort block its sub-cohorts and its parents: a year's assembly and a
/// subgroup's lab cannot overlap.
public struct Cohort: Codable, Sendable, Equatable, Identifiable {
    public enum Kind: String, Codable, Sendable, CaseIterable { case year, group, subgroup }

    public var id: String
    public var name: String?
    public var kind: Kind?
    /// The enclosing cohort (a group's year, a subgroup's group).
    public var parent: String?
    /// Students in it.
    public var size: Int
    /// The room it stays in by default (FET's home room).
    public var homeroom: String?
    public var unavailable: [TimeSlots]?
    /// Teaching periods per day, at most.
    public var maxPeriodsPerDay: Int?
    /// Gaps in a week of each of its smallest sub-cohorts, at most (FET's StudentsMaxGapsPerWeek).
    public var maxGapsPerWeek: Int?

    // Hard limits on the days of each of its smallest sub-cohorts, as FET counts them per
    // subgroup. Gaps, first and second periods skip the sub-cohort's unavailable periods
    // (its own and its parents'), as FET's do.

    /// Gaps on any one day, at most (FET's StudentsMaxGapsPerDay).
    public var maxGapsPerDay: Int?
    /// Busy teaching periods back to back (a break ends a run), at most (FET's
    /// StudentsMaxHoursContinuously).
    public var maxConsecutive: Int?
    /// Teaching periods on each day with lessons, at least; a day without lessons is no breach
    /// (FET's StudentsMinHoursDaily with empty days allowed).
    public var minPeriodsPerBusyDay: Int?
    /// Teaching periods on every day of the week, at least: no day is free (FET's
    /// StudentsMinHoursDaily with empty days not allowed).
    public var minPeriodsEveryDay: Int?
    /// Days on which lessons begin in the second teaching period, at most; on every other day
    /// with lessons they begin in the first (FET's StudentsEarlyMaxBeginningsAtSecondHour).
    /// "First" and "second" are the first two periods the sub-cohort is available for, so a
    /// day may never begin later than the second.
    public var maxSecondPeriodStartsPerWeek: Int?

    public init(id: String, name: String? = nil, kind: Kind? = nil, parent: String? = nil, size: Int) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parent = parent
        self.size = size
    }
}

/// One student, for schools that schedule individuals (course requests) and for flex blocks.
public struct Student: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String?
    /// Grade, as CEDS codes it ("KG", "01" … "12").
    public var grade: String?
    /// The student's cohort (homeroom class), if the school has cohorts.
    public var cohort: String?
    /// Courses the student asks for, each with alternates.
    public var requests: [CourseRequest]?
    /// Strengths, needs and interests, for flex sessions.
    public var profile: LearnerProfile?
    /// Students to keep in the same sections (a soft rule in loading).
    public var keepWith: [String]?
    /// Students to keep apart.
    public var keepApartFrom: [String]?

    public init(id: String, name: String? = nil, grade: String? = nil, requests: [CourseRequest]? = nil) {
        self.id = id
        self.name = name
        self.grade = grade
        self.requests = requests
    }
}

/// A course request: the course, how much it matters, and what to take instead.
public struct CourseRequest: Codable, Sendable, Equatable {
    public var course: String
    /// 1–99 as in PowerScheduler; 1 when absent. Penalty per unmet request.
    public var weight: Int?
    /// Courses to take instead, in order of preference, when this one cannot be met.
    public var alternates: [String]?

    public init(course: String, weight: Int? = nil, alternates: [String]? = nil) {
        self.course = course
        self.weight = weight
        self.alternates = alternates
    }
}

/// A learner profile: tagged needs, skill levels per competency, interests.
public struct LearnerProfile: Codable, Sendable, Equatable {
    /// Needs such as "fractions", "reading-fluency".
    public var needs: [String]?
    /// Level per competency (e.g. 1–4, as a mastery scale).
    public var levels: [String: Int]?
    /// Interests such as "robotics", "art".
    public var interests: [String]?

    public init(needs: [String]? = nil, levels: [String: Int]? = nil, interests: [String]? = nil) {
        self.needs = needs
        self.levels = levels
        self.interests = interests
    }
}
