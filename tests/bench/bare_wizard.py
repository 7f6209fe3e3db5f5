"""The baseline for startup_ratio and peak_rss_ratio: a bare PySide6 QWizard with one page, nothing else.

Reports (see shown_probe.py) when the page has been shown, then exits.
"""

import sys

import shown_probe
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage


def main() -> None:
    app = QApplication(sys.argv)
    probe = shown_probe.install(app)  # noqa: F841 - kept alive with the app
    wizard = QWizard()
    page = QWizardPage()
    page.setTitle("Welcome")
    page.setSubTitle("A bare QWizard with one page.")
    layout = QVBoxLayout(page)
    layout.addWidget(QLabel("Nothing else."))
    wizard.addPage(page)
    wizard.show()
    app.exec()


if __name__ == "__main__":
    main()
