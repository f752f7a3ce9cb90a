#!/usr/bin/env bash
# Rebuilds docs/payload-oracle-report.md (strict) and docs/payload-oracle-report-lenient.md from the public specs
# pinned in docs/payload-oracle-specs.tsv (repo, commit, path). The specs are downloaded to a scratch folder, never
# committed; each is read from the snapshot under $GENERATIONMODELS_MIRROR (default /work/.mirror)/<owner>+<name>/repo
# when it has the pinned commit, else downloaded. Usage: tools/PayloadOracle/run-public-specs.sh [scratch-dir]
set -euo pipefail
cd "$(dirname "$0")/../.."
scratch="${1:-${TMPDIR:-/tmp}/payload-oracle-specs}"
mkdir -p "$scratch"
args=()
while IFS=$'\t' read -r label repo commit path; do
  [[ -z "$label" || "$label" == \#* ]] && continue
  file="$scratch/$(echo "$repo" | tr '/' '+')-$(basename "$path")"
  # From the snapshot `fetch github:<owner>/<name>` brings (or any clone placed there), else from GitHub.
  git_dir="${GENERATIONMODELS_MIRROR:-/work/.mirror}/${repo/\//+}/repo"
  if [ ! -s "$file" ] && git -C "$git_dir" cat-file -e "$commit:$path" 2>/dev/null; then
    git -C "$git_dir" show "$commit:$path" > "$file"
  fi
  [ -s "$file" ] || curl -fsSL "https://raw.githubusercontent.com/$repo/$commit/$path" -o "$file"
  args+=(--name "$label=$file")
done < docs/payload-oracle-specs.tsv
dotnet build tools/PayloadOracle -c Release
dotnet run --project tools/PayloadOracle -c Release --no-build -- --out docs/payload-oracle-report.md "${args[@]}"
dotnet run --project tools/PayloadOracle -c Release --no-build -- --lenient --out docs/payload-oracle-report-lenient.md "${args[@]}"
