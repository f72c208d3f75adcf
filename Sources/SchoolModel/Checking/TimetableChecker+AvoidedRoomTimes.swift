extension TimetableChecker {
    /// Avoided room times: each period of a lesson in the room at one of the times costs the
    /// weight.
    mutating func scoreAvoidedRoomTimes(_ placed: [Placed]) {
        guard let avoided = school.avoidedRoomTimes, !avoided.isEmpty else { return }
        for entry in avoided {
            let slots = school.timeGrid.slots(in: entry.times)
            let periods = placed.filter { $0.room?.id == entry.room }.reduce(0) { total, lesson in
                total + lesson.periods.filter { slots.contains(Slot(day: lesson.day, period: $0)) }.count
            }
            score("avoidedRoomTime", entry.weight * Double(periods))
        }
    }
}
