/// A plain-text table for the terminal: columns padded to their widest cell, two spaces apart.
public enum TerminalTable {
    /// The lines of the table, header first, then a rule.
    public static func lines(header: [String], rows: [[String]]) -> [String] {
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }
        return [line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)
    }

    public static func print(header: [String], rows: [[String]]) {
        for line in lines(header: header, rows: rows) { Swift.print(line) }
    }
}
