#!/usr/bin/env bash
# Renders the app's screenshots (light and dark, connected and failed) into docs/screenshots/.
#
#   docs/screenshots/render.sh [SCALE]
#
# The real main window runs under Xvfb (GTK, software rendering) against a scripted helper on a
# temporary socket (client-app's test class dev.fulmar.app.testing.Screenshots), and each scene
# is saved as PNG. SCALE (e.g. 2 for 200 %) renders the same layout at that many device pixels per
# pixel, as on a high-DPI screen (the light connected window only), into docs/screenshots/x2/.
# Needs the Debian packages xvfb and xauth (bin/install-test-deps installs them).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
scale=${1:-1}
out=$root/docs/screenshots
[[ $scale == 1 ]] || out=$root/docs/screenshots/x$scale
cd "$root"

./mvnw -o -q -pl client-app -am test-compile -DskipTests
cpfile=$(mktemp)
trap 'rm -f "$cpfile"' EXIT
./mvnw -o -q -pl client-app dependency:build-classpath -Dmdep.outputFile="$cpfile" \
  -Dmdep.includeScope=test >/dev/null
# our own modules from this checkout, not from the local repository
cp="client-app/target/test-classes:client-app/target/classes:control/target/classes:profiles/target/classes"
cp="$cp:$(tr ':' '\n' <"$cpfile" | grep -v '/dev/fulmar/' | paste -sd:)"

xvfb-run -a -s "-screen 0 2200x1600x24" \
  java -Dprism.order=sw -Dprism.lcdtext=false \
  -cp "$cp" dev.fulmar.app.testing.Screenshots "$out" "$scale"
