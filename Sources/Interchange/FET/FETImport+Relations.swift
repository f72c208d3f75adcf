import SchoolModel

extension FET {
    /// Relations between activities: consecutive, grouped, not overlapping, same day or hour, gaps and order.
    static let relationConstraints: Set<String> = [
        "ConstraintTwoActivitiesConsecutive", "ConstraintTwoActivitiesGrouped", "ConstraintThreeActivitiesGrouped",
        "ConstraintActivitiesNotOverlapping", "ConstraintActivitiesSameStartingDay",
        "ConstraintActivitiesSameStartingHour", "ConstraintMinGapsBetweenActivities",
        "ConstraintMaxDaysBetweenActivities", "ConstraintTwoActivitiesOrdered",
        "ConstraintTwoActivitiesOrderedIfSameDay", "ConstraintActivityEndsStudentsDay",
        "ConstraintActivitiesEndStudentsDay",
    ]
}

extension FETSchoolBuilder {
    /// Applies one constraint of ``FET/relationConstraints``; false when this instance is not supported.
    ///
    /// As in FET, a constraint on two or three named activities does nothing when one of them
    /// is inactive, and a list keeps its active activities (fewer than two: nothing). FET's
    /// back-to-back rules (consecutive, grouped) let break hours lie between the activities.
    mutating func applyRelationRule(_ element: FETElement, hard: Bool, weight: Double?) throws -> Bool {
        let listKinds: [String: ActivityRelation.Kind] = [
            "ConstraintActivitiesNotOverlapping": .notOverlapping, "ConstraintActivitiesSameStartingDay": .sameDay,
            "ConstraintActivitiesSameStartingHour": .samePeriod, "ConstraintMinGapsBetweenActivities": .minGap,
            "ConstraintMaxDaysBetweenActivities": .maxDaysApart,
        ]
        let pairs = ["First_Activity_Id", "Second_Activity_Id"]
        switch element.name {
        case "ConstraintTwoActivitiesConsecutive", "ConstraintTwoActivitiesGrouped", "ConstraintThreeActivitiesGrouped":
            let three = element.name == "ConstraintThreeActivitiesGrouped"
            guard let ids = try namedActivities(element, pairs + (three ? ["Third_Activity_Id"] : [])) else {
                return true
            }
            let kind: ActivityRelation.Kind = element.name.hasSuffix("Consecutive") ? .consecutive : .grouped
            appendRelation(ActivityRelation(kind: kind, activities: ids, acrossBreaks: true, weight: weight))
        case "ConstraintTwoActivitiesOrdered", "ConstraintTwoActivitiesOrderedIfSameDay":
            guard let ids = try namedActivities(element, pairs) else { return true }
            // FET: the first ends before the second starts; FlexPlan: the second starts after
            // the first starts. The same when the first lasts one hour or they cannot overlap.
            guard cannotOverlap(ids[0], ids[1]) else { return false }
            let kind: ActivityRelation.Kind = element.name.hasSuffix("SameDay") ? .orderedIfSameDay : .ordered
            appendRelation(ActivityRelation(kind: kind, activities: ids, weight: weight))
        case let name where listKinds[name] != nil:
            let ids = try activityIDs(element)
            guard ids.count > 1 else { return true }
            var relation = ActivityRelation(kind: listKinds[name]!, activities: ids, weight: weight)
            if relation.kind == .minGap {
                guard let gap = try wholeNumber(element, "MinGaps") else { return false }
                relation.minPeriods = gap
            }
            if relation.kind == .maxDaysApart {
                guard let days = try wholeNumber(element, "MaxDays") else { return false }
                relation.maxDays = days
            }
            appendRelation(relation)
        case "ConstraintActivityEndsStudentsDay":
            let ids = try activityIDs(element)
            guard !ids.isEmpty else { return true }
            appendRelation(ActivityRelation(kind: .endsCohortsDay, activities: ids, weight: weight))
        case "ConstraintActivitiesEndStudentsDay":
            let ids = try filteredActivities(element).map { school.activities![$0].id }
            guard !ids.isEmpty else {
                throw failure(element, "\(element.name) refers to no activities (FET refuses it)")
            }
            appendRelation(ActivityRelation(kind: .endsCohortsDay, activities: ids, weight: weight))
        default:
            return false
        }
        return true
    }

    /// The activities a constraint names in `fields`, in that order; nil when one is inactive
    /// (FET then ignores the constraint). Throws for a missing or unknown one.
    func namedActivities(_ element: FETElement, _ fields: [String]) throws -> [String]? {
        var ids: [String] = []
        for field in fields {
            guard let id = element.value(field) else { throw failure(element, "\(element.name): no \(field)") }
            if inactive.contains(id) { return nil }
            guard activityIndex[id] != nil else { throw failure(element, "\(element.name): unknown activity \(id)") }
            ids.append(id)
        }
        return ids
    }

    /// Whether the second of two activities can only start after the first ends once it starts
    /// after the first starts: the first lasts one hour, or they share a teacher or students.
    func cannotOverlap(_ first: String, _ second: String) -> Bool {
        let one = school.activities![activityIndex[first]!]
        let other = school.activities![activityIndex[second]!]
        return one.resolvedDuration == 1 || !Set(one.teachers).isDisjoint(with: other.teachers)
            || !Set(one.cohorts ?? []).isDisjoint(with: other.cohorts ?? [])
    }
}
