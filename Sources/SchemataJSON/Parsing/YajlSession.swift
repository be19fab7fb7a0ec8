import CYajl

/// One yajl parser handle wired to a builder (the tape or the value tree).
///
/// Owns the handle, the callbacks table (yajl keeps a pointer to it, so it
/// must outlive the handle) and the builder, which sits at a fixed address
/// that yajl passes back to every callback. Not thread-safe: one session is
/// used by one parse at a time.
final class YajlSession<Builder: YajlEventHandler> {
    let builder: UnsafeMutablePointer<Builder>
    private let callbacks: UnsafeMutablePointer<yajl_callbacks>
    private let handle: yajl_handle

    init(_ initial: Builder, allowsMultipleValues: Bool, documentStart: Int = 0) {
        builder = .allocate(capacity: 1)
        builder.initialize(to: initial)
        callbacks = .allocate(capacity: 1)
        callbacks.initialize(to: Builder.callbacks)
        handle = yajl_alloc(callbacks, nil, UnsafeMutableRawPointer(builder))
        // Schemata validates UTF-8 itself (strictly, with positions), so
        // yajl's laxer check is redundant.
        _ = schemata_yajl_config(handle, yajl_dont_validate_strings, 1)
        if allowsMultipleValues {
            _ = schemata_yajl_config(handle, yajl_allow_multiple_values, 1)
        }
        builder.pointee.cursor.handle = handle
        builder.pointee.cursor.lastEventEnd = documentStart
        self.documentStart = documentStart
    }

    /// Where the JSON text starts in the source.
    private let documentStart: Int

    deinit {
        yajl_free(handle)
        callbacks.deinitialize(count: 1)
        callbacks.deallocate()
        builder.deinitialize(count: 1)
        builder.deallocate()
    }

    /// Parses `chunk`, which starts at absolute offset `base` of `source`.
    /// Returns the failure, if any.
    func parse(chunk: UnsafeRawBufferPointer, base: Int, source: UnsafeRawBufferPointer) -> ParseFailure? {
        parsesCleanly(chunk: chunk, base: base, source: source) ? nil : builder.pointee.cursor.failure
    }

    /// Parses `chunk`, which starts at absolute offset `base` of `source`.
    /// Returns whether it parsed without failure (the failure is then in the
    /// builder's cursor): the per-piece path of streaming, which avoids
    /// passing the failure around.
    func parsesCleanly(chunk: UnsafeRawBufferPointer, base: Int, source: UnsafeRawBufferPointer) -> Bool {
        if builder.pointee.cursor.hasFailed { return false }
        builder.pointee.cursor.source = source
        builder.pointee.cursor.chunkStart = chunk.baseAddress
        builder.pointee.cursor.chunkBase = base
        builder.pointee.cursor.chunkLength = chunk.count
        defer { builder.pointee.cursor.source = UnsafeRawBufferPointer(start: nil, count: 0) }
        guard let start = chunk.baseAddress, chunk.count > 0 else { return true }
        let status = yajl_parse(handle, start.assumingMemoryBound(to: UInt8.self), chunk.count)
        if status == yajl_status_ok { return true }
        recordFailure(for: status, source: source, inputComplete: false)
        return false
    }

    /// Tells yajl the input is over (flushing a trailing number).
    func complete(source: UnsafeRawBufferPointer) -> ParseFailure? {
        if let failure = builder.pointee.cursor.failure { return failure }
        builder.pointee.cursor.source = source
        builder.pointee.cursor.chunkStart = nil
        builder.pointee.cursor.chunkBase = source.count
        builder.pointee.cursor.chunkLength = 0
        defer { builder.pointee.cursor.source = UnsafeRawBufferPointer(start: nil, count: 0) }
        let status = yajl_complete_parse(handle)
        return failure(for: status, source: source, inputComplete: true)
    }

    private func failure(for status: yajl_status, source: UnsafeRawBufferPointer, inputComplete: Bool)
        -> ParseFailure?
    {
        if status == yajl_status_ok { return nil }
        recordFailure(for: status, source: source, inputComplete: inputComplete)
        return builder.pointee.cursor.failure
    }

    /// Records the failure behind a status other than OK: the one a callback
    /// recorded, or else the syntax error yajl found, located by us.
    private func recordFailure(for status: yajl_status, source: UnsafeRawBufferPointer, inputComplete: Bool) {
        if builder.pointee.cursor.hasFailed { return }
        // A syntax error yajl found: locate it ourselves.
        let openIsObject = builder.pointee.openContainerIsObject
        var locator = ErrorLocator(
            source: source, openStarts: builder.pointee.openContainerStarts, openIsObject: openIsObject,
            inputComplete: inputComplete)
        locator.documentStart = documentStart
        let cursor = builder.pointee.cursor
        var located = locator.locate(
            from: cursor.lastEventEnd,
            expecting: ErrorLocator.expectation(after: cursor.lastEvent, innermostIsObject: openIsObject.last))
        if located.reason == .unexpectedEndOfInput && !inputComplete {
            // Only possible if yajl rejected something our reading accepts;
            // fall back to yajl's own words.
            located.message = yajlMessage(source: source)
            located.reason = .syntax
        } else {
            located.describesFollowingBytes = true
        }
        builder.pointee.cursor.failure = located
    }

    /// Locates again the syntax error yajl reported, now that `source`
    /// holds more of the text (or all of it): the streaming parser's way to
    /// describe the unexpected token as the whole text shows it.
    func relocateSyntaxError(source: UnsafeRawBufferPointer, inputComplete: Bool) -> ParseFailure? {
        builder.pointee.cursor.failure = nil
        recordFailure(for: yajl_status_error, source: source, inputComplete: inputComplete)
        return builder.pointee.cursor.failure
    }

    private func yajlMessage(source: UnsafeRawBufferPointer) -> String {
        guard let text = yajl_get_error(handle, 0, nil, 0) else { return "invalid JSON" }
        defer { yajl_free_error(handle, text) }
        var message = String(cString: text).trimmingWhitespace()
        for prefix in ["parse error: ", "lexical error: "] where message.hasPrefix(prefix) {
            message.removeFirst(prefix.count)
        }
        return message
    }

}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
