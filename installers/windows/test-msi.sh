#!/usr/bin/env bash
# Builds the MSI from a stand-in for the Windows app image (the same layout jpackage makes:
# launchers at the top, app\ and runtime\ below, a file name with a space) and checks, with
# msitools, what Windows Installer would do with it:
#   - every file of the image is in the package at the same place, byte for byte (msiextract)
#   - product, upgrade code, 64-bit components, major upgrade, launch condition
#   - the service "fulmard" (LocalSystem, automatic, "fulmard service"), started on install,
#     stopped on install and uninstall, deleted on uninstall
#   - custom actions: deferred, not impersonated, running the expected tool with the expected
#     arguments, in the expected place of InstallExecuteSequence (wixl's Before= bug avoided)
#   - ProgramData folders, PATH entry, "Open with" registrations, Start menu shortcut
#   - bad input (no fulmard.exe, a version that is not X.Y.Z) is refused with a message
# Takes a few seconds. Needs wixl and msitools (apt-get install wixl msitools).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
for tool in wixl msiinfo msiextract; do
  command -v "$tool" >/dev/null || { echo "test-msi: '$tool' is missing (apt-get install wixl msitools)" >&2; exit 1; }
done

failures=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
check() {
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}

work=$(mktemp -d /tmp/fulmar-test-msi.XXXXXX)
trap 'rm -rf "$work"' EXIT

# The stand-in app image.
image=$work/image
mkdir -p "$image/app" "$image/runtime/bin/server" "$image/runtime/conf/security/policy/unlimited"
for f in fulmar-app.exe fulmar.exe fulmard.exe app/fulmar-app.cfg app/fulmar.cfg app/fulmard.cfg \
  app/helper-0.1.0-SNAPSHOT.jar app/client-app-0.1.0-SNAPSHOT.jar runtime/release \
  runtime/bin/server/jvm.dll runtime/conf/security/java.security \
  "runtime/conf/security/policy/unlimited/default local.policy"; do
  printf 'stand-in for %s\n' "$f" >"$image/$f"
done
head -c 4096 /dev/urandom >"$image/runtime/bin/java.dll"

msi=$work/fulmar.msi
"$here/build-msi.sh" --input "$image" --version 0.1.0-SNAPSHOT --output "$msi" >/dev/null

# table NAME: the rows of a table, tab-separated, without the three header lines.
table() { msiinfo export "$msi" "$1" | tail -n +4 | tr -d '\r'; }
row() { grep -qxF "$2" <<<"$(table "$1")"; }
seq_of() { table InstallExecuteSequence | awk -F'\t' -v a="$1" '$1 == a { print $3 }'; }
before() { # before A B: A runs before B in InstallExecuteSequence
  local a b
  a=$(seq_of "$1")
  b=$(seq_of "$2")
  [[ -n $a && -n $b ]] && ((a < b))
}

# Files.
mkdir -p "$work/extracted"
(cd "$work/extracted" && msiextract "$msi" >/dev/null)
check "the package holds exactly the image's files, byte for byte" \
  diff -r "$image" "$work/extracted/Fulmar"
check "every component is 64-bit" \
  test -z "$(table Component | awk -F'\t' '!(int($4 / 256) % 2)')"

# Product.
prop() { table Property | awk -F'\t' -v p="$1" '$1 == p { print $2 }'; }
check "ProductName is Fulmar VPN" test "$(prop ProductName)" = "Fulmar VPN"
check "ProductVersion 0.1.0 from 0.1.0-SNAPSHOT" test "$(prop ProductVersion)" = 0.1.0
check "UpgradeCode is the fixed one" test "$(prop UpgradeCode)" = "{04FE597D-9F1C-49D5-B65D-5C6157C1FC8D}"
check "per-machine (ALLUSERS=1)" test "$(prop ALLUSERS)" = 1
check "x64 package" grep -q '^Template: x64;' <<<"$(msiinfo suminfo "$msi")"
check "older versions are upgraded" grep -q $'^{04FE597D-9F1C-49D5-B65D-5C6157C1FC8D}\t\t0.1.0\t' <<<"$(table Upgrade)"
check "newer versions block a downgrade" grep -q 'WIX_DOWNGRADE_DETECTED' <<<"$(table LaunchCondition)"
check "the old product is removed before the new one is installed" \
  before InstallValidate RemoveExistingProducts
check "RemoveExistingProducts runs before InstallInitialize" before RemoveExistingProducts InstallInitialize
check "needs 64-bit Windows" grep -q '^VersionNT64 AND VersionNT >= 603' <<<"$(table LaunchCondition)"

# Service.
check "service fulmard: own process, automatic, LocalSystem, 'fulmard service'" \
  row ServiceInstall $'FulmardService\tfulmard\tFulmar VPN helper\t16\t2\t1\t\t\tLocalSystem\t\tservice\tHelperService\tRuns the VPN tunnel for the Fulmar VPN app and the fulmar command.'
check "the service's component installs fulmard.exe" \
  grep -q $'^HelperService\t.*\tINSTALLDIR\t256\t\tFulmardExe$' <<<"$(table Component)"
# 1 start on install, 2 stop on install, 32 stop on uninstall, 128 delete on uninstall; wait.
check "service started on install, stopped on install/uninstall, deleted on uninstall" \
  row ServiceControl $'FulmardControl\tfulmard\t163\t\t1\tHelperService'
for a in StopServices DeleteServices InstallServices StartServices; do
  check "$a is sequenced" test -n "$(seq_of "$a")"
done

# Custom actions: type = base + 1024 (deferred) + 2048 (no impersonation) + 64 (ignore result).
ca() { table CustomAction | awk -F'\t' -v a="$1" '$1 == a'; }
expect_ca() { # expect_ca ID TYPE SOURCE TARGET
  check "custom action $1 is type $2 from $3: $4" test "$(ca "$1")" = "$1"$'\t'"$2"$'\t'"$3"$'\t'"$4"$'\t'
}
expect_ca SetNetExe 2099 NetExe '[System64Folder]net.exe'
expect_ca SetIcaclsExe 2099 IcaclsExe '[System64Folder]icacls.exe'
expect_ca SetScExe 2099 ScExe '[System64Folder]sc.exe'
expect_ca FulmarCreateGroup 3186 NetExe 'localgroup "Fulmar Operators" /add /comment:"May use Fulmar VPN"'
expect_ca FulmarTakeOwnership 3122 IcaclsExe '"[FulmarDataDir]." /setowner *S-1-5-32-544 /T /C /Q'
expect_ca FulmarResetAcl 3122 IcaclsExe '"[FulmarDataDir]." /reset /T /C /Q'
expect_ca FulmarLockAcl 3122 IcaclsExe '"[FulmarDataDir]." /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F "Fulmar Operators":(RX) /C /Q'
expect_ca FulmarProfilesAcl 3122 IcaclsExe '"[FulmarProfilesDir]." /grant *S-1-5-32-545:(OI)(CI)RX /C /Q'
expect_ca FulmarServiceRecovery 3186 ScExe 'failure fulmard reset= 86400 actions= restart/5000/restart/15000/restart/60000'
expect_ca FulmarCleanup 3154 FulmardExe cleanup
for id in FulmarCreateGroup FulmarTakeOwnership FulmarResetAcl FulmarLockAcl FulmarProfilesAcl \
  FulmarServiceRecovery FulmarCleanup; do
  check "$id runs inside the install script (after InstallInitialize)" before InstallInitialize "$id"
  check "$id runs inside the install script (before InstallFinalize)" before "$id" InstallFinalize
done
for pair in "CostFinalize SetNetExe" "CostFinalize SetIcaclsExe" "CostFinalize SetScExe" \
  "SetNetExe InstallInitialize" "SetIcaclsExe InstallInitialize" "SetScExe InstallInitialize" \
  "CreateFolders FulmarCreateGroup" "FulmarCreateGroup FulmarTakeOwnership" \
  "FulmarTakeOwnership FulmarResetAcl" "FulmarResetAcl FulmarLockAcl" \
  "FulmarLockAcl FulmarProfilesAcl" "FulmarProfilesAcl StartServices" \
  "InstallServices FulmarServiceRecovery" "FulmarServiceRecovery StartServices" \
  "StopServices FulmarCleanup" "FulmarCleanup RemoveFiles"; do
  # shellcheck disable=SC2086 # two words on purpose
  check "${pair/ / runs before }" before $pair
done
cond() { table InstallExecuteSequence | awk -F'\t' -v a="$1" '$1 == a { print $2 }'; }
check "cleanup only on uninstall" test "$(cond FulmarCleanup)" = 'REMOVE~="ALL"'
for id in FulmarCreateGroup FulmarTakeOwnership FulmarResetAcl FulmarLockAcl FulmarProfilesAcl \
  FulmarServiceRecovery; do
  check "$id not on uninstall" test "$(cond "$id")" = 'NOT REMOVE~="ALL"'
done

# Folders, PATH, file types, shortcut.
check "C:\\ProgramData\\Fulmar" row Directory $'FulmarDataDir\tCommonAppDataFolder\tFulmar'
check "C:\\ProgramData\\Fulmar\\profiles" row Directory $'FulmarProfilesDir\tFulmarDataDir\tprofiles'
check "C:\\Program Files\\Fulmar" row Directory $'INSTALLDIR\tProgramFiles64Folder\tFulmar'
check "both ProgramData folders are created" \
  test "$(table CreateFolder | sort | tr '\n' ' ')" = $'FulmarDataDir\tDataFolder FulmarProfilesDir\tProfilesFolder '
check "INSTALLDIR appended to the system PATH, removed on uninstall" \
  row Environment $'FulmarPath\t=-*PATH\t[~];[INSTALLDIR]\tCommandLine'
check "PATH is written after the files" before InstallFiles WriteEnvironmentStrings
check "PATH entry is removed on uninstall" test -n "$(seq_of RemoveEnvironmentStrings)"
check "open command of Fulmar.Profile" \
  grep -qF $'Software\\Classes\\Fulmar.Profile\\shell\\open\\command\t\t"[INSTALLDIR]fulmar-app.exe" "%1"' <<<"$(table Registry)"
for ext in vpn sswan mobileconfig; do
  check ".$ext offers Fulmar VPN in Open with" \
    grep -qF $'\t2\tSoftware\\Classes\\.'"$ext"$'\\OpenWithProgids\tFulmar.Profile\t' <<<"$(table Registry)"
done
check "Start menu shortcut to fulmar-app.exe, not advertised" \
  grep -q $'^StartMenuShortcut\tProgramMenuFolder\tFulmar VPN\tAppLauncher\t\[#FulmarAppExe\]' <<<"$(table Shortcut)"

# Bad input is refused with a message.
rm "$image/fulmard.exe"
out=$("$here/build-msi.sh" --input "$image" --version 0.1.0 --output "$work/bad.msi" 2>&1) && rc=0 || rc=$?
check "an image without fulmard.exe is refused ($out)" test "$rc" != 0 -a ! -e "$work/bad.msi"
touch "$image/fulmard.exe"
out=$("$here/build-msi.sh" --input "$image" --version 1.2 --output "$work/bad.msi" 2>&1) && rc=0 || rc=$?
check "version 1.2 is refused ($out)" test "$rc" != 0 -a ! -e "$work/bad.msi"
out=$("$here/build-msi.sh" --input "$image" --version 256.0.0 --output "$work/bad.msi" 2>&1) && rc=0 || rc=$?
check "version 256.0.0 is refused ($out)" test "$rc" != 0 -a ! -e "$work/bad.msi"

echo "test-msi: $failures failure(s)"
((failures == 0))
