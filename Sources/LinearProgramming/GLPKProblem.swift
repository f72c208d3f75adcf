internal import CGLPKGuard
import Glibc

/// Owns one GLPK problem on the thread that created it.
///
/// GLPK's environment is thread-local: a problem is created, used and freed on one thread.
/// A guarded GLPK error frees the whole environment of its thread, and with it this problem;
/// the thread's environment generation then differs from the one recorded here, every use
/// throws ``LinearProgrammingError/deadSolver`` and `deinit` frees nothing.
final class GLPKProblem {
    let pointer: OpaquePointer
    let thread: pthread_t
    let generation: UInt

    /// Creates a problem holding `model`.
    convenience init(_ model: Model) throws {
        try self.init()
        try load(model)
    }

    /// Creates an empty problem (to read a file into).
    init() throws {
        var created: OpaquePointer?
        try GLPKProblem.guarded("glp_create_prob", fpg_create_problem(&created))
        guard let created else {
            throw LinearProgrammingError.glpkError(routine: "glp_create_prob", message: "no problem")
        }
        pointer = created
        thread = pthread_self()
        generation = UInt(fpg_environment_generation())
    }

    deinit {
        if pthread_equal(thread, pthread_self()) != 0, isAlive {
            _ = fpg_delete_problem(pointer)
        }
    }

    /// Whether the problem still exists (call on the owning thread).
    var isAlive: Bool { UInt(fpg_environment_generation()) == generation }

    /// Throws unless called on the owning thread while the problem exists.
    func ensureUsable() throws {
        guard pthread_equal(thread, pthread_self()) != 0 else { throw LinearProgrammingError.wrongThread }
        guard isAlive else { throw LinearProgrammingError.deadSolver }
    }

    /// Maps a guard code to a thrown error.
    static func guarded(_ routine: String, _ code: CInt) throws {
        switch code {
        case CInt(FPG_OK):
            return
        case CInt(FPG_OUT_OF_MEMORY):
            throw LinearProgrammingError.glpkError(routine: routine, message: "out of memory")
        default:
            let output = String(cString: fpg_last_output())
            let message = output.split(separator: "\n").first.map(String.init) ?? "unknown error"
            throw LinearProgrammingError.glpkError(routine: routine, message: message)
        }
    }

    private func load(_ model: Model) throws {
        try Model.validateName(model.name)
        let kinds = model.variableKinds.map { $0 == .continuous ? CInt(FPG_CONTINUOUS) : CInt(FPG_INTEGER) }
        let columnNames = Self.packedNames(model.variableNames)
        let rowNames = Self.packedNames(model.rowNames)
        let code = model.objectiveCoefficients.withUnsafeBufferPointer { objective in
            model.variableLower.withUnsafeBufferPointer { columnLower in
                model.variableUpper.withUnsafeBufferPointer { columnUpper in
                    kinds.withUnsafeBufferPointer { kinds in
                        model.rowLower.withUnsafeBufferPointer { rowLower in
                            model.rowUpper.withUnsafeBufferPointer { rowUpper in
                                model.rowStarts.withUnsafeBufferPointer { rowStarts in
                                    model.entryColumns.withUnsafeBufferPointer { entryColumns in
                                        model.entryValues.withUnsafeBufferPointer { entryValues in
                                            columnNames.withUnsafeBufferPointer { columnNames in
                                                rowNames.withUnsafeBufferPointer { rowNames in
                                                    model.name.withCString { name in
                                                        var data = fpg_problem_data(
                                                            rows: CInt(model.constraintCount),
                                                            columns: CInt(model.variableCount),
                                                            maximize: model.sense == .maximize ? 1 : 0,
                                                            objective_constant: model.objectiveConstant,
                                                            objective: objective.baseAddress,
                                                            column_lower: columnLower.baseAddress,
                                                            column_upper: columnUpper.baseAddress,
                                                            column_kind: kinds.baseAddress,
                                                            row_lower: rowLower.baseAddress,
                                                            row_upper: rowUpper.baseAddress,
                                                            row_start: rowStarts.baseAddress,
                                                            entry_column: entryColumns.baseAddress,
                                                            entry_value: entryValues.baseAddress,
                                                            column_names: columnNames.isEmpty
                                                                ? nil : columnNames.baseAddress,
                                                            row_names: rowNames.isEmpty ? nil : rowNames.baseAddress,
                                                            problem_name: name)
                                                        return fpg_load_problem(pointer, &data)
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        try Self.guarded("loading the model", code)
    }

    /// Names back to back, each NUL-terminated; empty when no name is set.
    private static func packedNames(_ names: [String]) -> [CChar] {
        guard names.contains(where: { !$0.isEmpty }) else { return [] }
        var buffer: [CChar] = []
        buffer.reserveCapacity(names.reduce(0) { $0 + $1.utf8.count + 1 })
        for name in names {
            buffer.append(contentsOf: name.utf8.map { CChar(bitPattern: $0) })
            buffer.append(0)
        }
        return buffer
    }
}
