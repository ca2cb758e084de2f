using System.Collections.Concurrent;
using IssuerVerification.Domain.Crypto;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace IssuerVerification.Crypto.Pkcs11;

/// <summary>
/// A pool of logged-in sessions on one token, sized to the token (its session limit, or <see cref="Pkcs11Settings.MaxSessions"/>).
/// An operation holds a session alone from its first PKCS#11 call to its last, so no two requests ever share a session's
/// active operation. A device-level failure (module error, token removed, session lost) drops every session and answers
/// <see cref="CryptoUnavailableException"/>; the next operation connects again (reloading the module when the token cannot
/// be found), so the service recovers when the token returns.
/// </summary>
internal sealed class TokenSessions(Pkcs11Settings settings) : IDisposable
{
    private static readonly TimeSpan WaitForSession = TimeSpan.FromSeconds(10);
    private readonly Lock _gate = new();
    private readonly ConcurrentBag<ISession> _idle = [];
    private Connection? _connection;
    private int _generation;
    private bool _disposed;

    /// <summary>Bumped at every reconnect: object handles found under an older generation are stale.</summary>
    public int Generation => Volatile.Read(ref _generation);

    /// <summary>How many sessions the pool holds at most (0 until the token was first reached).</summary>
    public int Size { get; private set; }

    /// <summary>Runs <paramref name="operation"/> on a session held alone for its duration.</summary>
    public T Run<T>(Func<ISession, T> operation)
    {
        var connection = Connect();
        if (!connection.Available.Wait(WaitForSession))
        {
            throw new CryptoUnavailableException("Every token session stayed busy; the token is overloaded.");
        }
        Pkcs11Modules.Gate.EnterReadLock();
        ISession? session = null;
        try
        {
            if (!Pkcs11Modules.IsCurrent(settings.ModulePath, connection.Library))
            {
                Reset(connection);
                throw new CryptoUnavailableException("The PKCS#11 module was reloaded; the operation was not done.");
            }
            session = _idle.TryTake(out var idle) ? idle : Open(connection.Slot);
            var result = operation(session);
            Return(session, connection);
            return result;
        }
        catch (Pkcs11Exception e) when (IsDeviceFailure(e.RV))
        {
            Reset(connection);
            throw new CryptoUnavailableException($"The token failed ({e.RV}); the operation was not done.", e);
        }
        catch (Pkcs11Exception e)
        {
            Return(session, connection);
            throw new CryptoException($"The token refused the operation ({e.RV}).");
        }
        catch
        {
            Return(session, connection);
            throw;
        }
        finally
        {
            Pkcs11Modules.Gate.ExitReadLock();
            connection.Available.Release();
        }
    }

    /// <summary>Failures of the device, its module or the session rather than of one operation's inputs.</summary>
    internal static bool IsDeviceFailure(CKR rv) => rv is CKR.CKR_DEVICE_ERROR or CKR.CKR_DEVICE_MEMORY or CKR.CKR_DEVICE_REMOVED
        or CKR.CKR_TOKEN_NOT_PRESENT or CKR.CKR_TOKEN_NOT_RECOGNIZED or CKR.CKR_SESSION_HANDLE_INVALID or CKR.CKR_SESSION_CLOSED
        or CKR.CKR_GENERAL_ERROR or CKR.CKR_FUNCTION_FAILED or CKR.CKR_USER_NOT_LOGGED_IN or CKR.CKR_CRYPTOKI_NOT_INITIALIZED
        or CKR.CKR_SLOT_ID_INVALID or CKR.CKR_OBJECT_HANDLE_INVALID or CKR.CKR_KEY_HANDLE_INVALID or CKR.CKR_SESSION_COUNT;

    private Connection Connect()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is not null)
            {
                return _connection;
            }
            try
            {
                var library = Pkcs11Modules.Get(settings.ModulePath);
                ISlot slot;
                try
                {
                    slot = FindSlot(library);
                }
                catch (Exception e) when (e is Pkcs11Exception or CryptoUnavailableException)
                {
                    // The token is gone, or came back after the module enumerated its tokens: load the module again, look once more.
                    if (!Pkcs11Modules.Reload(settings.ModulePath, library))
                    {
                        throw;
                    }
                    library = Pkcs11Modules.Get(settings.ModulePath);
                    slot = FindSlot(library);
                }
                var limit = slot.GetTokenInfo().MaxRwSessionCount;
                // 0 (CK_EFFECTIVELY_INFINITE) and CK_UNAVAILABLE_INFORMATION (all ones) say no limit.
                Size = limit is 0 or > int.MaxValue ? settings.MaxSessions : (int)Math.Min(limit, (ulong)settings.MaxSessions);
                _connection = new Connection(library, slot, new SemaphoreSlim(Size, Size), _generation);
                return _connection;
            }
            catch (Exception e) when (e is Pkcs11Exception or UnmanagedException or DllNotFoundException)
            {
                throw new CryptoUnavailableException($"The PKCS#11 token cannot be reached ({(e is Pkcs11Exception p ? p.RV.ToString() : e.GetType().Name)}).", e);
            }
        }
    }

    private ISlot FindSlot(IPkcs11Library library)
    {
        Pkcs11Modules.Gate.EnterReadLock();
        try
        {
            foreach (var slot in library.GetSlotList(SlotsType.WithTokenPresent))
            {
                if (settings.TokenLabel is { } label ? slot.GetTokenInfo().Label.Trim() == label : slot.SlotId == settings.SlotId)
                {
                    return slot;
                }
            }
        }
        finally
        {
            Pkcs11Modules.Gate.ExitReadLock();
        }
        throw new CryptoUnavailableException($"No token {(settings.TokenLabel is { } name ? $"labelled '{name}'" : $"in slot {settings.SlotId}")} is present.");
    }

    private ISession Open(ISlot slot)
    {
        var session = slot.OpenSession(SessionType.ReadWrite);
        try
        {
            session.Login(CKU.CKU_USER, settings.UserPin);
        }
        catch (Pkcs11Exception e) when (e.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
        {
            // The login belongs to the application, not the session: the first session logged every later one in.
        }
        catch
        {
            session.Dispose();
            throw;
        }
        return session;
    }

    private void Return(ISession? session, Connection connection)
    {
        if (session is null)
        {
            return;
        }
        if (connection == _connection && !_disposed)
        {
            _idle.Add(session);
        }
        else
        {
            Close(session);
        }
    }

    /// <summary>Drops every session of <paramref name="connection"/>; the next operation connects again.</summary>
    private void Reset(Connection connection)
    {
        lock (_gate)
        {
            if (connection != _connection)
            {
                return;
            }
            _generation++;
            _connection = null;
            while (_idle.TryTake(out var session))
            {
                Close(session);
            }
        }
    }

    private static void Close(ISession session)
    {
        try
        {
            session.Dispose();
        }
        catch (Pkcs11Exception)
        {
            // Closing a session of a failed token fails too; nothing is left to release.
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _connection = null;
            while (_idle.TryTake(out var session))
            {
                Close(session);
            }
        }
    }

    /// <summary>One connection to the token: the module instance, the slot, and the permits of its session pool.</summary>
    private sealed record Connection(IPkcs11Library Library, ISlot Slot, SemaphoreSlim Available, int Generation);
}
