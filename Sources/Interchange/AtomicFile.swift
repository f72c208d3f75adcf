import Foundation

/// Writes files the contract's way: a temporary file in the same folder, fsync, rename.
public enum AtomicFile {
    /// Replaces `path` with `data` atomically. A symbolic link is followed: the file it
    /// points to is replaced, the link stays.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: target(of: path))
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw InterchangeError(file: path, message: "cannot create a file in \(folder.path)")
        }
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            try handle.synchronize()
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw InterchangeError(file: path, message: "cannot write: \(error.localizedDescription)")
        }
        guard rename(temporary, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw InterchangeError(file: path, message: "cannot replace: \(reason)")
        }
    }

    /// The file `path` names: itself, or what the symbolic link at `path` points to (even when
    /// that does not exist yet), following up to 16 links.
    public static func target(of path: String) -> String {
        var current = path
        for _ in 0..<16 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { break }
            current =
                destination.hasPrefix("/")
                ? destination
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(destination).path
        }
        return current
    }
}
