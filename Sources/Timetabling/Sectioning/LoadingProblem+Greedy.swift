import SchoolModel

extension LoadingProblem {
    /// A loading built student by student, hardest first (fewest sections for some request),
    /// each student's best timetable found by a depth-first search over their requests with
    /// the seats left; sections least full first, so sizes stay even.
    func greedy(nodeLimit: Int = 20_000) -> Loading {
        var loading: Loading = students.map { Array(repeating: nil, count: $0.requests.count) }
        var size = [Int](repeating: 0, count: sections.count)
        var members = [Set<Int>](repeating: [], count: sections.count)
        let difficulty = students.map { $0.requests.map(\.sectionCount).min() ?? 0 }
        let order = students.indices.sorted { (difficulty[$0], $0) < (difficulty[$1], $1) }
        for student in order {
            let chosen = bestTimetable(for: student, size: size, members: members, nodeLimit: nodeLimit)
            for pick in chosen.compactMap({ $0 }) {
                size[pick.section] += 1
                members[pick.section].insert(student)
            }
            loading[student] = chosen
        }
        return loading
    }

    /// The best picks for one student given the sections' sizes and members so far.
    private func bestTimetable(
        for student: Int, size: [Int], members: [Set<Int>], nodeLimit: Int
    ) -> [(option: Int, section: Int)?] {
        let entry = students[student]
        let requests = entry.requests
        let order = requests.indices.sorted {
            (requests[$0].sectionCount, $0) < (requests[$1].sectionCount, $1)
        }
        var remaining = [Double](repeating: 0, count: order.count + 1)
        for position in order.indices.reversed() {
            remaining[position] = remaining[position + 1] + requests[order[position]].bestScore
        }
        var current: [(option: Int, section: Int)?] = Array(repeating: nil, count: requests.count)
        var best = current
        var bestScore = -1.0
        var mask = [UInt64](repeating: 0, count: masks.first?.count ?? 1)
        var courses = Set<String>()
        var nodes = 0
        func fits(_ section: Int) -> Bool {
            size[section] < sections[section].capacity
                && !zip(mask, masks[section]).contains { $0 & $1 != 0 }
                && !entry.apart.contains { members[section].contains($0) }
        }
        func search(_ position: Int, _ score: Double) {
            nodes += 1
            guard nodes <= nodeLimit, score + remaining[position] > bestScore + 1e-9 else { return }
            guard position < order.count else {
                best = current
                bestScore = score
                return
            }
            let request = order[position]
            for (index, option) in requests[request].options.enumerated() where !courses.contains(option.course) {
                let open = option.sections.filter(fits).sorted {
                    (Double(size[$0]) / Double(max(1, sections[$0].capacity)), $0)
                        < (Double(size[$1]) / Double(max(1, sections[$1].capacity)), $1)
                }
                for section in open {
                    current[request] = (index, section)
                    courses.insert(option.course)
                    for word in mask.indices { mask[word] |= masks[section][word] }
                    search(position + 1, score + option.score)
                    for word in mask.indices { mask[word] &= ~masks[section][word] }
                    courses.remove(option.course)
                    current[request] = nil
                }
            }
            search(position + 1, score)
        }
        search(0, 0)
        return best
    }
}
