import SchoolModel

extension FET {
    /// Room rules beyond the core ones: home rooms of teachers and students sets, rooms by
    /// activity tag (and subject), and the time rules of one component of split activities.
    static let roomConstraints: Set<String> = [
        "ConstraintTeacherHomeRoom", "ConstraintTeacherHomeRooms", "ConstraintStudentsSetHomeRoom",
        "ConstraintStudentsSetHomeRooms", "ConstraintActivityTagPreferredRoom", "ConstraintActivityTagPreferredRooms",
        "ConstraintSubjectActivityTagPreferredRoom", "ConstraintSubjectActivityTagPreferredRooms",
        "ConstraintSubactivitiesPreferredTimeSlots", "ConstraintSubactivitiesPreferredStartingTimes",
    ]
}

/// What the room rules of a FET file say about each activity, gathered while the constraints
/// are read and settled once all are (FET gives preferred rooms precedence over home rooms,
/// whatever their order in the file).
struct FETRoomRules {
    /// Activity index → its home rooms (every home rule meeting it, intersected, as FET does)
    /// and the largest weight among those rules.
    var home: [Int: (rooms: [String], weight: Double)] = [:]
    /// Teachers and students sets with a home room rule: FET refuses a second one.
    var homeOwners: [String: Int?] = [:]
    /// Activity index → its soft preferred-room lists.
    var soft: [Int: [[String]]] = [:]
    /// The weights of the soft room rules read.
    var softWeights = Set<Double>()
}

extension FETSchoolBuilder {
    /// Applies one constraint of ``FET/roomConstraints``; false when this instance is not supported.
    mutating func applyRoomRule(_ element: FETElement, hard: Bool, weight: Double?) throws -> Bool {
        let rooms = element.child("Room") != nil ? element.values("Room") : element.values("Preferred_Room")
        switch element.name {
        case "ConstraintTeacherHomeRoom", "ConstraintTeacherHomeRooms":
            // FET: the activities whose only teacher is this one.
            guard let teacher = element.value("Teacher"), school.teachers.contains(where: { $0.id == teacher }) else {
                throw failure(element, "\(element.name): unknown teacher '\(element.value("Teacher") ?? "")'")
            }
            let meant = school.activities!.indices.filter { school.activities![$0].teachers == [teacher] }
            return try noteHome(meant, rooms, owner: "teacher \(teacher)", weight: weight, rule: element)
        case "ConstraintStudentsSetHomeRoom", "ConstraintStudentsSetHomeRooms":
            // FET: the activities whose only students set is this one (by name, not by members).
            guard let set = element.value("Students"), leavesOf[set] != nil else {
                throw failure(element, "\(element.name): unknown students set '\(element.value("Students") ?? "")'")
            }
            let meant = school.activities!.indices.filter { fetStudents[school.activities![$0].id] == [set] }
            return try noteHome(meant, rooms, owner: "students set \(set)", weight: weight, rule: element)
        case "ConstraintActivityTagPreferredRoom", "ConstraintActivityTagPreferredRooms",
            "ConstraintSubjectActivityTagPreferredRoom", "ConstraintSubjectActivityTagPreferredRooms":
            guard let tag = element.value("Activity_Tag") else { return false }
            let subject = element.value("Subject")
            let meant = school.activities!.indices.filter { index in
                let activity = school.activities![index]
                return fetTags[activity.id]?.contains(tag) == true && (subject == nil || activity.subject == subject)
            }
            return try noteRooms(meant, rooms, weight: weight, rule: element)
        default:
            return false
        }
    }

    /// A preferred-room rule on `activities`: a hard one restricts their rooms now; a soft one
    /// is kept for ``settleRoomRules()``. False for rooms the school lacks (a virtual room's).
    mutating func noteRooms(_ activities: [Int], _ rooms: [String], weight: Double?, rule: FETElement) throws -> Bool {
        guard knownRooms(rooms) else { return false }
        for index in activities {
            if let weight {
                roomRules.soft[index, default: []].append(rooms)
                roomRules.softWeights.insert(weight)
            } else {
                try setRooms(index, rooms, rule: rule)
            }
        }
        try checkSeats(activities, rooms, rule: rule)
        return true
    }

    /// A home-room rule of `owner` on `activities`; FET refuses two for one teacher or students set.
    mutating func noteHome(
        _ activities: [Int], _ rooms: [String], owner: String, weight: Double?, rule: FETElement
    ) throws -> Bool {
        if let first = roomRules.homeOwners[owner] {
            throw failure(
                rule,
                "\(rule.name): a second home room rule for \(owner)" + (first.map { " (first at line \($0))" } ?? "")
                    + "; FET refuses the file")
        }
        guard knownRooms(rooms) else { return false }
        try checkSeats(activities, rooms, rule: rule)
        roomRules.homeOwners[owner] = rule.line
        for index in activities {
            if let (previous, previousWeight) = roomRules.home[index] {
                let kept = previous.filter(rooms.contains)
                guard !kept.isEmpty else {
                    throw failure(
                        rule,
                        "\(rule.name): activity \(school.activities![index].id) has home rooms with none in common (\(previous.joined(separator: ", ")) against \(rooms.joined(separator: ", "))); FET refuses the file"
                    )
                }
                roomRules.home[index] = (kept, max(previousWeight, weight ?? 100))
            } else {
                roomRules.home[index] = (rooms, weight ?? 100)
            }
        }
        return true
    }

    /// FET refuses a room rule, of any weight, none of whose rooms seats an activity it meets.
    func checkSeats(_ activities: [Int], _ rooms: [String], rule: FETElement) throws {
        let most = school.rooms.filter { rooms.contains($0.id) }.map(\.seats).max() ?? 0
        for index in activities where (school.activities![index].students ?? 0) > most {
            let activity = school.activities![index]
            throw failure(
                rule,
                "\(rule.name): no room of \(rooms.joined(separator: ", ")) seats activity \(activity.id)'s \(activity.students ?? 0) students; FET refuses the file"
            )
        }
    }

    /// Settles each activity's rooms once every rule is read, as FET places them: its hard
    /// preferred rooms when it has any (its home room then does not matter); else, with soft
    /// preferred rooms, one of them if it can, otherwise its home room when that rule is hard,
    /// otherwise no room (a soft miss); else its home rooms (hard), or, when the home rule is
    /// soft, one of them or no room. Soft misses weigh as the heaviest soft room rule.
    mutating func settleRoomRules() {
        var weight = roomRules.softWeights.max() ?? 0
        for index in school.activities!.indices {
            let home = roomRules.home[index]
            let lists = roomRules.soft[index] ?? []
            var preferred = lists.first.map { first in
                lists.dropFirst().reduce(first) { kept, list in kept.filter(list.contains) }
            }
            if preferred?.isEmpty == true {
                report.warnings.append(
                    "activity \(school.activities![index].id): its soft room rules have no room in common; "
                        + "a room any of them names counts as preferred")
                preferred = Array(Set(lists.joined())).sorted()
            }
            if roomRuled.contains(index) {
                school.activities![index].preferredRooms = preferred
            } else if let preferred {
                school.activities![index].preferredRooms = preferred
                if let home, home.weight >= 100 {
                    school.activities![index].rooms = Array(Set(lists.joined()).union(home.rooms)).sorted()
                }
            } else if let home {
                if home.weight >= 100 {
                    school.activities![index].rooms = home.rooms
                } else {
                    school.activities![index].preferredRooms = home.rooms
                    weight = max(weight, home.weight)
                }
            }
        }
        school.weights?.preferredRoom = weight
        if Set(roomRules.softWeights.union(roomRules.home.values.map(\.weight).filter { $0 < 100 })).count > 1 {
            report.warnings.append(
                "soft room rules all weigh as the heaviest of them (\(Int(weight))%): FlexPlan has one weight for the rule"
            )
        }
    }
}

extension FETSchoolBuilder {
    /// For a rule with a `Component_Number` (FET's subactivities rules): activity id → whether
    /// the activity is that component of its split activity. FET numbers the components of a
    /// split activity from its `Activity_Group_Id` (id − group id + 1); an activity not split
    /// is component 1. Nil for a rule without the field.
    func componentNumbers(_ element: FETElement) throws -> [String: Bool]? {
        guard let component = try wholeNumber(element, "Component_Number", atLeast: 1) else { return nil }
        var result: [String: Bool] = [:]
        for activity in root.child("Activities_List")?.all("Activity") ?? [] {
            guard let id = activity.value("Id"), activityIndex[id] != nil, let number = Int(id) else { continue }
            let group = try wholeNumber(activity, "Activity_Group_Id") ?? 0
            result[id] = (group == 0 ? 1 : number - group + 1) == component
        }
        return result
    }
}
