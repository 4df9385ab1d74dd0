using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Connect2Luton.Web.Tests.Support;

/// <summary>An email as the server received it: who the envelope was addressed to, and the message parsed by MimeKit.</summary>
public sealed record ReceivedEmail(IReadOnlyList<string> EnvelopeTo, MimeMessage Message)
{
    public string Subject => Message.Subject ?? string.Empty;

    public string Body => Message.TextBody ?? string.Empty;

    public bool IsTo(string address) => EnvelopeTo.Contains(address, StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port inside the test process, keeping every message
/// it is sent. The port is chosen when the inbox is made, so an app can be pointed at it before it is started (a mail
/// server that is down). Wait for a message rather than reading <see cref="Received"/> straight after the action.
/// </summary>
public sealed class SmtpInbox : IAsyncDisposable
{
    private readonly List<ReceivedEmail> _received = [];
    private readonly List<(Func<ReceivedEmail, bool> Matches, TaskCompletionSource<ReceivedEmail> Seen)> _waiting = [];
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stopping;
    private Task? _serving;

    public int Port { get; } = FreeLoopbackPort();

    public IReadOnlyList<ReceivedEmail> Received
    {
        get
        {
            lock (_received) return [.. _received];
        }
    }

    /// <summary>Starts listening, and returns once the port takes connections.</summary>
    public async Task StartAsync()
    {
        if (_server is not null) return;
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, _) => listening.TrySetResult();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(this));
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        _server = new SmtpServer.SmtpServer(options, services);
        _stopping = new CancellationTokenSource();
        _serving = _server.StartAsync(_stopping.Token);
        await Task.WhenAny(listening.Task, _serving).WaitAsync(TimeSpan.FromSeconds(10));
        if (_serving.IsFaulted) await _serving;
    }

    /// <summary>The first message (already received or still to come) that matches, or a failure saying what did arrive.</summary>
    public async Task<ReceivedEmail> WaitForAsync(Func<ReceivedEmail, bool> matches, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var seen = new TaskCompletionSource<ReceivedEmail>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_received)
        {
            if (_received.FirstOrDefault(matches) is { } already) return already;
            _waiting.Add((matches, seen));
        }
        try
        {
            return await seen.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            var arrived = Received.Select(r => $"\"{r.Subject}\" to {string.Join(", ", r.EnvelopeTo)}").DefaultIfEmpty("nothing");
            throw new ShouldAssertException($"No matching email arrived within {timeout.TotalSeconds:0} s; the server received {string.Join("; ", arrived)}.");
        }
        finally
        {
            lock (_received) _waiting.RemoveAll(w => w.Seen == seen);
        }
    }

    private void Keep(ReceivedEmail email)
    {
        lock (_received)
        {
            _received.Add(email);
            foreach (var (matches, seen) in _waiting.Where(w => w.Matches(email))) seen.TrySetResult(email);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null && _stopping is not null && _serving is not null)
        {
            _server.Shutdown();
            await _stopping.CancelAsync();
            try
            {
                await _serving.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (OperationCanceledException)
            {
                // Stopped as asked.
            }
        }
        _stopping?.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed class Store(SmtpInbox inbox) : IMessageStore
    {
        public Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream, cancellationToken);
            inbox.Keep(new ReceivedEmail(transaction.To.Select(m => $"{m.User}@{m.Host}").ToList(), message));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
