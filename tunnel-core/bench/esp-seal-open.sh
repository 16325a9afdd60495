#!/usr/bin/env bash
# Benchmark 1 (docs/benchmarks.md): ESP seal+open vs raw JCE AES-GCM on the same data, same run.
# Usage: tunnel-core/bench/esp-seal-open.sh jmh [forks warmups iterations seconds]  (default 1 3 5 1)
#        tunnel-core/bench/esp-seal-open.sh cpu [rounds cpu-ms-per-round [transforms]] (default 7 250)
# Both print "transform, size, ESP ops/s, JCE ops/s, ratio"; the target is a ratio <= 1.15 at
# 1400 bytes for aes128gcm16 (for chacha20poly1305 ESP runs on its own cipher: below 1 is faster).
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=${1:-jmh}
shift || true
./mvnw -o -q -pl tunnel-core test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cd tunnel-core
cp="target/classes:target/test-classes:$(cat target/bench.classpath)"
case "$mode" in
  jmh) exec java -cp "$cp" dev.fulmar.core.esp.bench.EspBenchmarkMain "$@" ;;
  cpu) exec java -cp "$cp" dev.fulmar.core.esp.bench.EspCpuTimeRatio "$@" ;;
  *) echo "usage: $0 jmh|cpu [args]" >&2; exit 2 ;;
esac
