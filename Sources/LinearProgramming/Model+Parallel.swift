import Foundation

extension Model {
    /// Solves independent models at the same time, each on a thread of its own.
    ///
    /// GLPK keeps its environment per thread, so every model gets its own GLPK problem,
    /// created, solved and freed on one worker thread. Results come back in the order of
    /// `models`; a solve that throws yields its error, not a crash of the others.
    ///
    /// - Parameters:
    ///   - threads: worker threads (at most one per model); defaults to the core count.
    ///   - options: the options of every solve; a `progress` or `log` closure is called from
    ///     several threads at once.
    ///   - warmStarts: nil, or for each model nil or a feasible MIP solution to start from
    ///     (see ``solve(_:warmStart:)``).
    public static func solveAll(
        _ models: [Model], options: SolveOptions = SolveOptions(),
        threads: Int = ProcessInfo.processInfo.activeProcessorCount, warmStarts: [[Double]?]? = nil
    ) -> [Result<Solution, any Error>] {
        WorkerPool.map(models.count, threads: threads) { index in
            Result {
                if let warmStart = warmStarts?[index] {
                    try models[index].solve(options, warmStart: warmStart)
                } else {
                    try models[index].solve(options)
                }
            }
        }
    }
}
