import LinearProgramming
import SchoolModel
import Testing

@testable import Timetabling

/// The native search's counting: each move's change as counted before it is made equals the
/// change of the totals after it; totals reached by any path of moves equal a fresh count;
/// and a plan it calls feasible meets every row of the model it counts, recounted here from
/// the model itself.
@Suite struct LocalSearchTests {
    /// A generated primary school with the limits the people's days count: gaps per week and
    /// per day, days per week, a busy-day minimum, and soft gap and late-start weights.
    static func limitedSchool() -> School {
        var school = SchoolGenerator(kind: .primary, students: 120, seed: 3).generate()
        for index in school.teachers.indices {
            school.teachers[index].maxGapsPerWeek = 3
            school.teachers[index].maxDaysPerWeek = school.timeGrid.days.count
        }
        for index in (school.cohorts ?? []).indices {
            school.cohorts![index].maxGapsPerDay = 1
            school.cohorts![index].minPeriodsPerBusyDay = 2
        }
        var weights = school.weights ?? SoftRuleWeights()
        weights.teacherGap = 1
        weights.cohortGap = 2
        weights.lateStart = 0.5
        school.weights = weights
        return school
    }

    static func search(_ school: School, seed: UInt64 = 7) throws -> (LocalSearch, TimetableFormulation) {
        let formulation = try TimetableFormulation(problem: SchedulingProblem(school: school))
        let search = LocalSearch(
            formulation: formulation, seed: seed, reserved: TimetableSolver.plannedTeamBlocks(formulation.problem))
        return (search, formulation)
    }

    @Test("each move's counted change is the change of the totals", arguments: [false, true])
    func deltasMatchMoves(limited: Bool) throws {
        let school = limited ? Self.limitedSchool() : SchoolGenerator(kind: .middle, students: 150, seed: 2).generate()
        let (search, _) = try Self.search(school)
        search.construct()
        var random = SeededGenerator(seed: 11)
        for _ in 0..<400 {
            let lesson = random.int(in: 0...(search.problem.lessons.count - 1))
            let starts = search.problem.lessons[lesson].starts.count
            guard starts > 1 else { continue }
            var target = random.int(in: 0...(starts - 1))
            if target == search.position[lesson] { target = (target + 1) % starts }
            // Unplacing too (what placement by ejection does).
            if search.position[lesson] >= 0 && random.chance(0.2) { target = -1 }
            let (hard, soft) = (search.hard, search.soft)
            let change = search.delta(lesson, to: target)
            search.move(lesson, to: target)
            #expect(abs(search.hard - hard - change.hard) < 1e-6, "hard: counted \(change.hard)")
            #expect(abs(search.soft - soft - change.soft) < 1e-6, "soft: counted \(change.soft)")
        }
        try Self.expectFreshCount(search, of: school)
    }

    /// The search's timetable counted afresh gives the same totals.
    static func expectFreshCount(_ search: LocalSearch, of school: School) throws {
        let (fresh, _) = try Self.search(school)
        fresh.place(search.position)
        #expect(abs(fresh.hard - search.hard) < 1e-6)
        #expect(abs(fresh.soft - search.soft) < 1e-6)
    }

    @Test("placement by ejection unplaces only to mend, keeps its counts, and lists what it leaves unplaced")
    func ejection() throws {
        let school = SchoolGenerator(kind: .middle, students: 150, seed: 2).generate()
        let (search, _) = try Self.search(school)
        search.construct()
        search.ejectBroken()
        // Only lessons left unplaced break a rule unplacing mends (clashes, counts).
        #expect(search.conflicts.elements.allSatisfy { search.isOnceRow($0) })
        #expect(search.loose.count == search.position.filter { $0 < 0 }.count)
        search.placeByEjection(placements: 3000, deadline: nil, cancellation: nil)
        #expect(Set(search.loose.elements) == Set(search.position.indices.filter { search.position[$0] < 0 }))
        try Self.expectFreshCount(search, of: school)
    }

    @Test("a Kempe chain's counted change is the change of making its moves, and counting it changes nothing")
    func kempeChains() throws {
        let school = Self.limitedSchool()
        let (search, _) = try Self.search(school)
        search.run(steps: 20_000, deadline: nil, untilFeasible: true, cancellation: nil)
        var random = SeededGenerator(seed: 5)
        var chains = 0
        for _ in 0..<400 {
            let lesson = random.int(in: 0...(search.problem.lessons.count - 1))
            let starts = search.problem.lessons[lesson].starts.count
            guard starts > 1 else { continue }
            let target = random.int(in: 0...(starts - 1))
            guard let chain = search.kempeChain(lesson, to: target) else { continue }
            chains += 1
            #expect(chain.first?.lesson == lesson && chain.first?.position == target)
            #expect(Set(chain.map(\.lesson)).count == chain.count)
            let (position, hard, soft) = (search.position, search.hard, search.soft)
            let change = search.delta(of: chain)
            #expect(search.position == position && abs(search.hard - hard) < 1e-6 && abs(search.soft - soft) < 1e-6)
            for link in chain { search.move(link.lesson, to: link.position) }
            #expect(abs(search.hard - hard - change.hard) < 1e-6)
            #expect(abs(search.soft - soft - change.soft) < 1e-6)
        }
        #expect(chains > 0)
    }

    @Test("the walk on the penalties keeps every rule and never loses its best plan")
    func penaltyWalk() throws {
        let school = Self.limitedSchool()
        let (search, _) = try Self.search(school)
        #expect(search.run(steps: 20_000, deadline: nil, untilFeasible: true, cancellation: nil))
        let first = search.best.soft
        search.reducePenalties(steps: 2000, deadline: nil, cancellation: nil)
        #expect(search.best.soft <= first + 1e-9)
        #expect(search.isFeasible)
        let (fresh, _) = try Self.search(school)
        fresh.place(search.best.position)
        #expect(fresh.isFeasible)
        #expect(abs(fresh.soft - search.best.soft) < 1e-6)
    }

    @Test("a plan the search calls feasible meets every row it counts, recounted from the model")
    func feasiblePlansMeetTheRows() throws {
        let school = Self.limitedSchool()
        let (search, formulation) = try Self.search(school)
        let found = search.run(steps: 20_000, deadline: nil, untilFeasible: true, cancellation: nil)
        #expect(found)
        guard found else { return }
        let model = formulation.model
        var values = [Double](repeating: 0, count: model.variableCount)
        for (lesson, position) in search.best.position.enumerated() {
            values[formulation.startVariables[lesson][position].index] = 1
        }
        let starts = Set(formulation.startVariables.flatMap { $0.map(\.index) })
        let (lower, upper) = model.rowBounds
        var checked = 0
        for row in 0..<model.constraintCount where !formulation.symmetryRows.contains(row) {
            let entries = model.rowEntries(row)
            guard entries.allSatisfy({ starts.contains($0.column) }) else { continue }
            let level = entries.reduce(0) { $0 + $1.coefficient * values[$1.column] }
            #expect(level >= lower[row] - 1e-9 && level <= upper[row] + 1e-9, "row \(row): \(level)")
            checked += 1
        }
        #expect(checked > 0)
    }

    @Test("the same seed and steps give the same plan")
    func deterministic() throws {
        let school = SchoolGenerator(kind: .middle, students: 150, seed: 2).generate()
        let (first, _) = try Self.search(school)
        let (second, _) = try Self.search(school)
        first.run(steps: 300, deadline: nil, untilFeasible: false, cancellation: nil)
        second.run(steps: 300, deadline: nil, untilFeasible: false, cancellation: nil)
        #expect(first.position == second.position)
        #expect(first.statistics.evaluated == second.statistics.evaluated)
    }

    @Test("the solver's plan from the native search passes the checker")
    func solverPlanVerified() throws {
        let school = Self.limitedSchool()
        var options = TimetableSolveOptions()
        options.iterations = 40
        let result = try TimetableSolver.solve(school, options: options)
        try expectVerified(result, of: school)
    }
}
