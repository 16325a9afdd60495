# shellcheck shell=bash
# Shared by the launchers in bin/: locate the checkout, build the jars a launcher needs when they are
# missing or older than the sources, and find java. Sourced, not executed.

FULMAR_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
FULMAR_VERSION=0.1.0-SNAPSHOT

# The runnable jar of a module (built by `./mvnw package`), e.g. helper/target/helper-VERSION.jar.
fulmar_jar() {
  printf '%s/%s/target/%s-%s.jar' "$FULMAR_ROOT" "$1" "$1" "$FULMAR_VERSION"
}

# Builds the given modules (and what they depend on) when a jar is missing or any main source or
# POM is newer than it. Build output goes to stderr so that --json output on stdout stays clean.
fulmar_build_if_needed() {
  local module jar stale=""
  for module in "$@"; do
    jar=$(fulmar_jar "$module")
    if [[ ! -f $jar ]]; then
      stale=yes
    elif [[ -n $(find "$FULMAR_ROOT"/pom.xml "$FULMAR_ROOT"/*/pom.xml "$FULMAR_ROOT"/*/src/main \
                   -newer "$jar" -print -quit 2>/dev/null) ]]; then
      stale=yes
    fi
  done
  [[ -z $stale ]] && return 0
  local list
  list=$(IFS=,; echo "$*")
  echo "fulmar: building $list (first start, or the sources changed) ..." >&2
  # -DskipTests, not -Dmaven.test.skip: the helper's build needs tunnel-core's test jar, which a
  # fresh machine has only when tunnel-core's tests were compiled
  (cd "$FULMAR_ROOT" && ./mvnw -q -B -ntp -pl "$list" -am package -DskipTests) >&2 \
    || { echo "fulmar: the build failed; run ./mvnw -pl $list -am package to see why" >&2; exit 70; }
  # Maven leaves a jar whose content did not change as it was, older than the sources that were
  # just checked; mark the jars as current so that the next start does not build again.
  for module in "$@"; do
    touch "$(fulmar_jar "$module")"
  done
}

# The java command: JAVA_HOME if set, else the one on PATH. Java 17 or newer.
fulmar_java() {
  local java=java
  [[ -n ${JAVA_HOME:-} ]] && java="$JAVA_HOME/bin/java"
  if ! command -v "$java" >/dev/null 2>&1; then
    echo "fulmar: java not found; install a Java 17 runtime (Debian: apt-get install openjdk-17-jre)" >&2
    exit 70
  fi
  printf '%s' "$java"
}
