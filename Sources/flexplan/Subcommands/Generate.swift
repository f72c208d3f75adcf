import ArgumentParser
import Foundation
import Interchange
import SchoolModel
import Timetabling

extension SchoolGenerator.Kind: ExpressibleByArgument {}

/// `flexplan generate`: a realistic school of any size, deterministic for a seed.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a realistic school (primary, middle or high) as FlexPlan JSON.",
        discussion: """
            primary: classes K–5 with homeroom teachers and specialists; grade-level teams.
            middle:  grades 6–8 in classes, interdisciplinary grade teams (4 common sessions of \
            30 minutes a week), flex blocks on Tuesday and Thursday.
            high:    grades 9–12 with seven course requests per student (alternates for \
            electives), sections, labs, singletons; departments as PLCs (90 contiguous minutes).
            The same options and seed give byte-identical output.
            """)

    @Option(help: "primary, middle or high.")
    var kind: SchoolGenerator.Kind

    @Option(parsing: .unconditional, help: "Number of students.")
    var students: Int

    @Option(parsing: .unconditional, help: "Random seed.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Common minutes per week each team needs (default: the kind's).")
    var teamMinutes: Int?

    @Option(
        parsing: .unconditional,
        help: "Shortest contiguous block that counts as team time, in minutes (default: the kind's).")
    var teamBlock: Int?

    @Option(name: .shortAndLong, help: "The JSON file to write.")
    var output: String

    @OptionGroup var log: VerboseFlag

    func validate() throws {
        guard SchoolGenerator.studentRange.contains(students) else {
            throw ValidationError(
                "--students must be between \(SchoolGenerator.studentRange.lowerBound) and \(SchoolGenerator.studentRange.upperBound), not \(students)"
            )
        }
        if let teamMinutes, teamMinutes < 0 {
            throw ValidationError("--team-minutes must be 0 or more, not \(teamMinutes)")
        }
        if let teamBlock, teamBlock < 0 { throw ValidationError("--team-block must be 0 or more, not \(teamBlock)") }
    }

    func run() throws {
        let generator = SchoolGenerator(
            kind: kind, students: students, seed: seed, teamMinutes: teamMinutes,
            teamBlockMinutes: teamBlock)
        if log.verbose { Log.info("generating a \(kind.rawValue) school of \(students) students, seed \(seed)") }
        try OutputPaths.checkFile(output)
        let school = generator.generate()
        // Options can ask for what no school can have (a team block longer than any day):
        // say which, rather than write a school that `validate` rejects.
        let options = [teamMinutes.map { "--team-minutes \($0)" }, teamBlock.map { "--team-block \($0)" }]
            .compactMap { $0 }.joined(separator: " ")
        if !options.isEmpty && (school.teams ?? []).isEmpty {
            throw CommandFailure(
                code: .invalidInput,
                message:
                    "\(options) given, but a \(kind.rawValue) school of \(students) students has no teams to apply them to (a team needs at least two teachers of one grade); nothing written"
            )
        }
        let errors = school.validate().filter { $0.severity == .error }
        if let first = errors.first {
            throw CommandFailure(
                code: .invalidInput,
                message:
                    "these options make a school that is not valid\(options.isEmpty ? "" : " (\(options))"): \(first)"
                    + (errors.count > 1 ? " (and \(errors.count - 1) more)" : "") + "; nothing written")
        }
        try SchoolJSON.write(school, to: output)
        Log.info("\(output): \(school.summary)")
    }
}
