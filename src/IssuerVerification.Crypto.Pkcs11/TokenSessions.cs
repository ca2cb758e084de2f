using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using IssuerVerification.Domain.Crypto;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace IssuerVerification.Crypto.Pkcs11;

/// <summary>
/// A pool of logged-in sessions on one token, sized to the token (its session limit, or <see cref="Pkcs11Settings.MaxSessions"/>).
/// An operation holds a session alone from its first PKCS#11 call to its last, so no two requests ever share a session's
/// active operation. A device-level failure (module error, token removed, session lost) drops every session and answers
/// <see cref="CryptoUnavailableException"/>; the next operation connects again, so the service recovers when the token returns.
/// </summary>
internal sealed class TokenSessions(Pkcs11Settings settings) : IDisposable
{
    private static readonly TimeSpan WaitForSession = TimeSpan.FromSeconds(10);
    private static readonly Pkcs11InteropFactories Factories = new();
    private static readonly Dictionary<string, IPkcs11Library> Libraries = [];
    private static readonly Lock LibrariesGate = new();
    private readonly Lock _gate = new();
    private readonly ConcurrentBag<ISession> _idle = [];
    private SemaphoreSlim? _available;
    private IPkcs11Library? _library;
    private ISlot? _slot;
    private int _generation;
    private bool _disposed;

    /// <summary>Bumped at every reconnect: object handles found under an older generation are stale.</summary>
    public int Generation => Volatile.Read(ref _generation);

    public int Size { get; private set; }

    /// <summary>Runs <paramref name="operation"/> on a session held alone for its duration.</summary>
    public T Run<T>(Func<ISession, T> operation)
    {
        var (slot, available, generation) = Connect();
        if (!available.Wait(WaitForSession))
        {
            throw new CryptoUnavailableException("Every token session stayed busy; the token is overloaded.");
        }
        ISession? session = null;
        try
        {
            session = _idle.TryTake(out var idle) ? idle : Open(slot);
            var result = operation(session);
            Return(session, generation);
            return result;
        }
        catch (Pkcs11Exception e) when (IsDeviceFailure(e.RV))
        {
            Reset(generation);
            throw new CryptoUnavailableException($"The token failed ({e.RV}); the operation was not done.", e);
        }
        catch (Pkcs11Exception e)
        {
            Return(session, generation);
            throw new CryptoException($"The token refused the operation ({e.RV}).");
        }
        catch
        {
            Return(session, generation);
            throw;
        }
        finally
        {
            available.Release();
        }
    }

    /// <summary>Failures of the device, its module or the session rather than of one operation's inputs.</summary>
    internal static bool IsDeviceFailure(CKR rv) => rv is CKR.CKR_DEVICE_ERROR or CKR.CKR_DEVICE_MEMORY or CKR.CKR_DEVICE_REMOVED
        or CKR.CKR_TOKEN_NOT_PRESENT or CKR.CKR_TOKEN_NOT_RECOGNIZED or CKR.CKR_SESSION_HANDLE_INVALID or CKR.CKR_SESSION_CLOSED
        or CKR.CKR_GENERAL_ERROR or CKR.CKR_FUNCTION_FAILED or CKR.CKR_USER_NOT_LOGGED_IN or CKR.CKR_CRYPTOKI_NOT_INITIALIZED
        or CKR.CKR_SLOT_ID_INVALID or CKR.CKR_OBJECT_HANDLE_INVALID or CKR.CKR_KEY_HANDLE_INVALID or CKR.CKR_SESSION_COUNT;

    private (ISlot Slot, SemaphoreSlim Available, int Generation) Connect()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_slot is null || _available is null)
            {
                try
                {
                    _library ??= Library(settings.ModulePath);
                    _slot = FindSlot(_library);
                    var limit = _slot.GetTokenInfo().MaxRwSessionCount;
                    // 0 (CK_EFFECTIVELY_INFINITE) and CK_UNAVAILABLE_INFORMATION (all ones) say no limit.
                    Size = limit is 0 or > int.MaxValue ? settings.MaxSessions : (int)Math.Min(limit, (ulong)settings.MaxSessions);
                    _available = new SemaphoreSlim(Size, Size);
                }
                catch (Exception e) when (e is Pkcs11Exception or UnmanagedException or DllNotFoundException or CryptoUnavailableException)
                {
                    _slot = null;
                    throw e as CryptoUnavailableException ?? new CryptoUnavailableException($"The PKCS#11 token cannot be reached ({e.GetType().Name}).", e);
                }
            }
            return (_slot, _available, _generation);
        }
    }

    /// <summary>
    /// One loaded module per path for the whole process, never finalized: C_Initialize may run once per process, and
    /// C_Finalize would end every session of every provider on that module.
    /// </summary>
    private static IPkcs11Library Library(string path)
    {
        lock (LibrariesGate)
        {
            if (Libraries.Count == 0)
            {
                NativeLibrary.SetDllImportResolver(typeof(IPkcs11Library).Assembly, ResolveLibdl);
            }
            if (!Libraries.TryGetValue(path, out var library))
            {
                library = Factories.Pkcs11LibraryFactory.LoadPkcs11Library(Factories, path, AppType.MultiThreaded);
                Libraries[path] = library;
            }
            return library;
        }
    }

    /// <summary>Pkcs11Interop opens modules through "libdl"; glibc 2.34+ ships only libdl.so.2 (the unversioned name is a -dev file).</summary>
    private static IntPtr ResolveLibdl(string name, System.Reflection.Assembly assembly, DllImportSearchPath? searchPath) =>
        name == "libdl" && OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libdl.so.2", assembly, searchPath, out var handle) ? handle : IntPtr.Zero;

    private ISlot FindSlot(IPkcs11Library library)
    {
        foreach (var slot in library.GetSlotList(SlotsType.WithTokenPresent))
        {
            if (settings.TokenLabel is { } label ? slot.GetTokenInfo().Label.Trim() == label : slot.SlotId == settings.SlotId)
            {
                return slot;
            }
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

    private void Return(ISession? session, int generation)
    {
        if (session is null)
        {
            return;
        }
        if (generation == Generation && !_disposed)
        {
            _idle.Add(session);
        }
        else
        {
            Close(session);
        }
    }

    /// <summary>Drops every session of <paramref name="generation"/>; the next operation connects again.</summary>
    private void Reset(int generation)
    {
        lock (_gate)
        {
            if (generation != _generation)
            {
                return;
            }
            _generation++;
            while (_idle.TryTake(out var session))
            {
                Close(session);
            }
            try
            {
                _slot?.CloseAllSessions();
            }
            catch (Pkcs11Exception)
            {
                // The token is gone; its sessions went with it.
            }
            _slot = null;
            _available = null;
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
            while (_idle.TryTake(out var session))
            {
                Close(session);
            }
            _slot = null;
        }
    }
}
