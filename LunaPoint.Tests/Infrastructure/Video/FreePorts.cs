using System.Net;
using System.Net.Sockets;

namespace LunaPoint.Tests.Infrastructure.Video;

/// <summary>Loopback ports nobody uses right now (the system picks them; a small race with other processes remains).</summary>
internal static class FreePorts
{
    public static int Tcp()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A port free for both TCP and UDP (RTSP listens on TCP; some tests send UDP to it).</summary>
    public static int TcpAndUdp()
    {
        for (var i = 0; i < 50; i++)
        {
            var port = Tcp();
            try
            {
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException("no port free for both TCP and UDP");
    }

    /// <summary>A port nothing listens on (taken from the system, then released).</summary>
    public static int Closed() => Tcp();
}
