extension SchoolValidator {
    /// Soft day limits: known teachers or cohorts, a maximum (or two) in range, a positive weight.
    mutating func checkSoftDayLimits() {
        for (index, limit) in (school.softDayLimits ?? []).enumerated() {
            let base = "$.softDayLimits[\(index)]"
            checkOwners(teachers: limit.teachers, cohorts: limit.cohorts, at: base, of: "soft day limit")
            if limit.maxPeriodsPerDay == nil && limit.maxConsecutive == nil {
                error(base, field: "maxPeriodsPerDay", "a soft day limit sets maxPeriodsPerDay or maxConsecutive")
            }
            for (value, field) in [
                (limit.maxPeriodsPerDay, "maxPeriodsPerDay"), (limit.maxConsecutive, "maxConsecutive"),
            ] {
                if let value, !(0...1_000).contains(value) {
                    error("\(base).\(field)", field: field, "\(field) \(value) is not 0 to 1000")
                }
            }
            if !(limit.weight > 0 && limit.weight <= 1_000_000) {
                error("\(base).weight", field: "weight", "weight \(limit.weight) is not above 0 and at most 1000000")
            }
        }
    }
}
