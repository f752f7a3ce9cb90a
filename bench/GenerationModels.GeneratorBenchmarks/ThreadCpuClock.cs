using System;
using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace GeneratorBench;

/// <summary>
/// A BenchmarkDotNet clock that reads the calling thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>) instead of
/// wall-clock time. Quick mode runs in-process, so the engine starts and stops this clock on the thread that runs the
/// benchmark: time the thread spends descheduled (other processes' builds on a shared machine) is not counted, while
/// the work it does itself, garbage collections included (workstation, non-concurrent GC), is. Not available
/// elsewhere; then quick mode falls back to wall-clock time.
/// </summary>
public sealed class ThreadCpuClock : IClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static ThreadCpuClock Instance { get; } = new();

    public string Title => "Thread CPU time";

    public bool IsAvailable
    {
        get
        {
            if (!OperatingSystem.IsLinux()) return false;
            try
            {
                return ClockGetTime(ClockThreadCpuTimeId, out _) == 0;
            }
            catch (DllNotFoundException)
            {
                return false;
            }
            catch (EntryPointNotFoundException)
            {
                return false;
            }
        }
    }

    public Frequency Frequency => Frequency.GHz;

    public long GetTimestamp()
    {
        ClockGetTime(ClockThreadCpuTimeId, out Timespec time);
        return time.Seconds * 1_000_000_000L + time.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out Timespec time);
}
