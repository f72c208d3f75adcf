internal import CGLPKGuard
import Foundation

/// Model file formats GLPK reads and writes.
public enum ModelFileFormat: String, Sendable, CaseIterable {
    /// CPLEX LP (`glp_write_lp`, `glp_read_lp`); keeps the objective sense.
    case lp
    /// Free MPS (`glp_write_mps`, `glp_read_mps` with `GLP_MPS_FILE`).
    ///
    /// GLPK's MPS has no objective sense (it rejects an `OBJSENSE` section). FlexPlan writes
    /// a maximize model with the comment line `* OBJSENSE MAX` at the top, which other tools
    /// ignore and ``Model/init(contentsOf:format:)`` honours; when reading, it also accepts an
    /// `OBJSENSE` section (as CBC and HiGHS write it) and strips it before GLPK sees the file.
    case mps

    /// The format a path's extension names (`.lp`, `.mps`), if any.
    public init?(path: String) {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "lp": self = .lp
        case "mps": self = .mps
        default: return nil
        }
    }
}

private let objectiveSenseComment = "* OBJSENSE MAX"

extension Model {
    /// Writes the model to `path` (replaced atomically).
    public func write(to path: String, format: ModelFileFormat) throws {
        try checkUniqueNames()
        let problem = try GLPKProblem(self)
        let temporary = Self.temporaryPath(near: path)
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        var code: CInt = 0
        let routine = format == .lp ? "glp_write_lp" : "glp_write_mps"
        try GLPKProblem.guarded(
            routine,
            temporary.withCString { name in
                format == .lp ? fpg_write_lp(problem.pointer, name, &code) : fpg_write_mps(problem.pointer, name, &code)
            })
        guard code == 0 else {
            throw LinearProgrammingError.fileError(path: path, message: Self.lastGLPKLine("cannot write"))
        }
        if format == .mps && sense == .maximize {
            let text = try String(contentsOfFile: temporary, encoding: .utf8)
            try (objectiveSenseComment + "\n" + text).write(toFile: temporary, atomically: false, encoding: .utf8)
        }
        try Self.replace(path, with: temporary)
    }

    /// Reads a model from an LP or MPS file.
    ///
    /// Variables and constraints keep the file's names; GLPK's objective row is the objective.
    public init(contentsOf path: String, format: ModelFileFormat) throws {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw LinearProgrammingError.fileError(path: path, message: "no readable file")
        }
        var readPath = path
        var maximize = false
        var strippedCopy: String?
        if format == .mps {
            let text: String
            do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw LinearProgrammingError.fileError(path: path, message: "not UTF-8 text")
            }
            let (sense, stripped) = Self.mpsObjectiveSense(text)
            maximize = sense == .maximize
            if let stripped {
                let copy = Self.temporaryPath(near: NSTemporaryDirectory() + "flexplan.mps")
                try stripped.write(toFile: copy, atomically: false, encoding: .utf8)
                strippedCopy = copy
                readPath = copy
            }
        }
        defer { if let strippedCopy { try? FileManager.default.removeItem(atPath: strippedCopy) } }
        let problem = try GLPKProblem()
        var code: CInt = 0
        let routine = format == .lp ? "glp_read_lp" : "glp_read_mps"
        try GLPKProblem.guarded(
            routine,
            readPath.withCString { name in
                format == .lp ? fpg_read_lp(problem.pointer, name, &code) : fpg_read_mps(problem.pointer, name, &code)
            })
        guard code == 0 else {
            var message = Self.lastGLPKLine("cannot read")
            if let strippedCopy { message = message.replacingOccurrences(of: strippedCopy, with: path) }
            throw LinearProgrammingError.fileError(path: path, message: message)
        }
        try self.init(problem: problem, maximize: maximize ? true : nil)
        if name.isEmpty { name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }
    }

    /// Copies a problem out of GLPK. `maximize`, when given, overrides the problem's sense.
    init(problem: GLPKProblem, maximize: Bool?) throws {
        var rows: CInt = 0, columns: CInt = 0, nonzeros: CInt = 0
        try GLPKProblem.guarded("reading the problem", fpg_problem_size(problem.pointer, &rows, &columns, &nonzeros))
        self.init()
        let n = Int(columns), m = Int(rows)
        objectiveCoefficients = [Double](repeating: 0, count: n)
        variableLower = objectiveCoefficients
        variableUpper = objectiveCoefficients
        var kinds = [CInt](repeating: 0, count: n)
        rowLower = [Double](repeating: 0, count: m)
        rowUpper = rowLower
        rowStarts = [Int32](repeating: 0, count: m + 1)
        entryColumns = [Int32](repeating: 0, count: Int(nonzeros))
        entryValues = [Double](repeating: 0, count: Int(nonzeros))
        var fileMaximize: CInt = 0
        var constant = 0.0
        let code = objectiveCoefficients.withUnsafeMutableBufferPointer { objective in
            variableLower.withUnsafeMutableBufferPointer { lower in
                variableUpper.withUnsafeMutableBufferPointer { upper in
                    kinds.withUnsafeMutableBufferPointer { kinds in
                        rowLower.withUnsafeMutableBufferPointer { rowLower in
                            rowUpper.withUnsafeMutableBufferPointer { rowUpper in
                                rowStarts.withUnsafeMutableBufferPointer { starts in
                                    entryColumns.withUnsafeMutableBufferPointer { columns in
                                        entryValues.withUnsafeMutableBufferPointer { values in
                                            var out = fpg_problem_extract(
                                                maximize: 0, objective_constant: 0,
                                                objective: objective.baseAddress,
                                                column_lower: lower.baseAddress,
                                                column_upper: upper.baseAddress,
                                                column_kind: kinds.baseAddress,
                                                row_lower: rowLower.baseAddress,
                                                row_upper: rowUpper.baseAddress,
                                                row_start: starts.baseAddress,
                                                entry_column: columns.baseAddress,
                                                entry_value: values.baseAddress)
                                            let code = fpg_extract_problem(problem.pointer, &out)
                                            fileMaximize = out.maximize
                                            constant = out.objective_constant
                                            return code
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        try GLPKProblem.guarded("reading the problem", code)
        variableKinds = kinds.indices.map { j in
            guard kinds[j] != 0 else { return .continuous }
            return variableLower[j] == 0 && variableUpper[j] == 1 ? .binary : .integer
        }
        variableNames = (0..<n).map { j in fpg_column_name(problem.pointer, CInt(j)).map { String(cString: $0) } ?? "" }
        rowNames = (0..<m).map { i in fpg_row_name(problem.pointer, CInt(i)).map { String(cString: $0) } ?? "" }
        objectiveConstant = constant
        sense = (maximize ?? (fileMaximize != 0)) ? .maximize : .minimize
    }

    // MARK: Helpers

    /// LP and MPS files refer to variables and rows by name: two with one name would merge.
    private func checkUniqueNames() throws {
        for (names, what) in [(variableNames, "variable"), (rowNames, "constraint")] {
            var seen = Set<String>()
            for name in names where !name.isEmpty {
                guard seen.insert(name).inserted else {
                    throw LinearProgrammingError.invalidName(
                        name: name, reason: "two \(what)s share this name; a model file needs unique names")
                }
            }
        }
    }

    /// The objective sense an MPS text declares, and the text without an OBJSENSE section
    /// when it has one (GLPK rejects it).
    static func mpsObjectiveSense(_ text: String) -> (ObjectiveSense, String?) {
        var sense = ObjectiveSense.minimize
        var lines = text.components(separatedBy: "\n")
        if lines.prefix(while: { $0.hasPrefix("*") }).contains(where: {
            $0.trimmingCharacters(in: .whitespaces).uppercased() == objectiveSenseComment
        }) {
            sense = .maximize
        }
        guard
            let header = lines.firstIndex(where: {
                $0.trimmingCharacters(in: .whitespaces).uppercased().hasPrefix("OBJSENSE")
            })
        else { return (sense, nil) }
        let words = lines[header].split(separator: " ").map { $0.uppercased() }
        var remove = [header]
        var word = words.count > 1 ? words[1] : nil
        if word == nil, header + 1 < lines.count, lines[header + 1].first?.isWhitespace == true {
            word = lines[header + 1].trimmingCharacters(in: .whitespaces).uppercased()
            remove.append(header + 1)
        }
        if word == "MAX" || word == "MAXIMIZE" { sense = .maximize }
        if word == "MIN" || word == "MINIMIZE" { sense = .minimize }
        for index in remove.reversed() { lines[index] = "*" + lines[index] }
        return (sense, lines.joined(separator: "\n"))
    }

    private static func lastGLPKLine(_ fallback: String) -> String {
        String(cString: fpg_last_output()).split(separator: "\n").last.map(String.init) ?? fallback
    }

    static func temporaryPath(near path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
    }

    /// Moves `temporary` over `path` after flushing it to disk.
    static func replace(_ path: String, with temporary: String) throws {
        let descriptor = open(temporary, O_RDONLY)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
        guard rename(temporary, path) == 0 else {
            throw LinearProgrammingError.fileError(
                path: path, message: String(cString: strerror(errno)))
        }
    }
}
