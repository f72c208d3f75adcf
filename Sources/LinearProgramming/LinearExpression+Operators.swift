// A deliberately small set of concrete overloads: each extra overload multiplies the work of
// the type checker on long expressions (see ../shared/style.md).

extension LinearExpression {
    public static func + (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
        var result = lhs
        result.add(rhs)
        return result
    }

    public static func + (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
        var result = lhs
        result.add(1, rhs)
        return result
    }

    public static func + (lhs: Variable, rhs: LinearExpression) -> LinearExpression {
        var result = rhs
        result.add(1, lhs)
        return result
    }

    public static func + (lhs: LinearExpression, rhs: Double) -> LinearExpression {
        var result = lhs
        result.constant += rhs
        return result
    }

    public static func + (lhs: Double, rhs: LinearExpression) -> LinearExpression {
        var result = rhs
        result.constant += lhs
        return result
    }

    public static func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
        var result = lhs
        result.add(rhs, times: -1)
        return result
    }

    public static func - (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
        var result = lhs
        result.add(-1, rhs)
        return result
    }

    public static func - (lhs: Variable, rhs: LinearExpression) -> LinearExpression {
        var result = LinearExpression(lhs)
        result.add(rhs, times: -1)
        return result
    }

    public static func - (lhs: LinearExpression, rhs: Double) -> LinearExpression {
        var result = lhs
        result.constant -= rhs
        return result
    }

    public static func - (lhs: Double, rhs: LinearExpression) -> LinearExpression {
        var result = LinearExpression(lhs)
        result.add(rhs, times: -1)
        return result
    }

    public static prefix func - (operand: LinearExpression) -> LinearExpression {
        var result = operand
        result.scale(by: -1)
        return result
    }

    public static func * (lhs: Double, rhs: LinearExpression) -> LinearExpression {
        var result = rhs
        result.scale(by: lhs)
        return result
    }

    public static func * (lhs: LinearExpression, rhs: Double) -> LinearExpression {
        var result = lhs
        result.scale(by: rhs)
        return result
    }

    public static func += (lhs: inout LinearExpression, rhs: LinearExpression) {
        lhs.add(rhs)
    }

    public static func += (lhs: inout LinearExpression, rhs: Variable) {
        lhs.add(1, rhs)
    }

    public static func += (lhs: inout LinearExpression, rhs: Double) {
        lhs.constant += rhs
    }

    public static func -= (lhs: inout LinearExpression, rhs: LinearExpression) {
        lhs.add(rhs, times: -1)
    }

    public static func -= (lhs: inout LinearExpression, rhs: Variable) {
        lhs.add(-1, rhs)
    }

    public static func -= (lhs: inout LinearExpression, rhs: Double) {
        lhs.constant -= rhs
    }
}

extension Variable {
    public static func + (lhs: Variable, rhs: Variable) -> LinearExpression {
        var result = LinearExpression(lhs)
        result.add(1, rhs)
        return result
    }

    public static func + (lhs: Variable, rhs: Double) -> LinearExpression {
        var result = LinearExpression(lhs)
        result.constant = rhs
        return result
    }

    public static func + (lhs: Double, rhs: Variable) -> LinearExpression {
        var result = LinearExpression(rhs)
        result.constant = lhs
        return result
    }

    public static func - (lhs: Variable, rhs: Variable) -> LinearExpression {
        var result = LinearExpression(lhs)
        result.add(-1, rhs)
        return result
    }

    public static func - (lhs: Variable, rhs: Double) -> LinearExpression {
        var result = LinearExpression(lhs)
        result.constant = -rhs
        return result
    }

    public static func - (lhs: Double, rhs: Variable) -> LinearExpression {
        var result = LinearExpression(rhs, coefficient: -1)
        result.constant = lhs
        return result
    }

    public static prefix func - (operand: Variable) -> LinearExpression {
        LinearExpression(operand, coefficient: -1)
    }

    public static func * (lhs: Double, rhs: Variable) -> LinearExpression {
        LinearExpression(rhs, coefficient: lhs)
    }

    public static func * (lhs: Variable, rhs: Double) -> LinearExpression {
        LinearExpression(lhs, coefficient: rhs)
    }
}
