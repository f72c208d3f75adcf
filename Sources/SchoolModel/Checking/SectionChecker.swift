/// The checker's verdict on a loading, with the reports schedulers know from PowerScheduler.
public struct LoadReport: Sendable {
    public var violations: [Violation]
    /// Students with at least one request.
    public var students: Int
    public var requests: Int
    /// Requests met by their first-choice course.
    public var primaryMet: Int
    /// Requests met by an alternate instead.
    public var alternatesUsed: Int
    /// Students with every request met (an alternate counting).
    public var studentsWithoutConflicts: Int
    /// Per course: its sections' sizes and capacities, in section order.
    public var sections: [SectionLoad]
    /// Per course: requests naming it first that were not met (by it or an alternate).
    public var unmetByCourse: [String: Int]

    public struct SectionLoad: Sendable, Codable, Equatable {
        public var section: String
        public var course: String
        public var size: Int
        public var capacity: Int?
    }

    /// Fraction of requests met, an alternate counting when it replaces an unmet first choice.
    public var requestsSatisfied: Double { requests == 0 ? 1 : Double(primaryMet + alternatesUsed) / Double(requests) }
    /// Fraction of students with every request met.
    public var fullyScheduled: Double { students == 0 ? 1 : Double(studentsWithoutConflicts) / Double(students) }
    /// Largest spread (largest minus smallest section) over courses with several sections.
    public var largestSizeSpread: Int {
        Dictionary(grouping: sections, by: \.course).values.map { group in
            (group.map(\.size).max() ?? 0) - (group.map(\.size).min() ?? 0)
        }.max() ?? 0
    }
}

/// Checks a loading against the school and the timetable, on its own: section times from the
/// placements, capacities from the courses and rooms, every request accounted for.
///
/// Hard rules: `load.unknownStudent`, `load.unknownSection`, `load.wrongCourse`,
/// `load.sectionUnplaced`, `load.duplicate` (two sections of one course), `load.notRequested`
/// (a course that meets none of the student's requests), `load.clash` (two sections, or a
/// section and the student's cohort, at one time), `load.capacity`, `load.keepApart`.
public enum SectionChecker {
    public static let hardRules = [
        "load.unknownStudent", "load.unknownSection", "load.wrongCourse", "load.sectionUnplaced", "load.duplicate",
        "load.notRequested", "load.clash", "load.capacity", "load.keepApart",
    ]

    public static func check(
        _ school: School, placements: [Placement], assignments: [SectionAssignment]
    ) -> LoadReport {
        var violations: [Violation] = []
        func flag(_ rule: String, _ records: [String], _ message: String) {
            violations.append(Violation(rule: rule, records: records, message: message))
        }
        let grid = school.timeGrid
        let courses = Dictionary((school.courses ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rooms = Dictionary(school.rooms.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let placed = Dictionary(placements.map { ($0.activity, $0) }, uniquingKeysWith: { first, _ in first })
        let lessons = Dictionary(school.lessons().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        /// Day and period positions an activity covers in the plan, as "day#period" keys.
        func times(_ activity: String, duration: Int) -> Set<String>? {
            guard let placement = placed[activity],
                let day = grid.days.firstIndex(where: { $0.id == placement.day }),
                let start = grid.periods(ofDay: day).firstIndex(where: { $0.id == placement.period })
            else { return nil }
            return Set((start..<(start + duration)).map { "\(day)#\($0)" })
        }
        // Each section: its course, times and capacity.
        var sectionCourse: [String: String] = [:]
        var sectionTimes: [String: Set<String>] = [:]
        var sectionCapacity: [String: Int] = [:]
        var sectionOrder: [String] = []
        for section in school.courseSections() {
            sectionOrder.append(section.id)
            sectionCourse[section.id] = section.course
            let course = courses[section.course]
            var all = Set<String>()
            var placedAll = true
            var capacity = course?.maxSectionSize
            for meeting in section.meetings {
                guard let covered = times(meeting, duration: course?.duration ?? 1) else {
                    placedAll = false
                    continue
                }
                all.formUnion(covered)
                if let id = placed[meeting]?.room, let room = rooms[id], (room.groups ?? 1) == 1 {
                    capacity = min(capacity ?? room.seats, room.seats)
                }
            }
            if placedAll { sectionTimes[section.id] = all }
            if let capacity { sectionCapacity[section.id] = capacity }
        }
        // Each cohort's busy times, its own lessons and those of the cohorts above it.
        var cohortTimes: [String: Set<String>] = [:]
        for (id, activity) in lessons {
            guard let covered = times(id, duration: activity.duration ?? 1) else { continue }
            for cohort in activity.cohorts ?? [] { cohortTimes[cohort, default: []].formUnion(covered) }
        }
        let parents = Dictionary((school.cohorts ?? []).map { ($0.id, $0.parent) }, uniquingKeysWith: { a, _ in a })
        func busy(_ cohort: String?) -> Set<String> {
            var result = Set<String>()
            var current = cohort
            var seen = Set<String>()
            while let id = current, seen.insert(id).inserted {
                result.formUnion(cohortTimes[id] ?? [])
                current = parents[id] ?? nil
            }
            return result
        }

        let students = Dictionary((school.students ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var byStudent: [String: [SectionAssignment]] = [:]
        var size: [String: Int] = [:]
        var members: [String: Set<String>] = [:]
        for assignment in assignments {
            guard students[assignment.student] != nil else {
                flag(
                    "load.unknownStudent", [assignment.student],
                    "the loading names unknown student '\(assignment.student)'")
                continue
            }
            guard let course = sectionCourse[assignment.section] else {
                flag(
                    "load.unknownSection", [assignment.student, assignment.section],
                    "student '\(assignment.student)' is in unknown section '\(assignment.section)'")
                continue
            }
            guard course == assignment.course else {
                flag(
                    "load.wrongCourse", [assignment.student, assignment.section],
                    "section '\(assignment.section)' is of course '\(course)', not '\(assignment.course)'")
                continue
            }
            if sectionTimes[assignment.section] == nil {
                flag(
                    "load.sectionUnplaced", [assignment.student, assignment.section],
                    "student '\(assignment.student)' is in section '\(assignment.section)', which the timetable does not fully place"
                )
            }
            byStudent[assignment.student, default: []].append(assignment)
            size[assignment.section, default: 0] += 1
            members[assignment.section, default: []].insert(assignment.student)
        }
        for section in sectionOrder {
            if let capacity = sectionCapacity[section], let count = size[section], count > capacity {
                flag("load.capacity", [section], "section '\(section)' has \(count) students for \(capacity) seats")
            }
        }

        var report = LoadReport(
            violations: [], students: 0, requests: 0, primaryMet: 0, alternatesUsed: 0, studentsWithoutConflicts: 0,
            sections: [], unmetByCourse: [:])
        for student in school.students ?? [] {
            let taken = byStudent[student.id] ?? []
            var courseCount: [String: Int] = [:]
            for assignment in taken { courseCount[assignment.course, default: 0] += 1 }
            for (course, count) in courseCount where count > 1 {
                flag(
                    "load.duplicate", [student.id, course],
                    "student '\(student.id)' is in \(count) sections of '\(course)'")
            }
            // Clashes: between two sections, and with the cohort's lessons.
            let cohortBusy = busy(student.cohort)
            for (index, first) in taken.enumerated() {
                let firstTimes = sectionTimes[first.section] ?? []
                if !firstTimes.isDisjoint(with: cohortBusy) {
                    flag(
                        "load.clash", [student.id, first.section],
                        "student '\(student.id)': section '\(first.section)' meets while their cohort has a lesson")
                }
                for second in taken[(index + 1)...]
                where !firstTimes.isDisjoint(with: sectionTimes[second.section] ?? []) {
                    flag(
                        "load.clash", [student.id, first.section, second.section],
                        "student '\(student.id)': sections '\(first.section)' and '\(second.section)' meet at the same time"
                    )
                }
                for other in student.keepApartFrom ?? [] where members[first.section]?.contains(other) == true {
                    flag(
                        "load.keepApart", [student.id, other, first.section],
                        "students '\(student.id)' and '\(other)' are both in section '\(first.section)'")
                }
            }
            // Requests: first choices, then alternates matched to the courses left.
            let requests = student.requests ?? []
            guard !requests.isEmpty || !taken.isEmpty else { continue }
            var left = Set(courseCount.keys)
            var met = [Bool](repeating: false, count: requests.count)
            for (index, request) in requests.enumerated() where left.contains(request.course) {
                met[index] = true
                left.remove(request.course)
                report.primaryMet += 1
            }
            let matched = matchAlternates(requests: requests, open: met.indices.filter { !met[$0] }, courses: left)
            for (index, course) in matched {
                met[index] = true
                left.remove(course)
                report.alternatesUsed += 1
            }
            for course in left.sorted() {
                flag(
                    "load.notRequested", [student.id, course],
                    "student '\(student.id)' is in course '\(course)', which meets none of their requests")
            }
            guard !requests.isEmpty else { continue }
            report.students += 1
            report.requests += requests.count
            if met.allSatisfy({ $0 }) { report.studentsWithoutConflicts += 1 }
            for (index, request) in requests.enumerated() where !met[index] {
                report.unmetByCourse[request.course, default: 0] += 1
            }
        }
        report.sections = sectionOrder.map {
            LoadReport.SectionLoad(
                section: $0, course: sectionCourse[$0]!, size: size[$0] ?? 0, capacity: sectionCapacity[$0])
        }
        report.violations = violations
        return report
    }

    /// A largest matching of unmet requests to the courses left, through their alternates
    /// (augmenting paths; a student has a handful of requests).
    static func matchAlternates(requests: [CourseRequest], open: [Int], courses: Set<String>) -> [(Int, String)] {
        var owner: [String: Int] = [:]
        func augment(_ request: Int, _ visited: inout Set<String>) -> Bool {
            for course in requests[request].alternates ?? [] where courses.contains(course) {
                guard visited.insert(course).inserted else { continue }
                if let holder = owner[course] {
                    guard augment(holder, &visited) else { continue }
                }
                owner[course] = request
                return true
            }
            return false
        }
        for request in open {
            var visited = Set<String>()
            _ = augment(request, &visited)
        }
        return owner.map { ($0.value, $0.key) }.sorted { $0.0 < $1.0 }
    }
}
