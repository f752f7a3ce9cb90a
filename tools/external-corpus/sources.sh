#!/usr/bin/env bash
# Appends the "Sources" section (what manifest.tsv pins, and how many files each row exported) to a corpus report.
#   tools/external-corpus/sources.sh <corpus folder> <report file>
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpus="$1"
report="$2"
{
  echo
  echo "## Sources"
  echo
  echo "Pinned in \`tools/external-corpus/manifest.tsv\`; exported by \`tools/external-corpus/build.sh\` from the repos' snapshots"
  echo "(the docs are not committed). None of these repos is in \`../shared/corpora\`. Generator versions as the repos'"
  echo "\`.speakeasy/gen.lock\` or \`.openapi-generator/VERSION\` say."
  echo
  echo "| dialect | repo | commit | path glob | generator | files |"
  echo "|---|---|---|---|---|---:|"
  while IFS=$'\t' read -r dialect repo commit glob generator; do
    case "$dialect" in ''|'#'*) continue ;; esac
    dir="$corpus/$dialect/${repo/\//+}"
    files=$(find "$dir" -type f \( -name '*.md' -o -name '*.mdx' \) | wc -l)
    echo "| $dialect | $repo | \`${commit:0:12}\` | \`$glob\` | $generator | $files |"
  done < "$here/manifest.tsv"
} >> "$report"
