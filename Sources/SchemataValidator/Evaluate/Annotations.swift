/// Which parts of an instance were evaluated at one instance location, as
/// `unevaluatedProperties` and `unevaluatedItems` need to know. Collected
/// only where a schema has one of those keywords.
struct Annotations {
    /// Key node indexes of members evaluated by some keyword.
    var properties: Set<Int> = []
    /// Every member was evaluated.
    var allProperties = false
    /// Elements before this index were evaluated.
    var itemsPrefix = 0
    /// Every element was evaluated.
    var allItems = false
    /// Single elements evaluated (by `contains`).
    var items: Set<Int> = []

    mutating func merge(_ other: Annotations) {
        properties.formUnion(other.properties)
        allProperties = allProperties || other.allProperties
        itemsPrefix = max(itemsPrefix, other.itemsPrefix)
        allItems = allItems || other.allItems
        items.formUnion(other.items)
    }
}
