import Foundation
import SchoolModel
import Synchronization
import Timetabling

/// Progress of a long command on stderr.
///
/// With `--verbose`: a line whenever the phase, incumbent or bound changes, else at most one a
/// second. Without it, on a terminal: one live line (elapsed, phase, incumbent, bound, gap)
/// rewritten in place at most ten times a second and cleared at the end. Without it and not on
/// a terminal (a pipe, a file, CI): nothing.
final class ProgressLog: Sendable {
    private enum Mode { case lines, live, silent }

    private let mode: Mode
    private let last = Mutex((text: "", seconds: -1.0, shown: false))

    init(verbose: Bool) {
        if verbose {
            mode = .lines
        } else {
            mode = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb" ? .live : .silent
        }
    }

    /// A handler for the solver's progress reports.
    func handler() -> @Sendable (TimetableProgress) -> Void {
        { [self] progress in
            report(
                seconds: progress.seconds, phase: progress.phase, incumbent: progress.incumbent, bound: progress.bound)
        }
    }

    /// Reports where a command stands.
    func report(seconds: Double, phase: String, incumbent: Double? = nil, bound: Double? = nil) {
        func number(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "-" }
        switch mode {
        case .silent:
            return
        case .lines:
            let text = "\(phase)  incumbent \(number(incumbent))  bound \(number(bound))"
            let due = last.withLock { last in
                guard text != last.text || seconds - last.seconds >= 1 else { return false }
                last = (text, seconds, true)
                return true
            }
            if due { Log.info(String(format: "%7.1fs  ", seconds) + text) }
        case .live:
            var text = String(format: "%6.1fs  ", seconds) + phase
            if incumbent != nil || bound != nil {
                text += "  incumbent \(number(incumbent))  bound \(number(bound))"
                if let incumbent, let bound {
                    text += String(format: "  gap %.2f%%", 100 * abs(incumbent - bound) / max(1, abs(incumbent)))
                }
            }
            let width = Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 100
            if text.count > width - 1 { text = String(text.prefix(width - 2)) + "…" }
            let due = last.withLock { last in
                guard seconds - last.seconds >= 0.1 || phase != last.text else { return false }
                last = (phase, seconds, true)
                return true
            }
            // Carriage return, the text, then erase to the end of the line.
            if due { FileHandle.standardError.write(Data(("\r" + text + "\u{1B}[K").utf8)) }
        }
    }

    /// Clears the live line (before the summary is printed).
    func finish() {
        let shown = last.withLock { last in
            defer { last.shown = false }
            return last.shown
        }
        guard mode == .live, shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
