/// A linear constraint `lowerBound ≤ expression ≤ upperBound` not yet added to a model.
///
/// Write it with `<=`, `>=` or `==` between expressions, variables and numbers, or give both
/// bounds for a range: `Constraint(x + y, lowerBound: 2, upperBound: 5)`. The expression's
/// constant moves into the bounds. Add it with ``Model/add(_:name:)``.
public struct Constraint: Sendable {
    /// The expression, constant term included.
    public var expression: LinearExpression
    /// The lower bound; `-infinity` for none.
    public var lowerBound: Double
    /// The upper bound; `+infinity` for none.
    public var upperBound: Double

    /// `lowerBound ≤ expression ≤ upperBound`.
    public init(_ expression: LinearExpression, lowerBound: Double = -.infinity, upperBound: Double = .infinity) {
        self.expression = expression
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }
}

/// A constraint in a model: its position and the identity of its model.
public struct ConstraintReference: Sendable, Hashable, CustomStringConvertible {
    let model: UInt64
    /// Position of the constraint (row) in its model, from 0.
    public let index: Int

    public var description: String { "row #\(index)" }
}

extension LinearExpression {
    public static func <= (lhs: LinearExpression, rhs: LinearExpression) -> Constraint {
        Constraint(lhs - rhs, upperBound: 0)
    }

    public static func <= (lhs: LinearExpression, rhs: Double) -> Constraint {
        Constraint(lhs, upperBound: rhs)
    }

    public static func <= (lhs: Double, rhs: LinearExpression) -> Constraint {
        Constraint(rhs, lowerBound: lhs)
    }

    public static func <= (lhs: LinearExpression, rhs: Variable) -> Constraint {
        Constraint(lhs - rhs, upperBound: 0)
    }

    public static func <= (lhs: Variable, rhs: LinearExpression) -> Constraint {
        Constraint(lhs - rhs, upperBound: 0)
    }

    public static func >= (lhs: LinearExpression, rhs: LinearExpression) -> Constraint {
        Constraint(lhs - rhs, lowerBound: 0)
    }

    public static func >= (lhs: LinearExpression, rhs: Double) -> Constraint {
        Constraint(lhs, lowerBound: rhs)
    }

    public static func >= (lhs: Double, rhs: LinearExpression) -> Constraint {
        Constraint(rhs, upperBound: lhs)
    }

    public static func >= (lhs: LinearExpression, rhs: Variable) -> Constraint {
        Constraint(lhs - rhs, lowerBound: 0)
    }

    public static func >= (lhs: Variable, rhs: LinearExpression) -> Constraint {
        Constraint(lhs - rhs, lowerBound: 0)
    }

    public static func == (lhs: LinearExpression, rhs: LinearExpression) -> Constraint {
        Constraint(lhs - rhs, lowerBound: 0, upperBound: 0)
    }

    public static func == (lhs: LinearExpression, rhs: Double) -> Constraint {
        Constraint(lhs, lowerBound: rhs, upperBound: rhs)
    }

    public static func == (lhs: Double, rhs: LinearExpression) -> Constraint {
        Constraint(rhs, lowerBound: lhs, upperBound: lhs)
    }

    public static func == (lhs: LinearExpression, rhs: Variable) -> Constraint {
        Constraint(lhs - rhs, lowerBound: 0, upperBound: 0)
    }

    public static func == (lhs: Variable, rhs: LinearExpression) -> Constraint {
        Constraint(lhs - rhs, lowerBound: 0, upperBound: 0)
    }
}

extension Variable {
    public static func <= (lhs: Variable, rhs: Double) -> Constraint {
        Constraint(LinearExpression(lhs), upperBound: rhs)
    }

    public static func <= (lhs: Double, rhs: Variable) -> Constraint {
        Constraint(LinearExpression(rhs), lowerBound: lhs)
    }

    public static func >= (lhs: Variable, rhs: Double) -> Constraint {
        Constraint(LinearExpression(lhs), lowerBound: rhs)
    }

    public static func >= (lhs: Double, rhs: Variable) -> Constraint {
        Constraint(LinearExpression(rhs), upperBound: lhs)
    }

    public static func == (lhs: Variable, rhs: Double) -> Constraint {
        Constraint(LinearExpression(lhs), lowerBound: rhs, upperBound: rhs)
    }

    public static func == (lhs: Double, rhs: Variable) -> Constraint {
        Constraint(LinearExpression(rhs), lowerBound: lhs, upperBound: lhs)
    }
}
