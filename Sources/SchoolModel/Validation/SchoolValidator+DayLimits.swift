extension SchoolValidator {
    /// Day limits: known teachers and cohorts, at least one of them and one limit, in range.
    mutating func checkDayLimits() {
        for (index, limit) in (school.dayLimits ?? []).enumerated() {
            let base = "$.dayLimits[\(index)]"
            checkOwners(teachers: limit.teachers, cohorts: limit.cohorts, at: base, of: "day limit")
            if limit.maxSpan == nil && limit.minRest == nil {
                error(base, field: "maxSpan", "a day limit sets maxSpan, minRest or both")
            }
            for (value, field, range) in [
                (limit.maxSpan, "maxSpan", 1...1_000), (limit.maxSpanExceptions, "maxSpanExceptions", 0...1_000),
                (limit.minRest, "minRest", 0...1_000),
            ] {
                if let value, !range.contains(value) {
                    error(
                        "\(base).\(field)", field: field,
                        "\(field) \(value) is not \(range.lowerBound) to \(range.upperBound)")
                }
            }
        }
    }
}
