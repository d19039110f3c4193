using System.Globalization;
using Microsoft.Diagnostics.Tracing.Etlx;

// Prints what etc/scripts/profile.sh collected as shares, so that two runs (or two builds) compare by proportion,
// whatever the machine's load did to the absolute times.
//   EngagementPlatform.Profiling.Reader cpu FILE.nettrace [TOP]       the sampled thread stacks (dotnet-sampled-thread-time)
//   EngagementPlatform.Profiling.Reader alloc FILE.nettrace [TOP]     the allocation ticks (gc-verbose)
//   EngagementPlatform.Profiling.Reader alloc FILE.nettrace TOP TEXT  ... and the whole stacks (by bytes) that have a frame containing TEXT
//   EngagementPlatform.Profiling.Reader counters FILE.csv             dotnet-counters' CSV: mean, min and max per counter
// cpu: of the samples taken while a thread ran managed code (the others wait or run native code), the frames that
//      were on top of the stack (self) and the frames anywhere on it (total), as shares of those samples.
// alloc: the runtime reports an allocation tick about every 100 KB allocated, with the type and stack of the object
//        that crossed the mark; the ticks' amounts, summed per type, per frame (anywhere on the stack) and per stack
//        (the type and the innermost frames), as shares of all the bytes sampled.
var culture = CultureInfo.InvariantCulture;
if (args.Length < 2 || !File.Exists(args[1]))
{
    Console.Error.WriteLine("usage: EngagementPlatform.Profiling.Reader cpu|alloc FILE.nettrace [TOP] | counters FILE.csv");
    return 2;
}

var top = args.Length > 2 ? int.Parse(args[2], culture) : 25;
switch (args[0])
{
    case "cpu":
        Cpu(args[1], top);
        return 0;
    case "alloc":
        Alloc(args[1], top, args.Length > 3 ? args[3] : null);
        return 0;
    case "counters":
        Counters(args[1]);
        return 0;
    default:
        Console.Error.WriteLine($"unknown command '{args[0]}' (cpu, alloc or counters)");
        return 2;
}

static TraceLog Open(string nettrace)
{
    // The .etlx next to the trace holds the resolved stacks; it is rebuilt each time (cheap next to the reading).
    var etlx = Path.ChangeExtension(nettrace, ".etlx");
    File.Delete(etlx);
    return new TraceLog(TraceLog.CreateFromEventPipeDataFile(nettrace, etlx));
}

static List<string> Frames(TraceCallStack? stack)
{
    var frames = new List<string>();
    for (; stack is not null; stack = stack.Caller)
    {
        var address = stack.CodeAddress;
        var name = address.FullMethodName;
        frames.Add(string.IsNullOrEmpty(name) ? $"{(string.IsNullOrEmpty(address.ModuleName) ? "?" : address.ModuleName)}!?" : Shorten(name));
    }

    return frames; // innermost first
}

// A frame's namespace, its first two parts (EngagementPlatform.Governance, Microsoft.EntityFrameworkCore, OpenIddict.Validation):
// a view by component that the long list of frames hides.
static string Area(string frame)
{
    var name = frame.Split('(', 2)[0];
    var parts = name.Split('.');
    return parts.Length < 3 ? parts[0] : parts[0] + "." + parts[1].Split('+', '<', '`')[0];
}

static string Shorten(string name) => name.Length <= 150 ? name : name[..147] + "...";

static void Cpu(string path, int top)
{
    using var log = Open(path);
    long all = 0, managed = 0;
    var self = new Dictionary<string, long>();
    var total = new Dictionary<string, long>();
    var areas = new Dictionary<string, long>();
    // The sample profiler's Thread/Sample event: its one payload field says whether the thread ran managed code (2)
    // or was outside it (1: waiting, sleeping or in native code).
    foreach (var sample in log.Events.Where(e => e.ProviderName == "Microsoft-DotNETCore-SampleProfiler" && e.EventName.Contains("Sample", StringComparison.Ordinal)))
    {
        all++;
        if (Convert.ToInt32(sample.PayloadValue(0), CultureInfo.InvariantCulture) != 2)
        {
            continue;
        }

        managed++;
        var frames = Frames(sample.CallStack());
        if (frames.Count == 0)
        {
            continue;
        }

        Add(self, frames[0], 1);
        foreach (var frame in frames.Distinct())
        {
            Add(total, frame, 1);
        }

        foreach (var area in frames.Select(Area).Distinct())
        {
            Add(areas, area, 1);
        }
    }

    Console.WriteLine($"CPU trace {Path.GetFileName(path)}: {all:N0} thread samples, {managed:N0} of them in managed code ({Share(managed, all)}); shares below are of those {managed:N0}");
    Print("Namespaces anywhere on the stack (first two parts; total)", areas, managed, top);
    Print("Frames on top of the stack (self)", self, managed, top);
    Print("Frames anywhere on the stack (total)", total, managed, top);
}

static void Alloc(string path, int top, string? with)
{
    using var log = Open(path);
    var source = log.Events.GetSource();
    long bytes = 0, ticks = 0;
    var types = new Dictionary<string, long>();
    var frames = new Dictionary<string, long>();
    var stacks = new Dictionary<string, long>();
    var areas = new Dictionary<string, long>();
    var whole = new Dictionary<string, long>();
    long gcs = 0;
    var generations = new long[3];
    source.Clr.GCAllocationTick += tick =>
    {
        var amount = tick.AllocationAmount64;
        bytes += amount;
        ticks++;
        var type = string.IsNullOrEmpty(tick.TypeName) ? "?" : tick.TypeName;
        Add(types, type, amount);
        var stack = Frames(tick.CallStack());
        foreach (var frame in stack.Distinct())
        {
            Add(frames, frame, amount);
        }

        foreach (var area in stack.Select(Area).Distinct())
        {
            Add(areas, area, amount);
        }

        // The innermost frames that are not the runtime's or the base library's collections and strings, so that a
        // List<T> growing in EF Core is shown with the EF Core frame that grew it.
        var own = stack.Where(f => !f.StartsWith("System.", StringComparison.Ordinal) && !f.EndsWith("!?", StringComparison.Ordinal)).Take(4);
        Add(stacks, type + "  <-  " + string.Join("  <-  ", own), amount);
        if (with is not null && stack.Any(f => f.Contains(with, StringComparison.Ordinal)))
        {
            Add(whole, type + Environment.NewLine + string.Join(Environment.NewLine, stack.Take(40).Select(f => "             " + f)), amount);
        }
    };
    source.Clr.GCStart += gc =>
    {
        gcs++;
        if (gc.Depth is >= 0 and <= 2)
        {
            generations[gc.Depth]++;
        }
    };
    source.Process();
    var seconds = log.SessionDuration.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Allocation trace {Path.GetFileName(path)}: {ticks:N0} allocation ticks, {bytes / 1048576.0:N1} MB sampled over {seconds:N1} s ({bytes / 1048576.0 / Math.Max(seconds, 0.001):N1} MB/s); {gcs} collections (gen0 {generations[0]}, gen1 {generations[1]}, gen2 {generations[2]})"));
    Print("Types, by bytes", types, bytes, top);
    Print("Namespaces anywhere on the allocating stack (first two parts), by bytes", areas, bytes, top);
    Print("Frames anywhere on the allocating stack, by bytes", frames, bytes, top);
    Print("Type <- its innermost frames outside System.*, by bytes", stacks, bytes, top);
    if (with is not null)
    {
        Print($"Whole stacks with a frame containing '{with}' (innermost first), by bytes", whole, bytes, top);
    }
}

static void Counters(string path)
{
    // dotnet-counters' CSV: Timestamp,Provider,Counter Name,Counter Type,Mean/Increment (one row per counter per interval).
    var values = new Dictionary<string, List<double>>();
    foreach (var line in File.ReadLines(path).Skip(1))
    {
        var cells = SplitCsv(line);
        if (cells.Count < 5 || !double.TryParse(cells[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            continue;
        }

        var key = $"{cells[2]} [{cells[3]}]";
        if (!values.TryGetValue(key, out var list))
        {
            values[key] = list = [];
        }

        list.Add(value);
    }

    Console.WriteLine($"Counters {Path.GetFileName(path)}: mean, min and max over the intervals");
    foreach (var (name, list) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {list.Average(),16:N1} {list.Min(),16:N1} {list.Max(),16:N1}  {name} ({list.Count} intervals)"));
    }

    // Per request, from the means over the window: what a request costs whatever the request rate was.
    double Mean(string part) => values.Where(v => v.Key.Contains(part, StringComparison.Ordinal)).Sum(v => v.Value.Average());
    var requests = Mean("Request Rate");
    if (requests > 0)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Per request (means over the window, {requests:N1} requests/s): {Mean("dotnet.gc.heap.total_allocated") / requests / 1024:N1} KB allocated, {Mean("dotnet.process.cpu.time") / requests * 1000:N2} ms of process CPU; GC paused {Mean("dotnet.gc.pause.time") * 100:N1} % of the time"));
    }
}

static List<string> SplitCsv(string line)
{
    var cells = new List<string>();
    var cell = new System.Text.StringBuilder();
    var quoted = false;
    foreach (var c in line)
    {
        if (c == '"')
        {
            quoted = !quoted;
        }
        else if (c == ',' && !quoted)
        {
            cells.Add(cell.ToString());
            cell.Clear();
        }
        else
        {
            cell.Append(c);
        }
    }

    cells.Add(cell.ToString());
    return cells;
}

static void Add(Dictionary<string, long> counts, string key, long amount)
    => counts[key] = counts.GetValueOrDefault(key) + amount;

static string Share(long part, long whole) => whole == 0 ? "-" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + " %";

static void Print(string title, Dictionary<string, long> counts, long whole, int top)
{
    Console.WriteLine();
    Console.WriteLine($"{title}:");
    foreach (var (key, count) in counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(top))
    {
        Console.WriteLine($"  {Share(count, whole),7}  {key}");
    }
}
