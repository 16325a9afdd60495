#!/usr/bin/env bash
# Measures the app's start: JVM start to the main window being shown (warm: after one untimed
# start of each), against the smallest JavaFX window started and timed the same way in the same
# run, and prints the medians and their ratio.
#
#   client-app/bench/start-time.sh [RUNS]      (default 5)
#
# Runs under Xvfb (Debian xvfb, xauth) against a socket where no helper listens, with a
# temporary config directory (no profiles), so it measures the app itself. Both JVMs get the
# options the launcher uses (JAVA_OPTS, default -XX:TieredStopAtLevel=1: a UI process gains more
# from a quick start than from the optimizing compiler).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
opts=${JAVA_OPTS--XX:TieredStopAtLevel=1}
cd "$root"
./mvnw -o -q -pl client-app -am test-compile -DskipTests
cpfile=$(mktemp)
cfg=$(mktemp -d)
trap 'rm -rf "$cpfile" "$cfg"' EXIT
./mvnw -o -q -pl client-app dependency:build-classpath -Dmdep.outputFile="$cpfile" \
  -Dmdep.includeScope=test >/dev/null
cp="client-app/target/test-classes:client-app/target/classes:control/target/classes:profiles/target/classes"
cp="$cp:$(tr ':' '\n' <"$cpfile" | grep -v '/dev/fulmar/' | paste -sd:)"

measure() { # main class, extra args... -> "wall cpu"
  XDG_CONFIG_HOME=$cfg XDG_RUNTIME_DIR=$cfg xvfb-run -a -s "-screen 0 1600x1000x24" \
    java $opts -cp "$cp" "$@" 2>/dev/null \
    | sed -n 's/.*visible \([0-9]*\) ms after JVM start, \([0-9-]*\) ms CPU.*/\1 \2/p'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

measure dev.fulmar.app.Launcher --measure-start --socket "$cfg/none.sock" >/dev/null
measure dev.fulmar.app.testing.StartBaseline >/dev/null
aw=() ac=() bw=() bc=()
for ((i = 0; i < runs; i++)); do
  read -r w c < <(measure dev.fulmar.app.Launcher --measure-start --socket "$cfg/none.sock")
  aw+=("$w") ac+=("$c")
  read -r w c < <(measure dev.fulmar.app.testing.StartBaseline)
  bw+=("$w") bc+=("$c")
done
report() { # label, app values..., -- baseline values...
  local label=$1 a b
  shift
  a=$(printf '%s\n' "${@:1:runs}" | median)
  b=$(printf '%s\n' "${@:runs+1}" | median)
  echo "$label: app ${*:1:runs} | baseline ${*:runs+1}"
  echo "$label median: app $a ms, bare JavaFX window $b ms," \
    "ratio $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", a / b}')"
}
report "wall (JVM start to window shown)" "${aw[@]}" "${bw[@]}"
report "CPU (all threads until shown)" "${ac[@]}" "${bc[@]}"
echo "JVM options: ${opts:-none}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"
