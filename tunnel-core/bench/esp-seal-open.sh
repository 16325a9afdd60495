#!/usr/bin/env bash
# Benchmark 1 (docs/benchmarks.md): ESP seal+open vs raw JCE AES-GCM, ratio printed per size.
# Usage: tunnel-core/bench/esp-seal-open.sh [forks warmups iterations seconds]   (default 1 3 5 1)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -o -q -pl tunnel-core test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cd tunnel-core
exec java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  dev.fulmar.core.esp.bench.EspBenchmarkMain "$@"
