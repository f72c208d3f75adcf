import Foundation
import Interchange
import SchoolModel

/// libFuzzer's driver, started from the executable's main (SwiftPM names an executable's
/// entry point `<module>_main`, so libFuzzer's own `main` is not linked in).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("fuzz_readers_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { start, size in
        // One input through the reader named by FUZZ_READER (json, overlay, csv, oneroster,
        // fet, flexweek), then validation of what it read. Reading may throw (bad input is
        // expected); it must never crash, hang or abort.
        FuzzReaders.run(start.map { Data(bytes: $0, count: size) } ?? Data())
        return 0
    }
}

enum FuzzReaders {
    static let reader = ProcessInfo.processInfo.environment["FUZZ_READER"] ?? "json"
    static func run(_ data: Data) {
        switch reader {
        case "json":
            if let school = try? SchoolJSON.decode(data, file: "fuzz.json") { _ = school.validate() }
        case "overlay":
            if let overlay = try? ScenarioOverlay.decode(data, file: "fuzz-overlay.json") {
                _ = try? overlay.apply(to: base)
            }
        case "csv":
            // Files separated by a line "=== NAME" (e.g. "=== teachers.csv"), read from memory.
            InMemoryFiles.$contents.withValue(files(data, defaultName: "periods.csv")) {
                if let school = try? SchoolCSV.read(from: "/fuzz") { _ = school.validate() }
            }
        case "oneroster":
            InMemoryFiles.$contents.withValue(files(data, defaultName: "manifest.csv")) {
                _ = try? OneRoster.read(from: "/fuzz")
            }
        case "fet":
            InMemoryFiles.$contents.withValue(["/fuzz/school.fet": data]) {
                if let imported = try? FET.read(from: "/fuzz/school.fet", ignoreUnsupported: true) {
                    _ = imported.school.validate()
                }
            }
        case "flexweek":
            InMemoryFiles.$contents.withValue(["/fuzz/week.csv": data]) {
                _ = try? FlexWeekCSV.read("/fuzz/week.csv", sessionTeachers: ["F01": "T01", "F02": "T02"])
            }
        default:
            fatalError("FUZZ_READER must be json, overlay, csv, oneroster, fet or flexweek, not \(reader)")
        }
    }

    /// A small valid school for overlays to change.
    static let base: School = {
        var school = School(
            name: "base",
            timeGrid: TimeGrid(
                bellSchedules: [BellSchedule(id: "day", periods: [Period(id: "1", start: "08:00", minutes: 50)])],
                days: [Day(id: "mon", bellSchedule: "day", weekday: 1)]),
            teachers: [Teacher(id: "T1")], rooms: [Room(id: "R1", seats: 30)])
        school.cohorts = [Cohort(id: "A", size: 20)]
        school.activities = [Activity(id: "a1", teachers: ["T1"], cohorts: ["A"])]
        school.teams = [Team(id: "G", members: ["T1"], collaboration: CollaborationRequirement(minutes: 50))]
        return school
    }()

    /// The input's files, by path under /fuzz: split at lines "=== NAME".
    static func files(_ data: Data, defaultName: String) -> [String: Data] {
        var files: [String: Data] = [:]
        var name = defaultName
        var current = Data()
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if line.starts(with: Array("=== ".utf8)) {
                files["/fuzz/" + name] = current
                name = String(decoding: line.dropFirst(4), as: UTF8.self)
                current = Data()
            } else {
                current.append(line)
                current.append(0x0A)
            }
        }
        files["/fuzz/" + name] = current
        return files
    }
}
