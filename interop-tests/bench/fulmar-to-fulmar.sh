#!/usr/bin/env bash
# Benchmark 3 of the data-path issue: Fulmar <-> Fulmar. Two network namespaces joined by a veth
# pair, a manually keyed ESP data path in each ("fulmard bench-peer", a test mode that never
# starts from a profile and runs no IKE), iperf3 TCP through the tunnel with kernel offloads and
# with the plain path, against iperf3 over the bare veth, all in one run. Prints Gbit/s and
# ratios with the load average. Not a test: nothing is asserted.
#
#   sudo [WARM_UP=seconds] interop-tests/bench/fulmar-to-fulmar.sh [seconds] [transform]
#
# Needs root, iproute2, iperf3 and the helper's runnable jar
# (./mvnw -o -q -pl helper -am package -DskipTests). Uses only documentation addresses inside
# the namespaces it creates, and removes them (and every process it started) on exit.
set -euo pipefail

SECONDS_PER_RUN=${1:-10}
TRANSFORM=${2:-aes128gcm16}
WARM_UP=${WARM_UP:-5} # seconds of unmeasured traffic through each tunnel first
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=$(ls "$ROOT"/helper/target/helper-*.jar 2>/dev/null | grep -v tests | head -1 || true)
if [[ -z "$JAR" || ! -d "$ROOT/helper/target/lib" ]]; then
  echo "build the helper first: ./mvnw -o -q -pl helper -am package -DskipTests" >&2
  exit 2
fi
JAVA=${JAVA:-java}
A=fbench-$$-a
B=fbench-$$-b
WORK=$(mktemp -d /tmp/fulmar-bench.XXXXXX)
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  ip netns delete "$A" 2>/dev/null || true
  ip netns delete "$B" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

ip netns add "$A"
ip netns add "$B"
ip -n "$A" link set lo up
ip -n "$B" link set lo up
ip -n "$A" link add v0 type veth peer name v1 netns "$B"
ip -n "$A" addr add 203.0.113.1/24 dev v0
ip -n "$B" addr add 203.0.113.2/24 dev v1
ip -n "$A" link set v0 up
ip -n "$B" link set v1 up

# One SA pair, fresh random keys; A's view (B mirrors it). Never on a command line.
case "$TRANSFORM" in
  aes128gcm16) KEYLEN=20 ;;
  aes256gcm16|chacha20poly1305) KEYLEN=36 ;;
  aes256-sha256) KEYLEN=64 ;;
  *) echo "unknown transform $TRANSFORM" >&2; exit 2 ;;
esac
hexkey() { od -An -tx1 -N"$KEYLEN" /dev/urandom | tr -d ' \n'; }
umask 077
cat > "$WORK/keys.properties" <<KEYS
transform = $TRANSFORM
spi.in = 0xc0000001
spi.out = 0xc0000002
key.in = $(hexkey)
key.out = $(hexkey)
local.ts = 198.51.100.1/32
remote.ts = 198.51.100.2/32
peer = 203.0.113.2:4500
KEYS

peer() { # NS JOURNAL OPTIONS...
  local ns=$1 journal=$2; shift 2
  ip netns exec "$ns" "$JAVA" -Xmx512m -jar "$JAR" bench-peer "$WORK/keys.properties" \
    --journal-dir "$WORK/$journal" "$@" > "$WORK/$journal.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 300); do
    grep -q '^UP:' "$WORK/$journal.log" && return 0
    kill -0 "${PIDS[-1]}" 2>/dev/null || { cat "$WORK/$journal.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "bench-peer in $ns did not come up" >&2; cat "$WORK/$journal.log" >&2; exit 1
}

stop_peers() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}

iperf() { # SERVER-ADDRESS [SECONDS] -> Gbit/s received
  ip netns exec "$B" iperf3 -s -1 -B "$1" > /dev/null 2>&1 &
  local server=$!
  sleep 0.5
  ip netns exec "$A" iperf3 -c "$1" -t "${2:-$SECONDS_PER_RUN}" -J > "$WORK/iperf.json" || true
  wait "$server" 2>/dev/null || true
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("%.2f" % (d["end"]["sum_received"]["bits_per_second"]/1e9))' "$WORK/iperf.json"
}

through_tunnel() { # LABEL OPTIONS... -> Gbit/s; CPU per packet of both data paths to cpu.txt
  local label=$1; shift
  peer "$A" a "$@"
  peer "$B" b --mirror 203.0.113.1:4500 "$@"
  local r
  # Unmeasured warm-up: a fresh JVM spends its first seconds compiling (about a tenth of this
  # machine's CPU in a 10 s run), which a helper that runs for days never pays again.
  [[ "$WARM_UP" -gt 0 ]] && iperf 198.51.100.2 "$WARM_UP" > /dev/null
  r=$(iperf 198.51.100.2)
  stop_peers
  { grep -h '^UP:' "$WORK/a.log"
    echo "  sender   $(grep -h '^CPU fulmar-dp-out' "$WORK/a.log")"
    echo "  receiver $(grep -h '^CPU fulmar-dp-in' "$WORK/b.log")"; } | sed "s/^UP:/$label:/" \
    >> "$WORK/cpu.txt"
  echo "$r"
}

VETH=$(iperf 203.0.113.2)
OFFLOAD=$(through_tunnel offloads)
PLAIN=$(through_tunnel plain --plain)
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
echo
echo "Benchmark 3: Fulmar <-> Fulmar, $TRANSFORM, iperf3 TCP ${SECONDS_PER_RUN}s (load average $LOAD, $(nproc) cores)"
printf '%-28s %8s Gbit/s\n' "plain veth (no tunnel)" "$VETH"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
printf '%-28s %8s Gbit/s  %sx of veth\n' "Fulmar, offloads" "$OFFLOAD" "$(ratio "$OFFLOAD" "$VETH")"
printf '%-28s %8s Gbit/s  %sx of veth\n' "Fulmar, plain path" "$PLAIN" "$(ratio "$PLAIN" "$VETH")"
echo "offload / plain: $(ratio "$OFFLOAD" "$PLAIN")x"
echo "Data-path CPU per packet (thread CPU time; the load-independent figure):"
cat "$WORK/cpu.txt"
