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

    /// Parses, runs, and ends with the contract's exit code: a usage error exits 2; an error
    /// thrown by a command is mapped by ``CommandFailure`` (the one place that maps errors to
    /// exit codes) and its message goes to stderr.
    static func main() {
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exitForParser(error)
        }
        do {
            try command.run()
        } catch let error where Self.isArgumentParserError(error) {
            // Help (`flexplan solve --help` runs ArgumentParser's help command), or a usage
            // error a command found itself.
            exitForParser(error)
        } catch {
            let failure = CommandFailure(error)
            FileHandle.standardError.write(Data("flexplan: \(failure.message)\n".utf8))
            Foundation.exit(failure.code.rawValue)
        }
    }

    /// Whether ArgumentParser made `error` (its help command's, its `ValidationError`,
    /// `CleanExit` or `ExitCode`); some of its types are not public, so the module name tells.
    private static func isArgumentParserError(_ error: any Error) -> Bool {
        error is ValidationError || error is CleanExit || error is ExitCode
            || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }

    /// ArgumentParser's own endings: help and version (exit 0), usage errors (its 64 is the
    /// contract's 2).
    private static func exitForParser(_ error: any Error) -> Never {
        let code = exitCode(for: error)
        if code == .success {
            print(fullMessage(for: error))
            Foundation.exit(0)
        }
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(code == .validationFailure ? ExitStatus.invalidInput.rawValue : code.rawValue)
    }
}
