namespace TrialSim.Aggregation;

/// <summary>Writes an array of counts as its non-zero entries (histograms are mostly empty).</summary>
internal static class CountCodec
{
    public static void Write(BinaryWriter writer, long[] counts)
    {
        int nonZero = 0;
        foreach (long count in counts) if (count != 0) nonZero++;
        writer.Write(nonZero);
        for (int i = 0; i < counts.Length; i++)
            if (counts[i] != 0)
            {
                writer.Write(i);
                writer.Write(counts[i]);
            }
    }

    public static void Read(BinaryReader reader, long[] counts)
    {
        Array.Clear(counts);
        int nonZero = reader.ReadInt32();
        for (int k = 0; k < nonZero; k++)
        {
            int index = reader.ReadInt32();
            if ((uint)index >= (uint)counts.Length) throw new InvalidDataException($"count index {index} outside 0..{counts.Length - 1}");
            counts[index] = reader.ReadInt64();
        }
    }
}
