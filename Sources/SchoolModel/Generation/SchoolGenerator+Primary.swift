/// A primary school: grades K–5 in classes of about 25, each with a homeroom teacher who teaches
/// literacy (daily double period), mathematics, science and social studies in the homeroom, and
/// specialists for PE (gym), music, art and library. Two grade-level teams (grades 1 and 4)
/// need common planning time, which they get when their classes are at specials together.
extension SchoolGenerator {
    func generatePrimary(_ random: inout SeededGenerator) -> School {
        let grades = ["K", "1", "2", "3", "4", "5"]
        // Classes of at most 25 (a grade of 26 makes two classes of 13).
        let classesPerGrade = max(1, Int((Double(students) / 6 / 25).rounded(.up)))
        let bell = BellSchedule(
            id: "regular",
            periods: [
                Period(id: "1", start: "08:30", minutes: 45), Period(id: "2", start: "09:20", minutes: 45),
                Period(id: "recess", start: "10:05", minutes: 15, kind: .break),
                Period(id: "3", start: "10:20", minutes: 45), Period(id: "4", start: "11:10", minutes: 45),
                Period(id: "lunch", start: "11:55", minutes: 40, kind: .break),
                Period(id: "5", start: "12:35", minutes: 45), Period(id: "6", start: "13:25", minutes: 45),
                Period(id: "7", start: "14:15", minutes: 45),
            ])
        var school = School(
            name: "Maple Grove Primary School",
            timeGrid: TimeGrid(bellSchedules: [bell], days: Self.week(regular: "regular")))
        school.calendar = Self.calendar()
        school.subjects = [
            Subject(id: "literacy", name: "Literacy"), Subject(id: "math", name: "Mathematics"),
            Subject(id: "science", name: "Science"), Subject(id: "social", name: "Social Studies"),
            Subject(id: "pe", name: "Physical Education"), Subject(id: "music", name: "Music"),
            Subject(id: "art", name: "Art"), Subject(id: "library", name: "Library"),
        ]
        let classCount = grades.count * classesPerGrade
        // Specialists: PE twice a week per class (up to 24 periods each), the others once (up to 20).
        let specialistCounts = [
            ("pe", (classCount * 2 + 23) / 24), ("music", (classCount + 19) / 20),
            ("art", (classCount + 19) / 20), ("library", (classCount + 19) / 20),
        ]
        var cohorts: [Cohort] = []
        var teachers: [Teacher] = []
        var rooms: [Room] = []
        var activities: [Activity] = []
        var teacherNumber = 0
        func nextTeacher(_ subjects: [String], _ random: inout SeededGenerator) -> Teacher {
            teacherNumber += 1
            return staffTeacher(teacherNumber, subjects: subjects, &random)
        }
        var remaining = students
        var homeroomTeachers: [String: [String]] = [:]  // grade → teacher ids
        for (gradeIndex, grade) in grades.enumerated() {
            let gradesLeft = grades.count - gradeIndex
            let gradeSize = remaining / gradesLeft
            remaining -= gradeSize
            cohorts.append(
                Cohort(
                    id: "Y\(grade)", name: grade == "K" ? "Kindergarten" : "Grade \(grade)", kind: .year,
                    size: gradeSize))
            for section in 0..<classesPerGrade {
                let letter = String(UnicodeScalar(UInt8(65 + section)))
                let classID = "\(grade)\(letter)"
                let size = gradeSize / classesPerGrade + (section < gradeSize % classesPerGrade ? 1 : 0)
                let roomID = "R\(grade)\(letter)"
                rooms.append(Room(id: roomID, name: "Room \(classID)", seats: 28))
                var cohort = Cohort(
                    id: classID, name: "Class \(classID)", kind: .group, parent: "Y\(grade)", size: size)
                cohort.homeroom = roomID
                cohorts.append(cohort)
                var teacher = nextTeacher(["literacy", "math", "science", "social"], &random)
                teacher.preferredRooms = [roomID]
                teacher.planningMinutes = 225
                teachers.append(teacher)
                homeroomTeachers[grade, default: []].append(teacher.id)
                let lessons: [(String, Int, Int)] = [
                    ("literacy", 5, 2), ("math", 5, 1), ("science", 2, 1), ("social", 2, 1),
                ]
                for (subject, count, duration) in lessons {
                    for meeting in 1...count {
                        var activity = Activity(
                            id: "\(classID)-\(subject)-\(meeting)", subject: subject,
                            teachers: [teacher.id], cohorts: [classID], duration: duration)
                        activity.rooms = [roomID]
                        if count > 1 { activity.splitGroup = "\(classID)-\(subject)" }
                        if subject == "literacy" || subject == "math" {
                            // Core lessons in the morning where possible.
                            activity.preferredTimes = Self.week(regular: "regular").map {
                                TimeSlots(day: $0.id, periods: ["1", "2", "3", "4"])
                            }
                        }
                        activities.append(activity)
                    }
                }
            }
        }
        rooms.append(Room(id: "GYM", name: "Gymnasium", seats: 60, groups: 2, features: ["gym"]))
        rooms.append(Room(id: "MUSIC", name: "Music room", seats: 30, features: ["music"]))
        rooms.append(Room(id: "ART", name: "Art studio", seats: 30, features: ["art"]))
        rooms.append(Room(id: "LIB", name: "Library", seats: 40, features: ["library"]))
        let roomFor = ["pe": "GYM", "music": "MUSIC", "art": "ART", "library": "LIB"]
        let classIDs = cohorts.filter { $0.kind == .group }.map(\.id)
        for (subject, count) in specialistCounts {
            var specialists: [Teacher] = []
            for _ in 0..<count {
                var teacher = nextTeacher([subject], &random)
                teacher.maxPeriodsPerDay = 6
                teacher.planningMinutes = 180
                specialists.append(teacher)
            }
            if subject == "music", var part = specialists.last {
                // A part-time music teacher who is not in on Fridays.
                part.unavailable = [TimeSlots(day: "fri")]
                specialists[specialists.count - 1] = part
            }
            teachers += specialists
            let meetings = subject == "pe" ? 2 : 1
            for (index, classID) in classIDs.enumerated() {
                let teacher = specialists[index * specialists.count / classIDs.count]
                for meeting in 1...meetings {
                    var activity = Activity(
                        id: "\(classID)-\(subject)-\(meeting)", subject: subject,
                        teachers: [teacher.id], cohorts: [classID])
                    activity.roomFeatures = [subject == "pe" ? "gym" : subject]
                    activity.preferredRooms = [roomFor[subject]!]
                    if meetings > 1 { activity.splitGroup = "\(classID)-\(subject)" }
                    activities.append(activity)
                }
            }
        }
        school.teachers = teachers
        school.rooms = rooms
        school.cohorts = cohorts
        school.activities = activities
        let minutes = teamMinutes ?? 90
        let block = teamBlockMinutes ?? 45
        school.teams = ["1", "4"].compactMap { grade in
            guard let members = homeroomTeachers[grade], members.count >= 2 else { return nil }
            return Team(
                id: "G\(grade)", name: "Grade \(grade) team", kind: .gradeLevel, members: members,
                collaboration: CollaborationRequirement(
                    minutes: minutes, minBlockMinutes: block,
                    minBlocks: max(1, minutes / max(block, 1))))
        }
        return school
    }
}
