extension SchoolValidator {
    /// Avoided room times: a known room, times in the grid, a positive weight.
    mutating func checkAvoidedRoomTimes() {
        for (index, avoided) in (school.avoidedRoomTimes ?? []).enumerated() {
            let base = "$.avoidedRoomTimes[\(index)]"
            checkReference(avoided.room, in: roomIDs, kind: "room", at: base, record: nil, field: "room")
            checkSlots(avoided.times, at: base, record: nil, field: "times")
            if !(avoided.weight > 0 && avoided.weight <= 1_000_000) {
                error("\(base).weight", field: "weight", "weight \(avoided.weight) is not above 0 and at most 1000000")
            }
        }
    }
}
