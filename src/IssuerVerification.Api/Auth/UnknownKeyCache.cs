namespace IssuerVerification.Api.Auth;

/// <summary>
/// The most recently tried unknown API keys (by hash), at most <c>capacity</c>, least recently used evicted first: a flood
/// of made-up keys only evicts other made-up keys, never a known client's entry, and never empties the whole cache.
/// </summary>
internal sealed class UnknownKeyCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, DateTimeOffset At)>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, DateTimeOffset At)> _order = new();
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _index.Count;
            }
        }
    }

    /// <summary>Whether this key was found unknown less than <paramref name="lifetime"/> ago.</summary>
    public bool Contains(string key, DateTimeOffset now, TimeSpan lifetime)
    {
        lock (_lock)
        {
            if (!_index.TryGetValue(key, out var node))
            {
                return false;
            }
            _order.Remove(node);
            if (now - node.Value.At > lifetime)
            {
                _index.Remove(key);
                return false;
            }
            _order.AddFirst(node);
            return true;
        }
    }

    public void Add(string key, DateTimeOffset at)
    {
        lock (_lock)
        {
            if (_index.Remove(key, out var existing))
            {
                _order.Remove(existing);
            }
            _index[key] = _order.AddFirst((key, at));
            if (_index.Count > capacity)
            {
                _index.Remove(_order.Last!.Value.Key);
                _order.RemoveLast();
            }
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _index.Clear();
            _order.Clear();
        }
    }
}
