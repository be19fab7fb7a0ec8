import OrderedCollections

/// The members of a JSON object, in document order.
///
/// Lookup by name is a linear scan for small objects and hashed for large
/// ones. Names are compared by their exact Unicode scalars (no
/// normalisation), and equality ignores member order, as JSON equality does.
public struct JSONObject: Sendable {
    @usableFromInline
    var storage: OrderedDictionary<JSONKey, JSONValue>

    /// An empty object.
    public init() {
        storage = [:]
    }

    /// An object with these members; a repeated name keeps its first position
    /// and its last value.
    public init<S: Sequence>(_ members: S) where S.Element == (String, JSONValue) {
        storage = [:]
        for (key, value) in members { storage[JSONKey(key)] = value }
    }

    @usableFromInline
    init(uniqueMembers keys: [JSONKey], values: [JSONValue]) {
        storage = OrderedDictionary(uncheckedUniqueKeys: keys, values: values)
    }

    /// The number of members.
    @inlinable
    public var count: Int { storage.count }

    /// Whether the object has no members.
    @inlinable
    public var isEmpty: Bool { storage.isEmpty }

    /// Member names in document order.
    public var keys: [String] { storage.keys.map(\.string) }

    /// The value for `key`, or `nil`. Setting `nil` removes the member;
    /// setting a new name appends it.
    @inlinable
    public subscript(key: String) -> JSONValue? {
        get { storage[JSONKey(key)] }
        set { storage[JSONKey(key)] = newValue }
    }

    /// Whether a member with this name exists.
    @inlinable
    public func contains(_ key: String) -> Bool {
        storage.index(forKey: JSONKey(key)) != nil
    }
}

extension JSONObject: RandomAccessCollection {
    public typealias Element = (key: String, value: JSONValue)
    public typealias Index = Int

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }

    public subscript(position: Int) -> (key: String, value: JSONValue) {
        (storage.keys[position].string, storage.values[position])
    }
}

extension JSONObject: Hashable {
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs.storage {
            guard let other = rhs.storage[key], other == value else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent: combine the members' own hashes commutatively.
        var combined = 0
        for (key, value) in storage {
            var memberHasher = Hasher()
            memberHasher.combine(key)
            memberHasher.combine(value)
            combined = combined &+ memberHasher.finalize()
        }
        hasher.combine(storage.count)
        hasher.combine(combined)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
