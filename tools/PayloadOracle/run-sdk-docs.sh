#!/usr/bin/env bash
# The SDK-docs variant of the payload oracle: for every SDK pinned in docs/payload-oracle-sdk-docs.tsv, payloads are
# built from the spec's own examples and read through the models generated from the SDK's markdown docs, as a user
# who drops those docs into Schemas/ would get them (GenerationModelsWireNaming unset unless --wire-naming is given).
# Rebuilds docs/payload-oracle-sdk-docs-report.md (strict) and docs/payload-oracle-sdk-docs-report-lenient.md.
# Snapshots come from /work/.mirror/<owner>+<name>/repo (what `fetch github:<owner>/<name>` brings, or any clone
# placed there); the spec and docs are extracted to a scratch folder and never committed.
#
#   tools/PayloadOracle/run-sdk-docs.sh [--mirror DIR] [--scratch DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
mirror=/work/.mirror
scratch="${TMPDIR:-/tmp}/payload-oracle-sdk-docs"
while [ $# -gt 0 ]; do
  case "$1" in
    --mirror) mirror="$2"; shift 2 ;;
    --scratch) scratch="$2"; shift 2 ;;
    *) echo "usage: $0 [--mirror DIR] [--scratch DIR]" >&2; exit 2 ;;
  esac
done
rm -rf "$scratch"
mkdir -p "$scratch"
args=()
while IFS=$'\t' read -r label repo commit spec docs generator; do
  case "$label" in ''|'#'*) continue ;; esac
  git_dir="$mirror/${repo/\//+}/repo"
  if ! git -C "$git_dir" cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "missing snapshot: $repo at $commit (expected a git directory at $git_dir)" >&2
    exit 1
  fi
  dest="$scratch/${repo/\//+}"
  mkdir -p "$dest"
  # The spec column is a path in the same snapshot, or owner/name@commit:path when the SDK repo does not commit its
  # spec but a sibling SDK generated from the same spec version does.
  if [[ "$spec" == *@*:* ]]; then
    spec_repo="${spec%%@*}"; spec_rest="${spec#*@}"; spec_commit="${spec_rest%%:*}"; spec="${spec_rest#*:}"
    spec_git="$mirror/${spec_repo/\//+}/repo"
    if ! git -C "$spec_git" cat-file -e "$spec_commit^{commit}" 2>/dev/null; then
      echo "missing snapshot: $spec_repo at $spec_commit (expected a git directory at $spec_git)" >&2
      exit 1
    fi
    git -C "$spec_git" show "$spec_commit:$spec" > "$dest/$(basename "$spec")"
  else
    git -C "$git_dir" show "$commit:$spec" > "$dest/$(basename "$spec")"
  fi
  git -C "$git_dir" archive "$commit" -- "$docs" | tar -x -C "$dest"
  echo "$label: $repo ${commit:0:12} $spec + $docs ($(find "$dest/$docs" -name '*.md*' | wc -l) docs; $generator)" >&2
  args+=(--docs "$label=$dest/$(basename "$spec")=$dest/$docs")
done < docs/payload-oracle-sdk-docs.tsv
dotnet build tools/PayloadOracle -c Release -nologo -v quiet
dotnet run --project tools/PayloadOracle -c Release --no-build -- --out docs/payload-oracle-sdk-docs-report.md "${args[@]}"
dotnet run --project tools/PayloadOracle -c Release --no-build -- --lenient --out docs/payload-oracle-sdk-docs-report-lenient.md "${args[@]}"
