import CYajl

/// One yajl parser handle wired to a ``TapeBuilder``.
///
/// Owns the handle, the callbacks table (yajl keeps a pointer to it, so it
/// must outlive the handle) and the builder, which sits at a fixed address
/// that yajl passes back to every callback. Not thread-safe: one session is
/// used by one parse at a time.
final class YajlSession {
    let builder: UnsafeMutablePointer<TapeBuilder>
    private let callbacks: UnsafeMutablePointer<yajl_callbacks>
    private let handle: yajl_handle
    private(set) var finished = false

    init(
        options: JSONParseOptions, allowsMultipleValues: Bool, tracksPath: Bool = false, collectsEvents: Bool = false,
        documentStart: Int = 0
    ) {
        builder = .allocate(capacity: 1)
        builder.initialize(
            to: TapeBuilder(
                options: options, splitsRoots: allowsMultipleValues, tracksPath: tracksPath,
                collectsEvents: collectsEvents))
        callbacks = .allocate(capacity: 1)
        callbacks.initialize(to: YajlSession.table)
        handle = yajl_alloc(callbacks, nil, UnsafeMutableRawPointer(builder))
        // Schemata validates UTF-8 itself (strictly, with positions), so
        // yajl's laxer check is redundant.
        _ = schemata_yajl_config(handle, yajl_dont_validate_strings, 1)
        if allowsMultipleValues {
            _ = schemata_yajl_config(handle, yajl_allow_multiple_values, 1)
        }
        builder.pointee.handle = handle
        builder.pointee.lastEventEnd = documentStart
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
    func parse(chunk: UnsafeRawBufferPointer, base: Int, source: UnsafeRawBufferPointer) -> TapeBuilder.Failure? {
        if let failure = builder.pointee.failure { return failure }
        builder.pointee.source = source
        builder.pointee.chunkStart = chunk.baseAddress
        builder.pointee.chunkBase = base
        builder.pointee.chunkLength = chunk.count
        defer { builder.pointee.source = UnsafeRawBufferPointer(start: nil, count: 0) }
        guard let start = chunk.baseAddress, chunk.count > 0 else { return nil }
        let status = yajl_parse(handle, start.assumingMemoryBound(to: UInt8.self), chunk.count)
        return failure(for: status, source: source, inputComplete: false)
    }

    /// Tells yajl the input is over (flushing a trailing number).
    func complete(source: UnsafeRawBufferPointer) -> TapeBuilder.Failure? {
        if let failure = builder.pointee.failure { return failure }
        finished = true
        builder.pointee.source = source
        builder.pointee.chunkStart = nil
        builder.pointee.chunkBase = source.count
        builder.pointee.chunkLength = 0
        defer { builder.pointee.source = UnsafeRawBufferPointer(start: nil, count: 0) }
        let status = yajl_complete_parse(handle)
        return failure(for: status, source: source, inputComplete: true)
    }

    private func failure(for status: yajl_status, source: UnsafeRawBufferPointer, inputComplete: Bool)
        -> TapeBuilder.Failure?
    {
        if status == yajl_status_ok { return nil }
        if let failure = builder.pointee.failure { return failure }
        // A syntax error yajl found: locate it ourselves.
        let state = builder.pointee
        var locator = ErrorLocator(
            source: source,
            openStarts: state.open.map { Int(state.spans.isEmpty ? 0 : state.spans[$0.node].start) },
            openIsObject: state.open.map(\.isObject),
            inputComplete: inputComplete)
        locator.documentStart = documentStart
        var located = locator.locate(
            from: state.lastEventEnd,
            expecting: ErrorLocator.expectation(after: state.lastEvent, innermostIsObject: state.open.last?.isObject))
        if located.reason == .unexpectedEndOfInput && !inputComplete {
            // Only possible if yajl rejected something our reading accepts;
            // fall back to yajl's own words.
            located.message = yajlMessage(source: source)
            located.reason = .syntax
        }
        builder.pointee.failure = located
        return located
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

    /// The C callbacks: each recovers the builder from the context pointer.
    private static let table: yajl_callbacks = {
        var table = yajl_callbacks()
        table.yajl_null = { context in
            context!.assumingMemoryBound(to: TapeBuilder.self).pointee.onNull() ? 1 : 0
        }
        table.yajl_boolean = { context, value in
            context!.assumingMemoryBound(to: TapeBuilder.self).pointee.onBool(value != 0) ? 1 : 0
        }
        table.yajl_number = { context, text, length in
            let bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(text), count: length)
            return context!.assumingMemoryBound(to: TapeBuilder.self).pointee.onNumber(bytes) ? 1 : 0
        }
        table.yajl_string = { context, text, length in
            context!.assumingMemoryBound(to: TapeBuilder.self).pointee.onString(UnsafeRawPointer(text!), length) ? 1 : 0
        }
        table.yajl_start_map = { context in
            context!.assumingMemoryBound(to: TapeBuilder.self).pointee.onStartContainer(isObject: true) ? 1 : 0
        }
        table.yajl_map_key = { context, text, length in
            context!.assumingMemoryBound(to: TapeBuilder.self).pointee.onKey(UnsafeRawPointer(text!), length) ? 1 : 0
        }
        table.yajl_end_map = { context in
            context!.assumingMemoryBound(to: TapeBuilder.self).pointee.onEndContainer() ? 1 : 0
        }
        table.yajl_start_array = { context in
            context!.assumingMemoryBound(to: TapeBuilder.self).pointee.onStartContainer(isObject: false) ? 1 : 0
        }
        table.yajl_end_array = { context in
            context!.assumingMemoryBound(to: TapeBuilder.self).pointee.onEndContainer() ? 1 : 0
        }
        return table
    }()
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
