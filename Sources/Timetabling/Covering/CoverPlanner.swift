import LinearProgramming
import SchoolModel

/// Who covers a team's lessons so that the whole team is released for some periods of a day.
public struct CoverPlan: Sendable {
    /// One lesson (or one teacher's part of a co-taught lesson) that needs cover.
    public struct Cover: Sendable, Equatable, Codable {
        public var activity: String
        /// The released teacher whose lesson it is.
        public var teacher: String
        /// Period ids of the lesson inside the release.
        public var periods: [String]
        public var subject: String?
        /// A colleague's id, or "substitute N".
        public var coveredBy: String
        /// True when an external substitute covers it.
        public var bySubstitute: Bool
    }

    public var covers: [Cover]
    /// External substitutes needed: the fewest possible.
    public var substitutes: Int
    /// Colleagues who cover, by id: how many lessons each.
    public var colleagueCovers: [String: Int]
    public var status: SolveStatus
}

/// Problems with a cover request, in school terms.
public enum CoverError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownTeam(String)
    case unknownDay(String)
    case unknownPeriod(day: String, period: String)
    case solverFailed(String)

    public var description: String {
        switch self {
        case .unknownTeam(let id): return "no team '\(id)'"
        case .unknownDay(let id): return "no day '\(id)' in the time grid"
        case .unknownPeriod(let day, let period): return "no period '\(period)' on day '\(day)'"
        case .solverFailed(let message): return "the cover plan failed: \(message)"
        }
    }
}

/// The fewest external substitutes needed to release a team, with free qualified colleagues
/// covering first.
///
/// Each lesson a team member teaches in the released periods needs a cover. A colleague (not on
/// the team) may cover a lesson when they teach its subject (any colleague, for a lesson
/// without a subject), are available and not teaching at any of its periods, and cover at most
/// one lesson at a time and `maxCoversPerColleague` in all. An external substitute covers one
/// lesson at a time, and may cover several at different periods. A MIP (GLPK) minimizes the
/// substitutes, then the covers colleagues give (so they keep their free periods where a
/// substitute is needed anyway); `maxCoversPerColleague` bounds what one colleague takes.
public enum CoverPlanner {
    public static func plan(
        _ school: School, placements: [Placement], team id: String, day: String, periods: [String],
        maxCoversPerColleague: Int = 1
    ) throws(CoverError) -> CoverPlan {
        guard let team = (school.teams ?? []).first(where: { $0.id == id }) else { throw .unknownTeam(id) }
        let grid = school.timeGrid
        guard let dayIndex = grid.days.firstIndex(where: { $0.id == day }) else { throw .unknownDay(day) }
        let schedule = grid.periods(ofDay: dayIndex)
        var released: Set<Int> = []
        for period in periods {
            guard let index = schedule.firstIndex(where: { $0.id == period }) else {
                throw .unknownPeriod(day: day, period: period)
            }
            released.insert(index)
        }
        let lessons = Dictionary(school.lessons().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Who teaches when that day: teacher → period positions.
        var busy: [String: Set<Int>] = [:]
        var needs: [(activity: Activity, teacher: String, positions: [Int])] = []
        let members = Set(team.members)
        for placement in placements where placement.day == day {
            guard let lesson = lessons[placement.activity],
                let start = schedule.firstIndex(where: { $0.id == placement.period })
            else { continue }
            let covered = Array(start..<min(schedule.count, start + lesson.resolvedDuration))
            for teacher in lesson.teachers {
                busy[teacher, default: []].formUnion(covered)
                let inside = covered.filter(released.contains)
                if members.contains(teacher) && !inside.isEmpty {
                    needs.append((lesson, teacher, inside))
                }
            }
        }
        needs.sort { ($0.positions[0], $0.activity.id, $0.teacher) < ($1.positions[0], $1.activity.id, $1.teacher) }
        let colleagues = school.teachers.filter { !members.contains($0.id) }
        func available(_ teacher: Teacher, _ positions: [Int]) -> Bool {
            let blocked = grid.slots(in: teacher.unavailable ?? [])
            return positions.allSatisfy { position in
                !(busy[teacher.id] ?? []).contains(position) && !blocked.contains(Slot(day: dayIndex, period: position))
            }
        }
        func qualified(_ teacher: Teacher, _ activity: Activity) -> Bool {
            guard let subject = activity.subject else { return true }
            return (teacher.subjects ?? []).contains(subject)
        }
        // Nothing of the team's is taught then: nothing to cover, no model to solve.
        guard !needs.isEmpty else {
            return CoverPlan(covers: [], substitutes: 0, colleagueCovers: [:], status: .optimal)
        }
        do {
            var model = Model(name: "cover \(id)")
            var objective = LinearExpression()
            let substituteCount = needs.count
            let used = try (0..<substituteCount).map { _ in try model.addBinary() }
            for variable in used { objective.add(1000, variable) }
            for index in used.indices.dropFirst() { try model.add(used[index] - used[index - 1] <= 0) }
            var colleagueVariables: [[(colleague: Int, variable: Variable)]] = []
            var substituteVariables: [[Variable]] = []
            var atPosition: [String: LinearExpression] = [:]  // "c 3" / "s 2 3" → covers at period 3
            var perColleague: [Int: LinearExpression] = [:]
            for need in needs {
                var options: [(Int, Variable)] = []
                for (index, colleague) in colleagues.enumerated()
                where qualified(colleague, need.activity) && available(colleague, need.positions) {
                    let variable = try model.addBinary()
                    objective.add(1, variable)
                    options.append((index, variable))
                    perColleague[index, default: LinearExpression()].add(1, variable)
                    for position in need.positions {
                        atPosition["c \(index) \(position)", default: LinearExpression()].add(1, variable)
                    }
                }
                var subs: [Variable] = []
                for substitute in 0..<substituteCount {
                    let variable = try model.addBinary()
                    try model.add(variable - used[substitute] <= 0)
                    subs.append(variable)
                    for position in need.positions {
                        atPosition["s \(substitute) \(position)", default: LinearExpression()].add(1, variable)
                    }
                }
                try model.add(sum(options.map(\.1)) + sum(subs) == 1)
                colleagueVariables.append(options)
                substituteVariables.append(subs)
            }
            for key in atPosition.keys.sorted() {
                let expression = atPosition[key]!
                if expression.termCount > 1 { try model.add(expression <= 1) }
            }
            for index in perColleague.keys.sorted() {
                let expression = perColleague[index]!
                if expression.termCount > maxCoversPerColleague {
                    try model.add(expression <= Double(maxCoversPerColleague))
                }
            }
            try model.minimize(objective)
            let solution = try model.solve()
            guard solution.hasValues else { throw CoverError.solverFailed("GLPK: \(solution.status.rawValue)") }
            var covers: [CoverPlan.Cover] = []
            var counts: [String: Int] = [:]
            var substitutes: Set<Int> = []
            for (index, need) in needs.enumerated() {
                let colleague = colleagueVariables[index].first { (solution[$0.variable] ?? 0) > 0.5 }
                let substitute = substituteVariables[index].firstIndex { (solution[$0] ?? 0) > 0.5 }
                let by: String
                if let colleague {
                    by = colleagues[colleague.colleague].id
                    counts[by, default: 0] += 1
                } else {
                    substitutes.insert(substitute ?? 0)
                    by = "substitute \((substitute ?? 0) + 1)"
                }
                covers.append(
                    CoverPlan.Cover(
                        activity: need.activity.id, teacher: need.teacher,
                        periods: need.positions.map { schedule[$0].id },
                        subject: need.activity.subject, coveredBy: by, bySubstitute: colleague == nil))
            }
            return CoverPlan(
                covers: covers, substitutes: substitutes.count, colleagueCovers: counts, status: solution.status)
        } catch let error as CoverError {
            throw error
        } catch {
            throw .solverFailed("\(error)")
        }
    }
}
