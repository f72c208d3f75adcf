import ArgumentParser
import Foundation

/// The `flexplan` command: parses, calls the library, renders. Exit codes follow the contract:
/// 0 success, 1 no plan found, 2 invalid input or usage, 3 interrupted with a plan, 4 a bug.
@main
struct FlexPlan: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "flexplan",
        abstract: "School timetables and flexible-time plans by mixed-integer programming on GLPK.",
        discussion: """
            Exit codes: 0 success; 1 no plan found (infeasible, a limit or an interrupt before \
            any plan); 2 invalid input or usage; 3 interrupted after a plan existed; 4 internal error.
            """,
        version: version,
        subcommands: [
            Validate.self, Solve.self, Load.self, FlexCommand.self, Check.self, Compare.self, Sweep.self, Explain.self,
            Substitutes.self, Import.self,
            Export.self, Schema.self,
            Generate.self,
            LP.self,
        ])

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("flexplan: \(failure.message)\n".utf8))
            Foundation.exit(failure.code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            // ArgumentParser's usage failures (64) are the contract's "invalid usage" (2).
            Foundation.exit(code == .validationFailure ? ExitStatus.invalidInput.rawValue : code.rawValue)
        }
    }
}
