import SchoolModel
import Testing

@Suite("School validation")
struct ValidationTests {
    @Test("the small school is valid, without warnings")
    func valid() {
        let issues = smallSchool().validate()
        #expect(issues.isEmpty, "\(issues)")
    }

    /// One mutation per rule, the path it must report and words of the message.
    struct Case: CustomTestStringConvertible, Sendable {
        var rule: String
        var mutate: @Sendable (inout School) -> Void
        var path: String
        var message: String
        var severity: ValidationIssue.Severity = .error
        var testDescription: String { rule }
    }

    static let cases: [Case] = [
        Case(
            rule: "format version", mutate: { $0.formatVersion = 9 }, path: "$.formatVersion",
            message: "format version 9"),
        Case(rule: "no days", mutate: { $0.timeGrid.days = [] }, path: "$.timeGrid.days", message: "no days"),
        Case(
            rule: "unknown bell schedule", mutate: { $0.timeGrid.days[0].bellSchedule = "short" },
            path: "$.timeGrid.days[id=mon].bellSchedule", message: "unknown bell schedule 'short'"),
        Case(
            rule: "weekday range", mutate: { $0.timeGrid.days[0].weekday = 8 },
            path: "$.timeGrid.days[id=mon].weekday", message: "weekday 8"),
        Case(
            rule: "fixed or rotating", mutate: { $0.timeGrid.days[1].weekday = nil }, path: "$.timeGrid.days",
            message: "either every day has a weekday"),
        Case(
            rule: "period minutes", mutate: { $0.timeGrid.bellSchedules[0].periods[0].minutes = 0 },
            path: "$.timeGrid.bellSchedules[id=regular].periods[id=1].minutes", message: "positive number of minutes"),
        Case(
            rule: "period start format", mutate: { $0.timeGrid.bellSchedules[0].periods[1].start = "8h55" },
            path: "$.timeGrid.bellSchedules[id=regular].periods[id=2].start", message: "not a time HH:MM"),
        Case(
            rule: "overlapping periods", mutate: { $0.timeGrid.bellSchedules[0].periods[1].start = "08:30" },
            path: "$.timeGrid.bellSchedules[id=regular].periods[id=2].start", message: "before the previous period ends"
        ),
        Case(
            rule: "duplicate id", mutate: { $0.teachers[1].id = "T1" }, path: "$.teachers[1].id",
            message: "duplicate id 'T1'"),
        Case(
            rule: "calendar dates",
            mutate: { $0.calendar = SchoolCalendar(termStart: "2026-13-01", termEnd: "2027-01-01") },
            path: "$.calendar.termStart", message: "not a calendar date"),
        Case(
            rule: "teacher subject", mutate: { $0.teachers[0].subjects = ["latin"] },
            path: "$.teachers[id=T1].subjects[0]", message: "unknown subject 'latin'"),
        Case(
            rule: "teacher range",
            mutate: {
                $0.teachers[0].minPeriodsPerWeek = 9; $0.teachers[0].maxPeriodsPerWeek = 3
            },
            path: "$.teachers[id=T1].minPeriodsPerWeek", message: "above maxPeriodsPerWeek"),
        Case(
            rule: "teacher unavailable day", mutate: { $0.teachers[0].unavailable = [TimeSlots(day: "sun")] },
            path: "$.teachers[id=T1].unavailable[0].day", message: "unknown day 'sun'"),
        Case(
            rule: "teacher unavailable period",
            mutate: { $0.teachers[0].unavailable = [TimeSlots(day: "mon", periods: ["9"])] },
            path: "$.teachers[id=T1].unavailable[0].periods[0]", message: "unknown period '9'"),
        Case(
            rule: "teacher never available",
            mutate: { $0.teachers[1].unavailable = [TimeSlots(day: "mon"), TimeSlots(day: "tue")] },
            path: "$.teachers[id=T2].unavailable", message: "never available", severity: .warning),
        Case(
            rule: "max consecutive", mutate: { $0.teachers[0].maxConsecutive = 0 },
            path: "$.teachers[id=T1].maxConsecutive", message: "at least 1"),
        Case(
            rule: "preferred room", mutate: { $0.teachers[0].preferredRooms = ["R9"] },
            path: "$.teachers[id=T1].preferredRooms[0]", message: "unknown room 'R9'"),
        Case(rule: "room seats", mutate: { $0.rooms[0].seats = -1 }, path: "$.rooms[id=R1].seats", message: "negative"),
        Case(
            rule: "room groups", mutate: { $0.rooms[0].groups = 0 }, path: "$.rooms[id=R1].groups",
            message: "at least 1 group"),
        Case(
            rule: "room too small", mutate: { $0.rooms[1].seats = 5 },
            path: "$.rooms[id=LAB].seats", message: "too small for every class", severity: .warning),
        Case(
            rule: "activity no room fits", mutate: { $0.activities?[0].students = 60 },
            path: "$.activities[id=A1]", message: "seats its 60 students", severity: .warning),
        Case(
            rule: "cohort parent", mutate: { $0.cohorts?[1].parent = "Y9" }, path: "$.cohorts[id=7A].parent",
            message: "unknown cohort 'Y9'"),
        Case(
            rule: "cohort inside itself", mutate: { $0.cohorts?[0].parent = "7A" }, path: "$.cohorts[id=Y7].parent",
            message: "inside itself"),
        Case(
            rule: "cohort larger than parent", mutate: { $0.cohorts?[1].size = 50 }, path: "$.cohorts[id=7A].size",
            message: "larger than its parent", severity: .warning),
        Case(
            rule: "cohort homeroom", mutate: { $0.cohorts?[1].homeroom = "R9" }, path: "$.cohorts[id=7A].homeroom",
            message: "unknown room 'R9'"),
        Case(
            rule: "student cohort", mutate: { $0.students?[0].cohort = "9Z" }, path: "$.students[id=S1].cohort",
            message: "unknown cohort '9Z'"),
        Case(
            rule: "request course", mutate: { $0.students?[0].requests?[0].course = "BIO-2" },
            path: "$.students[id=S1].requests[0].course", message: "unknown course 'BIO-2'"),
        Case(
            rule: "request twice", mutate: { $0.students?[1].requests?.append(CourseRequest(course: "GEO")) },
            path: "$.students[id=S2].requests[1].course", message: "requested twice"),
        Case(
            rule: "request weight", mutate: { $0.students?[0].requests?[0].weight = 120 },
            path: "$.students[id=S1].requests[0].weight", message: "weight 120 is not 1 to 99"),
        Case(
            rule: "request alternate", mutate: { $0.students?[0].requests?[0].alternates = ["CHEM"] },
            path: "$.students[id=S1].requests[0].alternates[0]", message: "unknown course 'CHEM'"),
        Case(
            rule: "keep apart", mutate: { $0.students?[0].keepApartFrom = ["S9"] },
            path: "$.students[id=S1].keepApartFrom[0]", message: "unknown student 'S9'"),
        Case(
            rule: "course meetings", mutate: { $0.courses?[0].meetingsPerWeek = 0 },
            path: "$.courses[id=ALG].meetingsPerWeek", message: "at least once a week"),
        Case(
            rule: "course duration", mutate: { $0.courses?[0].duration = 3 }, path: "$.courses[id=ALG].duration",
            message: "do not fit in any day"),
        Case(
            rule: "section size", mutate: { $0.courses?[0].maxSectionSize = 0 },
            path: "$.courses[id=ALG].maxSectionSize",
            message: "at least 1 student"),
        Case(
            rule: "section range", mutate: { $0.courses?[0].sections = SectionCount(min: 3, max: 2) },
            path: "$.courses[id=ALG].sections.min", message: "above sections.max"),
        Case(
            rule: "course teacher", mutate: { $0.courses?[0].teachers = ["T9"] }, path: "$.courses[id=ALG].teachers[0]",
            message: "unknown teacher 'T9'"),
        Case(
            rule: "room features", mutate: { $0.courses?[1].roomFeatures = ["kiln"] },
            path: "$.courses[id=GEO].roomFeatures",
            message: "no room has kiln"),
        Case(
            rule: "course demand above seats",
            mutate: {
                $0.courses?[0].maxSectionSize = 1; $0.students?[1].requests = [CourseRequest(course: "ALG")]
            },
            path: "$.courses[id=ALG].sections", message: "2 students request 'ALG'", severity: .warning),
        Case(
            rule: "activity teacher", mutate: { $0.activities?[0].teachers = ["T99"] },
            path: "$.activities[id=A1].teachers[0]",
            message: "unknown teacher 'T99'"),
        Case(
            rule: "activity cohort", mutate: { $0.activities?[0].cohorts = ["8A"] },
            path: "$.activities[id=A1].cohorts[0]",
            message: "unknown cohort '8A'"),
        Case(
            rule: "activity duration", mutate: { $0.activities?[0].duration = 0 }, path: "$.activities[id=A1].duration",
            message: "at least 1 period"),
        Case(
            rule: "locked placement", mutate: { $0.activities?[0].locked = LockedPlacement(day: "mon", period: "7") },
            path: "$.activities[id=A1].locked.period", message: "unknown period '7'"),
        Case(
            rule: "empty activity",
            mutate: {
                $0.activities?[0].teachers = []; $0.activities?[0].cohorts = []
            },
            path: "$.activities[id=A1]", message: "neither teachers nor cohorts", severity: .warning),
        Case(
            rule: "relation activity", mutate: { $0.activityRelations?[0].activities = ["A1", "A9"] },
            path: "$.activityRelations[0].activities[1]", message: "unknown activity 'A9'"),
        Case(
            rule: "relation size", mutate: { $0.activityRelations?[0].activities = ["A1"] },
            path: "$.activityRelations[0].activities", message: "at least 2 activities"),
        Case(
            rule: "relation min days", mutate: { $0.activityRelations?[0].kind = .minDaysApart },
            path: "$.activityRelations[0].minDays", message: "minDays of at least 1"),
        Case(
            rule: "team member", mutate: { $0.teams?[0].members = ["T1", "T99"] }, path: "$.teams[id=G7].members[1]",
            message: "unknown teacher 'T99'"),
        Case(
            rule: "team member twice", mutate: { $0.teams?[0].members = ["T1", "T1"] },
            path: "$.teams[id=G7].members[1]",
            message: "listed twice"),
        Case(
            rule: "team blocks range",
            mutate: {
                $0.teams?[0].collaboration?.minBlocks = 3; $0.teams?[0].collaboration?.maxBlocks = 1
            },
            path: "$.teams[id=G7].collaboration.minBlocks", message: "above maxBlocks"),
        Case(
            rule: "team window", mutate: { $0.teams?[0].collaboration?.windows = [TimeSlots(day: "fri")] },
            path: "$.teams[id=G7].collaboration.windows[0].day", message: "unknown day 'fri'"),
        Case(
            rule: "team weight", mutate: { $0.teams?[0].collaboration?.weight = -1 },
            path: "$.teams[id=G7].collaboration.weight", message: "non-negative"),
        Case(
            rule: "team block impossible", mutate: { $0.teams?[0].collaboration?.minBlockMinutes = 120 },
            path: "$.teams[id=G7].collaboration.minBlockMinutes", message: "cannot get 120 contiguous minutes",
            severity: .warning),
        Case(
            rule: "team members too busy",
            mutate: { school in
                for index in 0..<6 {
                    school.activities?.append(Activity(id: "X\(index)", teachers: ["T1"], cohorts: ["7A"]))
                }
            },
            path: "$.teams[id=G7].collaboration.minutes", message: "teacher 'T1' teaches all but", severity: .warning),
        Case(
            rule: "flex session teacher", mutate: { $0.flex?.sessions[0].teacher = "T7" },
            path: "$.flex.sessions[id=F1].teacher",
            message: "unknown teacher 'T7'"),
        Case(
            rule: "flex session room", mutate: { $0.flex?.sessions[0].room = "R7" },
            path: "$.flex.sessions[id=F1].room",
            message: "unknown room 'R7'"),
        Case(
            rule: "flex capacity", mutate: { $0.flex?.sessions[0].capacity = 0 },
            path: "$.flex.sessions[id=F1].capacity",
            message: "at least 1"),
        Case(
            rule: "flex periods", mutate: { $0.flex?.sessions[0].periods = [TimeSlots(day: "mon", periods: ["1"])] },
            path: "$.flex.sessions[id=F1].periods", message: "not flex periods"),
        Case(
            rule: "no flex period",
            mutate: { $0.timeGrid.bellSchedules[0].periods.removeLast() },
            path: "$.flex.sessions", message: "no flex period"),
        Case(
            rule: "flex request student", mutate: { $0.flex?.requests?[0].student = "S9" },
            path: "$.flex.requests[0].student",
            message: "unknown student 'S9'"),
        Case(
            rule: "flex request priority", mutate: { $0.flex?.requests?[0].priority = 0 },
            path: "$.flex.requests[0].priority",
            message: "at least 1"),
        Case(
            rule: "flex choice session", mutate: { $0.flex?.choices?[0].sessions = ["F9"] },
            path: "$.flex.choices[0].sessions[0]",
            message: "unknown flex session 'F9'"),
        Case(
            rule: "catch-all session", mutate: { $0.flex?.catchAll = CatchAll(kind: .session) },
            path: "$.flex.catchAll.session",
            message: "names its session"),
        Case(
            rule: "weights",
            mutate: {
                var weights = SoftRuleWeights(); weights.teacherGap = -2; $0.weights = weights
            },
            path: "$.weights.teacherGap", message: "non-negative"),
    ]

    @Test("each rule flags its planted error at its path", arguments: cases)
    func rule(_ testCase: Case) {
        var school = smallSchool()
        testCase.mutate(&school)
        let issues = school.validate()
        let match = issues.first { $0.path == testCase.path && $0.message.contains(testCase.message) }
        #expect(match != nil, "\(testCase.rule): got \(issues)")
        #expect(match?.severity == testCase.severity)
    }

    @Test("all problems are reported at once")
    func allAtOnce() {
        var school = smallSchool()
        school.teachers[0].maxConsecutive = 0
        school.rooms[0].groups = 0
        school.teams?[0].members = ["T1", "T99"]
        let errors = school.validate().filter { $0.severity == .error }
        #expect(errors.count == 3)
        #expect(errors.map(\.record) == ["T1", "R1", "G7"])
        #expect(errors.map(\.field) == ["maxConsecutive", "groups", "members"])
    }
}
