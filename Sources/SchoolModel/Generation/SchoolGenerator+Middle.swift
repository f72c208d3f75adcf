/// A middle school: grades 6–8 in classes of about 25 that move together. Each grade has an
/// interdisciplinary team of core teachers (two each of ELA, mathematics, science and social
/// studies for eight classes) that needs at least four common sessions of 30 minutes a week;
/// they are free together when all the grade's classes are at PE, arts or world language with
/// the exploratory teachers. Flex blocks on Tuesday and Thursday offer about one session per 24
/// students, with teacher requests, ranked student choices and the homeroom as catch-all.
extension SchoolGenerator {
    func generateMiddle(_ random: inout SeededGenerator) -> School {
        let grades = ["6", "7", "8"]
        let classesPerGrade = max(2, Int((Double(students) / 3 / 25).rounded()))
        let regular = BellSchedule(
            id: "regular",
            periods: [
                Period(id: "1", start: "08:00", minutes: 50), Period(id: "2", start: "08:55", minutes: 50),
                Period(id: "3", start: "09:50", minutes: 50), Period(id: "4", start: "10:45", minutes: 50),
                Period(id: "lunch", start: "11:40", minutes: 30, kind: .break),
                Period(id: "5", start: "12:15", minutes: 50), Period(id: "6", start: "13:10", minutes: 50),
            ])
        let flexDay = BellSchedule(
            id: "flex",
            periods: [
                Period(id: "1", start: "08:00", minutes: 50), Period(id: "2", start: "08:55", minutes: 50),
                Period(id: "3", start: "09:50", minutes: 50), Period(id: "4", start: "10:45", minutes: 50),
                Period(id: "lunch", start: "11:40", minutes: 30, kind: .break),
                Period(id: "flex", start: "12:15", minutes: 35, kind: .flex),
                Period(id: "5", start: "12:55", minutes: 50), Period(id: "6", start: "13:50", minutes: 50),
            ])
        let days = Self.week(regular: "regular", alternate: "flex", alternateDays: [1, 3])
        var school = School(
            name: "Riverside Middle School",
            timeGrid: TimeGrid(bellSchedules: [regular, flexDay], days: days))
        school.calendar = Self.calendar()
        let core: [(id: String, name: String, meetings: Int)] = [
            ("ela", "English Language Arts", 6), ("math", "Mathematics", 6), ("science", "Science", 5),
            ("social", "Social Studies", 5),
        ]
        // Exploratory: PE 3, arts 3 (art, music or technology by class), world language 2.
        school.subjects =
            core.map { Subject(id: $0.id, name: $0.name) } + [
                Subject(id: "pe", name: "Physical Education"), Subject(id: "art", name: "Art"),
                Subject(id: "music", name: "Music"), Subject(id: "tech", name: "Technology"),
                Subject(id: "spanish", name: "Spanish"),
            ]
        var teachers: [Teacher] = []
        var rooms: [Room] = []
        var cohorts: [Cohort] = []
        var activities: [Activity] = []
        var people: [Student] = []
        var teams: [Team] = []
        var teacherNumber = 0
        func nextTeacher(_ subjects: [String], _ random: inout SeededGenerator) -> Teacher {
            teacherNumber += 1
            return staffTeacher(teacherNumber, subjects: subjects, &random)
        }
        let classTotal = grades.count * classesPerGrade
        // Exploratory staff sized to about 24 periods each.
        let peTeachers = (0..<max(1, (classTotal * 3 + 23) / 24)).map { _ in nextTeacher(["pe"], &random) }
        let artsTeachers = ["art", "music", "tech"].map { nextTeacher([$0], &random) }
        let languageTeachers = (0..<max(1, (classTotal * 2 + 23) / 24)).map { _ in nextTeacher(["spanish"], &random) }
        rooms.append(
            Room(
                id: "GYM", name: "Gymnasium", seats: 30 * peTeachers.count, groups: peTeachers.count, features: ["gym"])
        )
        rooms.append(Room(id: "ART", name: "Art studio", seats: 30, features: ["art"]))
        rooms.append(Room(id: "MUSIC", name: "Music room", seats: 30, features: ["music"]))
        rooms.append(Room(id: "TECH", name: "Technology lab", seats: 30, features: ["tech", "computers"]))
        for (index, _) in languageTeachers.enumerated() {
            rooms.append(Room(id: "LANG\(index + 1)", name: "Language room \(index + 1)", seats: 30))
        }
        var remaining = students
        var studentNumber = 0
        let needs = ["fractions", "ratios", "reading-fluency", "writing", "algebra-readiness", "study-skills"]
        let interests = ["robotics", "art", "coding", "debate", "music", "sports", "gardening", "chess"]
        for (gradeIndex, grade) in grades.enumerated() {
            let gradeSize = remaining / (grades.count - gradeIndex)
            remaining -= gradeSize
            cohorts.append(Cohort(id: "Y\(grade)", name: "Grade \(grade)", kind: .year, size: gradeSize))
            // Core teachers: two per subject for eight classes, in their own rooms.
            let perSubject = max(1, classesPerGrade / 4)
            var coreTeachers: [String: [Teacher]] = [:]
            for subject in core {
                for index in 0..<perSubject {
                    var teacher = nextTeacher([subject.id], &random)
                    let roomID = "R\(grade)\(subject.id.prefix(3).uppercased())\(index + 1)"
                    rooms.append(
                        Room(
                            id: roomID, name: "Room \(roomID)", seats: 30,
                            features: subject.id == "science" ? ["lab"] : nil))
                    teacher.preferredRooms = [roomID]
                    teacher.planningMinutes = 100
                    coreTeachers[subject.id, default: []].append(teacher)
                }
            }
            let gradeTeam = core.flatMap { coreTeachers[$0.id]! }
            teachers += gradeTeam
            teams.append(
                Team(
                    id: "G\(grade)", name: "Grade \(grade) team", kind: .interdisciplinary,
                    members: gradeTeam.map(\.id),
                    collaboration: CollaborationRequirement(
                        // By default four sessions of 30 minutes (middle-level research); with a
                        // block length given, as many blocks as the minutes need.
                        minutes: teamMinutes ?? 120, minBlockMinutes: teamBlockMinutes ?? 30,
                        minBlocks: teamBlockMinutes.map { max(1, (teamMinutes ?? 120) / max(1, $0)) } ?? 4,
                        maxDirectedMinutes: 50)))
            for section in 0..<classesPerGrade {
                let classID = "\(grade)\(String(UnicodeScalar(UInt8(65 + section))))"
                let size = gradeSize / classesPerGrade + (section < gradeSize % classesPerGrade ? 1 : 0)
                let homeroomTeacher = gradeTeam[section % gradeTeam.count]
                var cohort = Cohort(
                    id: classID, name: "Class \(classID)", kind: .group, parent: "Y\(grade)", size: size)
                cohort.homeroom = homeroomTeacher.preferredRooms?.first
                cohorts.append(cohort)
                for subject in core {
                    let options = coreTeachers[subject.id]!
                    let teacher = options[section * options.count / classesPerGrade]
                    for meeting in 1...subject.meetings {
                        var activity = Activity(
                            id: "\(classID)-\(subject.id)-\(meeting)", subject: subject.id,
                            teachers: [teacher.id], cohorts: [classID])
                        activity.rooms = teacher.preferredRooms
                        // A sixth weekly meeting cannot be on a day of its own: it is a
                        // workshop outside the split group (on some day twice).
                        if meeting <= days.count { activity.splitGroup = "\(classID)-\(subject.id)" }
                        activities.append(activity)
                    }
                }
                // Within a grade, classes spread over all exploratory teachers, so that the whole
                // grade can be at exploratory at once (the grade team's common time).
                let arts = artsTeachers[section % artsTeachers.count]
                let exploratory: [(Teacher, String, Int, [String])] = [
                    (peTeachers[section % peTeachers.count], "pe", 3, ["gym"]),
                    (arts, arts.subjects![0], 3, [arts.subjects![0]]),
                    (languageTeachers[section % languageTeachers.count], "spanish", 2, []),
                ]
                for (teacher, subject, meetings, features) in exploratory {
                    for meeting in 1...meetings {
                        var activity = Activity(
                            id: "\(classID)-\(subject)-\(meeting)", subject: subject,
                            teachers: [teacher.id], cohorts: [classID])
                        if !features.isEmpty { activity.roomFeatures = features }
                        if subject == "spanish" {
                            let index = languageTeachers.firstIndex { $0.id == teacher.id }!
                            activity.rooms = ["LANG\(index + 1)"]
                        }
                        activity.splitGroup = "\(classID)-\(subject)"
                        activities.append(activity)
                    }
                }
                for _ in 0..<size {
                    studentNumber += 1
                    var student = Student(
                        id: Self.id("S", studentNumber, width: 4), name: name(&random), grade: "0\(grade)")
                    student.cohort = classID
                    student.profile = LearnerProfile(
                        needs: random.sample(needs, random.int(in: 0...2)).sorted(),
                        levels: ["math": random.int(in: 1...4), "reading": random.int(in: 1...4)],
                        interests: random.sample(interests, 2).sorted())
                    people.append(student)
                }
            }
        }
        teachers += peTeachers + artsTeachers + languageTeachers
        // Special education teachers: flex sessions and co-teaching support.
        for _ in 0..<max(1, students / 200) { teachers.append(nextTeacher(["sped"], &random)) }
        school.subjects?.append(Subject(id: "sped", name: "Learning support"))
        for teacher in teachers.filter({ $0.subjects == ["sped"] }) {
            let roomID = "SUP\(teacher.id)"
            rooms.append(Room(id: roomID, name: "Learning support \(teacher.id)", seats: 20))
        }
        school.teachers = teachers
        school.rooms = rooms
        school.cohorts = cohorts
        school.students = people
        school.activities = activities
        school.teams = teams
        school.flex = middleFlex(teachers: teachers, rooms: rooms, students: people, needs: needs, &random)
        return school
    }

    /// About one flex session per 24 students, run by core and support teachers in their rooms.
    private func middleFlex(
        teachers: [Teacher], rooms: [Room], students: [Student], needs: [String],
        _ random: inout SeededGenerator
    ) -> FlexSetup {
        let exploratory: Set<String> = ["pe", "art", "music", "tech", "spanish"]
        let hosts = teachers.filter { exploratory.isDisjoint(with: $0.subjects ?? []) }
        let sessionCount = min(hosts.count, max(2, (students.count + 23) / 24))
        let enrichment = ["robotics", "coding", "debate", "chess", "gardening", "art"]
        var sessions: [FlexSession] = []
        for (index, teacher) in hosts.prefix(sessionCount).enumerated() {
            let room = teacher.preferredRooms?.first ?? "SUP\(teacher.id)"
            let intervention = index % 2 == 0
            let tag = intervention ? needs[index / 2 % needs.count] : enrichment[index / 2 % enrichment.count]
            let seats = rooms.first { $0.id == room }?.seats ?? 30
            sessions.append(
                FlexSession(
                    id: Self.id("F", index + 1, width: 2),
                    name: intervention ? "Intervention: \(tag)" : "Enrichment: \(tag)",
                    teacher: teacher.id, room: room, capacity: min(seats, 28), tags: [tag]))
        }
        var requests: [FlexRequest] = []
        var choices: [FlexChoice] = []
        for student in students {
            let studentNeeds = student.profile?.needs ?? []
            if let need = studentNeeds.first, random.chance(0.25),
                let session = sessions.first(where: { $0.tags == [need] })
            {
                requests.append(
                    FlexRequest(
                        teacher: session.teacher, student: student.id, session: session.id,
                        priority: random.int(in: 1...3), hard: random.chance(0.3)))
            }
            choices.append(FlexChoice(student: student.id, sessions: random.sample(sessions.map(\.id), 3)))
        }
        return FlexSetup(sessions: sessions, requests: requests, choices: choices, catchAll: CatchAll(kind: .homeroom))
    }
}
