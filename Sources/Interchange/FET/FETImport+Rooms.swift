import SchoolModel

extension FET {
    /// Room rules beyond the core ones: home rooms of teachers and students sets, rooms by activity tag, and soft room preferences.
    static let roomConstraints: Set<String> = []
}

extension FETSchoolBuilder {
    /// Applies one constraint of ``FET/roomConstraints``; false when this instance is not supported.
    mutating func applyRoomRule(_ element: FETElement, hard: Bool, weight: Double?) throws -> Bool {
        false
    }
}
