// lpbench: modeling-layer benchmarks for benchmarks/run.
//
//   lpbench build [AGENTS JOBS]   build the large generalized-assignment model (default
//                                 100 x 5000: 500,000 binaries, 1,000,000 nonzeros) through
//                                 LinearProgramming and print one JSON object:
//                                 {seconds, variables, constraints, nonzeros}
//   lpbench write IN OUT          read IN (.lp/.mps) and write OUT (.lp/.mps) through FlexPlan
//   lpbench school-stats SCHOOL [--without C] [--write-model F.lp|F.mps]
//                                 build a school's exact timetabling MIP (TimetableFormulation)
//                                 and print {lessons, periodsOfWork, binaries, variables, rows,
//                                 nonzeros, buildSeconds}; optionally write the model
//   lpbench formulation SCHOOL [--time-limit S] [--without clique|rooms|symmetry|none]
//                                 the same, then solve its LP relaxation and the exact MIP once
//                                 with GLPK (feasibility pump on, as TimetableSolver does);
//                                 prints the above plus lpBound, status, objective, bound, gap,
//                                 seconds, firstIncumbentSeconds, nodes (Timetabling.swift)
//
// The same model is built in PuLP by benchmarks/peers/pulp_build.py; both use the coefficient
// formulas below, so the two models are identical.
import Foundation
import LinearProgramming

func weight(_ i: Int, _ j: Int) -> Double { Double(5 + (i * 7919 + j * 104_729) % 21) }
func cost(_ i: Int, _ j: Int) -> Double { Double(10 + (i * 31 + j * 17) % 41) }

func buildLarge(agents: Int, jobs: Int) throws -> Model {
    var model = Model(name: "gap_\(agents)x\(jobs)")
    var x: [[Variable]] = []
    x.reserveCapacity(agents)
    for i in 0..<agents {
        var row: [Variable] = []
        row.reserveCapacity(jobs)
        for j in 0..<jobs { row.append(try model.addBinary("x_\(i)_\(j)")) }
        x.append(row)
    }
    for j in 0..<jobs {
        var assigned = LinearExpression()
        assigned.reserveCapacity(agents)
        for i in 0..<agents { assigned += x[i][j] }
        try model.add(assigned == 1, name: "job_\(j)")
    }
    for i in 0..<agents {
        var load = LinearExpression()
        load.reserveCapacity(jobs)
        var total = 0.0
        for j in 0..<jobs {
            load.add(weight(i, j), x[i][j])
            total += weight(i, j)
        }
        try model.add(load <= (0.8 * total / Double(agents)).rounded(.down), name: "capacity_\(i)")
    }
    var objective = LinearExpression()
    objective.reserveCapacity(agents * jobs)
    for i in 0..<agents {
        for j in 0..<jobs { objective.add(cost(i, j), x[i][j]) }
    }
    try model.minimize(objective)
    return model
}

func fail(_ message: String, code: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data("lpbench: \(message)\n".utf8))
    exit(code)
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "build":
        let agents = arguments.count > 1 ? Int(arguments[1]) ?? 0 : 100
        let jobs = arguments.count > 2 ? Int(arguments[2]) ?? 0 : 5000
        guard agents > 0, jobs > 0 else { fail("AGENTS and JOBS must be positive integers") }
        let clock = ContinuousClock()
        let start = clock.now
        let model = try buildLarge(agents: agents, jobs: jobs)
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        print(
            "{\"seconds\": \(seconds), \"variables\": \(model.variableCount), "
                + "\"constraints\": \(model.constraintCount), \"nonzeros\": \(model.nonzeroCount)}")
    case "write":
        guard arguments.count == 3, let inFormat = ModelFileFormat(path: arguments[1]),
            let outFormat = ModelFileFormat(path: arguments[2])
        else { fail("usage: lpbench write IN.lp|IN.mps OUT.lp|OUT.mps") }
        let model = try Model(contentsOf: arguments[1], format: inFormat)
        try model.write(to: arguments[2], format: outFormat)
    case "school-stats":
        try timetablingCommand(Array(arguments.dropFirst()), solve: false)
    case "formulation":
        try timetablingCommand(Array(arguments.dropFirst()), solve: true)
    default:
        print(
            """
            usage: lpbench build [AGENTS JOBS]   build the large model, print {seconds, variables, constraints, nonzeros}
                   lpbench write IN OUT          convert a model file (.lp/.mps) through FlexPlan
                   lpbench school-stats SCHOOL [--without C,...] [--write-model F.lp|F.mps]
                                                 a school's exact timetabling MIP: sizes as JSON
                   lpbench formulation SCHOOL [--time-limit S] [--without clique|rooms|symmetry|none]
                                                 solve its LP relaxation and exact MIP (GLPK, fpump); JSON
            """)
        if arguments.first != "--help" && arguments.first != "-h" { exit(2) }
    }
} catch {
    fail("\(error)", code: 1)
}
