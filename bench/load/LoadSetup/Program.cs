// Load-benchmark set-up for IssuerVerification (bench/load/run.sh runs it).
// Against a freshly started API: creates the keys, the card range and a client, optionally registers cards,
// precomputes CVV2 and CVC3 values through the API's own generate endpoints, and writes the request bodies
// wrk sends (one JSON body per line) plus single probe bodies for the SQL trace.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

var o = Options.Parse(args);
var clock = Stopwatch.StartNew();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = o.Concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = new Uri(o.Url),
    Timeout = TimeSpan.FromSeconds(60),
};
Directory.CreateDirectory(o.Out);

await WaitReadyAsync();
var admin = o.AdminKey;
await PostAsync("/v1/admin/keys", admin, new { alias = "bench-cvk", usage = "CVK", components = new[] { "0123456789ABCDEFFEDCBA9876543210" } });
await PostAsync("/v1/admin/keys", admin, new { alias = "bench-imk-cvc3", usage = "IMK_CVC3", components = new[] { "F1E2D3C4B5A697887766554433221100" } });
await PostAsync("/v1/admin/card-ranges", admin, new
{
    panPrefix = Pan.Prefix,
    network = "mastercard",
    keys = new { cvv2 = "bench-cvk", cvc3 = "bench-imk-cvc3" },
    lockout = new { maxFailures = 100 }, // the most the API allows
});
var client = (await PostAsync("/v1/admin/clients", admin, new { name = "load-bench", scopes = new[] { "card:verify", "card:generate" } }))
    .GetProperty("apiKey").GetString()!;
await File.WriteAllTextAsync(Path.Combine(o.Out, "client.key"), client);
Log($"admin set-up done ({clock.Elapsed.TotalSeconds:F1} s)");

const string Expiry = "3012", Ivcvc3 = "8342", Un = "00000899";

// CVV2: unregistered PANs (group 0) and, when asked, the same number of registered cards (group 1).
var cvvPans = Enumerable.Range(0, o.CvvCards).Select(i => Pan.Make(0, i)).ToArray();
await WriteCvvBodiesAsync("cvv.bodies", cvvPans);
if (o.RegisteredCvvCards > 0)
{
    var registered = Enumerable.Range(0, o.RegisteredCvvCards).Select(i => Pan.Make(1, i)).ToArray();
    var t = Stopwatch.StartNew();
    await ForAllAsync(registered.Length, async i => await PostAsync("/v1/admin/cards", admin, new { pan = registered[i], expiry = Expiry }));
    Log($"registered {registered.Length} cards ({t.Elapsed.TotalSeconds:F1} s)");
    await WriteCvvBodiesAsync("cvv-registered.bodies", registered);
}

// CVC3: cards (group 2) x ATCs, ATC-major: a card's next ATC comes only after one ATC of every other card.
// The first WarmAtcs ATCs go to the warm-up file, the rest to the measured file, so the measured run starts above
// every ATC the warm-up could have claimed.
{
    var cards = Enumerable.Range(0, o.Cvc3Cards).Select(i => Pan.Make(2, i)).ToArray();
    var total = o.Cvc3Cards * (o.Cvc3WarmAtcs + o.Cvc3Atcs);
    var lines = new string[total];
    var t = Stopwatch.StartNew();
    await ForAllAsync(total, async n =>
    {
        var pan = cards[n % cards.Length];
        var atc = (n / cards.Length + 1).ToString("X4", CultureInfo.InvariantCulture);
        var cvc3 = (await PostAsync("/v1/cvc3/generate", client, new { pan, ivcvc3 = Ivcvc3, unpredictableNumber = Un, atc })).GetProperty("cvc3").GetString()!;
        lines[n] = JsonSerializer.Serialize(new { pan, ivcvc3 = Ivcvc3, unpredictableNumber = Un, atc, cvc3 });
    });
    var warm = o.Cvc3Cards * o.Cvc3WarmAtcs;
    await File.WriteAllLinesAsync(Path.Combine(o.Out, "cvc3-warm.bodies"), lines.Take(warm));
    await File.WriteAllLinesAsync(Path.Combine(o.Out, "cvc3.bodies"), lines.Skip(warm));
    Log($"cvc3: {total} values generated ({total / t.Elapsed.TotalSeconds:F0}/s), {warm} warm-up + {total - warm} measured bodies");
}

// Probes for the SQL trace: one body per case (group 9 cards are never used by the load).
{
    var probe = Path.Combine(o.Out, "probe");
    Directory.CreateDirectory(probe);
    var pan = Pan.Make(9, 0);
    var value = await CvvAsync(pan);
    await Write("cvv-match.json", new { pan, expiry = Expiry, kind = "cvv2", value });
    await Write("cvv-mismatch.json", new { pan, expiry = Expiry, kind = "cvv2", value = Wrong(value) });
    if (o.RegisteredCvvCards > 0)
    {
        var reg = Pan.Make(1, 0);
        await Write("cvv-registered-match.json", new { pan = reg, expiry = Expiry, kind = "cvv2", value = await CvvAsync(reg) });
    }
    var cvc3Pan = Pan.Make(9, 1);
    foreach (var (name, atc) in new[] { ("cvc3-first.json", "0001"), ("cvc3-next.json", "0002") })
    {
        var cvc3 = (await PostAsync("/v1/cvc3/generate", client, new { pan = cvc3Pan, ivcvc3 = Ivcvc3, unpredictableNumber = Un, atc })).GetProperty("cvc3").GetString()!;
        await Write(name, new { pan = cvc3Pan, ivcvc3 = Ivcvc3, unpredictableNumber = Un, atc, cvc3 });
    }
    async Task Write(string name, object body) => await File.WriteAllTextAsync(Path.Combine(probe, name), JsonSerializer.Serialize(body));
}
Log($"set-up complete in {clock.Elapsed.TotalSeconds:F1} s");
return 0;

async Task WriteCvvBodiesAsync(string file, string[] pans)
{
    var lines = new string[pans.Length];
    var t = Stopwatch.StartNew();
    await ForAllAsync(pans.Length, async i =>
    {
        var value = await CvvAsync(pans[i]);
        // A given share of the bodies carries a wrong value (default none): each such request counts a failure.
        if (i % 100 < o.CvvMismatchPercent)
        {
            value = Wrong(value);
        }
        lines[i] = JsonSerializer.Serialize(new { pan = pans[i], expiry = Expiry, kind = "cvv2", value });
    });
    await File.WriteAllLinesAsync(Path.Combine(o.Out, file), lines);
    Log($"{file}: {pans.Length} bodies ({t.Elapsed.TotalSeconds:F1} s)");
}

async Task<string> CvvAsync(string pan) =>
    (await PostAsync("/v1/cvv/generate", client, new { pan, expiry = Expiry, kind = "cvv2" })).GetProperty("value").GetString()!;

static string Wrong(string value) => ((int.Parse(value, CultureInfo.InvariantCulture) + 1) % 1000).ToString("D3", CultureInfo.InvariantCulture);

async Task ForAllAsync(int count, Func<int, Task> body) =>
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = o.Concurrency }, async (i, _) => await body(i));

async Task<JsonElement> PostAsync(string path, string apiKey, object body)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
    request.Headers.Add("X-Api-Key", apiKey);
    using var response = await http.SendAsync(request);
    var text = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"POST {path} -> {(int)response.StatusCode}: {text}");
    }
    return JsonDocument.Parse(text).RootElement.Clone();
}

async Task WaitReadyAsync()
{
    var deadline = Stopwatch.StartNew();
    while (true)
    {
        try
        {
            using var r = await http.GetAsync("/health/ready");
            if (r.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
        }
        if (deadline.Elapsed > TimeSpan.FromSeconds(120))
        {
            throw new TimeoutException("The API did not become ready within 120 s.");
        }
        await Task.Delay(250);
    }
}

void Log(string message) => Console.WriteLine($"[setup] {message}");

static class Pan
{
    public const string Prefix = "539269";

    /// <summary>A 16-digit Luhn-valid PAN: the prefix, a group digit, 8 digits of index, the check digit.</summary>
    public static string Make(int group, int index)
    {
        var body = Prefix + group.ToString(CultureInfo.InvariantCulture) + index.ToString("D8", CultureInfo.InvariantCulture);
        return body + CheckDigit(body);
    }

    private static char CheckDigit(string body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var d = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }
}

sealed record Options(string Url, string AdminKey, string Out, int CvvCards, int RegisteredCvvCards, int CvvMismatchPercent,
    int Cvc3Cards, int Cvc3WarmAtcs, int Cvc3Atcs, int Concurrency)
{
    public static Options Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            map[args[i].TrimStart('-')] = args[i + 1];
        }
        string S(string name) => map.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");
        int I(string name, int fallback) => map.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new Options(S("url"), S("admin-key"), S("out"), I("cvv-cards", 1000), I("registered-cvv-cards", 0), I("cvv-mismatch-percent", 0),
            I("cvc3-cards", 2000), I("cvc3-warm-atcs", 10), I("cvc3-atcs", 60), I("concurrency", 32));
    }
}
