"""The run report (Copy as JSON, Save report): settings, registration, twin, telemetry. Never a secret."""

from __future__ import annotations

import json
from typing import Any

from wizard import __version__
from wizard.core.commandline import command_line
from wizard.core.events import Finished
from wizard.core.profile import Profile
from wizard.core.redact import redact


def report_dict(profile: Profile | None, finished: Finished | None) -> dict[str, Any]:
    data: dict[str, Any] = {"tool": f"dps-wizard {__version__}"}
    if profile is not None:
        data["profile"] = profile.to_json()
        data["commandLine"] = command_line(profile, "posix")
    if finished is not None:
        data["outcome"] = finished.outcome
        data["failedStep"] = finished.failed_step
        data["registration"] = finished.registration.to_json() if finished.registration else None
        data["twin"] = finished.twin
        data["telemetry"] = finished.telemetry.to_json()
        data["problem"] = finished.problem.to_json() if finished.problem else None
    return data


def report_json(profile: Profile | None, finished: Finished | None) -> str:
    return redact(json.dumps(report_dict(profile, finished), indent=2, ensure_ascii=False))


def report_text(profile: Profile | None, finished: Finished | None) -> str:
    d = report_dict(profile, finished)
    lines = [f"DPS Provisioning Wizard report ({d['tool']})", ""]
    if profile is not None:
        lines += [f"Profile:          {profile.name}", f"Endpoint:         {profile.host}",
                  f"ID scope:         {profile.id_scope}", f"Registration ID:  {profile.registration_id}",
                  f"Enrollment:       {profile.enrollment.value}", f"Command line:     {d['commandLine']}", ""]
    if finished is not None:
        lines.append(f"Outcome:          {finished.outcome}")
        r = finished.registration
        if r is not None:
            lines += [f"Device ID:        {r.device_id}", f"Assigned hub:     {r.assigned_hub}",
                      f"Status:           {r.status} {r.substatus or ''}".rstrip(),
                      f"Created:          {r.created or ''}", f"Updated:          {r.updated or ''}",
                      f"Payload:          {json.dumps(r.payload, ensure_ascii=False)}"]
        if finished.twin is not None:
            lines.append(f"Twin:             {json.dumps(finished.twin, ensure_ascii=False)}")
        t = d["telemetry"]
        lines += [f"Telemetry:        {t['sent']} sent, {t['acknowledged']} acknowledged, {t['failed']} failed",
                  f"Latency (ms):     median {t['latencyMs']['median']}, max {t['latencyMs']['max']}"]
        if finished.problem is not None:
            p = finished.problem
            lines += ["", f"Problem:          {p.title}", f"                  {p.meaning}",
                      f"Hint:             {p.hint}"]
    return redact("\n".join(lines) + "\n")
