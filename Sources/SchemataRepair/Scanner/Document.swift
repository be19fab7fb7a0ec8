import SchemataJSON

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The whole text: fences, several top-level values, whitespace and comments.
extension RepairScanner {

    mutating func repairDocument() -> JSONRepairer.Repair {
        // Prefer the contents of ``` fences when there are any.
        let fences = fenceRanges()
        // Fences that open after the JSON has started are inside it (a
        // snippet in a string value), not around it.
        let firstContainer = input[0..<limit].firstIndex { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") } ?? limit
        if let first = fences.first, first.lowerBound - 3 < firstContainer {
            var values: [JSONValue] = []
            let fencesEdit = edits.count
            edit(.extractedFromText, "took the JSON inside ``` fences", at: 0)
            for range in fences where failure == nil {
                var start = range.lowerBound
                if starts(with: "json", at: start) { start += 4 }
                position = start
                limit = range.upperBound
                if let value = parseTopLevelValues(from: start) { values.append(value) }
            }
            if failure == nil { limit = input.count }
            if values.isEmpty, failure == nil { edits.removeSubrange(fencesEdit...) }
            if !values.isEmpty {
                if values.count > 1 {
                    edit(.choseValue, "\(values.count) fenced JSON values: kept the first", at: 0)
                }
                return finished(values[0])
            }
        }
        position = 0
        topLevelValues = []
        let value = parseTopLevelValues(from: 0)
        return finished(value)
    }

    /// The result, or no value when the repair gave up.
    func finished(_ value: JSONValue?) -> JSONRepairer.Repair {
        if let failure { return JSONRepairer.Repair(value: nil, edits: edits, candidates: [], failure: failure) }
        return JSONRepairer.Repair(value: value, edits: edits, candidates: topLevelValues.map(\.value), failure: nil)
    }

    /// The byte ranges between pairs of ``` (an unclosed last fence runs to the end).
    func fenceRanges() -> [Range<Int>] {
        var marks: [Int] = []
        guard let base = input.baseAddress else { return [] }
        var index = 0
        while index < limit, let found = memchr(base + index, 0x60, limit - index) {
            let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if offset + 2 < limit, input[offset + 1] == 0x60, input[offset + 2] == 0x60 {
                marks.append(offset)
                index = offset + 3
            } else {
                index = offset + 1
            }
        }
        var ranges: [Range<Int>] = []
        var pair = 0
        while pair < marks.count {
            let start = marks[pair] + 3
            let end = pair + 1 < marks.count ? marks[pair + 1] : limit
            ranges.append(start..<end)
            pair += 2
        }
        return ranges
    }

    /// The value of the text (prose around it skipped). Of several values,
    /// the first complete non-empty one is kept (all are in
    /// ``topLevelValues``, for a caller that can choose by schema).
    mutating func parseTopLevelValues(from start: Int) -> JSONValue? {
        var values: [JSONValue] = []
        let firstValue = topLevelValues.count
        while !atEnd {
            var next = position
            while next < limit, input[next] != 0x7B, input[next] != 0x5B { next += 1 }
            guard next < limit else { break }
            if next > position && values.isEmpty && position == start
                && input[position..<next].contains(where: { !RepairScanner.isSpace($0) })
            {
                edit(.extractedFromText, "skipped text before the JSON", at: position)
            }
            position = next
            let editsBefore = edits.count
            var value = parseValue()
            // `{"a": 1}, "b": 2}`: members after the object closed too early.
            if case .object(var members) = value, continuesWithMembers() {
                edit(.closedContainer, "read the members after } as part of the object")
                parseMembers(into: &members, open: position)
                value = .object(members)
            }
            values.append(value)
            let closed = edits[editsBefore...].contains { [.closedString, .closedContainer, .droppedDanglingKey].contains($0.kind) }
            topLevelValues.append((value, !closed))
            skipWhitespaceAndComments()
            if current == UInt8(ascii: ",") { position += 1 }
        }
        if values.isEmpty {
            // No container: perhaps a lone scalar ("1", "true", a tuple).
            position = start
            skipWhitespaceAndComments()
            var end = limit
            while end > position, RepairScanner.isSpace(input[end - 1]) { end -= 1 }
            let rest = text(position..<max(position, end))
            let literals: Set<String> = ["true", "false", "null", "True", "False", "None", "Null", "TRUE", "FALSE", "NULL"]
            // A lone string is prose in quotes, not JSON (valid JSON strings
            // never get here: they take the parser's fast path).
            guard let c = current,
                c == UInt8(ascii: "(") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
                    || RepairScanner.isDigit(c) || literals.contains(rest)
            else { return nil }
            let value = parseValue()
            skipWhitespaceAndComments()
            if !atEnd { return nil }
            topLevelValues.append((value, true))
            return value
        }
        let nonEmpty = values.filter { value in
            switch value {
            case .array(let a): return !a.isEmpty
            case .object(let o): return !o.isEmpty
            default: return true
            }
        }
        if values.count == 1 { return values[0] }
        if nonEmpty.isEmpty { return values[0] }
        if nonEmpty.count == 1 { return nonEmpty[0] }
        let found = topLevelValues[firstValue...]
        let chosen = found.firstIndex { $0.complete && nonEmpty.contains($0.value) } ?? found.firstIndex { nonEmpty.contains($0.value) }!
        edit(.choseValue, "\(values.count) JSON values in the text: kept value \(chosen - firstValue + 1), the first complete one", at: 0)
        return topLevelValues[chosen].value
    }

    /// Skips whitespace and comments; the common case (nothing to skip) is
    /// decided inline.
    @inline(__always)
    mutating func skipWhitespaceAndComments() {
        if position < limit {
            let c = input[position]
            if c > 0x20 && c != UInt8(ascii: "/") && c != UInt8(ascii: "#") { return }
        }
        skipWhitespaceAndCommentsSlowly()
    }

    @inline(never)
    mutating func skipWhitespaceAndCommentsSlowly() {
        while position < limit {
            let c = input[position]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 {
                position += 1
                continue
            }
            // Everything that is neither a comment start nor other whitespace ends the run.
            if c != UInt8(ascii: "/") && c != UInt8(ascii: "#") && c != 0x0B && c != 0x0C { return }
            if c == 0x0B || c == 0x0C {
                position += 1
            } else if c == UInt8(ascii: "/"), byte(at: position + 1) == UInt8(ascii: "/") {
                edit(.removedComment, "removed a // comment")
                while let d = current, d != 0x0A { position += 1 }
            } else if c == UInt8(ascii: "/"), byte(at: position + 1) == UInt8(ascii: "*") {
                edit(.removedComment, "removed a /* */ comment")
                position += 2
                while !atEnd, !(input[position] == UInt8(ascii: "*") && byte(at: position + 1) == UInt8(ascii: "/")) { position += 1 }
                position = min(limit, position + 2)
            } else if c == UInt8(ascii: "#") {
                // To the line's end, or (`"v" # note }`) to the open container's closer on the same line.
                edit(.removedComment, "removed a # comment")
                let closer = openClosers.last
                while let d = current, d != 0x0A, d != closer { position += 1 }
            } else {
                return
            }
        }
    }
}
