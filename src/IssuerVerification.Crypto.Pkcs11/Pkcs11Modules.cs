using System.Reflection;
using System.Runtime.InteropServices;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace IssuerVerification.Crypto.Pkcs11;

/// <summary>
/// The loaded PKCS#11 modules, one per path for the whole process (C_Initialize runs once per process per module). Every
/// call into a module happens under <see cref="Gate"/>'s read lock; <see cref="Reload"/> takes the write lock, so a module is
/// finalized and loaded again only while no thread is inside it. A reload is how a module that only enumerates its tokens
/// at C_Initialize (SoftHSM2) sees a token that came back.
/// </summary>
internal static class Pkcs11Modules
{
    private static readonly Pkcs11InteropFactories Factories = new();
    private static readonly Dictionary<string, IPkcs11Library> Loaded = [];
    private static readonly Lock LoadedGate = new();
    private static bool s_resolverSet;

    public static ReaderWriterLockSlim Gate { get; } = new(LockRecursionPolicy.SupportsRecursion);

    public static IPkcs11Library Get(string path)
    {
        lock (LoadedGate)
        {
            if (!s_resolverSet)
            {
                NativeLibrary.SetDllImportResolver(typeof(IPkcs11Library).Assembly, ResolveLibdl);
                s_resolverSet = true;
            }
            if (!Loaded.TryGetValue(path, out var library))
            {
                library = Factories.Pkcs11LibraryFactory.LoadPkcs11Library(Factories, path, AppType.MultiThreaded);
                Loaded[path] = library;
            }
            return library;
        }
    }

    public static bool IsCurrent(string path, IPkcs11Library library)
    {
        lock (LoadedGate)
        {
            return Loaded.TryGetValue(path, out var current) && current == library;
        }
    }

    /// <summary>Finalizes and loads <paramref name="stale"/> again, unless another thread already did; false when the module is busy.</summary>
    public static bool Reload(string path, IPkcs11Library stale)
    {
        if (!Gate.TryEnterWriteLock(TimeSpan.FromSeconds(5)))
        {
            return false;
        }
        try
        {
            lock (LoadedGate)
            {
                if (!Loaded.TryGetValue(path, out var current) || current != stale)
                {
                    return true;
                }
                Loaded.Remove(path);
                try
                {
                    stale.Dispose();
                }
                catch (Pkcs11Exception)
                {
                    // A module whose token failed may fail C_Finalize too; it is unloaded all the same.
                }
            }
            Get(path);
            return true;
        }
        finally
        {
            Gate.ExitWriteLock();
        }
    }

    /// <summary>Pkcs11Interop opens modules through "libdl"; glibc 2.34+ ships only libdl.so.2 (the unversioned name is a -dev file).</summary>
    private static IntPtr ResolveLibdl(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == "libdl" && OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libdl.so.2", assembly, searchPath, out var handle) ? handle : IntPtr.Zero;
}
