using System.Net;

namespace IssuerVerification.FaultTests.Infrastructure;

/// <summary>Requests sent all at once, alternating between the API processes.</summary>
public static class Race
{
    /// <summary>Sends <paramref name="count"/> requests with the client's key; every answer's status and body, in order.</summary>
    public static async Task<(HttpStatusCode Status, string Body)[]> SendAsync(
        ApiProcess[] apis, string key, int count, Func<HttpClient, int, Task<HttpResponseMessage>> send)
    {
        var clients = apis.Select(a => a.Client(key)).ToArray();
        try
        {
            return await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            {
                using var response = await send(clients[i % clients.Length], i);
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            }));
        }
        finally
        {
            Array.ForEach(clients, c => c.Dispose());
        }
    }

    /// <summary>"200 × 1, 409 × 19": the answers by status, for the test's output.</summary>
    public static string Summary(IEnumerable<(HttpStatusCode Status, string Body)> answers) =>
        string.Join(", ", answers.GroupBy(a => a.Status).Select(g => $"{(int)g.Key} × {g.Count()}"));
}
