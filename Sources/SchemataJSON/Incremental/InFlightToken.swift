/// The token still arriving at the end of a streamed text.
///
/// yajl only ever receives whole tokens, so it has not seen this one: the
/// parser records what kind of token it is and where it starts, and a
/// snapshot decodes it only when asked (see ``InFlightStringDecoder``).
struct InFlightToken: Equatable {
    enum Kind: Equatable { case string, key, number, literal }

    var kind: Kind
    /// The offset of the token's first byte (a string's opening quote).
    var start: Int

    var isString: Bool { kind == .string || kind == .key }
}
