#!/usr/bin/env bash
# Benchmark 2 of the data-path issue: iperf3 TCP through the tunnel, Fulmar's client
# ("fulmard run", with offloads and with --plain) against strongSwan 5.9.8's own client, through
# the same strongSwan gateway in the interop lab's namespaces, in one run: ROUNDS interleaved
# rounds (default 3) of the three clients per proposal. Prints median Mbit/s, ratios of the
# medians and of each round, client and gateway CPU and the gateway's drops, with the load
# average. Not a test: nothing is asserted, and CI never runs it.
#
#   sudo [WARM_UP=seconds] [ROUNDS=n] interop-tests/bench/tunnel-vs-strongswan.sh [seconds] [esp,esp...]
#
# Needs what the interop tests need (bin/install-test-deps). The figures also go to
# interop-tests/target/lab/measurements.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-10}
ESP=${2:-aes128gcm16,aes256gcm16}
./mvnw -o -q -pl interop-tests -am verify -Dit.test=TunnelThroughputBench -Dtest=NONE \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbench.seconds="$SECONDS_PER_RUN" -Dbench.esp="$ESP" -Dbench.warmup="${WARM_UP:-5}" \
  -Dbench.rounds="${ROUNDS:-3}" > /tmp/fulmar-bench2.log 2>&1 || {
  tail -40 /tmp/fulmar-bench2.log >&2
  exit 1
}
awk '/^Benchmark 2/ { on = 1 } /^measurement/ || (on && /^$/) { exit } on' \
  interop-tests/target/failsafe-reports/dev.fulmar.interop.tunnel.TunnelThroughputBench-output.txt
