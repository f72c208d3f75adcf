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

    /// The element's own text, trimmed.
    var trimmedText: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The first child of that name.
    func child(_ name: String) -> FETElement? { children.first { $0.name == name } }

    /// Children of that name, in order.
    func all(_ name: String) -> [FETElement] { children.filter { $0.name == name } }

    /// The trimmed text of the first child of that name.
    func value(_ name: String) -> String? { child(name)?.trimmedText }

    /// The trimmed texts of every child of that name.
    func values(_ name: String) -> [String] { all(name).map(\.trimmedText) }
}

/// Reads a .fet file into ``FETElement``s with Foundation's SAX parser.
final class FETDocumentReader: NSObject, XMLParserDelegate {
    private var stack: [FETElement] = []
    private var root: FETElement?
    private var parser: XMLParser?
    /// The first well-formedness error, as the parser reported it.
    private var fault: XMLFault?

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
        let parsed = parser.parse()
        // The first error, where the parser found it (the parser's own line afterwards is
        // wherever it gave up, often the end of the file).
        if let fault = reader.fault {
            throw InterchangeError(
                file: path, line: fault.line, column: fault.column,
                message: "not well-formed XML: \(fault.words(in: data))")
        }
        guard parsed, let root = reader.root else {
            throw InterchangeError(
                file: path, line: parser.lineNumber > 0 ? parser.lineNumber : nil,
                message: "not well-formed XML: \(parser.parserError == nil ? "no root element" : "the parser stopped")")
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

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard fault == nil else { return }
        fault = XMLFault(
            line: parser.lineNumber, column: parser.columnNumber, code: (parseError as NSError).code,
            open: stack.last?.name)
    }
}

/// A well-formedness error where the parser found it, told in plain words.
struct XMLFault {
    var line: Int
    var column: Int
    /// libxml2's error number (`xmlParserErrors`), which XMLParser passes on as the error code.
    var code: Int
    /// The innermost element open when the error was found.
    var open: String?

    /// What is wrong; `data` is the file, to name the end tag of a mismatch.
    func words(in data: Data) -> String {
        let inside = open.map { " inside <\($0)>" } ?? ""
        switch code {
        case 4: return "no root element"
        case 5:
            return open.map { "the file ends before </\($0)>" } ?? "more after the root element's end tag"
        case 9: return "a character XML does not allow\(inside)"
        case 22, 23, 26:
            return "an '&' that starts no entity such as &amp; or &lt;\(inside) (an '&' in text is written &amp;)"
        case 38: return "a '<' in an attribute value"
        case 39: return "an attribute value without quotes"
        case 40: return "an attribute value without its closing quote"
        case 41: return "an attribute without a value"
        case 42: return "an attribute given twice"
        case 45: return "a comment not closed by -->"
        case 63: return "a CDATA section not closed by ]]>"
        case 68: return "a '<' not followed by a name\(inside) (a '<' in text is written &lt;)"
        case 73: return "a tag not closed by '>'\(inside)"
        case 76:
            let expected = open.map { "expected </\($0)>" } ?? "an end tag without its start tag"
            return "mismatched tag: " + expected + (endTag(in: data).map { ", found </\($0)>" } ?? "")
        case 77: return open.map { "the file ends before </\($0)>" } ?? "the file ends inside a tag"
        default: return "the XML parser stopped\(inside) (libxml2 error \(code))"
        }
    }

    /// The name of the last end tag before the error's column on its line.
    func endTag(in data: Data) -> String? {
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.indices.contains(line - 1) else { return nil }
        // libxml2 counts columns in characters, from 1.
        let before = String(String.UnicodeScalarView(lines[line - 1].unicodeScalars.prefix(max(column - 1, 0))))
        guard let start = before.range(of: "</", options: .backwards)?.upperBound else { return nil }
        let name = before[start...].prefix { $0 != ">" && !$0.isWhitespace }
        return name.isEmpty ? nil : String(name)
    }
}
