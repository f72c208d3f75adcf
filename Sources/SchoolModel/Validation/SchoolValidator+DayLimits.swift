extension SchoolValidator {
    /// Day limits: known teachers and cohorts, at least one of them and one limit, in range.
    mutating func checkDayLimits() {
        for (index, limit) in (school.dayLimits ?? []).enumerated() {
            let base = "$.dayLimits[\(index)]"
            checkOwners(teachers: limit.teachers, cohorts: limit.cohorts, at: base, of: "day limit")
            if limit.maxSpan == nil && limit.minRest == nil && limit.maxIntervalDays == nil {
                error(base, field: "maxSpan", "a day limit sets maxSpan, minRest or maxIntervalDays")
            }
            if (limit.maxIntervalDays == nil) != (limit.intervalStart == nil) {
                error(base, field: "intervalStart", "maxIntervalDays and intervalStart go together")
            }
            let periodIDs = Set(dayPeriods.values.flatMap { $0.map(\.id) })
            for (period, field) in [(limit.intervalStart, "intervalStart"), (limit.intervalEnd, "intervalEnd")] {
                if let period, !periodIDs.contains(period) {
                    error("\(base).\(field)", field: field, "unknown period '\(period)'")
                }
            }
            for (value, field, range) in [
                (limit.maxSpan, "maxSpan", 1...1_000), (limit.maxSpanExceptions, "maxSpanExceptions", 0...1_000),
                (limit.minRest, "minRest", 0...1_000), (limit.maxIntervalDays, "maxIntervalDays", 0...1_000),
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
