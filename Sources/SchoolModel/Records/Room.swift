/// A room: seats, how many groups it holds at once, features, availability.
public struct Room: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String?
    /// Students it seats.
    public var seats: Int
    /// Activities it hosts at once (a gym or commons may hold several); 1 when absent.
    public var groups: Int?
    /// Features such as "lab", "gym", "commons", "music".
    public var features: [String]?
    public var unavailable: [TimeSlots]?
    /// The building it stands in (an id of the school's choosing), for building-change rules.
    public var building: String?

    public init(
        id: String, name: String? = nil, seats: Int, groups: Int? = nil, features: [String]? = nil,
        building: String? = nil
    ) {
        self.id = id
        self.name = name
        self.seats = seats
        self.groups = groups
        self.features = features
        self.building = building
    }

    /// Activities at once, 1 when absent.
    public var resolvedGroups: Int { groups ?? 1 }
}
