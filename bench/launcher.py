"""Spawns the commands bench/scale.py measures, from a process that stays small.

Why a separate process: on Linux a child's ru_maxrss is not only its own. When a process
calls exec, the kernel keeps the high-water mark of the address space it leaves
(exec_mmap in fs/exec.c), and after fork or vfork that address space is the parent's. So
every command spawned by the benchmark itself would report at least the benchmark's own
peak, and the benchmark holds whole PDFs in memory when it times WeasyPrint in-process.
This launcher is started once, imports nothing but the standard library and never grows,
so the floor it puts under every figure is its own small peak (reported on request).

Protocol, one JSON object a line each way:
  {"argv": [...], "stderr": "path"} -> {"seconds": s, "cpu": s, "peak_kib": n, "status": code}
  {"self": true}                    -> {"peak_kib": n}   (this process's own VmHWM)

`seconds` is wall-clock time from spawning to reaping; `cpu` is user plus system time of
the process and of the descendants it waited for (ru_utime + ru_stime from os.wait4);
`peak_kib` is ru_maxrss from os.wait4 (KiB on Linux): the larger of the process's own
peak and the peak of the largest descendant it waited for; `status` is the exit code, or
minus the signal.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def run(argv: list[str], stderr_path: str) -> dict[str, float | int]:
    """Run one command to its end, its stderr into a file, and time it from spawn to reap.

    os.wait4 reaps the child itself, because Popen.wait would discard the resource usage.
    """
    with open(stderr_path, "wb") as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    # Already reaped: telling Popen so keeps it from waiting again.
    process.returncode = os.waitstatus_to_exitcode(status)
    return {
        "seconds": seconds,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_kib": usage.ru_maxrss,
        "status": process.returncode,
    }


def own_peak_kib() -> int:
    """This process's own high-water mark (VmHWM), the floor under every figure.

    Not getrusage(RUSAGE_SELF): that would include the benchmark's peak, carried over
    when this launcher was itself exec'd.
    """
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main() -> None:
    """Answer requests until stdin closes."""
    for line in sys.stdin:
        request = json.loads(line)
        if "argv" in request:
            reply = run(request["argv"], request["stderr"])
        else:
            reply = {"peak_kib": own_peak_kib()}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
