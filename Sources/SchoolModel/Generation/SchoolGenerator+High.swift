/// A high school: grades 9–12 of individual students who each request seven courses (core
/// courses by grade with honours/AP variants, electives with alternates). Courses run in
/// sections sized from the requests (ranges where demand allows a choice); AP and small
/// courses are singletons; sciences need labs. Each department is a PLC that needs 90
/// contiguous minutes a week.
extension SchoolGenerator {
    struct CourseSpec {
        var id: String
        var name: String
        var subject: String
        var maxSize: Int = 30
        var features: [String] = []
    }

    static let highCourses: [CourseSpec] = [
        CourseSpec(id: "ENG9", name: "English 9", subject: "english"),
        CourseSpec(id: "ENG10", name: "English 10", subject: "english"),
        CourseSpec(id: "ENG11", name: "English 11", subject: "english"),
        CourseSpec(id: "APLANG", name: "AP English Language", subject: "english"),
        CourseSpec(id: "ENG12", name: "English 12", subject: "english"),
        CourseSpec(id: "APLIT", name: "AP English Literature", subject: "english"),
        CourseSpec(id: "ALG1", name: "Algebra 1", subject: "math"),
        CourseSpec(id: "GEOM", name: "Geometry", subject: "math"),
        CourseSpec(id: "ALG2", name: "Algebra 2", subject: "math"),
        CourseSpec(id: "PRECALC", name: "Precalculus", subject: "math"),
        CourseSpec(id: "STATS", name: "Statistics", subject: "math"),
        CourseSpec(id: "CALCAB", name: "AP Calculus AB", subject: "math"),
        CourseSpec(id: "CALCBC", name: "AP Calculus BC", subject: "math"),
        CourseSpec(id: "BIO", name: "Biology", subject: "science", maxSize: 28, features: ["lab"]),
        CourseSpec(id: "CHEM", name: "Chemistry", subject: "science", maxSize: 28, features: ["lab"]),
        CourseSpec(id: "PHYS", name: "Physics", subject: "science", maxSize: 28, features: ["lab"]),
        CourseSpec(id: "ENVSCI", name: "Environmental Science", subject: "science", maxSize: 28, features: ["lab"]),
        CourseSpec(id: "APBIO", name: "AP Biology", subject: "science", maxSize: 28, features: ["lab"]),
        CourseSpec(id: "APCHEM", name: "AP Chemistry", subject: "science", maxSize: 28, features: ["lab"]),
        CourseSpec(id: "APPHYSC", name: "AP Physics C", subject: "science", maxSize: 28, features: ["lab"]),
        CourseSpec(id: "WHIST", name: "World History", subject: "social"),
        CourseSpec(id: "USHIST", name: "US History", subject: "social"),
        CourseSpec(id: "APUSH", name: "AP US History", subject: "social"),
        CourseSpec(id: "GOVECON", name: "Government and Economics", subject: "social"),
        CourseSpec(id: "PSYCH", name: "Psychology", subject: "social"),
        CourseSpec(id: "SPAN1", name: "Spanish 1", subject: "spanish"),
        CourseSpec(id: "SPAN2", name: "Spanish 2", subject: "spanish"),
        CourseSpec(id: "SPAN3", name: "Spanish 3", subject: "spanish"),
        CourseSpec(id: "SPAN4", name: "Spanish 4", subject: "spanish"),
        CourseSpec(id: "FREN1", name: "French 1", subject: "french"),
        CourseSpec(id: "FREN2", name: "French 2", subject: "french"),
        CourseSpec(id: "FREN3", name: "French 3", subject: "french"),
        CourseSpec(id: "ART1", name: "Art 1", subject: "art", maxSize: 26, features: ["art"]),
        CourseSpec(id: "ART2", name: "Art 2", subject: "art", maxSize: 26, features: ["art"]),
        CourseSpec(id: "BAND", name: "Band", subject: "music", maxSize: 60, features: ["music"]),
        CourseSpec(id: "CHOIR", name: "Choir", subject: "music", maxSize: 60, features: ["music"]),
        CourseSpec(id: "ORCH", name: "Orchestra", subject: "music", maxSize: 40, features: ["music"]),
        CourseSpec(id: "THEATER", name: "Theater", subject: "theater", maxSize: 30, features: ["stage"]),
        CourseSpec(id: "PE9", name: "Physical Education 9", subject: "pe", maxSize: 35, features: ["gym"]),
        CourseSpec(id: "WEIGHTS", name: "Weight Training", subject: "pe", maxSize: 30, features: ["gym"]),
        CourseSpec(id: "HEALTH", name: "Health", subject: "health"),
        CourseSpec(
            id: "INTROCS", name: "Introduction to Computer Science", subject: "cs", maxSize: 28, features: ["computers"]
        ),
        CourseSpec(id: "APCS", name: "AP Computer Science A", subject: "cs", maxSize: 28, features: ["computers"]),
        CourseSpec(
            id: "ENGR", name: "Engineering Design", subject: "engineering", maxSize: 24, features: ["computers"]),
        CourseSpec(id: "CULINARY", name: "Culinary Arts", subject: "culinary", maxSize: 24, features: ["kitchen"]),
    ]

    static let departments: [(id: String, name: String, subjects: [String])] = [
        ("ENG", "English", ["english"]), ("MATH", "Mathematics", ["math"]), ("SCI", "Science", ["science"]),
        ("SOC", "Social Studies", ["social"]), ("LANG", "World Languages", ["spanish", "french"]),
        ("ARTS", "Fine Arts", ["art", "music", "theater"]), ("PEH", "PE and Health", ["pe", "health"]),
        ("CTE", "Career and Technical Education", ["cs", "engineering", "culinary"]),
    ]

    /// Per grade: core requests (weighted choices) and the elective pool (weighted, so that
    /// niche electives and AP courses end up as singletons).
    static let gradePlans: [(grade: String, core: [[(String, Double)]], electives: Int, pool: [(String, Double)])] = [
        (
            "09", [[("ENG9", 1)], [("ALG1", 0.7), ("GEOM", 0.3)], [("BIO", 1)], [("WHIST", 1)], [("PE9", 1)]], 2,
            [
                ("SPAN1", 3), ("FREN1", 1.5), ("ART1", 2), ("BAND", 1.5), ("CHOIR", 1.5), ("INTROCS", 2),
                ("THEATER", 1),
                ("HEALTH", 2),
            ]
        ),
        (
            "10", [[("ENG10", 1)], [("GEOM", 0.6), ("ALG2", 0.4)], [("CHEM", 1)], [("HEALTH", 1)]], 3,
            [
                ("SPAN2", 3), ("FREN2", 1), ("ART2", 1.5), ("BAND", 1.5), ("CHOIR", 1.5), ("ENGR", 1.5), ("APCS", 0.5),
                ("THEATER", 1), ("INTROCS", 1.5), ("WEIGHTS", 2),
            ]
        ),
        (
            "11",
            [
                [("ENG11", 0.8), ("APLANG", 0.2)], [("ALG2", 0.5), ("PRECALC", 0.5)],
                [("PHYS", 0.85), ("APBIO", 0.15)],
                [("USHIST", 0.8), ("APUSH", 0.2)],
            ], 3,
            [
                ("SPAN3", 2), ("FREN3", 0.4), ("PSYCH", 2), ("BAND", 1.3), ("CHOIR", 1.3), ("ORCH", 0.3),
                ("CULINARY", 2),
                ("APCS", 0.6), ("ENGR", 1.5), ("ART2", 1.5),
            ]
        ),
        (
            "12",
            [
                [("ENG12", 0.75), ("APLIT", 0.25)],
                [("STATS", 0.45), ("PRECALC", 0.3), ("CALCAB", 0.2), ("CALCBC", 0.05)],
                [("GOVECON", 1)], [("ENVSCI", 0.74), ("APCHEM", 0.2), ("APPHYSC", 0.06)],
            ], 3,
            [
                ("SPAN4", 1), ("PSYCH", 2), ("CULINARY", 2), ("WEIGHTS", 2), ("ART2", 1.5), ("BAND", 1.2),
                ("CHOIR", 1.2),
                ("THEATER", 1), ("ORCH", 0.3),
            ]
        ),
    ]

    /// `count` distinct ids drawn with probability proportional to their weights.
    static func weightedSample(_ pool: [(String, Double)], _ count: Int, _ random: inout SeededGenerator) -> [String] {
        var remaining = pool
        var result: [String] = []
        while result.count < count && !remaining.isEmpty {
            var roll = Double(random.int(in: 0...999_999)) / 1_000_000 * remaining.reduce(0) { $0 + $1.1 }
            var chosen = remaining.count - 1
            for (index, entry) in remaining.enumerated() {
                if roll < entry.1 { chosen = index; break }
                roll -= entry.1
            }
            result.append(remaining.remove(at: chosen).0)
        }
        return result
    }

    func generateHigh(_ random: inout SeededGenerator) -> School {
        let bell = BellSchedule(
            id: "regular",
            periods: [
                Period(id: "1", start: "07:45", minutes: 50), Period(id: "2", start: "08:40", minutes: 50),
                Period(id: "3", start: "09:35", minutes: 50), Period(id: "4", start: "10:30", minutes: 50),
                Period(id: "lunch", start: "11:20", minutes: 35, kind: .break),
                Period(id: "5", start: "12:00", minutes: 50), Period(id: "6", start: "12:55", minutes: 50),
                Period(id: "7", start: "13:50", minutes: 50),
            ])
        var school = School(
            name: "Lakeview High School",
            timeGrid: TimeGrid(bellSchedules: [bell], days: Self.week(regular: "regular")))
        school.calendar = Self.calendar()
        let subjectNames = [
            "english": "English", "math": "Mathematics", "science": "Science", "social": "Social Studies",
            "spanish": "Spanish", "french": "French", "art": "Art", "music": "Music", "theater": "Theater",
            "pe": "Physical Education", "health": "Health", "cs": "Computer Science",
            "engineering": "Engineering", "culinary": "Culinary Arts",
        ]
        school.subjects = Self.departments.flatMap(\.subjects).map { Subject(id: $0, name: subjectNames[$0]) }

        // Students and their requests.
        var people: [Student] = []
        var demand: [String: Int] = [:]
        var remaining = students
        var number = 0
        for (index, plan) in Self.gradePlans.enumerated() {
            let size = remaining / (Self.gradePlans.count - index)
            remaining -= size
            for _ in 0..<size {
                number += 1
                var requests: [CourseRequest] = []
                for choice in plan.core {
                    var roll = Double(random.int(in: 0...9_999)) / 10_000
                    var course = choice.last!.0
                    for (id, share) in choice {
                        if roll < share { course = id; break }
                        roll -= share
                    }
                    requests.append(CourseRequest(course: course, weight: 10))
                }
                let electives = Self.weightedSample(plan.pool, plan.electives + 2, &random)
                for (position, course) in electives.prefix(plan.electives).enumerated() {
                    // Each elective names an alternate from the pool, and some name two.
                    let spare = Array(electives.dropFirst(plan.electives))
                    let alternates = position == 0 ? spare : Array(spare.prefix(1))
                    requests.append(CourseRequest(course: course, weight: 5, alternates: alternates))
                }
                for request in requests { demand[request.course, default: 0] += 1 }
                var student = Student(
                    id: Self.id("S", number, width: 4), name: name(&random), grade: plan.grade,
                    requests: requests)
                student.profile = LearnerProfile(
                    interests: random.sample(["stem", "arts", "athletics", "service", "business"], 1))
                people.append(student)
            }
        }
        // Sections from demand: singletons where one section seats everyone, a range of one
        // extra section elsewhere.
        var courses: [Course] = []
        var sectionsBySubject: [String: Int] = [:]
        for spec in Self.highCourses {
            let requested = demand[spec.id] ?? 0
            guard requested > 0 else { continue }
            let needed = max(1, (requested + spec.maxSize - 1) / spec.maxSize)
            var course = Course(id: spec.id, name: spec.name, subject: spec.subject, meetingsPerWeek: 5)
            course.maxSectionSize = spec.maxSize
            course.minDaysApart = 1
            course.samePeriod = true
            course.sections = needed == 1 ? SectionCount(1) : SectionCount(min: needed, max: needed + 1)
            if !spec.features.isEmpty { course.roomFeatures = spec.features }
            courses.append(course)
            sectionsBySubject[spec.subject, default: 0] += needed
        }
        // Only offered courses can be alternates: in a small school nobody may ask for a rare
        // elective first, so it opens no section.
        let offered = Set(courses.map(\.id))
        for student in people.indices {
            for request in people[student].requests!.indices {
                people[student].requests![request].alternates = people[student].requests![request].alternates?
                    .filter(offered.contains)
            }
        }
        // Teachers: five sections each (25 of 35 periods), per subject.
        var teachers: [Teacher] = []
        var teachersBySubject: [String: [String]] = [:]
        var teacherNumber = 0
        for department in Self.departments {
            for subject in department.subjects {
                let count = max(1, ((sectionsBySubject[subject] ?? 0) + 4) / 5)
                for _ in 0..<count {
                    teacherNumber += 1
                    var teacher = Teacher(
                        id: Self.id("T", teacherNumber, width: 3), name: name(&random), subjects: [subject])
                    teacher.maxPeriodsPerWeek = 25
                    teacher.maxPeriodsPerDay = 6
                    teacher.maxConsecutive = 4
                    teacher.planningMinutes = 250
                    teachers.append(teacher)
                    teachersBySubject[subject, default: []].append(teacher.id)
                }
            }
        }
        for index in courses.indices {
            let eligible = teachersBySubject[courses[index].subject!] ?? []
            // A singleton is taught by one named teacher; other courses by anyone in the subject.
            courses[index].teachers =
                courses[index].sections == SectionCount(1) && eligible.count > 1
                ? [eligible[index % eligible.count]] : eligible
        }
        // Rooms: enough of each kind for the section meetings, with 15% slack. A specialist
        // room serves one department, whose sections meet daily: on the day of its PLC block
        // they share the periods left outside the block.
        let blockPeriods = ((teamBlockMinutes ?? 90) + 49) / 50
        func roomsNeeded(_ feature: String?) -> Int {
            let meetings = courses.filter { ($0.roomFeatures?.first) == feature }
                .reduce(0) { $0 + ($1.sections?.max ?? 1) * $1.meetingsPerWeek }
            let periods = feature == nil ? 35 : 5 * max(1, 7 - blockPeriods)
            return max(1, Int((Double(meetings) / Double(periods) * 1.15).rounded(.up)))
        }
        var rooms: [Room] = []
        for index in 0..<roomsNeeded(nil) {
            rooms.append(Room(id: "R\(100 + index + 1)", seats: index % 5 == 0 ? 36 : 32))
        }
        for index in 0..<roomsNeeded("lab") {
            rooms.append(Room(id: "LAB\(index + 1)", name: "Science lab \(index + 1)", seats: 28, features: ["lab"]))
        }
        for index in 0..<roomsNeeded("art") {
            rooms.append(Room(id: "ART\(index + 1)", name: "Art studio \(index + 1)", seats: 28, features: ["art"]))
        }
        for index in 0..<roomsNeeded("music") {
            rooms.append(Room(id: "MUS\(index + 1)", name: "Music room \(index + 1)", seats: 70, features: ["music"]))
        }
        for index in 0..<roomsNeeded("computers") {
            rooms.append(
                Room(id: "CS\(index + 1)", name: "Computer lab \(index + 1)", seats: 30, features: ["computers"]))
        }
        for index in 0..<roomsNeeded("stage") {
            rooms.append(
                Room(id: "STAGE\(index + 1)", name: "Black box theater \(index + 1)", seats: 40, features: ["stage"]))
        }
        for index in 0..<roomsNeeded("kitchen") {
            rooms.append(
                Room(id: "KITCHEN\(index + 1)", name: "Teaching kitchen \(index + 1)", seats: 24, features: ["kitchen"])
            )
        }
        let gymGroups = max(1, roomsNeeded("gym"))
        rooms.append(Room(id: "GYM", name: "Gymnasium", seats: 36 * gymGroups, groups: gymGroups, features: ["gym"]))

        // A few students kept apart (a counsellor's request).
        for _ in 0..<max(1, students / 300) {
            let first = random.int(in: 0...(people.count - 1))
            let second = random.int(in: 0...(people.count - 1))
            if first != second { people[first].keepApartFrom = [people[second].id] }
        }
        school.teachers = teachers
        school.rooms = rooms
        school.students = people
        school.courses = courses
        school.teams = Self.departments.map { department in
            let members = department.subjects.flatMap { teachersBySubject[$0] ?? [] }
            return Team(
                id: department.id, name: "\(department.name) PLC", kind: .plc, members: members,
                collaboration: CollaborationRequirement(
                    minutes: teamMinutes ?? 90, minBlockMinutes: teamBlockMinutes ?? 90, minBlocks: 1,
                    maxDirectedMinutes: 50))
        }
        return school
    }
}
