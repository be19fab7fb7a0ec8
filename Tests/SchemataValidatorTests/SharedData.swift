import Foundation

/// Locates the shared test corpora: `$SCHEMATA_SHARED`, else `../shared`
/// beside the repository.
enum SharedData {
    static var root: URL {
        if let override = ProcessInfo.processInfo.environment["SCHEMATA_SHARED"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// The folder, or `nil` (after printing why) when it is absent.
    static func folder(_ relative: String) -> URL? {
        let url = root.appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return url
        }
        print("skipping: \(url.path) is absent (set SCHEMATA_SHARED to the shared data folder)")
        return nil
    }
}
