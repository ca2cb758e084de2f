using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace IssuerVerification.Api.Tests.Infrastructure;

/// <summary>A real HTTP receiver on 127.0.0.1 for callbacks: records every request body and answers the given statuses in turn, then 200.</summary>
public sealed class CallbackListener : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<int> _statuses;
    private readonly Task _loop;

    private CallbackListener(int port, int[] statuses)
    {
        Url = $"http://127.0.0.1:{port}/callbacks/";
        _statuses = new ConcurrentQueue<int>(statuses);
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public static CallbackListener Start(int? port = null, params int[] statuses) => new(port ?? FreePort(), statuses);

    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    /// <summary>Waits until <paramref name="count"/> requests have arrived (at most 15 s).</summary>
    public async Task<List<ReceivedRequest>> WaitForAsync(int count)
    {
        for (var waited = 0; Received.Count < count && waited < 15_000; waited += 50)
        {
            await Task.Delay(50);
        }
        Assert.True(Received.Count >= count, $"{Received.Count} callbacks received, expected {count}");
        return [.. Received];
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var status = _statuses.TryDequeue(out var next) ? next : 200;
            if (status == 200)
            {
                Received.Enqueue(new ReceivedRequest(context.Request.ContentType ?? "", body,
                    context.Request.Headers.AllKeys.ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase)));
            }
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}

public sealed record ReceivedRequest(string ContentType, string Body, IReadOnlyDictionary<string, string> Headers);
