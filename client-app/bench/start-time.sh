#!/usr/bin/env bash
# Measures the app's start: JVM start to the main window being shown (warm: after one untimed
# start of each), and the CPU used until then, against the smallest JavaFX window started and
# timed the same way in the same run; prints the medians and their ratio.
#
#   client-app/bench/start-time.sh [RUNS]      (default 5)
#
# The app runs as bin/fulmar-app runs it: java -jar client-app/target/client-app-VERSION.jar (its
# manifest class path points into target/lib). Both JVMs get JAVA_OPTS
# (default -XX:TieredStopAtLevel=1: a UI process gains more from a quick start than from the
# optimizing compiler). With CDS=1 the app is also measured with an AppCDS archive made by one
# extra start. Runs under Xvfb (Debian xvfb, xauth) against a socket where no helper listens,
# with a temporary config directory (no profiles), so it measures the app itself.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
opts=${JAVA_OPTS--XX:TieredStopAtLevel=1}
cd "$root"
./mvnw -o -q -pl client-app -am package -DskipTests
cpfile=$(mktemp)
cfg=$(mktemp -d)
trap 'rm -rf "$cpfile" "$cfg"' EXIT
./mvnw -o -q -pl client-app dependency:build-classpath -Dmdep.outputFile="$cpfile" \
  -Dmdep.includeScope=runtime >/dev/null
deps=$(tr ':' '\n' <"$cpfile" | grep -v '/dev/fulmar/' | paste -sd:)
version=$(sed -n 's|.*<version>\(.*-SNAPSHOT\)</version>.*|\1|p' pom.xml | head -1)
app_jar="client-app/target/client-app-$version.jar"
base_cp="client-app/target/test-classes:$deps"

measure() { # java options and main class... -> "wall cpu"
  XDG_CONFIG_HOME=$cfg XDG_RUNTIME_DIR=$cfg xvfb-run -a -s "-screen 0 1600x1000x24" \
    java $opts "$@" 2>/dev/null \
    | sed -n 's/.*visible \([0-9]*\) ms after JVM start, \([0-9-]*\) ms CPU.*/\1 \2/p'
}
app() {
  measure "$@" -jar "$app_jar" --measure-start --socket "$cfg/none.sock"
}
base() {
  measure -cp "$base_cp" dev.fulmar.app.testing.StartBaseline
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
report() { # label, app values..., baseline values...
  local label=$1 a b
  shift
  a=$(printf '%s\n' "${@:1:runs}" | median)
  b=$(printf '%s\n' "${@:runs+1}" | median)
  echo "$label: app ${*:1:runs} | baseline ${*:runs+1}"
  echo "$label median: app $a ms, bare JavaFX window $b ms," \
    "ratio $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", a / b}')"
}

app >/dev/null
base >/dev/null
if [[ ${CDS:-0} == 1 ]]; then
  app -XX:ArchiveClassesAtExit="$cfg/app.jsa" >/dev/null
fi
aw=() ac=() bw=() bc=() cw=() cc=()
for ((i = 0; i < runs; i++)); do
  read -r w c < <(app)
  aw+=("$w") ac+=("$c")
  read -r w c < <(base)
  bw+=("$w") bc+=("$c")
  if [[ ${CDS:-0} == 1 ]]; then
    read -r w c < <(app -XX:SharedArchiveFile="$cfg/app.jsa")
    cw+=("$w") cc+=("$c")
  fi
done
report "wall (JVM start to window shown)" "${aw[@]}" "${bw[@]}"
report "CPU (all threads until shown)" "${ac[@]}" "${bc[@]}"
if [[ ${CDS:-0} == 1 ]]; then
  report "wall with AppCDS" "${cw[@]}" "${bw[@]}"
  report "CPU with AppCDS" "${cc[@]}" "${bc[@]}"
fi
echo "JVM options: ${opts:-none}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"
