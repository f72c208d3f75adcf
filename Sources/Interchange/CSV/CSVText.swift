import CSV
import Foundation

/// Writes CSV text the way every FlexPlan CSV file is written.
public enum CSVText {
    /// CSV text with a header, LF line ends and a final newline (quoting by CSV.swift).
    public static func encode(header: [String], rows: [[String]]) throws -> Data {
        let stream = OutputStream.toMemory()
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: header)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        var data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        data.append(0x0A)
        return data
    }
}
