import SchemataJSON

/// A schema object's members as the keyword builder reads them: by name,
/// with a one-word summary of the names that answers most probes for absent
/// keywords (a builder asks for some forty keywords; a schema object
/// usually has a handful) without scanning the members.
struct SchemaMembers {
    let object: JSONObject
    private let summary: UInt64

    init(_ object: JSONObject) {
        self.object = object
        self.summary = object.nameSummary
    }

    /// The value of the member named `key`, or `nil`. Always inlined, so
    /// that a literal `key`'s summary bit is a constant.
    @inline(__always)
    subscript(key: String) -> JSONValue? {
        guard summary & JSONObject.nameSummaryBit(key) != 0 else { return nil }
        return object[key]
    }
}
