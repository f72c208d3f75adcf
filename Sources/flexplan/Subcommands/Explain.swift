import ArgumentParser
import Foundation
import Interchange
import Reports
import SchoolModel
import Timetabling

/// `flexplan explain SCHOOL`: why a school has no timetable, in school terms.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain why a school has no timetable: which rules clash, naming the records, and what to relax.",
        discussion: """
            First by counting what each record needs against what it can give: a teacher's or a \
            class's lessons against their available periods and limits; a team's common periods \
            against what its members' loads leave free in its windows, and the longest block \
            they can share; a teacher's teaching, team time and planning minutes against the \
            week; lessons confined to some rooms against those rooms' periods; same-start \
            lessons sharing a teacher or class; locked lessons on top of each other. Every \
            independent cause is reported.

            When counting finds nothing, an elastic search: every group of rules a school can \
            bend (a teacher's limits, a teacher's or class's unavailable times, a team's \
            requirement, a hard relation, a lock, an activity's allowed starts and rooms) starts \
            relaxed, then groups are put back, hardest to bend first, while a timetable still \
            exists (each check a solve of at most --check-time-limit seconds; no plan in that \
            time counts as failing). What must stay relaxed is a smallest set whose relaxation \
            makes the school feasible; at --time-limit the search stops and reports what it \
            had settled (default 120 s). With --iterations N each check is limited by N search steps instead \
            and the search by nothing else: the same school gets the same answer on any \
            machine. Exit 0 with \
            causes found (or when the school turns out feasible), 1 when none were found in the \
            time limit.

            JSON output (--format json): feasible, method, incomplete, seconds, causes ({rule, \
            records, message, fixes}).
            """)

    @OptionGroup var input: SchoolOptions
    @OptionGroup var scenarioOption: ScenarioOption

    @OptionGroup var limits: LimitOptions

    @Option(
        parsing: .unconditional, help: "Wall-clock limit in seconds for each feasibility check of the elastic search.")
    var checkTimeLimit: Double = 10

    @Option(help: "Output: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var log: VerboseFlag

    var school: String { input.school }
    var scenario: String? { scenarioOption.scenario }
    var verbose: Bool { log.verbose }
    var iterations: Int? { limits.iterations }

    func validate() throws {
        if !(checkTimeLimit > 0) {
            throw ValidationError("--check-time-limit must be a positive number of seconds, not \(checkTimeLimit)")
        }
    }

    func run() throws {
        let explanation: InfeasibilityExplanation
        let schoolData = try input.readValid(scenario: scenario, verbose: verbose)
        explanation = InfeasibilityExplainer.explain(
            schoolData, timeLimit: limits.timeLimit(default: 120), checkTimeLimit: checkTimeLimit,
            checkIterations: iterations)
        switch format {
        case .json:
            try JSONOutput.print(
                ExplainOutput(
                    feasible: explanation.feasible, method: explanation.method, incomplete: explanation.incomplete,
                    seconds: explanation.seconds, causes: explanation.causes))
        case .text:
            if explanation.feasible == true {
                print("\(school) has a timetable: nothing to explain (solve it with `flexplan solve`).")
            }
            for (index, cause) in explanation.causes.enumerated() {
                print("\(index + 1). \(cause.message).")
                print("   Fix: " + cause.fixes.joined(separator: "; or ") + ".")
            }
            if explanation.causes.isEmpty && explanation.feasible != true {
                let limit =
                    iterations.map { "\($0) search steps a check" } ?? "\(limits.timeLimit(default: 120) ?? 0) s"
                print(
                    "No cause found within \(limit) (method: \(explanation.method)): counting found none, and no timetable was found within the checks' limits either way; try a longer --time-limit and --check-time-limit, or more --iterations."
                )
            }
            if explanation.incomplete && !explanation.causes.isEmpty {
                print("(The search reached its time limit: the causes above are real; others may remain.)")
            }
        }
        if explanation.causes.isEmpty && explanation.feasible != true {
            throw CommandFailure(code: .noPlan, message: "no cause found in the time limit")
        }
    }

    struct ExplainOutput: Encodable {
        @NullEncodable var feasible: Bool?
        var method: String
        var incomplete: Bool
        var seconds: Double
        var causes: [InfeasibilityCause]
    }
}
