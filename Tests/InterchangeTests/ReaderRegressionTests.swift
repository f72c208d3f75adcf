import Foundation
import Interchange
import SchoolModel
import Testing
import Timetabling

/// Every input that ever crashed a reader (kept in Fixtures/fuzz-regressions/READER/, see
/// fuzz/run) read again the way the fuzzer reads it: it must give a school or an error that
/// names the file, never a crash.
@Suite("Reader regressions from fuzzing")
struct ReaderRegressionTests {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/fuzz-regressions")

    static var inputs: [String] {
        let manager = FileManager.default
        return ((try? manager.subpathsOfDirectory(atPath: folder.path)) ?? []).filter {
            $0.contains("/") && !$0.hasSuffix(".md")
        }.sorted()
    }

    @Test("there are regression inputs to read")
    func present() {
        #expect(!Self.inputs.isEmpty)
    }

    @Test("each input gives a school or a located error", arguments: inputs)
    func reads(input: String) throws {
        let path = Self.folder.appendingPathComponent(input).path
        let reader = String(input.prefix { $0 != "/" })
        do {
            switch reader {
            case "json": _ = try SchoolJSON.read(from: path).validate()
            case "overlay": _ = try ScenarioOverlay.read(from: path)
            case "fet": _ = try FET.read(from: path, ignoreUnsupported: true).school.validate()
            case "flexweek": _ = try FlexWeekCSV.read(path, sessionTeachers: [:])
            default: Issue.record("no reader '\(reader)' for \(input)")
            }
        } catch let error as InterchangeError {
            #expect(error.file == path)
        }
    }
}
