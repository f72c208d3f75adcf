import Synchronization

private let modelCounter = Atomic<UInt64>(0)

/// Whether the objective is minimized or maximized.
public enum ObjectiveSense: String, Sendable, Codable {
    case minimize
    case maximize
}

/// A linear or mixed-integer program: variables, constraints and an objective.
///
/// `Model` is a `Sendable` value; building it never touches GLPK. Every input is validated
/// as it is added, so that nothing reaches a GLPK routine that would abort the process:
/// non-finite coefficients, bounds with lower > upper, fractional bounds on integer variables,
/// names GLPK cannot store and variables of other models all throw a
/// ``LinearProgrammingError`` naming the culprit.
///
/// ```swift
/// var model = Model()
/// let x = try model.addVariable("x", upperBound: 4)
/// let y = try model.addVariable("y", kind: .integer)
/// try model.add(x + 2 * y <= 14, name: "capacity")
/// try model.maximize(3 * x + 4 * y)
/// let solution = try model.solve()
/// ```
///
/// Constraints are stored row by row in compressed form, so that a model of millions of
/// nonzeros is built in seconds. A copy of a model shares its identity: variables of the
/// original work in the copy.
public struct Model: Sendable {
    let identity: UInt64

    /// The model's name, written to LP and MPS files.
    public var name: String = ""

    // Columns.
    var variableNames: [String] = []
    var variableKinds: [VariableKind] = []
    var variableLower: [Double] = []
    var variableUpper: [Double] = []

    // Rows, in compressed sparse row form.
    var rowNames: [String] = []
    var rowLower: [Double] = []
    var rowUpper: [Double] = []
    var rowStarts: [Int32] = [0]
    var entryColumns: [Int32] = []
    var entryValues: [Double] = []

    // Objective, dense.
    var objectiveCoefficients: [Double] = []
    /// The objective's constant term.
    public internal(set) var objectiveConstant: Double = 0
    /// Whether the objective is minimized (the default) or maximized.
    public var sense: ObjectiveSense = .minimize

    /// An empty model (minimize 0).
    public init(name: String = "") {
        identity = modelCounter.add(1, ordering: .relaxed).newValue
        self.name = name
    }

    /// The number of variables (columns).
    public var variableCount: Int { variableKinds.count }
    /// The number of constraints (rows).
    public var constraintCount: Int { rowLower.count }
    /// The number of nonzero coefficients in the constraints.
    public var nonzeroCount: Int { entryValues.count }
    /// Whether some variable is integer or binary.
    public var isMixedInteger: Bool { variableKinds.contains { $0 != .continuous } }

    /// All variables, in the order they were added.
    public var variables: [Variable] {
        (0..<variableCount).map { Variable(model: identity, index: $0) }
    }

    /// All constraints, in the order they were added.
    public var constraints: [ConstraintReference] {
        (0..<constraintCount).map { ConstraintReference(model: identity, index: $0) }
    }

    // MARK: Variables

    /// Adds a variable.
    ///
    /// - Parameters:
    ///   - name: At most 255 bytes, no control characters; empty for none.
    ///   - kind: Continuous (default), integer or binary. A binary variable's default bounds
    ///     are 0 and 1; bounds given for it must lie within them.
    ///   - lowerBound: `-infinity` for none. Defaults to 0.
    ///   - upperBound: `+infinity` for none.
    @discardableResult
    public mutating func addVariable(
        _ name: String = "", kind: VariableKind = .continuous,
        lowerBound: Double = 0, upperBound: Double = .infinity
    ) throws -> Variable {
        let label = name.isEmpty ? "#\(variableCount)" : name
        try Self.validateName(name)
        var upper = upperBound
        if kind == .binary {
            upper = min(upperBound, 1)
            if lowerBound < 0 || upperBound < 0 || lowerBound > 1 {
                throw LinearProgrammingError.invalidBounds(
                    context: "binary variable \(label)", lower: lowerBound, upper: upperBound)
            }
        }
        try Self.validateBounds(lowerBound, upper, context: "variable \(label)")
        if kind != .continuous {
            for bound in [lowerBound, upper] where bound.isFinite && bound != bound.rounded() {
                throw LinearProgrammingError.fractionalIntegerBound(variable: label, bound: bound)
            }
        }
        guard variableCount < Int(Int32.max) else {
            throw LinearProgrammingError.tooLarge(what: "variables", count: variableCount + 1)
        }
        variableNames.append(name)
        variableKinds.append(kind)
        variableLower.append(lowerBound)
        variableUpper.append(upper)
        objectiveCoefficients.append(0)
        return Variable(model: identity, index: variableCount - 1)
    }

    /// Adds a binary (0/1) variable.
    @discardableResult
    public mutating func addBinary(_ name: String = "") throws -> Variable {
        try addVariable(name, kind: .binary, lowerBound: 0, upperBound: 1)
    }

    /// The name given to `variable`, or "" when it has none.
    public func name(of variable: Variable) throws -> String {
        try check(variable, context: "name(of:)")
        return variableNames[variable.index]
    }

    /// The name given to `constraint`, or "" when it has none.
    public func name(of constraint: ConstraintReference) throws -> String {
        try check(constraint)
        return rowNames[constraint.index]
    }

    /// The kind of `variable`.
    public func kind(of variable: Variable) throws -> VariableKind {
        try check(variable, context: "kind(of:)")
        return variableKinds[variable.index]
    }

    /// The bounds of `variable`.
    public func bounds(of variable: Variable) throws -> (lower: Double, upper: Double) {
        try check(variable, context: "bounds(of:)")
        return (variableLower[variable.index], variableUpper[variable.index])
    }

    /// Changes the bounds of `variable`, e.g. to fix it (`lower == upper`).
    public mutating func setBounds(of variable: Variable, lower: Double, upper: Double) throws {
        try check(variable, context: "setBounds(of:)")
        let label = label(of: variable)
        try Self.validateBounds(lower, upper, context: "variable \(label)")
        if variableKinds[variable.index] != .continuous {
            for bound in [lower, upper] where bound.isFinite && bound != bound.rounded() {
                throw LinearProgrammingError.fractionalIntegerBound(variable: label, bound: bound)
            }
        }
        variableLower[variable.index] = lower
        variableUpper[variable.index] = upper
    }

    // MARK: Constraints

    /// Adds a constraint.
    ///
    /// Coefficients of a variable that appears several times are added; zero coefficients
    /// are dropped. Throws if a coefficient or the constant is not finite, if the bounds
    /// exclude every value, if a variable belongs to another model, or if the name is invalid.
    @discardableResult
    public mutating func add(_ constraint: Constraint, name: String = "") throws -> ConstraintReference {
        let label = name.isEmpty ? "constraint #\(constraintCount)" : "constraint \(name)"
        try Self.validateName(name)
        let expression = constraint.expression
        try check(expression, context: label)
        guard expression.constant.isFinite else {
            throw LinearProgrammingError.nonFiniteValue(what: "constant term", context: label)
        }
        let lower = constraint.lowerBound - expression.constant
        let upper = constraint.upperBound - expression.constant
        try Self.validateBounds(lower, upper, context: label)
        let start = entryColumns.count
        guard start + expression.termCount < Int(Int32.max) else {
            throw LinearProgrammingError.tooLarge(
                what: "nonzeros", count: start + expression.termCount)
        }
        appendMerged(expression)
        rowStarts.append(Int32(entryColumns.count))
        rowLower.append(lower)
        rowUpper.append(upper)
        rowNames.append(name)
        return ConstraintReference(model: identity, index: constraintCount - 1)
    }

    /// The bounds of `constraint` (the expression's constant already moved into them).
    public func bounds(of constraint: ConstraintReference) throws -> (lower: Double, upper: Double) {
        try check(constraint)
        return (rowLower[constraint.index], rowUpper[constraint.index])
    }

    /// Changes the bounds (right-hand sides) of `constraint`.
    public mutating func setBounds(of constraint: ConstraintReference, lower: Double, upper: Double) throws {
        try check(constraint)
        try Self.validateBounds(lower, upper, context: "constraint \(label(of: constraint))")
        rowLower[constraint.index] = lower
        rowUpper[constraint.index] = upper
    }

    /// The terms of `constraint` as stored: each variable once, in increasing order.
    public func terms(of constraint: ConstraintReference) throws -> [(variable: Variable, coefficient: Double)] {
        try check(constraint)
        let range = Int(rowStarts[constraint.index])..<Int(rowStarts[constraint.index + 1])
        return range.map { (Variable(model: identity, index: Int(entryColumns[$0])), entryValues[$0]) }
    }

    /// Appends the expression's terms with duplicates merged and zeros dropped.
    private mutating func appendMerged(_ expression: LinearExpression) {
        let indices = expression.indices
        let coefficients = expression.coefficients
        var increasing = true
        var hasZero = false
        for k in indices.indices {
            if k > 0 && indices[k] <= indices[k - 1] { increasing = false }
            if coefficients[k] == 0 { hasZero = true }
        }
        if increasing && !hasZero {
            entryColumns.append(contentsOf: indices)
            entryValues.append(contentsOf: coefficients)
            return
        }
        let order = indices.indices.sorted { indices[$0] < indices[$1] }
        var k = 0
        while k < order.count {
            let column = indices[order[k]]
            var value = 0.0
            while k < order.count && indices[order[k]] == column {
                value += coefficients[order[k]]
                k += 1
            }
            if value != 0 {
                entryColumns.append(column)
                entryValues.append(value)
            }
        }
    }

    // MARK: Objective

    /// Sets the objective to minimize `expression` (its constant included).
    public mutating func minimize(_ expression: LinearExpression) throws {
        try setObjective(expression, sense: .minimize)
    }

    /// Sets the objective to maximize `expression` (its constant included).
    public mutating func maximize(_ expression: LinearExpression) throws {
        try setObjective(expression, sense: .maximize)
    }

    /// Sets the objective; coefficients of a repeated variable are added.
    public mutating func setObjective(_ expression: LinearExpression, sense: ObjectiveSense) throws {
        try check(expression, context: "objective")
        guard expression.constant.isFinite else {
            throw LinearProgrammingError.nonFiniteValue(what: "constant term", context: "objective")
        }
        var coefficients = [Double](repeating: 0, count: variableCount)
        for (index, coefficient) in zip(expression.indices, expression.coefficients) {
            coefficients[Int(index)] += coefficient
        }
        objectiveCoefficients = coefficients
        objectiveConstant = expression.constant
        self.sense = sense
    }

    /// The objective coefficient of `variable`.
    public func objectiveCoefficient(of variable: Variable) throws -> Double {
        try check(variable, context: "objectiveCoefficient(of:)")
        return objectiveCoefficients[variable.index]
    }

    /// Changes the objective coefficient of one variable.
    public mutating func setObjectiveCoefficient(of variable: Variable, to value: Double) throws {
        try check(variable, context: "objective")
        guard value.isFinite else {
            throw LinearProgrammingError.nonFiniteValue(
                what: "objective coefficient of \(label(of: variable))", context: "objective")
        }
        objectiveCoefficients[variable.index] = value
    }

    // MARK: Validation

    func label(of variable: Variable) -> String {
        let name = variableNames[variable.index]
        return name.isEmpty ? "#\(variable.index)" : name
    }

    func label(of constraint: ConstraintReference) -> String {
        let name = rowNames[constraint.index]
        return name.isEmpty ? "#\(constraint.index)" : name
    }

    func check(_ variable: Variable, context: String) throws {
        guard variable.model == identity, variable.index >= 0, variable.index < variableCount else {
            throw LinearProgrammingError.foreignVariable(variable: variable.description, context: context)
        }
    }

    func check(_ constraint: ConstraintReference) throws {
        guard constraint.model == identity, constraint.index >= 0, constraint.index < constraintCount else {
            throw LinearProgrammingError.foreignVariable(
                variable: constraint.description, context: "constraint of another model")
        }
    }

    func check(_ expression: LinearExpression, context: String) throws {
        if let foreign = expression.foreignVariable {
            throw LinearProgrammingError.foreignVariable(variable: foreign.description, context: context)
        }
        if expression.model != 0 && expression.model != identity {
            throw LinearProgrammingError.foreignVariable(
                variable: "#\(expression.indices[0])", context: context)
        }
        let count = Int32(truncatingIfNeeded: variableCount)
        for (index, coefficient) in zip(expression.indices, expression.coefficients) {
            guard index < count else {
                throw LinearProgrammingError.foreignVariable(variable: "#\(index)", context: context)
            }
            guard coefficient.isFinite else {
                throw LinearProgrammingError.nonFiniteValue(
                    what: "coefficient of \(label(of: Variable(model: identity, index: Int(index))))",
                    context: context)
            }
        }
    }

    static func validateBounds(_ lower: Double, _ upper: Double, context: String) throws {
        if lower.isNaN || upper.isNaN {
            throw LinearProgrammingError.nonFiniteValue(what: "bound", context: context)
        }
        if lower > upper || lower == .infinity || upper == -.infinity {
            throw LinearProgrammingError.invalidBounds(context: context, lower: lower, upper: upper)
        }
    }

    static func validateName(_ name: String) throws {
        if name.utf8.count > 255 {
            throw LinearProgrammingError.invalidName(
                name: name, reason: "\(name.utf8.count) bytes, GLPK stores at most 255")
        }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw LinearProgrammingError.invalidName(name: name, reason: "contains control characters")
        }
    }
}
