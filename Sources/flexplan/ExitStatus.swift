import Interchange
import LinearProgramming

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

    /// Maps a library error to its exit code: bad input is 2, a GLPK failure 4.
    init(_ error: Error) {
        switch error {
        case let failure as CommandFailure:
            self = failure
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
