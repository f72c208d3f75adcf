import LinearProgramming
import SchoolModel

/// The loading MIP and the map between its variables and a loading.
struct LoadingModel {
    /// One binary per (student, request, option, section): the student takes the section to
    /// meet the request through the option. Variable `i` is `picks[i]`.
    struct Pick {
        var student: Int
        var request: Int
        var option: Int
        var section: Int
    }

    var model: Model
    var picks: [Pick]
    /// Per balanced course: its largest and smallest section size variables.
    var spread: [(largest: Variable, smallest: Variable, sections: [Int])]
    /// Per keep-with pair and shared candidate section: |x_a − x_b|.
    var splits: [(variable: Variable, first: Int, second: Int, section: Int)]
    /// Section sizes from the students outside the model.
    let base: [Int]
    /// The current loading, for the students outside the model.
    let fixed: LoadingProblem.Loading

    /// Variable values for a loading (a warm start).
    func warmStart(_ loading: LoadingProblem.Loading) -> [Double] {
        var values = [Double](repeating: 0, count: model.variableCount)
        var size: [Int: Int] = Dictionary(uniqueKeysWithValues: base.enumerated().map { ($0, $1) })
        var taken = Set<[Int]>()
        for (index, pick) in picks.enumerated() {
            if let chosen = loading[pick.student][pick.request], chosen.option == pick.option,
                chosen.section == pick.section
            {
                values[index] = 1
                size[pick.section, default: 0] += 1
                taken.insert([pick.student, pick.section])
            }
        }
        for course in spread {
            let sizes = course.sections.map { size[$0] ?? 0 }
            values[course.largest.index] = Double(sizes.max()!)
            values[course.smallest.index] = Double(sizes.min()!)
        }
        for split in splits {
            let first = taken.contains([split.first, split.section])
            let second = taken.contains([split.second, split.section])
            values[split.variable.index] = first != second ? 1 : 0
        }
        return values
    }

    /// The loading a solution's values describe.
    func assignment(_ values: [Double]) -> LoadingProblem.Loading {
        var loading = fixed
        for pick in picks { loading[pick.student][pick.request] = nil }
        for (index, pick) in picks.enumerated() where values[index] > 0.5 {
            loading[pick.student][pick.request] = (pick.option, pick.section)
        }
        return loading
    }
}

extension LoadingProblem {
    /// The loading MIP (see ``StudentLoader``) for the students `free`, the others kept as in
    /// `loading` (their seats taken, their keep-apart and keep-with partners fixed); without the
    /// section-size spread term when `balancing` is false.
    func buildModel(free: [Int], loading: Loading, balancing: Bool = true) throws -> LoadingModel {
        var model = Model(name: "loading")
        let isFree = Set(free)
        var base = [Int](repeating: 0, count: sections.count)
        var members = [Set<Int>](repeating: [], count: sections.count)
        for (student, chosen) in loading.enumerated() where !isFree.contains(student) {
            for pick in chosen.compactMap({ $0 }) {
                base[pick.section] += 1
                members[pick.section].insert(student)
            }
        }
        var picks: [LoadingModel.Pick] = []
        for student in free.sorted() {
            let entry = students[student]
            for (request, wish) in entry.requests.enumerated() {
                for (option, way) in wish.options.enumerated() {
                    // A partner to keep apart from, outside the model, closes the section.
                    for section in way.sections where !entry.apart.contains(where: { members[section].contains($0) }) {
                        picks.append(
                            LoadingModel.Pick(student: student, request: request, option: option, section: section))
                    }
                }
            }
        }
        var objective = LinearExpression()
        var variables: [Variable] = []
        variables.reserveCapacity(picks.count)
        for pick in picks {
            let variable = try model.addBinary()
            variables.append(variable)
            var score = students[pick.student].requests[pick.request].options[pick.option].score
            // Keep-with partners outside the model: joining theirs saves a split, any other
            // shared candidate section costs one.
            for other in students[pick.student].with where !isFree.contains(other) {
                guard candidates[other].contains(pick.section) else { continue }
                score += (members[pick.section].contains(other) ? 1 : -1) * options.keepWithWeight
            }
            objective.add(score, variable)
        }
        var bySection = [[Int]](repeating: [], count: sections.count)
        var byStudentSection: [[Int]: [Int]] = [:]
        var first = 0
        while first < picks.count {
            let student = picks[first].student
            var last = first
            while last < picks.count && picks[last].student == student { last += 1 }
            try addStudentRows(model: &model, variables: variables, picks: picks, range: first..<last)
            first = last
        }
        for (index, pick) in picks.enumerated() {
            bySection[pick.section].append(index)
            byStudentSection[[pick.student, pick.section], default: []].append(index)
        }
        func size(_ section: Int) -> LinearExpression {
            var expression = sum(bySection[section].map { variables[$0] })
            expression.constant = Double(base[section])
            return expression
        }
        for (section, joining) in bySection.enumerated()
        where base[section] + joining.count > sections[section].capacity {
            try model.add(size(section) <= Double(sections[section].capacity))
        }
        var spread: [(largest: Variable, smallest: Variable, sections: [Int])] = []
        if balancing && options.balanceWeight > 0 {
            for course in balancedCourses {
                let largest = try model.addVariable()
                let smallest = try model.addVariable()
                for section in course {
                    try model.add(size(section) <= LinearExpression(largest))
                    try model.add(size(section) >= LinearExpression(smallest))
                }
                objective.add(-options.balanceWeight, largest)
                objective.add(options.balanceWeight, smallest)
                spread.append((largest, smallest, course))
            }
        }
        func taking(_ student: Int, _ section: Int) -> LinearExpression {
            sum((byStudentSection[[student, section]] ?? []).map { variables[$0] })
        }
        var splits: [(variable: Variable, first: Int, second: Int, section: Int)] = []
        for student in free.sorted() {
            let entry = students[student]
            let mine = candidates[student]
            for other in entry.apart where other > student && isFree.contains(other) {
                for section in mine.intersection(candidates[other]).sorted() {
                    try model.add(taking(student, section) + taking(other, section) <= 1)
                }
            }
            for other in entry.with where other > student && isFree.contains(other) && options.keepWithWeight > 0 {
                for section in mine.intersection(candidates[other]).sorted() {
                    let split = try model.addVariable(upperBound: 1)
                    try model.add(LinearExpression(split) >= taking(student, section) - taking(other, section))
                    try model.add(LinearExpression(split) >= taking(other, section) - taking(student, section))
                    objective.add(-options.keepWithWeight, split)
                    splits.append((split, student, other, section))
                }
            }
        }
        try model.maximize(objective)
        return LoadingModel(
            model: model, picks: picks, spread: spread, splits: splits, base: base, fixed: loading)
    }

    /// One student's rows: a request met at most once, a course taken at most once, no two
    /// sections in one slot (identical slot rows once).
    private func addStudentRows(
        model: inout Model, variables: [Variable], picks: [LoadingModel.Pick], range: Range<Int>
    ) throws {
        var byRequest: [Int: [Int]] = [:]
        var byCourse: [String: [Int]] = [:]
        var bySlot: [Int: [Int]] = [:]
        for index in range {
            let pick = picks[index]
            byRequest[pick.request, default: []].append(index)
            let course = students[pick.student].requests[pick.request].options[pick.option].course
            byCourse[course, default: []].append(index)
            for slot in sections[pick.section].slots { bySlot[slot, default: []].append(index) }
        }
        for request in byRequest.keys.sorted() where byRequest[request]!.count > 1 {
            try model.add(sum(byRequest[request]!.map { variables[$0] }) <= 1)
        }
        for course in byCourse.keys.sorted() {
            let members = byCourse[course]!
            guard Set(members.map { picks[$0].request }).count > 1 else { continue }
            try model.add(sum(members.map { variables[$0] }) <= 1)
        }
        var seen = Set<[Int]>()
        for slot in bySlot.keys.sorted() {
            let members = bySlot[slot]!
            guard Set(members.map { picks[$0].request }).count > 1, seen.insert(members).inserted else { continue }
            try model.add(sum(members.map { variables[$0] }) <= 1)
        }
    }
}
