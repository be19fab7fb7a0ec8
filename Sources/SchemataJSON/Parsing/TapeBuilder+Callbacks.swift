import CYajl

extension TapeBuilder {
    /// The C callbacks: each recovers the builder from yajl's context pointer.
    static let callbacks: yajl_callbacks = {
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
