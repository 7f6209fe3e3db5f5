# PyInstaller runtime hook (runs before the app's code in the frozen executables): make sure the SDK, which
# trusts what ssl's load_default_certs() loads, finds Azure's root CA. See wizard.selfcheck.use_certifi_if_needed.
#
# Windows: load_default_certs() reads the Windows "ROOT" and "CA" stores, but Windows adds roots to them only
# on demand for its own TLS stack, so a fresh machine may lack Azure's root for OpenSSL. SSL_CERT_FILE is read
# by the same call in addition to the Windows stores, so pointing it at the bundled certifi file adds Mozilla's
# roots without dropping a company root deployed to Windows. Costs nothing at start-up (no certificate is read).
# Elsewhere: only when OpenSSL's default file and folder do not exist (the bundled OpenSSL was built for
# another distribution's layout).


def _dps_wizard_ca_roots():
    import os
    import sys

    if os.environ.get("SSL_CERT_FILE"):
        return
    bundle = os.path.join(sys._MEIPASS, "certifi", "cacert.pem")
    if not os.path.isfile(bundle):
        return
    if sys.platform != "win32":
        import ssl

        paths = ssl.get_default_verify_paths()
        if paths.cafile or paths.capath:
            return
    os.environ["SSL_CERT_FILE"] = bundle
    os.environ["DPS_WIZARD_CA_FALLBACK"] = "1"


_dps_wizard_ca_roots()
del _dps_wizard_ca_roots
