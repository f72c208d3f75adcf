import Foundation
import Interchange
import SchoolModel
import Testing
import Timetabling

@Suite("Reading from memory")
struct InMemoryFilesTests {
    @Test("a CSV school folder read from memory equals the same folder read from disk")
    func csvFolder() throws {
        let folder = repositoryRoot.appendingPathComponent("Examples/csv-sample")
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".csv") {
            files["/memory/csv-sample/" + name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        let fromMemory = try InMemoryFiles.$contents.withValue(files) {
            try SchoolCSV.read(from: "/memory/csv-sample")
        }
        #expect(fromMemory == (try SchoolCSV.read(from: folder.path)))
        // A path that is not in memory is a missing file, even if it exists on disk.
        #expect(throws: InterchangeError.self) {
            try InMemoryFiles.$contents.withValue([:]) { try SchoolCSV.read(from: folder.path) }
        }
    }
}
