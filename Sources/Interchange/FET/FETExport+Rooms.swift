import SchoolModel

extension FET {
    /// Each activity's own room rules as FET space constraints: its rooms (`rooms`, a hard
    /// `ConstraintActivityPreferredRooms`) and its preferred rooms (the same rule at the
    /// school's `preferredRoom` weight as a percentage, below 100; left out at weight 0). A room
    /// for several classes stands for all its FET parts. An activity that may use any room has
    /// no FET rule (FET would give it none).
    static func writeRoomRules(_ school: School, activities: [Activity], ids: [String: String], to xml: inout FETWriter)
    {
        let groups = Dictionary(school.rooms.map { ($0.id, $0.resolvedGroups) }, uniquingKeysWith: { a, _ in a })
        func parts(_ rooms: [String]) -> [String] {
            rooms.flatMap { room in
                let count = groups[room] ?? 1
                return count > 1 ? (1...count).map { "\(room) #\($0)" } : [room]
            }
        }
        let weight = min(99, (school.weights ?? SoftRuleWeights()).resolved.preferredRoom ?? 0)
        for activity in activities {
            guard let id = ids[activity.id] else { continue }
            for (rooms, percentage) in [(activity.rooms ?? [], 100.0), (activity.preferredRooms ?? [], weight)]
            where !rooms.isEmpty && percentage > 0 {
                let names = parts(rooms)
                xml.constraint("ConstraintActivityPreferredRooms", weight: percentage) { xml in
                    xml.value("Activity_Id", id)
                    xml.value("Number_of_Preferred_Rooms", "\(names.count)")
                    for name in names { xml.value("Preferred_Room", name) }
                }
            }
        }
    }
}
