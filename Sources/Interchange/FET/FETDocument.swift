import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A .fet file's XML as a light tree: element names, their text and children in file order.
/// FET writes one value per element (`<Teacher>Ann</Teacher>`), repeated for lists.
struct FETElement: Sendable {
    var name: String
    var text: String
    var children: [FETElement]
    var attributes: [String: String] = [:]
    /// The element's line in the file (for error messages); nil when the parser gives none.
    var line: Int?

    /// The first child of that name.
    func child(_ name: String) -> FETElement? { children.first { $0.name == name } }

    /// Children of that name, in order.
    func all(_ name: String) -> [FETElement] { children.filter { $0.name == name } }

    /// The trimmed text of the first child of that name.
    func value(_ name: String) -> String? {
        child(name).map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// The trimmed texts of every child of that name.
    func values(_ name: String) -> [String] {
        all(name).map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
    }
}

/// Reads a .fet file into ``FETElement``s with Foundation's SAX parser.
final class FETDocumentReader: NSObject, XMLParserDelegate {
    private var stack: [FETElement] = []
    private var root: FETElement?
    private var parser: XMLParser?

    /// The root element of the file, which must be `<rootName>`.
    /// The offset of the first byte that is not part of valid UTF-8, nil when all are.
    static func firstInvalidUTF8(_ data: Data) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = data.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    /// The first processing instruction after the XML declaration, or DTD, with its offset.
    static func firstForbiddenMarkup(_ data: Data) -> (offset: Int, what: String)? {
        let bytes = [UInt8](data)
        var index = 0
        // The declaration `<?xml ...?>` may open the file (after a byte order mark).
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        if bytes[index...].starts(with: Array("<?xml ".utf8)), let end = find(Array("?>".utf8), in: bytes, from: index)
        {
            index = end + 2
        }
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "<") {
                if bytes[index + 1] == UInt8(ascii: "?") { return (index, "a processing instruction") }
                if bytes[index...].starts(with: Array("<!DOCTYPE".utf8))
                    || bytes[index...].starts(with: Array("<!ENTITY".utf8))
                {
                    return (index, "a document type definition")
                }
            }
            index += 1
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    static func read(_ path: String, root rootName: String = "fet") throws -> FETElement {
        guard let data = InMemoryFiles.read(path) else {
            throw InterchangeError(file: path, message: "cannot read the file")
        }
        // FET writes UTF-8. Foundation's XMLParser traps on an element name that is not valid
        // UTF-8 (found by fuzzing), so invalid bytes are refused here, located.
        if let bad = Self.firstInvalidUTF8(data) {
            let line = data.prefix(bad).count(where: { $0 == 0x0A }) + 1
            throw InterchangeError(
                file: path, line: line, message: "not UTF-8 text (byte \(bad + 1)); FET files are UTF-8")
        }
        // Nor does a FET file hold processing instructions (past the XML declaration) or a
        // DTD: XMLParser crashes on an empty instruction `<?>`, and a DTD's entities can expand
        // without bound. Both are refused before parsing.
        if let bad = Self.firstForbiddenMarkup(data) {
            let line = data.prefix(bad.offset).count(where: { $0 == 0x0A }) + 1
            throw InterchangeError(file: path, line: line, message: "\(bad.what) is not allowed in a FET file")
        }
        let reader = FETDocumentReader()
        let parser = XMLParser(data: data)
        reader.parser = parser
        parser.delegate = reader
        guard parser.parse(), let root = reader.root else {
            throw InterchangeError(
                file: path, line: parser.lineNumber > 0 ? parser.lineNumber : nil,
                message:
                    "not well-formed XML: \(parser.parserError.map { "\($0.localizedDescription)" } ?? "no root element")"
            )
        }
        guard root.name == rootName else {
            throw InterchangeError(
                file: path, line: root.line, message: "the root element is <\(root.name)>, not <\(rootName)>")
        }
        return root
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        stack.append(
            FETElement(name: elementName, text: "", children: [], attributes: attributes, line: parser.lineNumber))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        guard let element = stack.popLast() else { return }
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(element)
        }
    }
}
