using System.Globalization;
using System.Text;
using TrialSim.Aggregation;
using TrialSim.Sinks;

namespace TrialSim.Running;

/// <summary>
/// Finished work units on disk, one file each under <c>DIR/units</c>, written whole or not at all
/// (temporary file, then rename). They make a run resumable and let shards be merged: the final
/// output is always rebuilt from them, so it is the same however the units were computed.
/// </summary>
public sealed class CheckpointStore
{
    private const string Magic = "trialsim-unit";
    private const int FormatVersion = 1;
    public const string UnitsFolder = "units";

    public string Directory { get; }
    public RunIdentity Identity { get; }

    public CheckpointStore(string directory, RunIdentity identity)
    {
        Directory = directory;
        Identity = identity;
    }

    private string UnitsDirectory => Path.Combine(Directory, UnitsFolder);

    public string PathOf(WorkUnit unit) =>
        Path.Combine(UnitsDirectory, string.Create(CultureInfo.InvariantCulture, $"p{unit.Point:D6}-t{unit.Truth:D3}-c{unit.Chunk:D5}.unit"));

    public bool Has(WorkUnit unit) => File.Exists(PathOf(unit));

    private string IdentityPath => IdentityPathIn(Directory);

    /// <summary>Where a checkpoint directory records whose units it holds (<see cref="RunIdentity.Key"/>).</summary>
    public static string IdentityPathIn(string directory) => Path.Combine(directory, UnitsFolder, "run-identity.txt");

    /// <summary>
    /// Prepares the directory: a fresh run deletes any units there; a resumed run keeps them, but
    /// only if they are of this run (else the error says whose they are).
    /// </summary>
    /// <exception cref="InvalidOperationException">Resuming over the checkpoints of a different run.</exception>
    public void Begin(bool resume)
    {
        if (resume && File.Exists(IdentityPath))
        {
            string found = File.ReadAllText(IdentityPath);
            if (found != Identity.Key)
                throw new InvalidOperationException($"{Directory} holds checkpoints of a different run ({found}; this run: {Identity}); run without --resume to start afresh, or use another --out");
            // Temporary files of units a killed run was writing: those units are simply computed again.
            foreach (string file in System.IO.Directory.EnumerateFiles(UnitsDirectory, ".*.tmp")) File.Delete(file);
            return;
        }
        if (System.IO.Directory.Exists(UnitsDirectory))
            foreach (string file in System.IO.Directory.EnumerateFiles(UnitsDirectory)) File.Delete(file);
        AtomicFile.Write(IdentityPath, stream => stream.Write(Encoding.UTF8.GetBytes(Identity.Key)));
    }

    /// <summary>How many unit files the directory holds.</summary>
    public int Count => System.IO.Directory.Exists(UnitsDirectory) ? System.IO.Directory.EnumerateFiles(UnitsDirectory, "*.unit").Count() : 0;

    public void Write(WorkUnit unit, PointAccumulator accumulator) =>
        AtomicFile.Write(PathOf(unit), stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(Identity.ScenarioSha256);
            writer.Write(Identity.Seed);
            writer.Write(Identity.Replicates);
            writer.Write(Identity.ToolVersion);
            writer.Write(unit.Point);
            writer.Write(unit.Truth);
            writer.Write(unit.Chunk);
            accumulator.Write(writer);
        });

    /// <summary>Reads a unit into <paramref name="accumulator"/> (of the unit's shape).</summary>
    /// <exception cref="InvalidDataException">The file is damaged or belongs to a different run.</exception>
    public void Read(WorkUnit unit, PointAccumulator accumulator)
    {
        string path = PathOf(unit);
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion) throw new InvalidDataException("not a trialsim unit file of this version");
            var identity = new RunIdentity(reader.ReadString(), reader.ReadUInt64(), reader.ReadInt32(), reader.ReadString());
            if (identity != Identity) throw new InvalidDataException($"it belongs to a different run ({identity}; this run: {Identity})");
            var stored = new WorkUnit(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
            if (stored != unit) throw new InvalidDataException($"it holds {stored}");
            accumulator.Read(reader);
            if (reader.BaseStream.Position != reader.BaseStream.Length) throw new InvalidDataException("it has trailing bytes");
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException($"{path}: truncated unit file", exception);
        }
        catch (InvalidDataException exception) when (!exception.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: {exception.Message}", exception);
        }
    }
}
