import Foundation
import LinearProgramming
import SchoolModel

extension MasterSchedule {
    /// The school cannot have a master schedule, for a reason in school terms.
    struct Infeasible: Error {
        var reason: String
    }

    /// A team's candidate blocks: contiguous pattern periods that reach its block length and lie
    /// in its windows on enough days, with the number of days the requirement needs.
    struct TeamBlocks {
        var team: Int
        var members: [Int]
        var blocks: [[Int]]
        var weight: Double?
        var minutes: Int
    }

    func teamBlocks() -> [TeamBlocks] {
        let school = problem.school
        let grid = problem.grid
        let teacherIndex = Dictionary(school.teachers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return (school.teams ?? []).enumerated().compactMap { index, team in
            guard let requirement = team.collaboration else { return nil }
            let window = requirement.windows.map { grid.slots(in: $0) } ?? problem.teachingSlots
            let length = max(1, requirement.minBlockMinutes ?? 1)
            var blocks: [[Int]] = []
            for start in periods.indices {
                // The shortest contiguous run from `start` that reaches the length.
                var minutes = 0
                var run: [Int] = []
                for position in start..<periods.count {
                    if let last = run.last, periods[position] != periods[last] + 1 { break }
                    run.append(position)
                    minutes += grid.periods(ofDay: 0)[periods[position]].minutes
                    if minutes >= length { break }
                }
                guard minutes >= length, minutes > 0 else { continue }
                let count = max(requirement.minBlocks ?? 0, (requirement.minutes + minutes - 1) / minutes)
                let openDays = grid.days.indices.filter { day in
                    run.allSatisfy { window.contains(Slot(day: day, period: periods[$0])) }
                }
                if openDays.count >= max(1, count) { blocks.append(run) }
            }
            return TeamBlocks(
                team: index, members: team.members.compactMap { teacherIndex[$0] }, blocks: blocks,
                weight: requirement.weight, minutes: requirement.minutes)
        }
    }

    /// The demand the master schedule sees, in two layers: per grade, how many of its students
    /// request each course with more than ``scarceSections`` sections; and per group of students
    /// of a grade with the same requests among the scarcer courses, the group's size and those
    /// courses. (Whole request sets would make a model too large for GLPK's simplex.) Students
    /// in `exact` — those an earlier loading could not seat — are left out of both layers and
    /// grouped by their whole request sets instead.
    func demand(exact: Set<String> = []) -> (grades: [Grade], groups: [Group]) {
        let sectionCount = Dictionary(grouping: sections, by: \.course).mapValues(\.count)
        var grades: [String: Grade] = [:]
        var gradeOrder: [String] = []
        var groups: [String: Group] = [:]
        var groupOrder: [String] = []
        for student in problem.school.students ?? [] {
            let requests = (student.requests ?? []).filter { sectionCount[$0.course] != nil }
            guard !requests.isEmpty else { continue }
            let grade = student.grade ?? ""
            if exact.contains(student.id) {
                let key = "exact|" + requests.map { "\($0.course):\($0.weight ?? 1)" }.sorted().joined(separator: ",")
                if groups[key] == nil {
                    groupOrder.append(key)
                    groups[key] = Group(
                        grade: grade, exact: true, size: 0,
                        requests: requests.map { ($0.course, Double($0.weight ?? 1)) })
                }
                groups[key]!.size += 1
                continue
            }
            if grades[grade] == nil {
                gradeOrder.append(grade)
                grades[grade] = Grade(grade: grade, size: 0, requests: [:])
            }
            grades[grade]!.size += 1
            let scarce = requests.filter { sectionCount[$0.course]! <= Self.scarceSections }
            for request in requests where sectionCount[request.course]! > Self.scarceSections {
                grades[grade]!.requests[request.course, default: (0, 0)].count += 1
                grades[grade]!.requests[request.course]!.weight += Double(request.weight ?? 1)
            }
            guard !scarce.isEmpty else { continue }
            let key = grade + "|" + scarce.map { "\($0.course):\($0.weight ?? 1)" }.sorted().joined(separator: ",")
            if groups[key] == nil {
                groupOrder.append(key)
                groups[key] = Group(
                    grade: grade, exact: false, size: 0, requests: scarce.map { ($0.course, Double($0.weight ?? 1)) })
            }
            groups[key]!.size += 1
        }
        return (gradeOrder.map { grades[$0]! }, groupOrder.map { groups[$0]! })
    }

    static let scarceSections = 3

    struct Grade {
        var grade: String
        var size: Int
        /// Per course: students requesting it and the sum of their weights.
        var requests: [String: (count: Int, weight: Double)]
    }

    struct Group {
        var grade: String
        /// Whole request sets (students an earlier loading could not seat).
        var exact: Bool
        var size: Int
        var requests: [(course: String, weight: Double)]
    }

    /// The MIP. Returns the model and the `y` variables per section and position in `periods`
    /// (nil where the section cannot meet).
    func buildModel(exact: Set<String> = []) throws -> (model: Model, y: [[Variable?]]) {
        var model = Model(name: "master-schedule")
        var objective = LinearExpression()
        let school = problem.school
        var y: [[Variable?]] = []
        for (section, positions) in allowed.enumerated() {
            var row = [Variable?](repeating: nil, count: periods.count)
            for position in positions { row[position] = try model.addBinary() }
            y.append(row)
            let choices = row.compactMap { $0 }
            guard !choices.isEmpty else {
                throw MasterSchedule.Infeasible(
                    reason: "section '\(sections[section].id)' has no period in which all its meetings can start")
            }
            try model.add(sum(choices) == 1)
        }
        // Teachers: distinct periods, daily maximum, consecutive maximum.
        var byTeacher = [[Int]](repeating: [], count: school.teachers.count)
        let teacherIndex = Dictionary(school.teachers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (index, section) in sections.enumerated() {
            for teacher in section.teachers.compactMap({ teacherIndex[$0] }) { byTeacher[teacher].append(index) }
        }
        func teaching(_ teacher: Int, _ positions: [Int]) -> LinearExpression {
            sum(byTeacher[teacher].flatMap { section in positions.compactMap { y[section][$0] } })
        }
        for (teacher, record) in school.teachers.enumerated() where byTeacher[teacher].count > 1 {
            for position in periods.indices {
                try model.add(teaching(teacher, [position]) <= 1)
            }
            if let maximum = record.maxPeriodsPerDay, byTeacher[teacher].count > maximum {
                try model.add(teaching(teacher, Array(periods.indices)) <= Double(maximum))
            }
            if let maximum = record.maxConsecutive, byTeacher[teacher].count > maximum {
                for window in blocks(length: maximum + 1) {
                    try model.add(teaching(teacher, window) <= Double(maximum))
                }
            }
        }
        // Rooms: Hall's condition per period for each set of candidate rooms.
        var sectionOf: [Int: Int] = [:]
        for (section, meetings) in lessons.enumerated() {
            for lesson in meetings { sectionOf[lesson] = section }
        }
        for rooms in problem.candidateRoomSets {
            let confined = Set(problem.lessons(confinedTo: rooms).compactMap { sectionOf[$0] }).sorted()
            let capacity = rooms.reduce(0) { $0 + school.rooms[$1].resolvedGroups }
            guard confined.count > capacity else { continue }
            for position in periods.indices {
                try model.add(sum(confined.compactMap { y[$0][position] }) <= Double(capacity))
            }
        }
        // Teams: one block kept free by every member.
        for team in teamBlocks() {
            var chosen = LinearExpression()
            for block in team.blocks {
                let z = try model.addBinary()
                chosen.add(1, z)
                for member in team.members {
                    for position in block {
                        try model.add(teaching(member, [position]) + LinearExpression(z) <= 1)
                    }
                }
            }
            if let weight = team.weight {
                let short = try model.addVariable(upperBound: 1)
                try model.add(chosen + LinearExpression(short) >= 1)
                objective.add(-weight * Double(team.minutes), short)
            } else {
                guard chosen.termCount > 0 else {
                    throw MasterSchedule.Infeasible(
                        reason:
                            "team '\(school.teams![team.team].id)' has no block of contiguous periods, common to enough days, that reaches its block length"
                    )
                }
                try model.add(chosen >= 1)
            }
        }
        // Requests: each group's course–period flow within the seats of the sections.
        let courses = Dictionary((school.courses ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var seats: [String: [LinearExpression]] = [:]
        for (index, section) in sections.enumerated() {
            let capacity = Double(courses[section.course]?.maxSectionSize ?? 1_000)
            var row = seats[section.course] ?? Array(repeating: LinearExpression(), count: periods.count)
            for position in periods.indices {
                if let variable = y[index][position] { row[position].add(capacity, variable) }
            }
            seats[section.course] = row
        }
        var taking: [String: [LinearExpression]] = [:]
        func flow(_ course: String, _ position: Int, limit: Int, weight: Double) throws -> Variable {
            let w = try model.addVariable(upperBound: Double(limit))
            taking[course, default: Array(repeating: LinearExpression(), count: periods.count)][position].add(1, w)
            objective.add(weight, w)
            return w
        }
        let (grades, groups) = demand(exact: exact)
        var gradeBusy: [String: [LinearExpression]] = [:]
        for group in groups {
            var perPeriod = [LinearExpression](repeating: LinearExpression(), count: periods.count)
            for request in group.requests {
                var perCourse = LinearExpression()
                for position in periods.indices where seats[request.course]![position].termCount > 0 {
                    let w = try flow(request.course, position, limit: group.size, weight: request.weight)
                    perCourse.add(1, w)
                    perPeriod[position].add(1, w)
                }
                try model.add(perCourse <= Double(group.size))
            }
            for row in perPeriod where row.termCount > 1 { try model.add(row <= Double(group.size)) }
            guard !group.exact else { continue }
            var busy = gradeBusy[group.grade] ?? Array(repeating: LinearExpression(), count: periods.count)
            for position in periods.indices { busy[position].add(perPeriod[position]) }
            gradeBusy[group.grade] = busy
        }
        for grade in grades {
            var perPeriod = gradeBusy[grade.grade] ?? Array(repeating: LinearExpression(), count: periods.count)
            for (course, request) in grade.requests.sorted(by: { $0.key < $1.key }) {
                var perCourse = LinearExpression()
                let weight = request.weight / Double(request.count)
                for position in periods.indices where seats[course]![position].termCount > 0 {
                    let w = try flow(course, position, limit: request.count, weight: weight)
                    perCourse.add(1, w)
                    perPeriod[position].add(1, w)
                }
                try model.add(perCourse <= Double(request.count))
            }
            for row in perPeriod where row.termCount > 1 { try model.add(row <= Double(grade.size)) }
        }
        for (course, rows) in taking.sorted(by: { $0.key < $1.key }) {
            for position in periods.indices where rows[position].termCount > 0 {
                try model.add(rows[position] <= seats[course]![position])
            }
        }
        try model.maximize(objective)
        return (model, y)
    }
}
