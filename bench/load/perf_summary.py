#!/usr/bin/env python3
"""Summarises a system-wide `perf record -a -g` taken during one measured run (bench/load/run.sh, PERF=1).

usage: perf_summary.py PERF_DATA API_PID POSTGRES_PID NAME

Prints where the machine's CPU went: per process group (API, PostgreSQL, wrk, idle, other) split into user and
kernel time; for the API, the share of its samples under each library or area (a sample counts for every area
its stack passes through) and its hottest functions; for PostgreSQL and the kernel, the hottest functions.
The API's JIT-compiled frames are named through the perf map it writes with DOTNET_PerfMapEnabled=1.
"""
import collections
import re
import subprocess
import sys

data, api_pid, pg_pid, name = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]

# Areas of the API, checked against every frame of a sample's stack (first match per frame wins).
AREAS = [
    ("EF Core (Microsoft.EntityFrameworkCore)", re.compile(r"Microsoft\.EntityFrameworkCore")),
    ("Npgsql (ADO.NET driver)", re.compile(r"\bNpgsql\b")),
    ("JSON (System.Text.Json)", re.compile(r"System\.Text\.Json")),
    ("Kestrel / HTTP server", re.compile(r"Microsoft\.AspNetCore\.Server\.Kestrel")),
    ("routing, endpoint, filters (Microsoft.AspNetCore.Http/Routing)", re.compile(r"Microsoft\.AspNetCore\.(Http|Routing)")),
    ("authentication / authorization", re.compile(r"Microsoft\.AspNetCore\.Authentication|Microsoft\.AspNetCore\.Authorization|ApiKeyAuthenticationHandler|ClientDirectory")),
    ("rate limiting", re.compile(r"RateLimit")),
    ("FluentValidation", re.compile(r"FluentValidation")),
    ("dependency injection", re.compile(r"Microsoft\.Extensions\.DependencyInjection")),
    ("logging", re.compile(r"Microsoft\.Extensions\.Logging|HttpLogging")),
    ("crypto (IssuerVerification.Crypto, BouncyCastle, System.Security.Cryptography)", re.compile(r"IssuerVerification\.Crypto|BouncyCastle|System\.Security\.Cryptography|libcrypto")),
    ("IssuerVerification code (Api, Domain, Store)", re.compile(r"IssuerVerification\.(Api|Domain|Store)")),
    ("sockets (System.Net.Sockets)", re.compile(r"System\.Net\.Sockets")),
    ("thread pool / async machinery", re.compile(r"System\.Threading\.(ThreadPool|Tasks)|AsyncTaskMethodBuilder|AsyncStateMachine|PortableThreadPool|WorkStealingQueue")),
    ("garbage collector", re.compile(r"\bWKS::|\bSVR::|gc_heap|GCHeap|GarbageCollect")),
    ("JIT compiler (libclrjit)", re.compile(r"libclrjit")),
    ("runtime helpers: allocation, casts, write barriers, stubs (libcoreclr)", re.compile(r"libcoreclr|JIT_|stub ")),
]
KERNEL_AREAS = [
    ("TCP send/receive (loopback)", re.compile(r"tcp_|__sys_sendto|__sys_recvfrom|sock_sendmsg|sock_recvmsg|inet_|ip_|__dev_queue|net_rx|loopback|skb")),
    ("epoll / poll", re.compile(r"ep_poll|do_epoll|poll|select")),
    ("futex (thread wake/wait)", re.compile(r"futex")),
    ("scheduler / context switch", re.compile(r"schedule|__switch_to|finish_task_switch|pick_next|enqueue_task|dequeue_task|try_to_wake_up")),
    ("file write / fsync", re.compile(r"ext4|jbd2|fsync|vfs_write|generic_perform_write|iomap|blk_")),
]


def group_of(pid, comm):
    if pid == 0:
        return "idle"
    if pid == api_pid:
        return "API (dotnet)"
    if comm.startswith("postgres") or pid == pg_pid:
        return "PostgreSQL"
    if comm == "wrk":
        return "wrk"
    return "other: " + comm


def is_kernel(dso):
    return "kernel" in dso or dso.startswith("[k")


def short(sym, width=110):
    sym = re.sub(r"\[(OptimizedTier1|Optimized|Tier0|Tier1|QuickJitted|PreJIT|OptimizedTier1OSR|Instrumented[A-Za-z0-9]*)\]", "", sym)
    sym = re.sub(r"^(instance |class |valuetype )+", "", sym).strip()
    return sym if len(sym) <= width else sym[: width - 1] + "…"


proc = subprocess.run(["perf", "script", "-i", data, "-F", "comm,pid,tid,ip,sym,dso", "--no-inline"],
                      capture_output=True, text=True, errors="replace")
samples = []  # (group, [(sym, dso) leaf first])
samples_comm = []  # (group, frames, thread name)
cur = None
header = re.compile(r"^\s*(\S.*?)\s+(\d+)/(\d+)\s*$")
frame = re.compile(r"^\s+([0-9a-f]+)\s+(.*?)\s+\((.*)\)\s*$")
for line in proc.stdout.splitlines():
    if not line.strip():
        continue
    if not line.startswith((" ", "\t")):
        m = header.match(line)
        if m:
            cur = [group_of(int(m.group(2)), m.group(1)), []]
            samples.append(cur)
            samples_comm.append((cur[0], cur[1], m.group(1)))
        continue
    m = frame.match(line)
    if m and cur is not None:
        cur[1].append((m.group(2), m.group(3)))

total = len(samples)
print(f"== {name}: perf, {total} samples of all CPUs (cpu-clock, 499 Hz per CPU)")
if total == 0:
    print(proc.stderr[-2000:])
    sys.exit(0)

by_group = collections.Counter()
kernel_by_group = collections.Counter()
for g, frames in samples:
    by_group[g] += 1
    if frames and is_kernel(frames[0][1]):
        kernel_by_group[g] += 1
print("-- machine CPU by process (share of all samples; of which in the kernel)")
shown = 0
for g, n in by_group.most_common():
    if shown >= 8:
        break
    shown += 1
    print(f"  {100 * n / total:5.1f} %  (kernel {100 * kernel_by_group[g] / total:4.1f} %)  {g}")

api = [f for g, f in samples if g == "API (dotnet)"]
api_threads = [(f, comm) for g, f, comm in samples_comm if g == "API (dotnet)"]
if api:
    n = len(api)
    print(f"-- API: {n} samples ({100 * n / total:.1f} % of the machine); share of the API's samples whose stack passes through")
    counts = collections.Counter()
    kernel_counts = collections.Counter()
    unresolved = 0
    for frames in api:
        hit = set()
        for sym, dso in frames:
            for area, rx in AREAS:
                if rx.search(sym) or rx.search(dso):
                    hit.add(area)
                    break
        for area in hit:
            counts[area] += 1
        if frames and is_kernel(frames[0][1]):
            for area, rx in KERNEL_AREAS:
                if any(rx.search(sym) for sym, dso in frames if is_kernel(dso)):
                    kernel_counts[area] += 1
                    break
            else:
                kernel_counts["other kernel"] += 1
        if frames and frames[0][0] in ("[unknown]", ""):
            unresolved += 1
    for area, c in counts.most_common():
        print(f"  {100 * c / n:5.1f} %  {area}")
    in_kernel = sum(kernel_counts.values())
    print(f"  ({100 * in_kernel / n:.1f} % of the API's samples are in the kernel: "
          + ", ".join(f"{k} {100 * v / n:.1f} %" for k, v in kernel_counts.most_common()) + ")")
    if unresolved:
        dsos = collections.Counter(f[0][1].split("/")[-1] for f in api if f and f[0][0] in ("[unknown]", ""))
        print(f"  ({100 * unresolved / n:.1f} % of the API's samples have an unresolved leaf frame: "
              + ", ".join(f"{d} {100 * c / n:.1f} %" for d, c in dsos.most_common(4)) + ")")
    print("-- API: each sample counted once, for the innermost assembly on its stack other than System.Private.CoreLib")
    print("   (runtime helpers and kernel time count for the managed code that called them; background JIT apart)")
    owner = re.compile(r"\[([\w.]+)\] \S+?::")
    part = collections.Counter()
    for (frames, comm) in api_threads:
        if comm.startswith(".NET Tiered Com") or any("libclrjit" in d for _, d in frames):
            part["JIT compiler (tiered compilation, still warming up)"] += 1
            continue
        if "GC" in comm:
            part["garbage collector threads"] += 1
            continue
        libs = [m.group(1) for sym, _ in frames for m in [owner.search(sym)] if m]
        inner = next((l for l in libs if l != "System.Private.CoreLib"), libs[0] if libs else None)
        if inner is None:
            leaf_dso = frames[0][1].split("/")[-1] if frames else "?"
            inner = f"no managed frame ({comm}; leaf in {leaf_dso})"
        part[inner] += 1
    for k, c in part.most_common(22):
        print(f"  {100 * c / n:5.1f} %  {k}")
    print("-- API: hottest functions (self, share of the API's samples)")
    leaf = collections.Counter(short(f[0][0]) + ("" if not is_kernel(f[0][1]) else " [kernel]") for f in api if f)
    for sym, c in leaf.most_common(25):
        print(f"  {100 * c / n:5.1f} %  {sym}")

for label in ("PostgreSQL", "wrk"):
    rows = [f for g, f in samples if g == label]
    if not rows:
        continue
    n = len(rows)
    print(f"-- {label}: hottest functions (self, share of its {n} samples)")
    leaf = collections.Counter(short(f[0][0], 80) + (" [kernel]" if is_kernel(f[0][1]) else f" ({f[0][1].split('/')[-1]})") for f in rows if f)
    for sym, c in leaf.most_common(15 if label == "PostgreSQL" else 6):
        print(f"  {100 * c / n:5.1f} %  {sym}")
    if label == "PostgreSQL":
        kernel = collections.Counter()
        for frames in rows:
            if frames and is_kernel(frames[0][1]):
                for area, rx in KERNEL_AREAS:
                    if any(rx.search(sym) for sym, dso in frames if is_kernel(dso)):
                        kernel[area] += 1
                        break
                else:
                    kernel["other kernel"] += 1
        print("  kernel time of PostgreSQL: " + ", ".join(f"{k} {100 * v / n:.1f} %" for k, v in kernel.most_common()))
print()
