#!/usr/bin/env bash
# Scale without surprises: builds large cases and prints gitoverit's wall time and peak memory
# (maximum resident set size of the JVM, from /usr/bin/time -v). Opt-in, not part of `mvn test`.
#
#   app/bench/scale.sh [WORKDIR]        (default WORKDIR: /tmp/gitoverit-scale; jar: app/target/gitoverit.jar)
#
# Cases: 10,000 small repositories; one repository with 200,000 tracked files; one repository
# with an untracked directory of 100,000 files. Built once, reused on later runs.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
jar=${GITOVERIT_JAR:-$here/app/target/gitoverit.jar}
work=${1:-/tmp/gitoverit-scale}
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config GIT_CONFIG_NOSYSTEM=1 LC_ALL=C.UTF-8
mkdir -p "$HOME"
git config --global user.name Bench; git config --global user.email bench@example.invalid
git config --global init.defaultBranch main

many() { # n files under $1, 1000 per folder
  python3 - "$1" "$2" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    d = os.path.join(root, "d%03d" % (i // 1000))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "f%06d.txt" % i), "w") as f:
        f.write("line %d\n" % i)
PY
}

if [ ! -d "$work/repos10k" ]; then
  git init -q "$work/template" && (cd "$work/template" && echo a > a.txt && git add . && git commit -qm i)
  mkdir -p "$work/repos10k"
  for i in $(seq -w 1 10000); do cp -a "$work/template" "$work/repos10k/r$i"; done
fi
if [ ! -d "$work/tracked200k" ]; then
  git init -q "$work/tracked200k/repo"
  many "$work/tracked200k/repo" 200000
  (cd "$work/tracked200k/repo" && git add . && git commit -qm i && echo x >> d000/f000000.txt)
fi
if [ ! -d "$work/untracked100k" ]; then
  git init -q "$work/untracked100k/repo"
  (cd "$work/untracked100k/repo" && echo a > a.txt && git add . && git commit -qm i)
  many "$work/untracked100k/repo/new" 100000
fi

for case in repos10k tracked200k untracked100k; do
  for jobs in "" "-j 1"; do
    /usr/bin/time -v -o "$work/time.txt" java ${JAVA_OPTS:-} -jar "$jar" --format json --no-progress \
      $jobs "$work/$case" > "$work/out.json" 2> "$work/err.txt" || true
    rows=$(grep -c '"status"' "$work/out.json" || true)
    rss=$(awk -F': ' '/Maximum resident/ {print int($2/1024)}' "$work/time.txt")
    wall=$(awk -F': ' '/Elapsed \(wall/ {print $2}' "$work/time.txt")
    printf '%-14s %-5s rows=%-6s peak_rss=%5s MB  wall=%s  %s\n' "$case" "${jobs:-auto}" "$rows" "$rss" "$wall" \
      "$(grep -h -o '"status": "[^"]*"' "$work/out.json" | sort | uniq -c | head -2 | tr -s ' ' | tr '\n' ' ')"
  done
done
