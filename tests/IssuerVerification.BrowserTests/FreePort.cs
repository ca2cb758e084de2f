using System.Net;
using System.Net.Sockets;

namespace IssuerVerification.BrowserTests;

public static class FreePort
{
    /// <summary>A TCP port free on 127.0.0.1 now (the API's public base URL must be known before it starts).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
