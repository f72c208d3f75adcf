import Foundation
import Interchange
import SchoolModel
import Testing

@Suite("Validation issues located in the source file")
struct SourceLocationsTests {
    /// The issues of a school read from `path`, each message led by its place when found.
    private func located(_ path: String) throws -> [ValidationIssue] {
        let source = try SchoolSource.read(path)
        return source.locations.locate(source.school.validate())
    }

    @Test("a JSON school: an out-of-range value names its line, other lines untouched")
    func json() throws {
        let folder = try temporaryFolder("locate-json")
        defer { try? FileManager.default.removeItem(at: folder) }
        let school = SchoolGenerator(kind: .primary, students: 60, seed: 2).generate()
        let file = folder.appendingPathComponent("school.json").path
        try SchoolJSON.write(school, to: file)
        var text = try String(contentsOfFile: file, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        let room = try #require(school.rooms.first)
        let seatsLine = try #require(
            text.indices.first { index in
                text[index].contains("\"seats\"")
                    && text[..<index].last { $0.contains("\"id\"") }?.contains("\"\(room.id)\"") == true
            })
        text[seatsLine] = text[seatsLine].replacing(/-?\d+/, with: "-4", maxReplacements: 1)[...]
        try text.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)

        let errors = try located(file).filter { $0.severity == .error }
        let seats = try #require(errors.first { $0.path == "$.rooms[id=\(room.id)].seats" })
        #expect(seats.message.hasPrefix("\(file):\(seatsLine + 1): "))
    }

    @Test("a CSV folder: a record's issue names its file, row and column; a school.csv field its value")
    func csv() throws {
        let folder = try temporaryFolder("locate-csv")
        defer { try? FileManager.default.removeItem(at: folder) }
        var school = SchoolGenerator(kind: .primary, students: 60, seed: 2).generate()
        school.rooms[1].seats = -3
        school.calendar = SchoolCalendar(termStart: "2026-09-31", termEnd: "2027-06-15", holidays: nil, timeZone: nil)
        try SchoolCSV.write(school, to: folder.path)

        let errors = try located(folder.path).filter { $0.severity == .error }
        let seats = try #require(errors.first { $0.path == "$.rooms[id=\(school.rooms[1].id)].seats" })
        let rooms = folder.appendingPathComponent("rooms.csv").path
        // Row 3: the header, then the second room; seats is the third column.
        #expect(seats.message.hasPrefix("\(rooms):3:3: "), "\(seats.message)")
        let start = try #require(errors.first { $0.path == "$.calendar.termStart" })
        #expect(start.message.hasPrefix(folder.appendingPathComponent("school.csv").path + ":"), "\(start.message)")
        #expect(start.message.contains("2026-09-31"))
    }
}
