import LinearProgramming
import SchoolModel

/// The time-assignment MIP of a school: one binary per lesson and feasible start, hard rules
/// as constraints, soft rules as penalties in the objective (minimized).
///
/// Rooms enter through counts per set of candidate rooms (``FormulationOptions/aggregatedRooms``);
/// the rooms themselves are assigned afterwards, day by day (``RoomAssignment``). The MIP's
/// bound is therefore a valid lower bound of the whole objective, room penalties included.
public struct TimetableFormulation: Sendable {
    public let problem: SchedulingProblem
    public let options: FormulationOptions
    public let weights: SoftRuleWeights
    public internal(set) var model = Model(name: "timetable")
    /// For each lesson, one variable per start, parallel to `problem.lessons[l].starts`.
    public internal(set) var startVariables: [[Variable]] = []
    /// Variables that cover each slot, per teacher / leaf cohort (the "busy" sums).
    var teacherCover: [[Slot: [Variable]]] = []
    var leafCover: [[Slot: [Variable]]] = []
    /// Every lesson's starts that cover a slot.
    var lessonCover: [[Slot: [Variable]]] = []
    /// In the elastic model, one "unplaced" variable per lesson; empty otherwise.
    public internal(set) var unplacedVariables: [Variable] = []
    /// Possible team blocks and their variables (parallel arrays).
    public internal(set) var teamBlocks: [TeamBlockCandidate] = []
    var teamBlockVariables: [Variable] = []
    /// Meeting choices: a block and its "meeting here" variable.
    var teamMeetingVariables: [(TeamBlockCandidate, Variable)] = []
    /// Slacks of hard rules in the elastic model (team minutes, blocks, meetings, planning);
    /// a plan is complete only when they are all 0.
    public internal(set) var hardSlacks: [Variable] = []
    /// Classes of interchangeable lessons ordered by day (symmetry breaking), lesson positions.
    public internal(set) var interchangeable: [[Int]] = []
    /// The rows that order interchangeable lessons (a search that ignores them puts its plan
    /// in order with ``canonical(_:)``).
    public internal(set) var symmetryRows: Set<Int> = []
    /// The lesson of each start variable, by variable index.
    var lessonOfStart: [Int] = []
    /// Teaching periods in order per day, as slots.
    var daySequences: [[Slot]] = []

    public init(problem: SchedulingProblem, options: FormulationOptions = FormulationOptions()) throws {
        self.problem = problem
        self.options = options
        weights = (problem.school.weights ?? SoftRuleWeights()).resolved
        try addStartVariables()
        try addHardRules()
        try addTeamRules()
        try addSoftRules()
    }

    private mutating func addStartVariables() throws {
        daySequences = problem.teachingPeriods.enumerated().map { day, periods in
            periods.map { Slot(day: day, period: $0) }
        }
        teacherCover = Array(repeating: [:], count: problem.school.teachers.count)
        leafCover = Array(repeating: [:], count: problem.leafCohorts.count)
        lessonCover = Array(repeating: [:], count: problem.lessons.count)
        let preferredWeight = weights.preferredTime ?? 0
        var objective = LinearExpression()
        for (index, lesson) in problem.lessons.enumerated() {
            var variables: [Variable] = []
            variables.reserveCapacity(lesson.starts.count)
            for start in lesson.starts {
                let variable = try model.addBinary()
                variables.append(variable)
                lessonOfStart.append(index)
                if options.softRules, let preferred = lesson.preferredStarts, !preferred.contains(start),
                    preferredWeight > 0
                {
                    objective.add(preferredWeight, variable)
                }
                for slot in problem.covered(index, from: start) {
                    lessonCover[index][slot, default: []].append(variable)
                    for teacher in lesson.teachers { teacherCover[teacher][slot, default: []].append(variable) }
                    for leaf in lesson.leaves { leafCover[leaf][slot, default: []].append(variable) }
                }
            }
            startVariables.append(variables)
        }
        objectiveTerms = objective
    }

    /// The objective, grown by each soft rule and set on the model at the end.
    var objectiveTerms = LinearExpression()

    /// The busy sum of a cover list at a slot.
    /// The covers of the teachers named and of each leaf cohort inside the cohorts named.
    func covers(teachers: [String]?, cohorts: [String]?) -> [[Slot: [Variable]]] {
        let people = problem.people(teachers: teachers, cohorts: cohorts)
        return people.teachers.map { teacherCover[$0] } + people.leaves.map { leafCover[$0] }
    }

    func busy(_ cover: [Slot: [Variable]], _ slot: Slot) -> LinearExpression {
        sum(cover[slot] ?? [])
    }

    /// The day of each start of a lesson, summed per day: 1 when the lesson is on that day.
    func onDay(_ lesson: Int, _ day: Int) -> LinearExpression {
        var expression = LinearExpression()
        for (start, variable) in zip(problem.lessons[lesson].starts, startVariables[lesson]) where start.day == day {
            expression += variable
        }
        return expression
    }

    // MARK: Reading solutions

    /// The start chosen for each lesson in a solution (nil where none is set).
    public func starts(in solution: Solution) -> [Slot?] {
        problem.lessons.indices.map { lesson in
            for (start, variable) in zip(problem.lessons[lesson].starts, startVariables[lesson])
            where (solution[variable] ?? 0) > 0.5 {
                return start
            }
            return nil
        }
    }

    /// The same timetable with interchangeable lessons swapped into day order, as the
    /// symmetry-breaking rows require (a timetable found without them may have any order).
    public func canonical(_ starts: [Slot]) -> [Slot] {
        var result = starts
        for members in interchangeable {
            let sorted = members.map { starts[$0] }.sorted()
            for (lesson, start) in zip(members, sorted) { result[lesson] = start }
        }
        return result
    }

    /// Values of every variable that put each lesson at the given start (others 0): the start
    /// variables of a warm start or a fixing.
    public func startValues(_ starts: [Slot]) -> [(Variable, Double)] {
        var result: [(Variable, Double)] = []
        for (lesson, start) in starts.enumerated() {
            for (candidate, variable) in zip(problem.lessons[lesson].starts, startVariables[lesson]) {
                result.append((variable, candidate == start ? 1 : 0))
            }
        }
        return result
    }
}
