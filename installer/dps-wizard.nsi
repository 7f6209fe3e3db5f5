; DPS Provisioning Wizard: a per-user Windows installer (no administrator rights) around the PyInstaller folder.
;
;   makensis -DVERSION=0.1.0 -DSRCDIR=dist/dps-wizard [-DVERSION4=0.1.0.0] [-DOUTFILE=...] [-DFAST] dps-wizard.nsi
;
; (installer/build.sh and installer/build.ps1 pass these.) -DFAST stores the files uncompressed: for checking the
; script in CI in seconds instead of minutes; never for a release.
;
; Installs to %LOCALAPPDATA%\Programs\DPS Provisioning Wizard, adds a Start menu shortcut (and a desktop one when
; ticked), and an uninstall entry under HKCU. Installing over an older version upgrades in place: the old
; uninstaller runs silently first (keeping profiles and keys). Refuses to replace files while the app runs.
; The uninstaller keeps the person's profiles (%LOCALAPPDATA%\dps-wizard) and saved keys (Windows Credential
; Manager) unless "Also remove my profiles and saved keys" is ticked (or /PURGE is given with /S): then the app's
; own `dps-wizard-cli purge --yes` removes the keys from the keyring and the folder.
;
; Silent: setup.exe /S [/D=dir]   uninstall.exe /S [/PURGE] [_?=dir]   (exit code 0 = done, 2 = aborted)

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
!ifdef FAST
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

!define APP_NAME "DPS Provisioning Wizard"
!define APP_ID "DPSProvisioningWizard"
!define APP_EXE "dps-wizard.exe"
!define CLI_EXE "dps-wizard-cli.exe"
!define APP_MUTEX "Local\DPSProvisioningWizard"  ; wizard/single_instance.py MUTEX_NAME
!define CONFIG_DIR "$LOCALAPPDATA\dps-wizard"    ; platformdirs.user_config_dir("dps-wizard", appauthor=False)
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!ifndef PUBLISHER
  !define PUBLISHER "DPS Provisioning Wizard contributors"
!endif
!ifndef VERSION
  !error "pass -DVERSION=x.y.z (pyproject.toml's version)"
!endif
!ifndef VERSION4
  !searchparse /noerrors "${VERSION}" "" V_MAJOR "." V_MINOR "." V_PATCH
  !define VERSION4 "${V_MAJOR}.${V_MINOR}.${V_PATCH}.0"
!endif
!ifndef SRCDIR
  !error "pass -DSRCDIR=<the PyInstaller folder dist/dps-wizard>"
!endif
!ifndef OUTFILE
  !define OUTFILE "dps-wizard-${VERSION}-setup.exe"
!endif
!ifndef ICON
  !define ICON "../resources/icons/app.ico"  ; makensis runs in the script's folder: pass absolute paths
!endif

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails hide
ShowUninstDetails hide

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=1033 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP_NAME} setup"
VIAddVersionKey /LANG=1033 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "${PUBLISHER}, MIT licence"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"
!include "Sections.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC

Var OldDir  ; the folder of an installed version (upgrade in place), or empty

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!define MUI_PAGE_CUSTOMFUNCTION_PRE SkipDirectoryOnUpgrade
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunApp)"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "TradChinese"

LangString SecAppName ${LANG_ENGLISH} "${APP_NAME} (Start menu shortcut)"
LangString SecAppName ${LANG_TRADCHINESE} "${APP_NAME}（開始功能表捷徑）"
LangString SecDesktopName ${LANG_ENGLISH} "Desktop shortcut"
LangString SecDesktopName ${LANG_TRADCHINESE} "桌面捷徑"
LangString UnSecAppName ${LANG_ENGLISH} "Remove the program"
LangString UnSecAppName ${LANG_TRADCHINESE} "移除程式"
LangString UnSecPurgeName ${LANG_ENGLISH} "Also remove my profiles and saved keys"
LangString UnSecPurgeName ${LANG_TRADCHINESE} "同時移除我的設定檔與儲存的金鑰"
LangString RunApp ${LANG_ENGLISH} "Start ${APP_NAME}"
LangString RunApp ${LANG_TRADCHINESE} "啟動 ${APP_NAME}"
LangString AppRunning ${LANG_ENGLISH} "${APP_NAME} is running. Close it, then click Retry."
LangString AppRunning ${LANG_TRADCHINESE} "${APP_NAME} 正在執行。請先關閉它，再按「重試」。"
LangString Needs64Bit ${LANG_ENGLISH} "${APP_NAME} needs 64-bit Windows 10 or newer."
LangString Needs64Bit ${LANG_TRADCHINESE} "${APP_NAME} 需要 64 位元的 Windows 10 或更新版本。"
LangString OldUninstallFailed ${LANG_ENGLISH} "The installed version could not be removed (code $0). Close ${APP_NAME} and try again."
LangString OldUninstallFailed ${LANG_TRADCHINESE} "無法移除已安裝的版本（代碼 $0）。請關閉 ${APP_NAME} 後再試一次。"
LangString PurgeFailed ${LANG_ENGLISH} "Your saved keys could not all be removed from Windows Credential Manager (code $0), so your profiles in ${CONFIG_DIR} were kept. Run '${CLI_EXE} purge --yes' from a newer installation or remove the 'dps-wizard:' entries in Credential Manager by hand."
LangString PurgeFailed ${LANG_TRADCHINESE} "無法從 Windows 認證管理員移除所有儲存的金鑰（代碼 $0），因此保留了 ${CONFIG_DIR} 中的設定檔。請在認證管理員中手動移除以「dps-wizard:」開頭的項目。"

; ---- is the app running? -----------------------------------------------------------------------------------
; The GUI holds the named mutex (wizard/single_instance.py); any running copy of either exe (the GUI, or the CLI
; in a script) keeps its file open for execution, so it cannot be opened for writing.
!macro DEFINE_CHECK_NOT_RUNNING UN
Function ${UN}CheckNotRunning
  retry:
    System::Call 'kernel32::OpenMutex(i 0x00100000, i 0, t "${APP_MUTEX}") p .r0'
    ${If} $0 != 0
      System::Call 'kernel32::CloseHandle(p r0)'
      Goto running
    ${EndIf}
    ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
      ClearErrors
      FileOpen $1 "$INSTDIR\${APP_EXE}" a
      ${If} ${Errors}
        Goto running
      ${EndIf}
      FileClose $1
    ${EndIf}
    ${If} ${FileExists} "$INSTDIR\${CLI_EXE}"
      ClearErrors
      FileOpen $1 "$INSTDIR\${CLI_EXE}" a
      ${If} ${Errors}
        Goto running
      ${EndIf}
      FileClose $1
    ${EndIf}
    Return
  running:
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" /SD IDCANCEL IDRETRY retry
    DetailPrint "$(AppRunning)"
    Abort
FunctionEnd
!macroend
!insertmacro DEFINE_CHECK_NOT_RUNNING ""
!insertmacro DEFINE_CHECK_NOT_RUNNING "un."

; ---- installer ---------------------------------------------------------------------------------------------
Section "!$(SecAppName)" SecApp
  SectionIn RO
  Call CheckNotRunning
  ${If} $OldDir != ""
    ; The old uninstaller removes its files and entries but keeps profiles and keys (no /PURGE). _?= makes it
    ; run in place, so ExecWait really waits; it cannot delete itself then, so that is done here.
    DetailPrint "Removing the installed version from $OldDir"
    ExecWait '"$OldDir\uninstall.exe" /S _?=$OldDir' $0
    ${If} $0 != 0
      MessageBox MB_OK|MB_ICONSTOP "$(OldUninstallFailed)" /SD IDOK
      Abort
    ${EndIf}
    Delete "$OldDir\uninstall.exe"
  ${EndIf}
  RMDir /r "$INSTDIR\_internal"  ; never mix two versions' libraries (only our own subfolder: $INSTDIR may be shared)

  SetOutPath "$INSTDIR"
  File /r "${SRCDIR}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

Section /o "$(SecDesktopName)" SecDesktop
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

; ---- uninstaller -------------------------------------------------------------------------------------------
Section "-un.check"
  Call un.CheckNotRunning
SectionEnd

Section /o "un.$(UnSecPurgeName)" UnSecPurge
  ; Before the files go: the app's own CLI knows the profiles and removes their keys from the keyring.
  DetailPrint "$(UnSecPurgeName)"
  nsExec::ExecToLog '"$INSTDIR\${CLI_EXE}" purge --yes'
  Pop $0
  ${If} $0 == 0
    RMDir /r "${CONFIG_DIR}"
  ${Else}
    MessageBox MB_OK|MB_ICONEXCLAMATION "$(PurgeFailed)" /SD IDOK
  ${EndIf}
SectionEnd

Section "!un.$(UnSecAppName)" UnSecApp
  SectionIn RO
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only if empty: never remove what someone else put there
  DeleteRegKey HKCU "${UNINST_KEY}"
SectionEnd

; ---- start-up (after the sections: they define the section indexes used here) ----------------------------
Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(Needs64Bit)" /SD IDOK
    Abort
  ${EndIf}
  ReadRegStr $OldDir HKCU "${UNINST_KEY}" "InstallLocation"
  ${If} $OldDir != ""
  ${AndIf} ${FileExists} "$OldDir\uninstall.exe"
    StrCpy $INSTDIR $OldDir  ; upgrade in place (a /D= on the command line is ignored then)
  ${Else}
    StrCpy $OldDir ""
  ${EndIf}
  ${If} ${FileExists} "$DESKTOP\${APP_NAME}.lnk"
    !insertmacro SelectSection ${SecDesktop}  ; keep the person's earlier choice
  ${EndIf}
FunctionEnd

Function SkipDirectoryOnUpgrade
  ${If} $OldDir != ""
    Abort  ; skips the page: the new version goes where the old one is
  ${EndIf}
FunctionEnd

Function un.onInit
  ${un.GetParameters} $R0
  ClearErrors
  ${un.GetOptions} $R0 "/PURGE" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${UnSecPurge}
  ${EndIf}
FunctionEnd
