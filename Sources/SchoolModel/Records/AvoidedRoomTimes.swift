/// Times a room should not be used (FET's room not available times below 100%): each period
/// of a lesson in the room at one of these times costs `weight`, as FET counts it.
public struct AvoidedRoomTimes: Codable, Sendable, Equatable {
    /// The room (id).
    public var room: String
    public var times: [TimeSlots]
    /// The penalty of each period of a lesson there.
    public var weight: Double

    public init(room: String, times: [TimeSlots], weight: Double) {
        self.room = room
        self.times = times
        self.weight = weight
    }
}
