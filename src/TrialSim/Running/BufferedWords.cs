namespace TrialSim.Running;

/// <summary>
/// One substream read through a caller-owned buffer refilled many blocks at a time
/// (<see cref="RandomStream.NextUInt32s"/>): the same words as reading the stream directly, without
/// one scalar Philox block, and its chain of ten dependent multiplications, per four words. For a
/// reader that takes many words from one substream, such as permuted-block randomisation.
/// </summary>
public struct BufferedWords : IRandomWords
{
    private RandomStream _stream;
    private readonly uint[] _buffer;
    private int _next;

    /// <param name="buffer">Reused storage; a multiple of 16 words keeps the refills whole vector steps.</param>
    public BufferedWords(RandomStream stream, uint[] buffer)
    {
        if (buffer.Length == 0) throw new ArgumentException("the buffer must hold at least one word", nameof(buffer));
        _stream = stream;
        _buffer = buffer;
        _next = buffer.Length;
    }

    public uint NextUInt32()
    {
        uint word = Peek();
        _next++;
        return word;
    }

    /// <summary>The next word, not taken: the following <see cref="NextUInt32"/> or <see cref="Peek"/> sees it again.</summary>
    public uint Peek()
    {
        if (_next == _buffer.Length)
        {
            _stream.NextUInt32s(_buffer);
            _next = 0;
        }
        return _buffer[_next];
    }

    /// <summary>Takes <paramref name="count"/> (0 or 1) words seen by <see cref="Peek"/>: a reader can
    /// decide by arithmetic, not a branch, whether it used the word.</summary>
    public void Skip(int count) => _next += count;
}
