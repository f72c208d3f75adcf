extension SchoolValidator {
    /// Tag limits: known teachers and cohorts, at least one of them and one limit, limits in
    /// range, and a tag that some activity carries (a warning: a typo limits nothing).
    mutating func checkTagLimits() {
        let tags = Set((school.activities ?? []).flatMap { $0.tags ?? [] })
        for (index, limit) in (school.tagLimits ?? []).enumerated() {
            let base = "$.tagLimits[\(index)]"
            checkOwners(teachers: limit.teachers, cohorts: limit.cohorts, at: base, of: "tag limit")
            if limit.maxPeriodsPerDay == nil && limit.maxConsecutive == nil {
                error(base, field: "maxPeriodsPerDay", "a tag limit sets maxPeriodsPerDay, maxConsecutive or both")
            }
            if let maximum = limit.maxPeriodsPerDay, !(0...1_000).contains(maximum) {
                error(
                    "\(base).maxPeriodsPerDay", field: "maxPeriodsPerDay",
                    "maxPeriodsPerDay \(maximum) is not 0 to 1000")
            }
            if let maximum = limit.maxConsecutive, !(1...1_000).contains(maximum) {
                error("\(base).maxConsecutive", field: "maxConsecutive", "maxConsecutive \(maximum) is not 1 to 1000")
            }
            if !tags.contains(limit.tag) {
                warning("\(base).tag", field: "tag", "no activity has the tag '\(limit.tag)': the limit limits nothing")
            }
        }
    }
}
