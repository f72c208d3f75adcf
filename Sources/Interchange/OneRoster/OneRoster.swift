import Foundation
import SchoolModel
import ZIPFoundation

/// OneRoster 1.1 / 1.2 CSV rosters (a folder or a zip): people, courses and existing classes
/// from a school information system, as a ``School``.
///
/// `manifest.csv` says which files are there (`file.users = bulk | absent | delta`); headers must
/// follow the spec's order, with `metadata.*` extension columns to the right (ignored); a UTF-8
/// byte order mark is tolerated. OneRoster has no time grid, no rooms and no course requests, so
/// FlexPlan's own files beside the roster fill them in: `periods.csv` (+ `days.csv`),
/// `rooms.csv`, `requests.csv`, `teams.csv` (the CSV folder's columns). What is guessed or
/// defaulted comes back as ``Import/warnings``.
public enum OneRoster {
    /// The OneRoster versions read.
    public enum Version: String, Sendable, CaseIterable {
        case v1_1 = "1.1"
        case v1_2 = "1.2"
    }

    /// An imported roster: the school and what the import had to guess.
    public struct Import: Sendable {
        /// The school the roster describes.
        public var school: School
        /// Defaults and guesses (no periods.csv, seats of rooms, ...), for stderr.
        public var warnings: [String]
        /// The OneRoster version of the roster.
        public var version: Version
    }

    /// The grid used when no `periods.csv` comes with the roster: Monday to Friday, 7 periods of
    /// 50 minutes from 08:00, one an hour.
    public static let defaultTimeGrid = TimeGrid(
        bellSchedules: [
            BellSchedule(
                id: "default",
                periods: (0..<7).map {
                    Period(id: String($0 + 1), start: String(format: "%02d:00", 8 + $0), minutes: 50)
                })
        ],
        days: ["mon", "tue", "wed", "thu", "fri"].enumerated().map {
            Day(id: $0.element, bellSchedule: "default", weekday: $0.offset + 1)
        })

    /// The files of a roster that FlexPlan reads (others, e.g. demographics.csv, are ignored).
    static let rosterFiles = [
        "orgs", "academicSessions", "courses", "classes", "users", "roles", "enrollments",
    ]

    /// Whether `folder` holds a OneRoster roster (a `manifest.csv`, or a `users.csv` and an
    /// `enrollments.csv`).
    public static func isRoster(_ folder: String) -> Bool {
        let url = URL(fileURLWithPath: folder)
        func has(_ name: String) -> Bool {
            FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path)
        }
        return has("manifest.csv") || (has("users.csv") && has("enrollments.csv"))
    }

    /// Imports a roster folder or zip. Errors name the file (inside a zip: `roster.zip/users.csv`),
    /// line and column.
    public static func read(from path: String) throws -> Import {
        var isDirectory: ObjCBool = false
        if InMemoryFiles.contents != nil {
            var reader = RosterReader(folder: path)
            return try reader.read()
        }
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InterchangeError(file: path, message: "no such file or folder")
        }
        if isDirectory.boolValue {
            var reader = RosterReader(folder: path)
            return try reader.read()
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "flexplan-roster-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = try unzip(path, into: folder)
        do {
            var reader = RosterReader(folder: root.path)
            var result = try reader.read()
            result.warnings = result.warnings.map { $0.replacingOccurrences(of: root.path, with: path) }
            return result
        } catch var error as InterchangeError {
            error.file = error.file.replacingOccurrences(of: root.path, with: path)
            throw error
        }
    }

    /// Extracts the CSV files of a zip (never outside `folder`); returns the folder holding the
    /// roster (the zip's root, or its single top folder).
    private static func unzip(_ path: String, into folder: URL) throws -> URL {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw InterchangeError(file: path, message: "not a readable zip file (\(error))")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for entry in archive where entry.type == .file {
            let components = entry.path.split(separator: "/").map(String.init)
            guard let name = components.last, name.lowercased().hasSuffix(".csv"), components.count <= 2,
                !components.contains(".."), !components.contains("."), !name.hasPrefix(".")
            else { continue }
            let target = components.reduce(folder) { $0.appendingPathComponent($1) }
            do {
                _ = try archive.extract(entry, to: target)
            } catch {
                throw InterchangeError(file: "\(path)/\(entry.path)", message: "cannot extract: \(error)")
            }
        }
        if isRoster(folder.path) { return folder }
        let children = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        if children.count == 1, isRoster(folder.appendingPathComponent(children[0]).path) {
            return folder.appendingPathComponent(children[0])
        }
        throw InterchangeError(file: path, message: "no OneRoster roster inside: expected manifest.csv at the root")
    }
}
