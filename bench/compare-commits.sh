#!/usr/bin/env bash
# Before/after across commits (docs/benchmarks.md, "Before and after a change"): are reads and writes of canonical
# payloads at HEAD no slower, and do they allocate no more, than at BASE?
#
#   bash bench/compare-commits.sh BASE [HEAD] [--launches N] [--rounds N] [--batch-ms N] [--wall-clock] [--keep]
#
# HEAD defaults to the commit checked out here. Both commits are extracted (git archive, into a temp directory: no
# worktree is registered in the shared .git) and their bench/GenerationModels.Benchmarks is replaced by THIS
# checkout's (working tree, uncommitted edits included), so both builds run identical benchmark code, payloads and STJ
# twins; only the generator, the runtime and build/GenerationModels.props/.targets come from each commit. Each build
# is made as the benchmark project always is (the generator as an analyzer, the runtime as a project reference).
# Then HEAD's build drives one worker process of each build per launch, taking turns round by round (ABBA), and writes
# docs/benchmarks/raw/compare-BASE-HEAD-<UTC time>.md. Defaults: 3 launches x 30 round pairs, 5 ms batches.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_CLI_TELEMETRY_OPTOUT=1

positional=() driver_args=() keep=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --launches|--rounds|--batch-ms) driver_args+=("$1" "$2"); shift 2 ;;
    --wall-clock) driver_args+=("$1"); shift ;;
    --keep) keep=1; shift ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) positional+=("$1"); shift ;;
  esac
done
if [[ ${#positional[@]} -lt 1 || ${#positional[@]} -gt 2 ]]; then
  sed -n '2,14p' "$0" >&2
  exit 2
fi
base=$(git -C "$here" rev-parse --short "${positional[0]}^{commit}")
head=$(git -C "$here" rev-parse --short "${positional[1]:-HEAD}^{commit}")
bench_commit=$(git -C "$here" rev-parse --short HEAD)
if [[ -n "$(git -C "$here" status --porcelain -- bench/GenerationModels.Benchmarks)" ]]; then
  bench_label="\`$bench_commit\` with uncommitted changes"
else
  bench_label="\`$bench_commit\`"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gm-compare.XXXXXX")
if [[ $keep -eq 0 ]]; then trap 'rm -rf "$tmp"' EXIT; else echo "keeping $tmp"; fi

for side in base head; do
  commit=${!side}
  mkdir -p "$tmp/$side"
  git -C "$here" archive "$commit" | tar -x -C "$tmp/$side"
  rm -rf "$tmp/$side/bench/GenerationModels.Benchmarks"
  (cd "$here" && tar -cf - --exclude=bin --exclude=obj --exclude=BenchmarkDotNet.Artifacts bench/GenerationModels.Benchmarks) | tar -x -C "$tmp/$side"
  echo "building $side ($commit) in $tmp/$side ..."
  start=$SECONDS
  dotnet build -c Release "$tmp/$side/bench/GenerationModels.Benchmarks" -warnaserror -nologo -v quiet
  echo "built $side in $((SECONDS - start)) s"
done

dll=bench/GenerationModels.Benchmarks/bin/Release/net10.0/GenerationModels.Benchmarks.dll
subject() { git -C "$here" log -1 --format='%h (%cs, %s)' "$1" | cut -c1-80; }
out="$here/docs/benchmarks/raw/compare-$base-$head-$(date -u +%Y%m%d-%H%M%S).md"
dotnet "$tmp/head/$dll" --compare-commits --base "$tmp/base/$dll" --head "$tmp/head/$dll" \
  --base-label "$(subject "$base")" --head-label "$(subject "$head")" --bench-label "$bench_label" \
  --command-label "bash bench/compare-commits.sh ${positional[*]}${driver_args[*]:+ ${driver_args[*]}}" \
  --out "$out" "${driver_args[@]}"
