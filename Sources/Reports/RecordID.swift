/// Record ids made safe for HTML anchors and file names.
public enum RecordID {
    /// Letters, digits, '-', '_' and '.' kept, any other byte (and a leading '.') written as
    /// `~XX`: distinct ids stay distinct, and the result is safe in an attribute or a path.
    public static func escaped(_ id: String) -> String {
        var result = ""
        for (index, byte) in id.utf8.enumerated() {
            let kept =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x5F || (byte == 0x2E && index > 0)
            if kept {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "~" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return result.isEmpty ? "~" : result
    }
}
