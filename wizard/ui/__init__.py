"""The Qt face of the wizard: QWizard pages, widgets and the qasync start-up (wizard.ui.app.main)."""
