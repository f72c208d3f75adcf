import Foundation
import Interchange
import SchoolModel

extension PlanFile {
    /// Refuses a plan made for another school (exit 2): when `school` (read from
    /// `schoolPath`) is not the file the plan records (its sha256 differs) and most of the
    /// plan's lessons are not the school's. A changed version of the same school — a few
    /// lessons added or dropped — gets a warning and is used (`check` then says what the plan
    /// breaks in the new version).
    func ensureMade(for school: School, at schoolPath: String, plan planPath: String) throws {
        guard PlanFile.sha256(of: schoolPath) != self.school.sha256 else { return }
        let known = Set(school.lessons().map(\.id))
        let unknown = placements.filter { !known.contains($0.activity) }
        let placedKnown = placements.count - unknown.count
        if !placements.isEmpty && (unknown.count * 2 > placements.count || placedKnown * 2 < known.count) {
            throw CommandFailure(
                code: .invalidInput,
                message:
                    "\(planPath) was made for a different school (\(self.school.path)): \(unknown.count) of its \(placements.count) lessons are not in \(schoolPath)"
                    + (unknown.first.map { " (e.g. '\($0.activity)')" } ?? "")
                    + ", and it places \(placedKnown) of the school's \(known.count)")
        }
        Log.info(
            "warning: \(planPath) was made for another version of \(schoolPath) (its sha256 differs); \(unknown.count) of the plan's lessons are not in the school"
        )
    }
}
