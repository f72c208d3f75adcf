import Interchange
import LinearProgramming
import SchoolModel
import Timetabling

/// The contract's exit codes.
enum ExitStatus: Int32 {
    case success = 0
    case noPlan = 1
    case invalidInput = 2
    case interruptedWithPlan = 3
    case internalError = 4
}

/// An error that ends a command with a message on stderr and a contract exit code.
struct CommandFailure: Error {
    var code: ExitStatus
    var message: String

    /// Maps a library error to its exit code, for every command in this one place: bad input
    /// is 2, a solver failure or a bug 4. Errors about the school's data (a flex week, a team
    /// release) name the school they come from, `school`.
    init(_ error: Error, school: String? = nil) {
        func located(_ message: String) -> String { school.map { "\($0): \(message)" } ?? message }
        switch error {
        case let failure as CommandFailure:
            self = failure
        case let error as FlexError:
            if case .solverFailed = error {
                self.init(code: .internalError, message: error.description)
            } else {
                self.init(code: .invalidInput, message: located(error.description))
            }
        case let error as CoverError:
            if case .solverFailed = error {
                self.init(code: .internalError, message: error.description)
            } else {
                self.init(code: .invalidInput, message: located(error.description))
            }
        case let error as LinearProgrammingError:
            switch error {
            case .glpkError, .solverFailed, .deadSolver, .wrongThread:
                self.init(code: .internalError, message: error.description)
            default:
                self.init(code: .invalidInput, message: error.description)
            }
        case let error as InterchangeError:
            self.init(code: .invalidInput, message: error.description)
        case let error as RecordPathError:
            self.init(code: .invalidInput, message: error.description)
        default:
            self.init(code: .internalError, message: "\(error)")
        }
    }

    init(code: ExitStatus, message: String) {
        self.code = code
        self.message = message
    }
}
