import ArgumentParser
import Foundation
import Interchange
import SchoolModel
import Timetabling

/// The contract's `SCHOOL` argument and `--ignore-unsupported`, shared by every command that
/// reads a school.
struct SchoolOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "The school: a FlexPlan JSON file, a school folder (school.json or the CSV files), a OneRoster folder or .zip, or a FET file (.fet).",
            valueName: "school"))
    var school: String

    @Flag(
        help:
            "Read a .fet file even when it holds hard constraints FlexPlan does not support: they are left out and named on stderr (without it such a file is refused, exit 2)."
    )
    var ignoreUnsupported = false

    /// The school as the file holds it, with `scenario` applied. The reader's notes go to
    /// stderr with `verbose`; hard rules left out by `--ignore-unsupported` always do.
    func read(scenario: String? = nil, verbose: Bool) throws -> School {
        try readLocated(scenario: scenario, verbose: verbose).school
    }

    /// Like ``read(scenario:verbose:)``, with where the school's records were written (none
    /// once a scenario has changed them), to name the file and line of a validation issue.
    func readLocated(scenario: String? = nil, verbose: Bool) throws -> (school: School, locations: SourceLocations) {
        try Self.readLocated(school, ignoreUnsupported: ignoreUnsupported, scenario: scenario, verbose: verbose)
    }

    /// Like ``read(scenario:verbose:)``, for a command that needs a valid school: each error
    /// of the school goes to stderr and the command ends with exit 2.
    func readValid(scenario: String? = nil, verbose: Bool) throws -> School {
        let (school, locations) = try readLocated(scenario: scenario, verbose: verbose)
        let errors = school.validate().filter { $0.severity == .error }
        guard errors.isEmpty else {
            for error in locations.locate(errors) { Log.info("error: \(error)") }
            throw CommandFailure(
                code: .invalidInput, message: "\(self.school) is not a valid school (see `flexplan validate`)")
        }
        return school
    }

    /// The school at `path` (e.g. the one a plan records), read the same way.
    static func read(_ path: String, ignoreUnsupported: Bool, scenario: String?, verbose: Bool) throws -> School {
        try readLocated(path, ignoreUnsupported: ignoreUnsupported, scenario: scenario, verbose: verbose).school
    }

    /// Like ``read(_:ignoreUnsupported:scenario:verbose:)``, with where the records were written.
    static func readLocated(
        _ path: String, ignoreUnsupported: Bool, scenario: String?, verbose: Bool
    ) throws -> (school: School, locations: SourceLocations) {
        let source = try SchoolSource.read(path, ignoreUnsupported: ignoreUnsupported)
        var school = source.school
        var locations = source.locations
        for rule in source.hardRulesLeftOut { Log.info("warning: \(rule)") }
        if verbose { for warning in source.warnings { Log.info("warning: \(warning)") } }
        if let scenario {
            let overlay = try ScenarioOverlay.read(from: scenario)
            school = try overlay.apply(to: school)
            // The file's lines no longer hold the values the issues are about.
            locations = .none
            if verbose { Log.info("\(scenario): applied '\(overlay.name)', \(overlay.operations.count) operations") }
        }
        return (school, locations)
    }

    /// The files the school is read from, with `others` the command also reads: no output
    /// may be written over them (a plan written onto its school would lose the school).
    func inputFiles(_ others: String?...) -> [String] {
        [school, URL(fileURLWithPath: school).appendingPathComponent("school.json").path] + others.compactMap { $0 }
    }

    /// How a plan made from this school records it: by its absolute path, so that the plan
    /// can be checked and exported from any folder.
    var reference: PlanFile.SchoolReference {
        PlanFile.SchoolReference(
            path: absolutePath(school), sha256: PlanFile.sha256(of: school), ignoreUnsupported: ignoreUnsupported)
    }
}

/// `path` made absolute against the working folder (plans name their school and scenario so).
func absolutePath(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
}

/// `--scenario`, shared by the commands that apply an overlay to the school they read.
struct ScenarioOption: ParsableArguments {
    @Option(
        help:
            "A scenario overlay (JSON operations on record paths, e.g. teams[id=G7].collaboration.minutes) applied to the school first."
    )
    var scenario: String?
}

/// `--verbose`, which every command accepts.
struct VerboseFlag: ParsableArguments {
    @Flag(help: "More on stderr: progress line by line, model sizes, the reader's notes.")
    var verbose = false
}
