import ArgumentParser

/// `flexplan lp`: the modeling layer on solver files.
struct LP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lp",
        abstract: "Solve LP and MPS model files with GLPK through FlexPlan's modeling layer.",
        subcommands: [LPSolve.self])
}
