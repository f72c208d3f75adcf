import ArgumentParser
import Foundation
import Interchange
import Timetabling

/// `flexplan validate SCHOOL`: every problem of a school at once.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a school: references, ranges, the time grid; warn about suspicious data.",
        discussion: """
            Reports every problem at once, each with its JSON path (records addressed by id, \
            e.g. $.teams[id=G7].members[2]) or file:line. Exit 0 when the school is valid \
            (warnings allowed), 2 when it has errors.

            JSON output (--format json): valid, errors and warnings, each an array of \
            {path, record, field, message}.
            """)

    @Argument(help: "A FlexPlan JSON file or a school folder holding school.json.")
    var school: String

    @Option(help: "Output: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "More on stderr.")
    var verbose = false

    func run() throws {
        var issues: [ValidationIssue]
        do {
            let loaded = try SchoolSource.load(school)
            issues = loaded.validate()
            if verbose { Log.info("\(school): read \(loaded.summary)") }
        } catch let error as InterchangeError {
            issues = [ValidationIssue(.error, path: error.location, field: nil, message: error.message)]
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
                    : "\(school): \(errors.count) error\(errors.count == 1 ? "" : "s"), \(warnings.count) warning\(warnings.count == 1 ? "" : "s")"
            )
        }
        if !errors.isEmpty { throw CommandFailure(code: .invalidInput, message: "\(school) is not a valid school") }
    }

    struct Entry: Encodable {
        var path: String
        var record: String?
        var field: String?
        var message: String

        init(_ issue: ValidationIssue) {
            path = issue.path
            record = issue.record
            field = issue.field
            message = issue.message
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(record, forKey: .record)
            try container.encode(field, forKey: .field)
            try container.encode(message, forKey: .message)
        }

        enum CodingKeys: String, CodingKey { case path, record, field, message }
    }

    struct ValidateReport: Encodable {
        var valid: Bool
        var errors: [Entry]
        var warnings: [Entry]
    }
}
