# Build the Windows app (dist\briefgen\) and its installer (dist\briefgen-<version>-windows-x64-setup.exe).
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#
# Needs Python 3.11+ (the "py" launcher) and Inno Setup 6 (ISCC.exe on PATH or in its default folder).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

function Invoke-Checked {
    param([string]$Exe, [Parameter(ValueFromRemainingArguments = $true)][string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $Arguments failed with exit code $LASTEXITCODE" }
}

if (-not (Test-Path .venv\Scripts\python.exe)) { Invoke-Checked py -3.11 -m venv .venv }
$python = ".venv\Scripts\python.exe"
Invoke-Checked $python -m pip install --quiet --upgrade pip
Invoke-Checked $python -m pip install --quiet -e ".[package]"
$version = (& $python packaging\bundle_data.py version).Trim()

Write-Host "== PyInstaller: briefgen $version"
Remove-Item -Recurse -Force dist\briefgen, build\pyinstaller -ErrorAction SilentlyContinue
Invoke-Checked $python -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller packaging\briefgen.spec

Write-Host "== smoke test"
$cli = "dist\briefgen\briefgen-cli.exe"
$samples = "dist\briefgen\_internal\resources\samples"
$smoke = "build\smoke"
New-Item -ItemType Directory -Force $smoke | Out-Null
Invoke-Checked $cli --version
Invoke-Checked $cli inspect packaging\smoke\harbour-article.html
Invoke-Checked $cli build $samples -o "$smoke\sample-brief.pdf"
Invoke-Checked $cli build $samples -o "$smoke\sample-brief.docx"
$gui = Start-Process -FilePath dist\briefgen\briefgen.exe -PassThru
Start-Sleep -Seconds 15
if ($gui.HasExited) { throw "the desktop app exited early (code $($gui.ExitCode))" }
Stop-Process -Id $gui.Id

Write-Host "== installer"
$iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
Invoke-Checked $iscc "/DAppVersion=$version" packaging\windows\briefgen.iss

$size = (Get-ChildItem -Recurse dist\briefgen | Measure-Object -Property Length -Sum).Sum / 1MB
Write-Host ("app folder: dist\briefgen ({0:N0} MB)" -f $size)
Get-ChildItem dist\briefgen-*-setup.exe | ForEach-Object { Write-Host ("installer:  {0} ({1:N0} MB)" -f $_.FullName, ($_.Length / 1MB)) }
