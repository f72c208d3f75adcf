import SchoolModel

/// A plan laid out as people read it: every lesson meeting with its day, periods, room,
/// teachers and cohorts, and who sits in it — the data behind the grids, calendars and CSV files.
public struct PlannedWeek: Sendable {
    /// One placed lesson.
    public struct Meeting: Sendable, Equatable {
        /// The activity id (`COURSE.k-mN` for a section's meeting).
        public var activity: String
        /// What people call it: the course's or subject's name, else the activity id.
        public var title: String
        /// The course section it belongs to (`COURSE.k`), if any.
        public var section: String?
        /// Position of the day in the grid.
        public var day: Int
        /// Positions of the periods it covers in that day's bell schedule.
        public var periods: [Int]
        public var room: String?
        public var teachers: [String]
        public var cohorts: [String]
    }

    public let school: School
    /// The plan's placements and section assignments, as given.
    public let placements: [Placement]
    public let sectionAssignments: [SectionAssignment]
    public let meetings: [Meeting]
    /// Students loaded into sections (`flexplan load`), section id → student ids.
    public let sectionStudents: [String: [String]]
    /// Team blocks the plan claims (checked), by team id.
    public let teamTime: [String: TeamTime]

    private let byTeacher: [String: [Int]]
    private let byRoom: [String: [Int]]
    private let bySection: [String: [Int]]
    private let sectionsOfStudent: [String: [String]]
    private let cohortParent: [String: String]
    private let cohortChildren: [String: [String]]

    public init(
        school: School, placements: [Placement], sections: [SectionAssignment]? = nil, teams: [TeamTime] = []
    ) {
        self.school = school
        self.placements = placements
        sectionAssignments = sections ?? []
        let grid = school.timeGrid
        let activities = Dictionary(
            school.lessons().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let courseNames = Dictionary(
            (school.courses ?? []).map { ($0.id, $0.name ?? $0.id) }, uniquingKeysWith: { first, _ in first })
        let subjectNames = Dictionary(
            (school.subjects ?? []).map { ($0.id, $0.name ?? $0.id) }, uniquingKeysWith: { first, _ in first })
        var sectionOf: [String: (section: String, course: String)] = [:]
        for section in school.courseSections() {
            for meeting in section.meetings { sectionOf[meeting] = (section.id, section.course) }
        }
        let dayIndex = Dictionary(grid.days.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var meetings: [Meeting] = []
        for placement in placements {
            guard let activity = activities[placement.activity], let day = dayIndex[placement.day],
                let start = grid.periods(ofDay: day).firstIndex(where: { $0.id == placement.period })
            else { continue }
            let count = grid.periods(ofDay: day).count
            let section = sectionOf[activity.id]
            let title =
                section.flatMap { courseNames[$0.course] } ?? activity.subject.flatMap { subjectNames[$0] }
                ?? activity.id
            meetings.append(
                Meeting(
                    activity: activity.id, title: title, section: section?.section, day: day,
                    periods: Array(start..<min(count, start + activity.resolvedDuration)), room: placement.room,
                    teachers: activity.teachers, cohorts: activity.cohorts ?? []))
        }
        meetings.sort { ($0.day, $0.periods.first ?? 0, $0.activity) < ($1.day, $1.periods.first ?? 0, $1.activity) }
        self.meetings = meetings
        var byTeacher: [String: [Int]] = [:]
        var byRoom: [String: [Int]] = [:]
        var bySection: [String: [Int]] = [:]
        for (index, meeting) in meetings.enumerated() {
            for teacher in meeting.teachers { byTeacher[teacher, default: []].append(index) }
            if let room = meeting.room { byRoom[room, default: []].append(index) }
            if let section = meeting.section { bySection[section, default: []].append(index) }
        }
        self.byTeacher = byTeacher
        self.byRoom = byRoom
        self.bySection = bySection
        var students: [String: [String]] = [:]
        var sectionsOfStudent: [String: [String]] = [:]
        for assignment in sections ?? [] {
            students[assignment.section, default: []].append(assignment.student)
            sectionsOfStudent[assignment.student, default: []].append(assignment.section)
        }
        sectionStudents = students
        self.sectionsOfStudent = sectionsOfStudent
        teamTime = Dictionary(teams.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let cohorts = school.cohorts ?? []
        cohortParent = Dictionary(
            cohorts.compactMap { cohort in cohort.parent.map { (cohort.id, $0) } },
            uniquingKeysWith: { first, _ in first })
        cohortChildren = Dictionary(grouping: cohorts.filter { $0.parent != nil }, by: { $0.parent! })
            .mapValues { $0.map(\.id) }
    }

    /// A teacher's meetings.
    public func meetings(ofTeacher id: String) -> [Meeting] { (byTeacher[id] ?? []).map { meetings[$0] } }

    /// A room's meetings.
    public func meetings(ofRoom id: String) -> [Meeting] { (byRoom[id] ?? []).map { meetings[$0] } }

    /// A cohort's meetings: its own, its parents' (a year's assembly) and its sub-cohorts' (a
    /// subgroup's lab).
    public func meetings(ofCohort id: String) -> [Meeting] {
        var related: Set<String> = [id]
        var next = cohortParent[id]
        while let parent = next, related.insert(parent).inserted { next = cohortParent[parent] }
        var stack = cohortChildren[id] ?? []
        while let child = stack.popLast() {
            if related.insert(child).inserted { stack += cohortChildren[child] ?? [] }
        }
        return meetings.filter { !related.isDisjoint(with: $0.cohorts) }
    }

    /// A student's meetings: their cohort's and those of the sections they are loaded into.
    public func meetings(ofStudent student: Student) -> [Meeting] {
        var result = student.cohort.map { meetings(ofCohort: $0) } ?? []
        for section in sectionsOfStudent[student.id] ?? [] {
            result += (bySection[section] ?? []).map { meetings[$0] }
        }
        return result.sorted {
            ($0.day, $0.periods.first ?? 0, $0.activity) < ($1.day, $1.periods.first ?? 0, $1.activity)
        }
    }

    /// Students with a timetable of their own: in a cohort or loaded into a section.
    public var studentsWithTimetables: [Student] {
        (school.students ?? []).filter { $0.cohort != nil || sectionsOfStudent[$0.id] != nil }
    }
}
