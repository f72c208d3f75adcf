/// A model with some variables fixed and removed: what a large-neighbourhood search solves.
public struct RestrictedModel: Sendable {
    /// The smaller model: only the free variables, rows that hold at least one of them
    /// (bounds shifted by the fixed variables' contribution), the objective's fixed part in
    /// its constant.
    public var model: Model
    /// For each variable of the smaller model, the variable of the original it stands for.
    public var originals: [Variable]

    /// Values of the original model's variables: `base`, with the smaller model's solution put in.
    public func expand(_ solution: Solution, into base: [Double]) -> [Double] {
        var values = base
        for (index, original) in originals.enumerated() {
            values[original.index] = solution.values[index]
        }
        return values
    }
}

extension Model {
    /// The model with every variable not in `free` fixed at its value in `values` (one value per
    /// variable) and removed.
    ///
    /// Rows left without a free variable are dropped (the fixed values must satisfy them).
    /// Building it costs one pass over the nonzeros.
    public func restricted(free: [Bool], values: [Double]) throws -> RestrictedModel {
        guard free.count == variableCount, values.count == variableCount else {
            throw LinearProgrammingError.invalidOption(
                name: "restricted(free:values:)", reason: "needs one flag and one value per variable (\(variableCount))"
            )
        }
        var smaller = Model(name: name)
        var newIndex = [Int](repeating: -1, count: variableCount)
        var originals: [Variable] = []
        for column in 0..<variableCount where free[column] {
            newIndex[column] = smaller.variableCount
            originals.append(Variable(model: identity, index: column))
            smaller.variableNames.append(variableNames[column])
            smaller.variableKinds.append(variableKinds[column])
            smaller.variableLower.append(variableLower[column])
            smaller.variableUpper.append(variableUpper[column])
            smaller.objectiveCoefficients.append(objectiveCoefficients[column])
        }
        var constant = objectiveConstant
        for column in 0..<variableCount where !free[column] {
            constant += objectiveCoefficients[column] * values[column]
        }
        smaller.objectiveConstant = constant
        smaller.sense = sense
        for row in 0..<constraintCount {
            let range = Int(rowStarts[row])..<Int(rowStarts[row + 1])
            var fixedPart = 0.0
            let start = smaller.entryColumns.count
            for entry in range {
                let column = Int(entryColumns[entry])
                if newIndex[column] >= 0 {
                    smaller.entryColumns.append(Int32(newIndex[column]))
                    smaller.entryValues.append(entryValues[entry])
                } else {
                    fixedPart += entryValues[entry] * values[column]
                }
            }
            guard smaller.entryColumns.count > start else { continue }
            smaller.rowStarts.append(Int32(smaller.entryColumns.count))
            smaller.rowLower.append(rowLower[row] - fixedPart)
            smaller.rowUpper.append(rowUpper[row] - fixedPart)
            smaller.rowNames.append(rowNames[row])
        }
        return RestrictedModel(model: smaller, originals: originals)
    }

    /// The constraint matrix by columns: for each variable, the rows it appears in and its
    /// coefficients. For searches that walk from variables to rows.
    public func columnIncidence() -> [[(row: Int, coefficient: Double)]] {
        var result = [[(row: Int, coefficient: Double)]](repeating: [], count: variableCount)
        for row in 0..<constraintCount {
            for entry in Int(rowStarts[row])..<Int(rowStarts[row + 1]) {
                result[Int(entryColumns[entry])].append((row, entryValues[entry]))
            }
        }
        return result
    }

    /// The variables of each row and their coefficients.
    public func rowEntries(_ row: Int) -> [(column: Int, coefficient: Double)] {
        (Int(rowStarts[row])..<Int(rowStarts[row + 1])).map { (Int(entryColumns[$0]), entryValues[$0]) }
    }

    /// Lower and upper bound of every row.
    public var rowBounds: (lower: [Double], upper: [Double]) { (rowLower, rowUpper) }

    /// Lower and upper bound of every variable.
    public var columnBounds: (lower: [Double], upper: [Double]) { (variableLower, variableUpper) }

    /// The kind of every variable.
    public var columnKinds: [VariableKind] { variableKinds }

    /// The objective coefficient of every variable (the constant term is ``objectiveConstant``).
    public var objectiveVector: [Double] { objectiveCoefficients }
}
