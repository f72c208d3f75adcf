/// A sum of variables times coefficients, plus a constant.
///
/// Build expressions with `+`, `-` and `*` by constants, with ``sum(_:)-5ab6f`` and with the
/// in-place `+=` and ``add(_:_:)``, which append without copying: growing one expression in a
/// loop costs time linear in its length. A variable may appear several times; its coefficients
/// are added when the expression enters a model.
///
/// `LinearExpression` is deliberately not `Equatable`: `==`, `<=` and `>=` build a
/// ``Constraint``.
public struct LinearExpression: Sendable, CustomStringConvertible {
    var indices: [Int32] = []
    var coefficients: [Double] = []
    /// The constant term.
    public var constant: Double = 0
    /// The model of the first variable added; 0 while there is none.
    var model: UInt64 = 0
    /// The first variable found that belongs to another model than `model`.
    var foreignVariable: Variable?

    /// The expression `constant`.
    public init(_ constant: Double = 0) {
        self.constant = constant
    }

    /// The expression `coefficient × variable`.
    public init(_ variable: Variable, coefficient: Double = 1) {
        add(coefficient, variable)
    }

    /// The number of terms (a variable that appears twice counts twice).
    public var termCount: Int { indices.count }

    /// Reserves room for `count` terms.
    public mutating func reserveCapacity(_ count: Int) {
        indices.reserveCapacity(count)
        coefficients.reserveCapacity(count)
    }

    /// Appends `coefficient × variable` in place.
    public mutating func add(_ coefficient: Double, _ variable: Variable) {
        note(variable)
        indices.append(Int32(truncatingIfNeeded: variable.index))
        coefficients.append(coefficient)
    }

    /// Appends `factor × expression` in place.
    public mutating func add(_ expression: LinearExpression, times factor: Double = 1) {
        if expression.model != 0 {
            if model == 0 {
                model = expression.model
            } else if model != expression.model, foreignVariable == nil {
                foreignVariable = Variable(model: expression.model, index: Int(expression.indices[0]))
            }
        }
        if foreignVariable == nil, let foreign = expression.foreignVariable {
            foreignVariable = foreign
        }
        indices.append(contentsOf: expression.indices)
        if factor == 1 {
            coefficients.append(contentsOf: expression.coefficients)
        } else {
            coefficients.append(contentsOf: expression.coefficients.lazy.map { $0 * factor })
        }
        constant += factor * expression.constant
    }

    /// Multiplies every coefficient and the constant by `factor`.
    public mutating func scale(by factor: Double) {
        for k in coefficients.indices { coefficients[k] *= factor }
        constant *= factor
    }

    private mutating func note(_ variable: Variable) {
        if model == 0 {
            model = variable.model
        } else if model != variable.model, foreignVariable == nil {
            foreignVariable = variable
        }
    }

    /// The terms as (variable index, coefficient) pairs, in the order they were added.
    public var terms: [(index: Int, coefficient: Double)] {
        zip(indices, coefficients).map { (Int($0), $1) }
    }

    public var description: String {
        var parts = zip(indices, coefficients).map { "\($1) x#\($0)" }
        if constant != 0 || parts.isEmpty { parts.append("\(constant)") }
        return parts.joined(separator: " + ")
    }
}

/// The sum of `variables`, built in one pass.
public func sum<S: Sequence>(_ variables: S) -> LinearExpression where S.Element == Variable {
    var result = LinearExpression()
    result.reserveCapacity(variables.underestimatedCount)
    for variable in variables { result.add(1, variable) }
    return result
}

/// The sum of `expressions`, built in one pass.
public func sum<S: Sequence>(_ expressions: S) -> LinearExpression
where S.Element == LinearExpression {
    var result = LinearExpression()
    for expression in expressions { result.add(expression) }
    return result
}

/// The sum of `term(element)` over `elements`, built in one pass.
public func sum<S: Sequence>(
    _ elements: S, _ term: (S.Element) throws -> LinearExpression
)
    rethrows -> LinearExpression
{
    var result = LinearExpression()
    for element in elements { result.add(try term(element)) }
    return result
}
