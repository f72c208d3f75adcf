import Dispatch
import Foundation
import LinearProgramming

/// Turns SIGINT and SIGTERM into a cancellation of the running solve, so that the best
/// solution so far is kept (exit 3) instead of the process dying.
final class InterruptHandler {
    let token = CancellationToken()
    private var sources: [DispatchSourceSignal] = []

    init() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [token] in token.cancel() }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
