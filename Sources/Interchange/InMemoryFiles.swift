import Foundation

/// Files read from memory instead of disk: while `contents` is set (with `withValue`), the
/// CSV, OneRoster, weekly-flex and FET readers take a path's bytes from it (a path absent from
/// it is a missing file). For reading uploads without a temporary folder, and for fuzzing
/// (`fuzz/run`), where writing every input to disk would be the bottleneck.
///
/// ```swift
/// let school = try InMemoryFiles.$contents.withValue(["/school/periods.csv": data]) {
///     try SchoolCSV.read(from: "/school")
/// }
/// ```
public enum InMemoryFiles {
    @TaskLocal public static var contents: [String: Data]?

    /// Whether `path` exists, in memory when files are in memory.
    static func exists(_ path: String) -> Bool {
        if let contents { return contents[path] != nil }
        return FileManager.default.fileExists(atPath: path)
    }

    /// The bytes at `path`, from memory when files are in memory.
    static func read(_ path: String) -> Data? {
        if let contents { return contents[path] }
        return FileManager.default.contents(atPath: path)
    }
}
