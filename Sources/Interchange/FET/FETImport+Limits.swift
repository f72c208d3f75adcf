import SchoolModel

extension FET {
    /// Limits on teachers' and students sets' days: gaps per day, minimum hours, early starts, continuous hours, days per week.
    static let limitConstraints: Set<String> = []
}

extension FETSchoolBuilder {
    /// Applies one constraint of ``FET/limitConstraints``; false when this instance is not supported.
    mutating func applyLimitRule(_ element: FETElement, hard: Bool, weight: Double?) throws -> Bool {
        false
    }
}
