using System.Net;
using System.Net.Sockets;

namespace IssuerVerification.FaultTests.Infrastructure;

public static class FreePort
{
    /// <summary>A port on 127.0.0.1 that was free a moment ago; callers retry with another when the bind loses a race.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
