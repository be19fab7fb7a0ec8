/// The members of a JSON object, in document order.
///
/// Members live in one array (one allocation per object); objects of more
/// than ``JSONObject/indexThreshold`` members also keep a name index, so
/// lookup is a short linear scan for small objects and hashed for large
/// ones. Names are compared by their exact Unicode scalars (no
/// normalisation), and equality ignores member order, as JSON equality does.
public struct JSONObject: Sendable {
    @usableFromInline
    struct Member: Sendable {
        @usableFromInline var key: JSONKey
        @usableFromInline var value: JSONValue

        @inlinable
        init(key: JSONKey, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    @usableFromInline
    var members: [Member]
    /// Name → position, for objects above the threshold (`nil` below).
    @usableFromInline
    var index: [JSONKey: Int]?

    /// Objects with more members than this keep a name index.
    @usableFromInline
    static let indexThreshold = 16

    /// An empty object.
    public init() {
        members = []
        index = nil
    }

    /// An object with these members; a repeated name keeps its first position
    /// and its last value.
    public init<S: Sequence>(_ members: S) where S.Element == (String, JSONValue) {
        self.members = []
        self.members.reserveCapacity(members.underestimatedCount)
        index = nil
        for (key, value) in members { self[key] = value }
    }

    /// An object from names known to be distinct and their values.
    @usableFromInline
    init(uniqueMembers keys: [JSONKey], values: [JSONValue]) {
        members = zip(keys, values).map { Member(key: $0, value: $1) }
        index = nil
        buildIndexIfLarge()
    }

    /// An object from members whose names are known to be distinct.
    @usableFromInline
    init(uniqueMembers members: [Member]) {
        self.members = members
        index = nil
        buildIndexIfLarge()
    }

    @usableFromInline
    mutating func buildIndexIfLarge() {
        guard members.count > JSONObject.indexThreshold else {
            index = nil
            return
        }
        var table: [JSONKey: Int] = [:]
        table.reserveCapacity(members.count)
        for (position, member) in members.enumerated() { table[member.key] = position }
        index = table
    }

    /// The position of the member named `key`, if any.
    @inlinable
    func position(of key: JSONKey) -> Int? {
        if let index { return index[key] }
        var position = 0
        let count = members.count
        while position < count {
            if members[position].key == key { return position }
            position += 1
        }
        return nil
    }

    /// The number of members.
    @inlinable
    public var count: Int { members.count }

    /// Whether the object has no members.
    @inlinable
    public var isEmpty: Bool { members.isEmpty }

    /// Member names in document order.
    public var keys: [String] { members.map(\.key.string) }

    /// The value for `key`, or `nil`. Setting `nil` removes the member;
    /// setting a new name appends it.
    @inlinable
    public subscript(key: String) -> JSONValue? {
        get {
            position(of: JSONKey(key)).map { members[$0].value }
        }
        set {
            let name = JSONKey(key)
            if let position = position(of: name) {
                if let newValue {
                    members[position].value = newValue
                } else {
                    members.remove(at: position)
                    buildIndexIfLarge()
                }
            } else if let newValue {
                members.append(Member(key: name, value: newValue))
                if index != nil {
                    index![name] = members.count - 1
                } else if members.count > JSONObject.indexThreshold {
                    buildIndexIfLarge()
                }
            }
        }
    }

    /// Appends the member when no member has this name (one lookup);
    /// otherwise leaves the object as it is and returns the value there.
    @inlinable
    public mutating func appendIfAbsent(_ key: String, _ value: JSONValue) -> JSONValue? {
        let name = JSONKey(key)
        if let position = position(of: name) { return members[position].value }
        members.append(Member(key: name, value: value))
        if index != nil {
            index![name] = members.count - 1
        } else if members.count > JSONObject.indexThreshold {
            buildIndexIfLarge()
        }
        return nil
    }

    /// Makes room for `capacity` members.
    public mutating func reserveCapacity(_ capacity: Int) {
        members.reserveCapacity(capacity)
    }

    /// A 64-bit summary of the member names: the bit
    /// ``nameSummaryBit(_:)`` gives for each. A name whose bit is clear is
    /// certainly absent — a compiler probing dozens of keywords per schema
    /// object skips most lookups with it.
    @inlinable
    package var nameSummary: UInt64 {
        var summary: UInt64 = 0
        var position = 0
        let count = members.count
        while position < count {
            summary |= JSONObject.nameSummaryBit(members[position].key.string)
            position += 1
        }
        return summary
    }

    /// The summary bit of one name (from its first byte and length).
    /// Always inlined: for a name written as a literal (the keywords a
    /// compiler probes) the optimiser folds it to a constant.
    @inlinable @inline(__always)
    package static func nameSummaryBit(_ name: String) -> UInt64 {
        let utf8 = name.utf8
        var bytes = utf8.makeIterator()
        let first = bytes.next() ?? 0
        return 1 << UInt64((first &+ UInt8(truncatingIfNeeded: utf8.count &* 7)) & 63)
    }

    /// The name of the member at `position` (without copying its value).
    @inlinable
    package func key(at position: Int) -> String {
        members[position].key.string
    }

    /// The value of the member at `position`.
    @inlinable
    package func value(at position: Int) -> JSONValue {
        members[position].value
    }

    /// Whether a member with this name exists.
    @inlinable
    public func contains(_ key: String) -> Bool {
        position(of: JSONKey(key)) != nil
    }
}

extension JSONObject: RandomAccessCollection {
    public typealias Element = (key: String, value: JSONValue)
    public typealias Index = Int

    public var startIndex: Int { 0 }
    public var endIndex: Int { members.count }

    public subscript(position: Int) -> (key: String, value: JSONValue) {
        (members[position].key.string, members[position].value)
    }
}

extension JSONObject: Hashable {
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for member in lhs.members {
            guard let position = rhs.position(of: member.key), rhs.members[position].value == member.value else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent: combine the members' own hashes commutatively.
        var combined = 0
        for member in members {
            var memberHasher = Hasher()
            memberHasher.combine(member.key)
            memberHasher.combine(member.value)
            combined = combined &+ memberHasher.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(combined)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
