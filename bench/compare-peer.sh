#!/usr/bin/env bash
# The SDK side by side with the schema-only peer (../shared/bench/peer: @kubernetes-models + ajv), in one run on the
# same machine and the same objects, so that only ratios are compared (absolute figures move with the machine's load):
#   1. throughput, one thread, on the peer's 65,536 distinct NodePools and ScaledObjects (the peer's throughput.mjs
#      against the JMH PeerObjectsBenchmark on the very same JSON lines, parsed to trees first on both sides);
#   2. cold start: one process validating one NodePool file, repeated, medians (wall clock and CPU time).
# Not part of .ci/run. Needs node/npm (the peer is installed from the npm registry into a temporary folder).
#
#   bench/compare-peer.sh [--runs N] [--no-build] [--jmh 'JMH ARGS'] [--keep]
#     --runs N     cold-start runs per side (default 10)
#     --no-build   use the jars and benchmark classes already built
#     --jmh ARGS   JMH options instead of the default '-f 1 -wi 2 -w 5s -i 3 -r 5s'; a benchmark regex may be
#                  given too (default: PeerObjectsBenchmark)
#     --keep       keep the temporary folder (peer, objects, JMH results) and print where it is
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
peer_src="$root/../shared/bench/peer"
runs=10
build=true
keep=false
jmh_args="-f 1 -wi 2 -w 5s -i 3 -r 5s"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --no-build) build=false; shift ;;
    --jmh) jmh_args="$2"; shift 2 ;;
    --keep) keep=true; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "compare-peer.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$jmh_args" in *Benchmark*) ;; *) jmh_args="PeerObjectsBenchmark $jmh_args" ;; esac
[ -d "$peer_src" ] || { echo "compare-peer.sh: no peer at $peer_src" >&2; exit 2; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "compare-peer.sh: needs node and npm" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/compare-peer.XXXXXX")
if $keep; then echo "temporary folder: $work"; else trap 'rm -rf "$work"' EXIT; fi

echo "== peer: installing into $work (npm), generating the objects"
cp -r "$peer_src"/. "$work"/
(cd "$work" && npm install --silent --no-audit --no-fund >/dev/null && node gen.mjs)

jar="$root/samples/target/workshop.jar"
benchmarks="$root/workshop-recipes/target/test-classes"
if $build; then
  echo "== SDK: building (mvn -Pbenchmarks package, tests skipped)"
  (cd "$root" && mvn -o -B -q -Pbenchmarks -DskipTests package -pl samples -am)
fi
[ -f "$jar" ] && [ -f "$benchmarks/META-INF/BenchmarkList" ] \
  || { echo "compare-peer.sh: build first (without --no-build): $jar or the benchmark classes are missing" >&2; exit 2; }
grep -q PeerObjectsBenchmark "$benchmarks/META-INF/BenchmarkList" \
  || { echo "compare-peer.sh: the benchmark classes were not built with -Pbenchmarks" >&2; exit 2; }

# JMH itself (and what it needs) from the local Maven repository, at the project's pinned version
m2="${MAVEN_REPO:-$HOME/.m2/repository}"
jmh_version=$(sed -n 's:.*<jmh.version>\(.*\)</jmh.version>.*:\1:p' "$root/pom.xml")
jmh_cp="$m2/org/openjdk/jmh/jmh-core/$jmh_version/jmh-core-$jmh_version.jar"
for lib in net/sf/jopt-simple/jopt-simple org/apache/commons/commons-math3; do
  version=$(ls "$m2/$lib" | sort -V | tail -1)
  jmh_cp="$jmh_cp:$m2/$lib/$version/$(basename "$lib")-$version.jar"
done

echo "== peer: throughput (node throughput.mjs)"
(cd "$work" && node throughput.mjs) | tee "$work/peer.txt"

echo "== SDK: throughput (JMH $jmh_args)"
# shellcheck disable=SC2086 # the JMH options are words
java -cp "$jar:$benchmarks:$jmh_cp" org.openjdk.jmh.Main $jmh_args -p peerDir="$work" \
  -rf csv -rff "$work/jmh.csv" > "$work/jmh.txt" 2>&1 || { cat "$work/jmh.txt"; exit 1; }
grep -E '^(Benchmark|[A-Za-z]+Benchmark\.)' "$work/jmh.txt" || true

peer_rate() { sed -n "s/^peer $1: \([0-9]*\) validations.*/\1/p" "$work/peer.txt"; }
sdk_rate() { awk -F, -v b="\"dev.autoscaling.workshop.benchmark.PeerObjectsBenchmark.$1\"" '$1 == b { print $5 }' "$work/jmh.csv"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.2fx", a / b }'; }

# cold start: the same NodePool, as YAML, for both; runs interleaved so that both sides see the same load
(cd "$work" && node -e "const y = require('js-yaml'), fs = require('fs');
  fs.writeFileSync('nodepool.yaml', y.dump(JSON.parse(fs.readFileSync('nodepools.jsonl', 'utf8').split('\\n')[0])))")
file="$work/nodepool.yaml"
launcher="$root/bin/workshop"
sdk_cmd=(java -jar "$jar" validate "$file")
sdk_label="java -jar workshop.jar validate"
if [ -x "$launcher" ]; then
  sdk_cmd=("$launcher" validate "$file")
  sdk_label="bin/workshop validate (class-data archive, C1)"
fi
plain_cmd=(java -jar "$jar" validate "$file")
peer_cmd=(node "$work/cold.mjs" "$file")
"${peer_cmd[@]}" >/dev/null
"${sdk_cmd[@]}" >/dev/null

timed() { # prints "wall cpu" in seconds for one run of the command
  local out="$work/time.txt"
  /usr/bin/time -f "%e %U %S" -o "$out" "$@" >/dev/null 2>"$work/cold.err" \
    || { cat "$work/cold.err" >&2; echo "compare-peer.sh: failed: $*" >&2; exit 1; }
  awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$out"
}
echo "== cold start: $runs runs each, interleaved"
: > "$work/cold-peer.txt"; : > "$work/cold-sdk.txt"; : > "$work/cold-plain.txt"
for _ in $(seq "$runs"); do
  timed "${peer_cmd[@]}" >> "$work/cold-peer.txt"
  timed "${sdk_cmd[@]}" >> "$work/cold-sdk.txt"
  if [ -x "$launcher" ]; then timed "${plain_cmd[@]}" >> "$work/cold-plain.txt"; fi
done
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
wall() { awk '{ print $1 }' "$1" | median; }
cpu() { awk '{ print $2 }' "$1" | median; }

np_peer=$(peer_rate NodePool); so_peer=$(peer_rate ScaledObject)
np_sdk=$(sdk_rate nodePool); so_cel=$(sdk_rate scaledObjectSchemaAndCel); so_full=$(sdk_rate scaledObjectFull)
echo
echo "== side by side ($(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); one thread each)"
printf '%-58s %14s %14s %8s\n' "work (validations/s, distinct objects)" "this SDK" "peer" "ratio"
printf '%-58s %14.0f %14s %8s\n' "NodePool: schema + CEL (peer: schema only)" "${np_sdk:-0}" "$np_peer" "$(ratio "$np_sdk" "$np_peer")"
printf '%-58s %14.0f %14s %8s\n' "ScaledObject: schema + CEL" "${so_cel:-0}" "$so_peer" "$(ratio "$so_cel" "$so_peer")"
printf '%-58s %14.0f %14s %8s\n' "ScaledObject: + KEDA admission + scaler catalogue" "${so_full:-0}" "$so_peer" "$(ratio "$so_full" "$so_peer")"
echo
echo "cold start, one NodePool file, median of $runs runs (seconds)   wall    cpu   (wall ratio to peer)"
p_wall=$(wall "$work/cold-peer.txt"); s_wall=$(wall "$work/cold-sdk.txt")
printf '  %-60s %6s %6s\n' "peer: node cold.mjs" "$p_wall" "$(cpu "$work/cold-peer.txt")"
printf '  %-60s %6s %6s   %s slower\n' "$sdk_label" "$s_wall" "$(cpu "$work/cold-sdk.txt")" "$(ratio "$s_wall" "$p_wall")"
if [ -x "$launcher" ]; then
  x_wall=$(wall "$work/cold-plain.txt")
  printf '  %-60s %6s %6s   %s slower\n' "java -jar workshop.jar validate (no archive, C2)" "$x_wall" \
    "$(cpu "$work/cold-plain.txt")" "$(ratio "$x_wall" "$p_wall")"
fi
