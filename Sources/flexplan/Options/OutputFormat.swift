import ArgumentParser

/// `--format text|json`: text for people, one JSON object on stdout for programs.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
