import Foundation
import Interchange
import SchoolModel

extension PlanFile {
    /// Writes the plan to `path` (`-o`). The path was checked before the work started; if
    /// writing still fails, the plan is not lost: it is saved to a temporary file that the
    /// error names.
    func save(to path: String) throws {
        do {
            try write(to: path)
        } catch {
            throw rescued(after: error)
        }
    }

    /// Writes the folder of outputs `folder` (`--out`) as a whole with `fill`, keeping the plan
    /// in a temporary file if that fails. Returns what `fill` returns.
    func saveFolder(_ folder: String, _ fill: (String) throws -> String) throws -> String {
        do {
            return try OutputPaths.writeFolder(folder, fill)
        } catch {
            throw rescued(after: error)
        }
    }

    private func rescued(after error: any Error) -> CommandFailure {
        let spare = FileManager.default.temporaryDirectory
            .appendingPathComponent("flexplan-plan-\(UUID().uuidString).json").path
        let failure = CommandFailure(error)
        guard (try? write(to: spare)) != nil else { return failure }
        return CommandFailure(code: failure.code, message: "\(failure.message); the plan was saved to \(spare) instead")
    }
}
