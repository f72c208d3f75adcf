import ArgumentParser

/// `--time-limit` and `--iterations`, shared by the commands that search (solve, sweep, load,
/// explain). Each command's description says what its limits bound and their defaults.
struct LimitOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Wall-clock limit in seconds (the description above gives the default).")
    var timeLimit: Double?

    @Option(
        parsing: .unconditional,
        help:
            "A deterministic limit instead of the clock: this many search steps (the description above says what a step is); the same input then gives the same result on any machine."
    )
    var iterations: Int?

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) || !timeLimit.isFinite {
            throw ValidationError("--time-limit must be a positive, finite number of seconds, not \(timeLimit)")
        }
        if let iterations, iterations < 1 {
            throw ValidationError("--iterations must be at least 1, not \(iterations)")
        }
    }

    /// The wall-clock limit to apply: the one given, else `fallback` unless `--iterations`
    /// stands in for it.
    func timeLimit(default fallback: Double?) -> Double? {
        timeLimit ?? (iterations == nil ? fallback : nil)
    }
}

/// `-o FILE` and `--out DIR`, shared by the commands that write a plan (solve, load, flex).
struct PlanOutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Write the plan to this file.")
    var output: String?

    @Option(help: "Write a folder of outputs: plan.json and what goes with it (the description above lists them).")
    var out: String?
}
