<#
.SYNOPSIS
  Windows build: the PyInstaller folder (dist\dps-wizard) from installer\dps-wizard.spec, then the NSIS installer
  (dist\dps-wizard-<version>-setup.exe) around it; prints the sizes. The Windows twin of installer/build.sh.

.EXAMPLE
  python -m pip install . pyinstaller==6.22.3
  choco install nsis -y          # or NSIS from https://nsis.sourceforge.io
  .\installer\build.ps1          # -Out, -Work (relative to the repository), -NoInstaller, -Python, -MakeNsis
#>
param(
    [string]$Out = "dist",
    [string]$Work = "build",
    [switch]$NoInstaller,
    [string]$Python = "python",
    [string]$MakeNsis = ""
)
$ErrorActionPreference = "Stop"
$root = Split-Path -Parent $PSScriptRoot
Set-Location $root
if (-not [IO.Path]::IsPathRooted($Out)) { $Out = Join-Path $root $Out }
if (-not [IO.Path]::IsPathRooted($Work)) { $Work = Join-Path $root $Work }

$version = & $Python -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])"
if ($LASTEXITCODE) { throw "could not read the version from pyproject.toml" }
$numbers = @([regex]::Matches(($version -split '\+')[0], '\d+') | Select-Object -First 4 | ForEach-Object { $_.Value })
while ($numbers.Count -lt 4) { $numbers += "0" }
$version4 = $numbers -join "."
$bundle = Join-Path $Out "dps-wizard"

Write-Host "== PyInstaller: $bundle (version $version)"
$clock = [Diagnostics.Stopwatch]::StartNew()
& $Python -m PyInstaller --noconfirm --log-level WARN --distpath $Out --workpath $Work installer\dps-wizard.spec
if ($LASTEXITCODE) { throw "PyInstaller failed ($LASTEXITCODE)" }
Write-Host ("   built in {0:N1} s" -f $clock.Elapsed.TotalSeconds)
foreach ($exe in "dps-wizard.exe", "dps-wizard-cli.exe") {
    if (-not (Test-Path (Join-Path $bundle $exe))) { throw "the bundle lacks $exe" }
}

if (-not $NoInstaller) {
    if (-not $MakeNsis) {
        $found = Get-Command makensis -ErrorAction SilentlyContinue
        if ($found) { $MakeNsis = $found.Source }
        else {
            $MakeNsis = @("${env:ProgramFiles(x86)}\NSIS\makensis.exe", "$env:ProgramFiles\NSIS\makensis.exe") |
                Where-Object { Test-Path $_ } | Select-Object -First 1
        }
        if (-not $MakeNsis) { throw "makensis not found: install NSIS (choco install nsis) or pass -MakeNsis" }
    }
    $setup = Join-Path $Out "dps-wizard-$version-setup.exe"
    Write-Host "== makensis: $setup"
    $clock.Restart()
    & $MakeNsis /V2 /WX "/DVERSION=$version" "/DVERSION4=$version4" "/DSRCDIR=$bundle" "/DOUTFILE=$setup" `
        (Join-Path $root "installer\dps-wizard.nsi")
    if ($LASTEXITCODE) { throw "makensis failed ($LASTEXITCODE)" }
    Write-Host ("   compiled in {0:N1} s" -f $clock.Elapsed.TotalSeconds)
}

function Get-SizeMB([string]$Path) {
    $sum = (Get-ChildItem -LiteralPath $Path -Recurse -File | Measure-Object -Property Length -Sum).Sum
    return [math]::Round($sum / 1MB, 1)
}
$files = (Get-ChildItem -LiteralPath $bundle -Recurse -File).Count
Write-Host "== sizes"
Write-Host "   bundle:    $(Get-SizeMB $bundle) MB in $files files ($bundle)"
Write-Host "   Qt:        $(Get-SizeMB (Join-Path $bundle '_internal\PySide6')) MB"
if (-not $NoInstaller) {
    Write-Host ("   installer: {0:N1} MB ({1})" -f ((Get-Item $setup).Length / 1MB), $setup)
}
