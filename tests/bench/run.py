"""Benchmarks: the app's cost against the SDK sample and a bare Qt wizard, measured in one run.

    python tests/bench/run.py [--quick] [--only NAME[,NAME...]] [--json PATH]

Prints a table and writes bench-results.json in the current folder. Every figure is a ratio against a baseline
measured in the same run (repetitions of app and baseline interleaved, back to back), reported as the median of
at least 5 repetitions with min and max. All network work goes to the built-in emulator on loopback addresses
of its own (127.251.x.y, ports 8883; no WebSockets), which runs in this process on its own thread while the
measured clients run in worker processes (tests/bench/*.py). Needs to bind port 8883 on 127.251.x.y (Linux
routes all of 127/8 to lo) and PySide6's offscreen platform. Not a test: it measures and prints, never asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import ROOT, next_loopback_address, parse_result, ratio_summary, summary  # noqa: E402

PY = sys.executable
REPS = 7  # paired repetitions for the quick figures
GUI_REPS = 5  # GUI runs of 1,000 messages (one process each)
SCALING_REPS = 5
SCALING_SIZES = [10, 50, 200]
BOUNDS = [1, 4, 16, 64]  # in-flight bounds tried for the telemetry throughput
TIMEOUT_S = 180

GOALS = {
    "run_overhead_ratio": ("<=", 1.05),
    "telemetry_throughput_ratio": (">=", 0.95),
    "ui_max_stall_ms": ("<", 50.0),
    "startup_ratio": ("<=", 1.5),
    "emulator_scaling": ("<=", 1.2),
}


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def clean_env(**extra: str) -> dict[str, str]:
    """The environment for workers: no quickstart variables of the person running this, no real keyring
    prompts, and the checkout importable."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROVISIONING_")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(extra)
    return env


def worker(script: str, config: dict[str, Any] | None = None, env: dict[str, str] | None = None,
           timeout: float = TIMEOUT_S) -> dict[str, Any]:
    args = [PY, str(HERE / script)] + ([json.dumps(config)] if config is not None else [])
    proc = subprocess.run(args, capture_output=True, text=True, timeout=timeout, env=env or clean_env(),
                          cwd=str(HERE))
    if proc.returncode != 0 and "BENCH-RESULT" not in proc.stdout:
        raise RuntimeError(f"{script} failed ({proc.returncode}):\n{proc.stdout[-1500:]}\n{proc.stderr[-3000:]}")
    return parse_result(proc.stdout)


class Emulators:
    """Emulators on EmulatorThreads in this process, each on a loopback address of its own."""

    def __init__(self) -> None:
        self.threads: list[Any] = []
        self.state = tempfile.mkdtemp(prefix="dps-bench-emu-")

    def start(self, *, assign_at_once: bool, retry_after: float = 1.0) -> Any:
        from wizard.emulator import Emulator, EmulatorThread

        emu = Emulator(bind=next_loopback_address(), assign_at_once=assign_at_once, retry_after=retry_after,
                       websockets=False, state_dir=os.path.join(self.state, str(len(self.threads))))
        thread = EmulatorThread(emu)
        thread.start()
        self.threads.append(thread)
        return emu

    def stop(self) -> None:
        for thread in self.threads:
            thread.stop()


# ---- run_overhead_ratio ----------------------------------------------------------------------------------
def timed_process(args: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, text=True, env=env, cwd=str(ROOT), timeout=TIMEOUT_S)
    took = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:4])} failed ({proc.returncode}):\n{proc.stdout[-800:]}\n"
                           f"{proc.stderr[-2000:]}")
    return took


def bench_run_overhead(emus: Emulators, reps: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for mode, at_once in (("assign_at_once", True), ("poll", False)):
        emu = emus.start(assign_at_once=at_once)
        device = emu.add_individual("bench-device-001")
        env = clean_env(PROVISIONING_HOST=emu.dps_host, PROVISIONING_IDSCOPE=emu.id_scope,
                        PROVISIONING_REGISTRATION_ID=device.registration_id,
                        PROVISIONING_SYMMETRIC_KEY=device.key, BENCH_TRUSTED_CA=emu.ca_file)
        app_cmd = [PY, "-m", "wizard", "run", "--trusted-ca", emu.ca_file]
        sample_cmd = [PY, str(HERE / "sample_flow.py")]
        timed_process(app_cmd, env)  # warm-up: page cache, .pyc files, the emulator's first assignment
        timed_process(sample_cmd, env)
        app, sample = [], []
        for rep in range(reps):
            if rep % 2 == 0:
                app.append(timed_process(app_cmd, env))
                sample.append(timed_process(sample_cmd, env))
            else:
                sample.append(timed_process(sample_cmd, env))
                app.append(timed_process(app_cmd, env))
        out[mode] = {**ratio_summary(app, sample), "app_s": summary(app, 3), "sample_s": summary(sample, 3)}
        log(f"  run_overhead_ratio[{mode}]: {out[mode]['median']}")
    worst = max(out["assign_at_once"]["median"], out["poll"]["median"])
    return {"median": worst, "min": min(out[m]["min"] for m in out), "max": max(out[m]["max"] for m in out),
            "note": "headline = the worse of the two modes' medians", **out,
            "app": "python -m wizard run --trusted-ca CA (the quickstart's four variables), default options",
            "baseline": "tests/bench/sample_flow.py: the SDK sample's flow (10 messages sent concurrently)"}


# ---- telemetry_throughput_ratio ---------------------------------------------------------------------------
def bench_throughput(emus: Emulators, reps: int, bounds: list[int]) -> dict[str, Any]:
    emu = emus.start(assign_at_once=True)
    device = emu.add_individual("bench-throughput-001")
    raw = worker("throughput.py", {"host": emu.dps_host, "hub": emu.hub_host, "scope": emu.id_scope,
                                   "key": device.key, "ca_file": emu.ca_file, "device_id": device.registration_id,
                                   "count": 1000, "bounds": bounds, "reps": reps}, timeout=600)
    by_bound: dict[str, Any] = {}
    for bound, runs in raw.items():
        by_bound[bound] = {**ratio_summary(runs["app"], runs["bare"]), "app_rate_per_s": summary(runs["app"], 1),
                           "bare_rate_per_s": summary(runs["bare"], 1)}
    best = max(by_bound, key=lambda b: by_bound[b]["app_rate_per_s"]["median"])
    head = by_bound[best]
    default = by_bound.get("1")
    log(f"  telemetry_throughput_ratio: {head['median']} at in-flight {best}")
    return {"median": head["median"], "min": head["min"], "max": head["max"], "n": head["n"],
            "best_in_flight": int(best), "rate_per_s": head["app_rate_per_s"],
            "bare_rate_per_s": head["bare_rate_per_s"],
            "default_in_flight_1": {"median": default["median"], "min": default["min"], "max": default["max"],
                                    "rate_per_s": default["app_rate_per_s"]} if default else None,
            "by_in_flight": by_bound, "messages": 1000,
            "app": "ProvisioningRun(max_in_flight=N): acknowledged / TelemetrySummary.duration_s",
            "baseline": "IoTHubDeviceClient.send_message loop, same bodies, asyncio.Semaphore(N)"}


# ---- ui stalls and peak RSS ---------------------------------------------------------------------------------
def gui_env(**extra: str) -> dict[str, str]:
    return clean_env(QT_QPA_PLATFORM="offscreen", PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
                     DPS_WIZARD_DEMO_BIND=next_loopback_address(), **extra)


def bench_gui(emus: Emulators, reps: int) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any], dict[str, Any]]:
    emu = emus.start(assign_at_once=True)
    device = emu.add_individual("bench-gui-001")
    cfg = {"mode": "external", "host": emu.dps_host, "scope": emu.id_scope, "device_id": device.registration_id,
           "key": device.key, "ca_file": emu.ca_file, "count": 1000}
    runs, bare, demo = [], [], []
    for _rep in range(reps):
        runs.append(worker("gui_run.py", cfg, env=gui_env()))
        bare.append(worker("bare_wizard.py", env=gui_env()))
    for _rep in range(max(3, reps // 2)):  # the Start page's demo: its emulator inside the GUI process
        demo.append(worker("gui_run.py", {"mode": "demo", "bind": next_loopback_address(), "count": 1000},
                           env=gui_env()))
    worst = [r["max_gap_ms"] for r in runs]
    p99 = [r["p99_gap_ms"] for r in runs]
    pooled = sorted(g for r in runs for g in [r["p99_gap_ms"]])
    beats = [r["beats"] for r in runs]
    common = {"heartbeat_ms": 20, "beats_per_run": summary(beats, 0), "run_s": summary([r["run_s"] for r in runs], 3),
              "worst_gaps_ms_at_s": [r["worst_gaps"] for r in runs],
              "gc_full_collections_ms_at_s": [r["gc_full_collections_ms_at_s"] for r in runs],
              "setup": "offscreen wizard, profile -> emulator in another process, Run page, 1,000 messages, "
                       "max_in_flight 1 (the GUI's)"}
    max_stall = {**summary(worst, 1), **common,
                 "demo_mode": {**summary([r["max_gap_ms"] for r in demo], 1),
                               "setup": "Start page demo: the emulator on a thread of the GUI process"}}
    p99_stall = {**summary(p99, 1), "note": "per-run 99th percentile; with ~50-70 beats a run it is the "
                                            "second-largest or the largest gap", "pooled_values": pooled,
                 "demo_mode": summary([r["p99_gap_ms"] for r in demo], 1)}
    app_mb = [r["maxrss_kb"] / 1024 for r in runs]
    bare_mb = [b["maxrss_kb"] / 1024 for b in bare]
    rss = {**ratio_summary(app_mb, bare_mb), "app_mb": summary(app_mb, 1), "bare_mb": summary(bare_mb, 1),
           "demo_mode_app_mb": summary([r["maxrss_kb"] / 1024 for r in demo], 1),
           "what": "ru_maxrss of the GUI process after the 1,000-message run / of the bare QWizard once shown"}
    log(f"  ui_max_stall_ms: {max_stall['median']}  peak_rss_ratio: {rss['median']}")
    return max_stall, p99_stall, rss, {"gui_rate_per_s": summary([r["rate_per_s"] for r in runs], 1)}


# ---- startup_ratio -------------------------------------------------------------------------------------------
def cold_start(script: str, env: dict[str, str]) -> dict[str, float]:
    t0 = time.monotonic()
    result = worker(script, env=env, timeout=60)
    times = result["times"]
    return {k: times[k] - t0 for k in ("show", "paint", "idle") if k in times} | {"maxrss_kb": result["maxrss_kb"]}


def bench_startup(reps: int) -> dict[str, Any]:
    from wizard.core.profile import Profile
    from wizard.core.profiles import ProfileStore

    # A returning user: one saved profile (a first launch without profiles opens on the demo, which starts
    # the emulator), no quickstart variables set.
    config = tempfile.mkdtemp(prefix="dps-bench-start-")
    ProfileStore(config).save(Profile(name="Saved device", id_scope="0ne00012345", registration_id="device-1"))
    # The machine's own keyring backend (the Start page probes it), not the null one the GUI runs use.
    app_env = {k: v for k, v in gui_env(DPS_WIZARD_CONFIG_DIR=config).items() if k != "PYTHON_KEYRING_BACKEND"}
    bare_env = gui_env()
    cold_start("gui_start.py", app_env)  # warm-up: .pyc files and the page cache, for both
    cold_start("bare_wizard.py", bare_env)
    app, bare = [], []
    for rep in range(reps):
        pair = [("app", "gui_start.py", app_env), ("bare", "bare_wizard.py", bare_env)]
        for name, script, env in pair if rep % 2 == 0 else reversed(pair):
            (app if name == "app" else bare).append(cold_start(script, env))
    a = [r["idle"] for r in app]
    b = [r["idle"] for r in bare]
    out = {**ratio_summary(a, b), "app_s": summary(a, 3), "bare_s": summary(b, 3),
           "first_paint": {**ratio_summary([r["paint"] for r in app], [r["paint"] for r in bare]),
                           "app_s": summary([r["paint"] for r in app], 3),
                           "bare_s": summary([r["paint"] for r in bare], 3)},
           "show_event_s": {"app": summary([r["show"] for r in app], 3),
                            "bare": summary([r["show"] for r in bare], 3)},
           "what": "process start (before exec) to the first QWizard shown, painted and back to idle once "
                   "(QTimer.singleShot(0) posted at its Show event; also first paint alone); new process each time",
           "app": "tests/bench/gui_start.py: wizard.ui.app.main() unchanged, one saved profile",
           "baseline": "tests/bench/bare_wizard.py: QApplication + QWizard with one page"}
    log(f"  startup_ratio: {out['median']} ({out['app_s']['median']} s vs {out['bare_s']['median']} s)")
    return out


def import_profile() -> list[dict[str, Any]]:
    """The largest cumulative imports of a GUI start (python -X importtime), for the note."""
    proc = subprocess.run([PY, "-X", "importtime", str(HERE / "gui_start.py")], capture_output=True, text=True,
                          env=gui_env(DPS_WIZARD_CONFIG_DIR=tempfile.mkdtemp(prefix="dps-bench-imp-")),
                          cwd=str(HERE), timeout=60)
    rows = []
    for line in proc.stderr.splitlines():
        parts = line.replace("import time:", "", 1).split("|")
        if line.startswith("import time:") and len(parts) == 3 and parts[1].strip().isdigit():
            rows.append({"module": parts[2].strip(), "self_ms": int(parts[0]) / 1000,
                         "cumulative_ms": int(parts[1]) / 1000})
    top = sorted(rows, key=lambda r: -r["cumulative_ms"])
    return [{"module": r["module"], "cumulative_ms": r["cumulative_ms"]} for r in top[:15]]


# ---- emulator_scaling ------------------------------------------------------------------------------------------
def bench_scaling(emus: Emulators, reps: int, sizes: list[int]) -> dict[str, Any]:
    emu = emus.start(assign_at_once=True)
    group = emu.add_group("bench-fleet")
    raw = worker("scaling.py", {"host": emu.dps_host, "scope": emu.id_scope, "group_key": group.key,
                                "ca_file": emu.ca_file, "sizes": sizes, "reps": reps, "messages": 10,
                                "concurrency": 8}, timeout=600)
    per = raw["per_device_s"]
    lo, hi = str(min(sizes)), str(max(sizes))
    out = {**ratio_summary(per[hi], per[lo]), "ratio": f"{hi}/{lo}",
           "per_device_s": {n: summary(v, 4) for n, v in per.items()}, "engine": raw["engine"],
           "concurrency": 8, "messages_per_device": 10,
           "what": "wall time of the whole fleet / devices; group enrollment, emulator assigns at once"}
    log(f"  emulator_scaling: {out['median']}")
    return out


# ---- output -----------------------------------------------------------------------------------------------------
def machine() -> dict[str, Any]:
    def sh(cmd: str) -> str:
        try:
            return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=10).stdout.strip()
        except Exception:  # noqa: BLE001
            return ""

    versions = {}
    for dist in ("azure-iot-device", "paho-mqtt", "PySide6-Essentials", "qasync"):
        try:
            from importlib.metadata import version

            versions[dist] = version(dist)
        except Exception:  # noqa: BLE001
            versions[dist] = None
    return {"nproc": sh("nproc"), "lscpu": sh("lscpu | head -n 14"), "python": platform.python_version(),
            "platform": platform.platform(), "versions": versions, "git": sh(f"git -C {ROOT} rev-parse --short HEAD"),
            "uncommitted_changes_in_wizard": bool(sh(f"git -C {ROOT} status --porcelain -- wizard"))}


def fmt(x: Any, digits: int = 2) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def goal_text(key: str, value: float | None) -> str:
    if key not in GOALS or value is None:
        return ""
    op, limit = GOALS[key]
    ok = {"<=": value <= limit, ">=": value >= limit, "<": value < limit}[op]
    return f"{op} {limit:g} {'met' if ok else 'MISSED'}"


def table(results: dict[str, Any]) -> str:
    rows = [("figure", "median", "min", "max", "goal", "detail")]

    def add(label: str, key: str, fig: dict[str, Any] | None, detail: str, digits: int = 2) -> None:
        if fig is None:
            return
        rows.append((label, fmt(fig.get("median"), digits), fmt(fig.get("min"), digits), fmt(fig.get("max"), digits),
                     goal_text(key, fig.get("median")), detail))

    ro = results.get("run_overhead_ratio")
    if ro:
        for mode, label in (("assign_at_once", "run_overhead_ratio (assign at once)"),
                            ("poll", "run_overhead_ratio (202 then poll)")):
            m = ro[mode]
            add(label, "run_overhead_ratio", m, f"app {m['app_s']['median']:.3f} s vs sample "
                                                f"{m['sample_s']['median']:.3f} s")
    tt = results.get("telemetry_throughput_ratio")
    if tt:
        add("telemetry_throughput_ratio", "telemetry_throughput_ratio", tt,
            f"best in-flight {tt['best_in_flight']}: {tt['rate_per_s']['median']:.0f} msg/s vs bare "
            f"{tt['bare_rate_per_s']['median']:.0f}")
        for b, v in tt["by_in_flight"].items():
            if int(b) != tt["best_in_flight"]:
                add(f"  .. at in-flight {b}", "", v, f"{v['app_rate_per_s']['median']:.0f} vs "
                                                   f"{v['bare_rate_per_s']['median']:.0f} msg/s")
    add("ui_max_stall_ms", "ui_max_stall_ms", results.get("ui_max_stall_ms"),
        "20 ms heartbeat, 1,000 messages" + (f"; demo mode {results['ui_max_stall_ms']['demo_mode']['median']:.1f}"
                                             if results.get("ui_max_stall_ms") else ""), 1)
    add("ui_p99_stall_ms", "ui_p99_stall_ms", results.get("ui_p99_stall_ms"), "per-run p99 of heartbeat gaps", 1)
    st = results.get("startup_ratio")
    if st:
        add("startup_ratio", "startup_ratio", st, f"app {st['app_s']['median']:.3f} s vs bare "
                                                  f"{st['bare_s']['median']:.3f} s (first paint "
                                                  f"{st['first_paint']['app_s']['median']:.3f} vs "
                                                  f"{st['first_paint']['bare_s']['median']:.3f})")
    pr = results.get("peak_rss_ratio")
    if pr:
        add("peak_rss_ratio", "", pr, f"{pr['app_mb']['median']:.0f} MB vs {pr['bare_mb']['median']:.0f} MB")
    es = results.get("emulator_scaling")
    if es:
        per = es["per_device_s"]
        add(f"emulator_scaling ({es['ratio']})", "emulator_scaling", es,
            "s/device: " + ", ".join(f"{n}: {v['median'] * 1000:.1f} ms" for n, v in per.items()))
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    lines = [" | ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="5 repetitions everywhere, fewer in-flight bounds")
    parser.add_argument("--only", help="comma-separated: overhead,throughput,gui,startup,scaling")
    parser.add_argument("--json", default="bench-results.json", help="where to write the results")
    args = parser.parse_args(argv)
    only = set(args.only.split(",")) if args.only else {"overhead", "throughput", "gui", "startup", "scaling"}
    reps = 5 if args.quick else REPS
    bounds = [1, 16] if args.quick else BOUNDS

    started = time.monotonic()
    results: dict[str, Any] = {}
    emus = Emulators()
    try:
        if "overhead" in only:
            log("run_overhead_ratio: dps-wizard run vs the SDK sample's flow ...")
            results["run_overhead_ratio"] = bench_run_overhead(emus, reps)
        if "throughput" in only:
            log("telemetry_throughput_ratio: 1,000 messages, app sender vs bare SDK loop ...")
            results["telemetry_throughput_ratio"] = bench_throughput(emus, reps, bounds)
        if "gui" in only:
            log("ui_max_stall_ms / ui_p99_stall_ms / peak_rss_ratio: the GUI runs 1,000 messages ...")
            (results["ui_max_stall_ms"], results["ui_p99_stall_ms"], results["peak_rss_ratio"],
             gui_extra) = bench_gui(emus, GUI_REPS)
            results["ui_max_stall_ms"].update(gui_extra)
        if "startup" in only:
            log("startup_ratio: cold starts of the GUI vs a bare QWizard ...")
            results["startup_ratio"] = bench_startup(reps)
            results["startup_ratio"]["largest_imports"] = import_profile()
        if "scaling" in only:
            log("emulator_scaling: 10, 50, 200 devices of a group ...")
            results["emulator_scaling"] = bench_scaling(emus, SCALING_REPS, SCALING_SIZES)
    finally:
        emus.stop()
    results["meta"] = {**machine(), "seconds": round(time.monotonic() - started, 1),
                       "repetitions": reps, "command": " ".join([Path(PY).name, *sys.argv])}
    text = table(results)
    print(text)
    print(f"\n{results['meta']['nproc']} CPUs, Python {results['meta']['python']}, "
          f"{results['meta']['seconds']} s; median of >= 5 repetitions (min, max); results in {args.json}")
    Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
