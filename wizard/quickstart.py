"""The quickstart's four environment variables (the SDK sample provision_symmetric_key.py reads them).

A module of its own, light to import: the GUI looks at them before its first frame, where wizard.cli_run's
imports (the run's events, the CLI's printer) would cost ~10 ms."""

from __future__ import annotations

from wizard.core.profile import DEFAULT_HOST, Profile

ENV_HOST = "PROVISIONING_HOST"
ENV_SCOPE = "PROVISIONING_IDSCOPE"
ENV_REG_ID = "PROVISIONING_REGISTRATION_ID"
ENV_KEY = "PROVISIONING_SYMMETRIC_KEY"


def profile_from_variables(env: dict[str, str]) -> tuple[Profile, str] | None:
    """The quickstart's four variables as a profile and key, when they are set (the GUI pre-fills from them)."""
    if not (env.get(ENV_SCOPE) and env.get(ENV_REG_ID) and env.get(ENV_KEY)):
        return None
    profile = Profile(host=env.get(ENV_HOST) or DEFAULT_HOST, id_scope=env[ENV_SCOPE],
                      registration_id=env[ENV_REG_ID])
    return profile, env[ENV_KEY]
