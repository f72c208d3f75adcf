import SchoolModel

extension FET {
    /// Relations between activities: consecutive, grouped, not overlapping, same day or hour, gaps and order.
    static let relationConstraints: Set<String> = []
}

extension FETSchoolBuilder {
    /// Applies one constraint of ``FET/relationConstraints``; false when this instance is not supported.
    mutating func applyRelationRule(_ element: FETElement, hard: Bool, weight: Double?) throws -> Bool {
        false
    }
}
