import ArgumentParser
import Foundation
import Interchange
import SchoolModel
import Timetabling

/// `flexplan validate SCHOOL`: every problem of a school at once.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a school: references, ranges, the time grid; warn about suspicious data.",
        discussion: """
            Reports every problem at once, each with its JSON path (records addressed by id, \
            e.g. $.teams[id=G7].members[2]) and the file and line it is written on (the row and \
            column of a CSV file). Exit 0 when the school is valid \
            (warnings allowed), 2 when it has errors. With --scenario F the overlay's operations \
            are applied first; an operation naming a missing record or field is an error (exit 2) \
            naming the overlay file, the operation and the path.

            JSON output (--format json): valid, errors and warnings, each an array of \
            {path, record, field, message}.
            """)

    @OptionGroup var input: SchoolOptions
    @OptionGroup var scenarioOption: ScenarioOption

    @Option(help: "Output: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var log: VerboseFlag

    var school: String { input.school }
    var scenario: String? { scenarioOption.scenario }
    var verbose: Bool { log.verbose }

    func run() throws {
        var issues: [ValidationIssue]
        // The file at fault: the school, or the scenario overlay applied to it.
        var subject = school
        do {
            let (schoolData, locations) = try input.readLocated(scenario: scenario, verbose: verbose)
            issues = locations.locate(schoolData.validate())
            if verbose { Log.info("\(school): read \(schoolData.summary)") }
        } catch let error as InterchangeError {
            issues = error.validationIssues
            if let scenario, error.file == scenario { subject = "the scenario \(scenario)" }
        }
        let errors = issues.filter { $0.severity == .error }
        let warnings = issues.filter { $0.severity == .warning }
        switch format {
        case .json:
            try JSONOutput.print(
                ValidateReport(
                    valid: errors.isEmpty, errors: errors.map(Entry.init), warnings: warnings.map(Entry.init)))
        case .text:
            for issue in issues { print("\(issue.severity.rawValue): \(issue)") }
            print(
                errors.isEmpty
                    ? "\(school): valid (\(warnings.count) warning\(warnings.count == 1 ? "" : "s"))"
                    : "\(subject): \(errors.count) error\(errors.count == 1 ? "" : "s"), \(warnings.count) warning\(warnings.count == 1 ? "" : "s")"
            )
        }
        if !errors.isEmpty {
            throw CommandFailure(
                code: .invalidInput,
                message: subject == school
                    ? "\(school) is not a valid school" : "\(subject) cannot be applied to \(school)")
        }
    }

    struct Entry: Encodable {
        var path: String
        @NullEncodable var record: String?
        @NullEncodable var field: String?
        var message: String

        init(_ issue: ValidationIssue) {
            path = issue.path
            record = issue.record
            field = issue.field
            message = issue.message
        }

    }

    struct ValidateReport: Encodable {
        var valid: Bool
        var errors: [Entry]
        var warnings: [Entry]
    }
}
