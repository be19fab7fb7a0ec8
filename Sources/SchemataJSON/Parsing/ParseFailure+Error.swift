extension ParseFailure {
    /// The located, user-facing error for this failure in `source`.
    func error(in source: UnsafeRawBufferPointer) -> JSONParseError {
        error(lineIndex: LineIndex(Array(source)))
    }

    /// The located error, with lines and columns from `index`.
    func error(lineIndex index: LineIndex) -> JSONParseError {
        let location = index.location(ofOffset: offset)
        var message = self.message
        if let related {
            let other = index.location(ofOffset: related.offset)
            let place = "line \(other.line), column \(other.column)"
            switch related.role {
            case .firstDefinition: message += " (first defined at \(place))"
            case .unclosedArray: message += " (the array opened at \(place) is not closed)"
            case .unclosedObject: message += " (the object opened at \(place) is not closed)"
            case .unterminatedString: message += " (the string started at \(place))"
            }
        }
        return JSONParseError(
            reason: reason, message: message, location: location,
            excerpt: SourceExcerpt(index: index, location: location))
    }
}
