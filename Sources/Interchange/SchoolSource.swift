import Foundation
import SchoolModel

/// Where a school comes from: the contract's `SCHOOL` argument.
public enum SchoolSource {
    /// A school and what reading it noticed (e.g. defaults a OneRoster import filled in).
    public struct Loaded: Sendable {
        /// The school read.
        public var school: School
        /// Notes about guesses and defaults, for stderr; not errors.
        public var warnings: [String]
        /// Hard rules of the file that were left out (a .fet read with `ignoreUnsupported`),
        /// one line per constraint type: the school read is missing them.
        public var hardRulesLeftOut: [String] = []
        /// Where the school's records were written, to name the file and line of a
        /// validation issue.
        public var locations: SourceLocations = .none
    }

    /// Loads a school from a FlexPlan JSON file, a school folder (holding `school.json` or the
    /// CSV files), a OneRoster folder or zip, or a FET file (official mode).
    public static func load(_ path: String, ignoreUnsupported: Bool = false) throws -> School {
        try read(path, ignoreUnsupported: ignoreUnsupported).school
    }

    /// Like ``load(_:ignoreUnsupported:)``, with the warnings of the reader.
    ///
    /// A `.fet` file holding hard constraints FlexPlan does not support is refused, naming
    /// them, unless `ignoreUnsupported` is set: then they are left out and listed in
    /// ``Loaded/hardRulesLeftOut``. Other formats ignore the flag.
    public static func read(_ path: String, ignoreUnsupported: Bool = false) throws -> Loaded {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InterchangeError(file: path, message: "no such file or folder")
        }
        if isDirectory.boolValue {
            let folder = URL(fileURLWithPath: path)
            let json = folder.appendingPathComponent("school.json").path
            if FileManager.default.fileExists(atPath: json) {
                return Loaded(school: try SchoolJSON.read(from: json), warnings: [], locations: .json(file: json))
            }
            if OneRoster.isRoster(path) {
                let roster = try OneRoster.read(from: path)
                // Its teams.csv, rooms.csv and requests.csv are the CSV folder's own.
                return Loaded(school: roster.school, warnings: roster.warnings, locations: .csvFolder(path))
            }
            if SchoolCSV.isSchoolFolder(path) {
                return Loaded(school: try SchoolCSV.read(from: path), warnings: [], locations: .csvFolder(path))
            }
            throw InterchangeError(
                file: path,
                message: "a school folder holds school.json, the CSV files (periods.csv, teachers.csv, ...) "
                    + "or a OneRoster roster (manifest.csv); none here")
        }
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "json":
            return Loaded(school: try SchoolJSON.read(from: path), warnings: [], locations: .json(file: path))
        case "zip":
            let roster = try OneRoster.read(from: path)
            return Loaded(school: roster.school, warnings: roster.warnings)
        case "fet":
            let imported = try FET.read(from: path, ignoreUnsupported: ignoreUnsupported)
            let unsupported = imported.report.unsupportedLines.map { "\(path): FET constraint left out: \($0)" }
            let hard = imported.report.unsupportedHardLines.map { "\(path): hard FET constraint left out: \($0)" }
            return Loaded(
                school: imported.school, warnings: unsupported + imported.report.warnings, hardRulesLeftOut: hard)
        default:
            throw InterchangeError(
                file: path,
                message:
                    "unknown school format; expected a .json or .fet file, a school folder or a OneRoster folder or .zip"
            )
        }
    }
}
