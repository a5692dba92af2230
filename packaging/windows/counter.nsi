; The Windows installer of counter, compiled by makensis on Linux (scripts/build-windows.sh, which defines VERSION,
; STAGE: the folder to install, OUTFILE, UNINSTALL: the list of what to remove, SIZE_KB).
;
; Per machine: C:\Program Files\counter, one Start-menu entry for every user, an entry in 应用和功能 (Apps and
; features) with its uninstaller.  Asks for administrator rights.  Silent for a technician's many desks:
;   counter-<version>-win-amd64-setup.exe /S [/D=C:\path]      install with no question (/D last, unquoted)
;   "C:\Program Files\counter\uninstall.exe" /S                   remove it again (the desk's data stays)
; The desk's data (%LOCALAPPDATA%\counter) and its settings (%ProgramData%\counter) are never removed.
; Refuses a Windows older than 10 1903 (exit code 3).

Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel admin
ManifestDPIAware true

!define APP "一件事一次办 综合受理窗口"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\counter"

Name "${APP}"
Caption "${APP} ${VERSION} 安装"
UninstallCaption "${APP} ${VERSION} 卸载"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\counter"
Icon "..\icons\counter.ico"
UninstallIcon "..\icons\counter.ico"
ShowInstDetails nevershow
ShowUninstDetails nevershow

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "counter"
VIAddVersionKey /LANG=0 "FileDescription" "${APP} 安装程序"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "Apache License 2.0"

LoadLanguageFile "${NSISDIR}\Contrib\Language files\SimpChinese.nlf"
!include LogicLib.nsh
!include WinVer.nsh

; Qt 6's Core is linked against icuuc.dll, which Windows has from Windows 10 1903 (build 18362) on: installed on an
; older system the program would not start, so the installer stops before it writes anything (exit code 3 for a
; silent install: a technician's script sees it)
!define MIN_BUILD 18362
Function .onInit
  ${IfNot} ${AtLeastWin10}
  ${OrIfNot} ${AtLeastBuild} ${MIN_BUILD}
    MessageBox MB_ICONSTOP "本程序需要 Windows 10 1903（内部版本 ${MIN_BUILD}）或更新的系统。这台电脑的系统太旧，无法安装。" /SD IDOK
    SetErrorLevel 3
    Quit
  ${EndIf}
FunctionEnd

Page license
Page directory
Page instfiles
UninstPage uninstConfirm
UninstPage instfiles
LicenseData "${STAGE}\LICENSE.txt"

Section
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  File /r "${STAGE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\counter.exe" "" "$INSTDIR\counter.ico" 0
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "counter"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\counter.ico"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" ${SIZE_KB}
SectionEnd

Section "Uninstall"
  SetShellVarContext all
  Delete "$SMPROGRAMS\${APP}.lnk"
  ; what the installer put there, by name: the folder may be one a technician chose, holding other things
  !include "${UNINSTALL}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
SectionEnd
