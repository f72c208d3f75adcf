import Foundation
import SchoolModel

extension FET {
    /// The user's own .fet file with a plan locked into it: `original` byte for byte, with a
    /// permanently locked, 100% starting time (and room, where the lesson has one) added for
    /// each placement at the end of the time and space constraint lists. Every constraint of
    /// the original stays, so FET judges the plan against the school as its user wrote it.
    ///
    /// - Throws: ``InterchangeError`` naming `file` when the text has no constraint lists, or
    ///   a placement names an activity, day, hour or room the file does not have (a plan made
    ///   for another school).
    public static func lock(_ placements: [Placement], into original: String, file: String) throws -> String {
        let school = try FETLockedOriginal.names(in: original, file: file)
        var times = FETWriter(fragmentAt: 2)
        var rooms = FETWriter(fragmentAt: 2)
        for placement in placements {
            guard school.activities.contains(placement.activity), let day = school.days[placement.day],
                let hour = school.hours[placement.period]
            else {
                throw InterchangeError(
                    file: file,
                    message:
                        "the plan places activity \(placement.activity) on \(placement.day) \(placement.period), which this file does not have; was the plan made for it?"
                )
            }
            times.constraint("ConstraintActivityPreferredStartingTime") { xml in
                xml.value("Activity_Id", placement.activity)
                xml.value("Preferred_Day", day)
                xml.value("Preferred_Hour", hour)
                xml.value("Permanently_Locked", "true")
            }
            guard let id = placement.room else { continue }
            guard let room = school.rooms[id] else {
                throw InterchangeError(
                    file: file,
                    message:
                        "the plan puts activity \(placement.activity) in room \(id), which this file does not have")
            }
            rooms.constraint("ConstraintActivityPreferredRoom") { xml in
                xml.value("Activity_Id", placement.activity)
                xml.value("Room", room)
                xml.value("Permanently_Locked", "true")
            }
        }
        var text = original
        try FETLockedOriginal.append(times.text, toList: "Time_Constraints_List", in: &text, file: file)
        try FETLockedOriginal.append(rooms.text, toList: "Space_Constraints_List", in: &text, file: file)
        return text
    }
}

/// The pieces of ``FET/lock(_:into:file:)``.
enum FETLockedOriginal {
    /// The names a plan may use, read from the file itself: days, hours and rooms by the
    /// trimmed name FlexPlan reads, each to its text as the file spells it (FET matches names
    /// exactly: "Aula: 1º BACH B" followed by two tabs is not "Aula: 1º BACH B").
    struct Names {
        var activities = Set<String>()
        var days: [String: String] = [:]
        var hours: [String: String] = [:]
        var rooms: [String: String] = [:]
    }

    static func names(in text: String, file: String) throws -> Names {
        let root = try InMemoryFiles.$contents.withValue([file: Data(text.utf8)]) {
            try FETDocumentReader.read(file)
        }
        var names = Names()
        for element in root.children {
            switch element.name {
            case "Activities_List":
                names.activities = Set(element.children.compactMap { $0.value("Id") })
            case "Days_List":
                names.days = spellings(element.children.filter { $0.name == "Day" })
            case "Hours_List":
                names.hours = spellings(element.children.filter { $0.name == "Hour" })
            case "Rooms_List":
                names.rooms = spellings(element.children)
            default:
                break
            }
        }
        return names
    }

    /// Each element's trimmed name to its name as written.
    private static func spellings(_ elements: [FETElement]) -> [String: String] {
        var result: [String: String] = [:]
        for element in elements {
            guard let name = element.child("Name") else { continue }
            result[name.trimmedText] = result[name.trimmedText] ?? name.text
        }
        return result
    }

    /// Inserts `elements` before the closing tag of the last `list` (a self-closing one is
    /// opened), leaving every other byte as it was.
    static func append(_ elements: String, toList list: String, in text: inout String, file: String) throws {
        guard !elements.isEmpty else { return }
        if let close = text.range(of: "</\(list)>", options: .backwards) {
            // At the start of the closing tag's line, so the new elements sit on lines of their own.
            let lineStart =
                text[..<close.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? close.lowerBound
            let indentOnly = text[lineStart..<close.lowerBound].allSatisfy { $0 == " " || $0 == "\t" }
            text.insert(
                contentsOf: indentOnly ? elements : "\n" + elements, at: indentOnly ? lineStart : close.lowerBound)
        } else if let empty = text.range(of: "<\(list)/>", options: .backwards)
            ?? text.range(of: "<\(list) />", options: .backwards)
        {
            text.replaceSubrange(empty, with: "<\(list)>\n" + elements + "\t</\(list)>")
        } else {
            throw InterchangeError(file: file, message: "no <\(list)> to lock the plan into; is this a FET file?")
        }
    }
}
