import Foundation
import Synchronization
import Timetabling

/// Progress of a long solve on stderr (`--verbose`).
enum ProgressLog {
    /// A progress handler printing a line when the phase, incumbent or bound changes, else at
    /// most one a second.
    static func lines() -> @Sendable (TimetableProgress) -> Void {
        let last = Mutex((text: "", seconds: -1.0))
        return { progress in
            let text = String(
                format: "%@  incumbent %@  bound %@", progress.phase,
                progress.incumbent.map { String(format: "%.3f", $0) } ?? "-",
                progress.bound.map { String(format: "%.3f", $0) } ?? "-")
            let due = last.withLock { last in
                guard text != last.text || progress.seconds - last.seconds >= 1 else { return false }
                last = (text, progress.seconds)
                return true
            }
            if due { Log.info(String(format: "%7.1fs  ", progress.seconds) + text) }
        }
    }
}
