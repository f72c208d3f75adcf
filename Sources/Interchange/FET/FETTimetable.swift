import Foundation
import SchoolModel

extension FET {
    /// The placements of a timetable FET wrote (`<name>_activities.xml` in fet-cl's output
    /// folder: each activity's Id, Day, Hour and Room), for ``TimetableChecker``: a second
    /// opinion on FET's timetables, and on our reading of FET's rules.
    ///
    /// An empty Room is no room. Activities FET left unplaced have an empty Day.
    public static func readTimetable(from path: String) throws -> [Placement] {
        let root = try FETDocumentReader.read(path, root: "Activities_Timetable")
        return try root.all("Activity").compactMap { element in
            guard let id = element.value("Id"), !id.isEmpty else {
                throw InterchangeError(file: path, line: element.line, message: "an activity without Id")
            }
            guard let day = element.value("Day"), !day.isEmpty, let hour = element.value("Hour"), !hour.isEmpty else {
                return nil
            }
            let room = element.value("Room") ?? ""
            return Placement(activity: id, day: day, period: hour, room: room.isEmpty ? nil : room)
        }
    }
}
