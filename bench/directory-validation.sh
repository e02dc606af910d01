#!/usr/bin/env bash
# `workshop validate DIR` at 1 and 2 threads in one JMH run (DirectoryValidationBenchmark: 2,000 workshop-shaped files,
# one object each), printing files/s for each and the ratio 2 threads / 1 thread, with the load average before and
# after (the machine is shared: a ratio measured under load says less than one measured idle). Not part of .ci/run.
#
#   bench/directory-validation.sh [--no-build] [--jar WORKSHOP_JAR] [--jmh 'JMH ARGS']
#     --no-build   use the classes already built (mvn -o -B -q -Pbenchmarks -DskipTests package -pl workshop-recipes -am)
#     --jar PATH   the workshop fat jar giving the third-party libraries (default samples/target/workshop.jar); this
#                  module tree's own classes come first on the class path, so an older jar only lends the libraries
#     --jmh ARGS   JMH options instead of the default '-f 1 -wi 2 -w 10s -i 3 -r 10s'
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=true
jar="$root/samples/target/workshop.jar"
jmh_args="-f 1 -wi 2 -w 10s -i 3 -r 10s"
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=false; shift ;;
    --jar) jar="$2"; shift 2 ;;
    --jmh) jmh_args="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "directory-validation.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if $build; then
  (cd "$root" && mvn -o -B -q -Pbenchmarks -DskipTests package -pl workshop-recipes -am)
fi
[ -f "$jar" ] || { echo "directory-validation.sh: no $jar (build samples, or give --jar)" >&2; exit 2; }
m2="${MAVEN_REPO:-$HOME/.m2/repository}"
jmh_version=$(sed -n 's:.*<jmh.version>\(.*\)</jmh.version>.*:\1:p' "$root/pom.xml")
cp="$root/workshop-recipes/target/test-classes"
for module in workshop-recipes aks-provisioning karpenter-model keda-model crd-validation; do
  cp="$cp:$root/$module/target/classes"
done
cp="$cp:$jar:$m2/org/openjdk/jmh/jmh-core/$jmh_version/jmh-core-$jmh_version.jar"
for lib in net/sf/jopt-simple/jopt-simple org/apache/commons/commons-math3; do
  version=$(ls "$m2/$lib" | sort -V | tail -1)
  cp="$cp:$m2/$lib/$version/$(basename "$lib")-$version.jar"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/directory-validation.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) processors)"
# shellcheck disable=SC2086 # the JMH options are words
java -cp "$cp" org.openjdk.jmh.Main DirectoryValidationBenchmark $jmh_args -rf csv -rff "$work/jmh.csv" \
  > "$work/jmh.txt" 2>&1 || { cat "$work/jmh.txt"; exit 1; }
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E '^(Benchmark|DirectoryValidationBenchmark\.)' "$work/jmh.txt" || true
awk -F, '$1 ~ /DirectoryValidationBenchmark/ { rate[$NF] = $5; error[$NF] = $6 }
  END {
    for (t in rate) printf "%s thread(s): %.0f files/s (99.9%% error %.0f)\n", t, rate[t], error[t]
    if (rate[1] > 0 && rate[2] > 0) printf "ratio 2 threads / 1 thread: %.2fx\n", rate[2] / rate[1]
  }' "$work/jmh.csv"
