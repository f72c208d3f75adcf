import Foundation
import LinearProgramming
import SchoolModel

/// The data of one loading: sections with times and seats, and each student's requests with
/// the sections that could meet them.
struct LoadingProblem {
    /// One way to meet a request: a course and what meeting the request through it scores.
    struct Option {
        var course: String
        var score: Double
        /// Sections of the course the student could join (indices into `sections`).
        var sections: [Int]
    }

    struct Request {
        var options: [Option]
        /// The best score of any option (the request's weight when its primary is possible).
        var bestScore: Double { options.filter { !$0.sections.isEmpty }.map(\.score).max() ?? 0 }
        /// Sections that could meet it, over all its options.
        var sectionCount: Int { options.reduce(0) { $0 + $1.sections.count } }
    }

    struct Student {
        var id: String
        var requests: [Request]
        /// Students to keep apart from / together with (indices into `students`).
        var apart: [Int]
        var with: [Int]
    }

    /// Per student, per request: the option and section that meet it, or nil.
    typealias Loading = [[(option: Int, section: Int)?]]

    let sections: [ScheduledSection]
    /// Sections left out because a meeting is not placed.
    let unplacedSections: [String]
    let students: [Student]
    /// Per student: every section they could join.
    let candidates: [Set<Int>]
    /// Per section: its slots as bit words.
    let masks: [[UInt64]]
    let options: LoadOptions
    /// Courses with two sections or more, and their sections (for the balance penalty).
    let balancedCourses: [[Int]]

    init(school: School, placements: [Placement], options: LoadOptions) {
        self.options = options
        let (sections, unplaced) = school.scheduledSections(placements: placements)
        self.sections = sections
        unplacedSections = unplaced
        let words = max(1, (school.timeGrid.days.count * school.slotStride + 63) / 64)
        masks = sections.map { section in
            var mask = [UInt64](repeating: 0, count: words)
            for slot in section.slots { mask[slot / 64] |= 1 << UInt64(slot % 64) }
            return mask
        }
        var byCourse: [String: [Int]] = [:]
        for (index, section) in sections.enumerated() { byCourse[section.section.course, default: []].append(index) }
        balancedCourses = byCourse.keys.sorted().compactMap { byCourse[$0]!.count > 1 ? byCourse[$0] : nil }
        let busy = school.cohortBusySlots(placements: placements)
        let people = (school.students ?? []).filter { !($0.requests ?? []).isEmpty }
        let position = Dictionary(people.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var students = people.map { student in
            let blocked = student.cohort.flatMap { busy[$0] } ?? []
            let requests = (student.requests ?? []).map { request in
                let weight = Double(request.weight ?? 1)
                let courses = [request.course] + (request.alternates ?? [])
                return Request(
                    options: courses.enumerated().map { rank, course in
                        Option(
                            course: course, score: weight * pow(options.alternateFactor, Double(rank)),
                            sections: (byCourse[course] ?? []).filter { sections[$0].slots.isDisjoint(with: blocked) })
                    })
            }
            return Student(
                id: student.id, requests: requests,
                apart: (student.keepApartFrom ?? []).compactMap { position[$0] },
                with: (student.keepWith ?? []).compactMap { position[$0] })
        }
        // Pairs hold both ways, whichever student names the other.
        for index in students.indices {
            for other in students[index].apart where !students[other].apart.contains(index) {
                students[other].apart.append(index)
            }
            for other in students[index].with where !students[other].with.contains(index) {
                students[other].with.append(index)
            }
        }
        self.students = students
        candidates = students.map { Set($0.requests.flatMap { $0.options.flatMap(\.sections) }) }
    }

    /// The loading's objective: weighted requests met, less the balance and keep-with penalties.
    func objective(of loading: Loading) -> Double {
        var total = 0.0
        var size = [Int](repeating: 0, count: sections.count)
        for (student, chosen) in loading.enumerated() {
            for (request, pick) in chosen.enumerated() {
                guard let pick else { continue }
                total += students[student].requests[request].options[pick.option].score
                size[pick.section] += 1
            }
        }
        for course in balancedCourses {
            let sizes = course.map { size[$0] }
            total -= options.balanceWeight * Double(sizes.max()! - sizes.min()!)
        }
        for (student, entry) in students.enumerated() {
            let mine = Set(loading[student].compactMap { $0?.section })
            for other in entry.with where other > student {
                let theirs = Set(loading[other].compactMap { $0?.section })
                let shared = candidates[student].intersection(candidates[other])
                total -= options.keepWithWeight * Double(mine.symmetricDifference(theirs).intersection(shared).count)
            }
        }
        return total
    }

    func assignments(_ loading: Loading) -> [SectionAssignment] {
        var result: [SectionAssignment] = []
        for (student, chosen) in loading.enumerated() {
            for pick in chosen.compactMap({ $0 }) {
                let section = sections[pick.section].section
                result.append(
                    SectionAssignment(student: students[student].id, course: section.course, section: section.id))
            }
        }
        return result.sorted { ($0.student, $0.course) < ($1.student, $1.course) }
    }
}

extension LoadingProblem {
    /// Every request met by its best possible option, nothing penalized: an upper bound.
    var upperBound: Double { students.reduce(0) { $0 + $1.requests.reduce(0) { $0 + $1.bestScore } } }

    /// Whether the student has a request unmet that some section could meet.
    func hasUnmetRequest(_ student: Int, in loading: Loading) -> Bool {
        students[student].requests.indices.contains {
            loading[student][$0] == nil && students[student].requests[$0].bestScore > 0
        }
    }

    /// Ids of the students with a request unmet that some section could meet.
    func studentsWithUnmetRequests(_ loading: Loading) -> Set<String> {
        Set(students.indices.filter { hasUnmetRequest($0, in: loading) }.map { students[$0].id })
    }

    /// Student–section variables of a model over `free`.
    func pickCount(_ free: [Int]) -> Int {
        free.reduce(0) { total, student in total + students[student].requests.reduce(0) { $0 + $1.sectionCount } }
    }

    /// The students of one batch: a third of `size` students with a request unmet that some
    /// section could meet (taken in turn, round after round), then students sitting in the
    /// sections those requests need (in turn as well), up to `size`.
    func batch(round: Int, loading: Loading, size: Int) -> [Int] {
        let wanting = students.indices.filter { hasUnmetRequest($0, in: loading) }
        guard !wanting.isEmpty else { return [] }
        let core = min(wanting.count, max(1, size / 3))
        var chosen: [Int] = []
        var seen = Set<Int>()
        for offset in 0..<core {
            let student = wanting[(round * core + offset) % wanting.count]
            if seen.insert(student).inserted { chosen.append(student) }
        }
        var members = [[Int]](repeating: [], count: sections.count)
        for (student, picks) in loading.enumerated() {
            for pick in picks.compactMap({ $0 }) { members[pick.section].append(student) }
        }
        for student in Array(chosen) {
            for (request, wish) in students[student].requests.enumerated() where loading[student][request] == nil {
                for section in wish.options.flatMap(\.sections) where !members[section].isEmpty {
                    let holders = members[section]
                    for offset in 0..<min(2, holders.count) where chosen.count < size {
                        let holder = holders[(round * 2 + offset) % holders.count]
                        if seen.insert(holder).inserted { chosen.append(holder) }
                    }
                }
            }
        }
        return chosen.sorted()
    }
}
