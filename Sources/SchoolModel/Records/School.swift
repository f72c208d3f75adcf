/// A school as FlexPlan reads it: time grid, people, rooms, what is taught, teams and flex
/// blocks. The FlexPlan JSON format is this type encoded (see the README and `flexplan schema`).
///
/// Records refer to each other by id. ``validate()`` reports every problem at once.
public struct School: Codable, Sendable, Equatable {
    /// The version of the format this school is written in.
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    public var name: String
    public var timeGrid: TimeGrid
    public var calendar: SchoolCalendar?
    public var subjects: [Subject]?
    public var teachers: [Teacher]
    public var rooms: [Room]
    public var cohorts: [Cohort]?
    public var students: [Student]?
    public var courses: [Course]?
    public var activities: [Activity]?
    public var activityRelations: [ActivityRelation]?
    /// Limits on lessons of one activity tag for teachers and cohorts.
    public var tagLimits: [TagLimit]?
    /// Rules on how sets of activities use selected periods.
    public var slotRules: [SlotRule]?
    /// Limits on the span of teachers' and cohorts' days and the rest between them.
    public var dayLimits: [DayLimit]?
    /// Soft limits on the busy periods of teachers' and cohorts' days.
    public var softDayLimits: [SoftDayLimit]?
    /// Times rooms should not be used (soft).
    public var avoidedRoomTimes: [AvoidedRoomTimes]?
    /// Rules on rooms: building changes, rooms shared by sets of activities.
    public var roomRules: [RoomRule]?
    public var teams: [Team]?
    public var flex: FlexSetup?
    public var weights: SoftRuleWeights?

    public init(name: String, timeGrid: TimeGrid, teachers: [Teacher] = [], rooms: [Room] = []) {
        formatVersion = Self.currentFormatVersion
        self.name = name
        self.timeGrid = timeGrid
        self.teachers = teachers
        self.rooms = rooms
    }
}

extension School {
    /// "12 teachers, 14 rooms, …": the size of the school in one line.
    public var summary: String {
        var parts = ["\(teachers.count) teachers", "\(rooms.count) rooms"]
        if let cohorts, !cohorts.isEmpty { parts.append("\(cohorts.count) cohorts") }
        if let students, !students.isEmpty { parts.append("\(students.count) students") }
        if let courses, !courses.isEmpty { parts.append("\(courses.count) courses") }
        if let activities, !activities.isEmpty { parts.append("\(activities.count) activities") }
        if let teams, !teams.isEmpty { parts.append("\(teams.count) teams") }
        if let sessions = flex?.sessions, !sessions.isEmpty { parts.append("\(sessions.count) flex sessions") }
        return parts.joined(separator: ", ")
    }
}
