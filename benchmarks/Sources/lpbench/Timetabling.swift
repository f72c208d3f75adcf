// lpbench's timetabling subcommands: the formulation of a school (`school-stats`) and its
// exact MIP with formulation choices toggled (`formulation`), for benchmarks/run.
import Foundation
import Interchange
import LinearProgramming
import SchoolModel
import Timetabling

/// Seconds of a clock duration.
func secondsOf(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

/// The first time a MIP search reported an incumbent (set from GLPK's callback thread).
final class FirstIncumbent: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Double?
    func record(_ seconds: Double) {
        lock.lock()
        if value == nil { value = seconds }
        lock.unlock()
    }
    var seconds: Double? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}

/// One JSON object on stdout; nil values are written as null.
func printJSON(_ fields: [(String, Any?)]) {
    var object: [String: Any] = [:]
    for (key, value) in fields { object[key] = value ?? NSNull() }
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

/// A finite number or nil (JSONSerialization rejects infinities and NaN).
func finite(_ value: Double?) -> Double? {
    guard let value, value.isFinite else { return nil }
    return value
}

struct FormulationArguments {
    var school = ""
    var timeLimit = 60.0
    var without: Set<String> = []
    var writeModel: String?
    var feasibilityPump = true
    var solve = true

    static let choices = ["clique", "rooms", "symmetry"]

    init(_ arguments: [String], solve: Bool) throws {
        self.solve = solve
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--time-limit":
                guard let value = rest.popFirst().flatMap(Double.init), value > 0 else {
                    fail("--time-limit takes a positive number of seconds")
                }
                timeLimit = value
            case "--without":
                guard let value = rest.popFirst() else { fail("--without takes clique, rooms or symmetry") }
                for choice in value.split(separator: ",").map(String.init) where choice != "none" {
                    guard Self.choices.contains(choice) else {
                        fail("--without: unknown choice '\(choice)' (clique, rooms, symmetry, none)")
                    }
                    without.insert(choice)
                }
            case "--write-model":
                guard let value = rest.popFirst(), ModelFileFormat(path: value) != nil else {
                    fail("--write-model takes a .lp or .mps path")
                }
                writeModel = value
            case "--no-fpump":
                feasibilityPump = false
            default:
                guard school.isEmpty, !argument.hasPrefix("-") else { fail("unexpected argument '\(argument)'") }
                school = argument
            }
        }
        guard !school.isEmpty else { fail("missing SCHOOL") }
    }

    var options: FormulationOptions {
        var options = FormulationOptions()
        options.cliqueConflicts = !without.contains("clique")
        options.aggregatedRooms = !without.contains("rooms")
        options.symmetryBreaking = !without.contains("symmetry")
        return options
    }
}

/// `lpbench school-stats SCHOOL` and `lpbench formulation SCHOOL ...`.
func timetablingCommand(_ arguments: [String], solve: Bool) throws {
    let parsed = try FormulationArguments(arguments, solve: solve)
    let clock = ContinuousClock()
    let school = try SchoolSource.load(parsed.school)
    let started = clock.now
    let problem = SchedulingProblem(school: school)
    let formulation = try TimetableFormulation(problem: problem, options: parsed.options)
    let buildSeconds = secondsOf(clock.now - started)
    let model = formulation.model
    if let path = parsed.writeModel { try model.write(to: path, format: ModelFileFormat(path: path)!) }
    var fields: [(String, Any?)] = [
        ("school", parsed.school),
        ("without", parsed.without.sorted()),
        ("lessons", problem.lessons.count),
        ("periodsOfWork", problem.periodsOfWork),
        ("unplaceable", problem.unplaceable.count),
        ("binaries", formulation.startVariables.reduce(0) { $0 + $1.count }),
        ("variables", model.variableCount),
        ("rows", model.constraintCount),
        ("nonzeros", model.nonzeroCount),
        ("buildSeconds", buildSeconds),
    ]
    guard parsed.solve else { return printJSON(fields) }

    // The LP relaxation: the bound the solver starts from.
    var lpOptions = SolveOptions()
    lpOptions.timeLimit = parsed.timeLimit
    let relaxation = try model.relaxed().solve(lpOptions)
    fields += [
        ("lpStatus", relaxation.status.rawValue), ("lpBound", finite(relaxation.objective)),
        ("lpSeconds", relaxation.seconds), ("lpIterations", relaxation.iterations),
    ]

    // The exact MIP as TimetableSolver runs it on small schools (feasibility pump on), once,
    // with the whole limit; no room cuts and no search afterwards.
    let first = FirstIncumbent()
    var mipOptions = SolveOptions()
    mipOptions.feasibilityPump = parsed.feasibilityPump
    mipOptions.timeLimit = parsed.timeLimit
    mipOptions.progress = { snapshot in
        if snapshot.incumbent != nil { first.record(snapshot.seconds) }
    }
    let solution = try model.solve(mipOptions)
    if solution.hasValues { first.record(solution.seconds) }
    fields += [
        ("status", solution.status.rawValue), ("stopReason", solution.stopReason.rawValue),
        ("objective", finite(solution.objective)), ("bound", finite(solution.bound)),
        ("gap", finite(solution.gap)), ("seconds", solution.seconds),
        ("firstIncumbentSeconds", first.seconds), ("nodes", solution.nodes),
        ("iterations", solution.iterations), ("feasibilityPump", parsed.feasibilityPump),
        ("timeLimit", parsed.timeLimit),
    ]
    printJSON(fields)
}
