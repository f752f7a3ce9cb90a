#!/usr/bin/env bash
# Builds the external corpus folder (<dialect>/<owner+repo>/<path in repo>) from the snapshots named in manifest.tsv,
# then optionally runs tools/CorpusReport over it.
#
#   tools/external-corpus/build.sh [--out DIR] [--mirror DIR] [--report FILE]
#
# DIR defaults to artifacts/external-corpus (git-ignored); the docs are never committed. Snapshots are read from
# /work/.mirror/<owner>+<name>/repo (what the workspace's `fetch github:<owner>/<name>` brings) or any git clone of
# the repo placed there; a missing snapshot or commit is an error that names the repo. With --report FILE the corpus
# report is written to FILE (docs/external-corpus-report.md is the committed one).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/artifacts/external-corpus"
mirror="/work/.mirror"
report=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --mirror) mirror="$2"; shift 2 ;;
    --report) report="$2"; shift 2 ;;
    *) echo "usage: $0 [--out DIR] [--mirror DIR] [--report FILE]" >&2; exit 2 ;;
  esac
done

rm -rf "$out"
mkdir -p "$out"
total=0
while IFS=$'\t' read -r dialect repo commit glob generator; do
  case "$dialect" in ''|'#'*) continue ;; esac
  git_dir="$mirror/${repo/\//+}/repo"
  if ! git -C "$git_dir" cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "missing snapshot: $repo at $commit (expected a git directory at $git_dir)" >&2
    exit 1
  fi
  dest="$out/$dialect/${repo/\//+}"
  mkdir -p "$dest"
  # '*' in a [[ == ]] pattern also matches '/', so docs/models/*.md takes every subfolder. Blobs are read with one
  # `git cat-file --batch` per repo (git archive would read every blob of the tree, and snapshots lack the largest).
  listing="$(mktemp)"
  while IFS=$'\t' read -r meta path; do
    # shellcheck disable=SC2053
    [[ "$path" == $glob ]] && printf '%s\t%s\n' "${meta##* }" "$path" >> "$listing"
  done < <(git -C "$git_dir" ls-tree -r "$commit")
  count=$( [ -s "$listing" ] && wc -l < "$listing" || echo 0 )
  if [ "$count" -eq 0 ]; then
    echo "no file of $repo at $commit matches $glob" >&2
    exit 1
  fi
  python3 - "$git_dir" "$dest" "$listing" <<'PY'
import os, subprocess, sys, threading
git_dir, dest, listing = sys.argv[1:4]
rows = [line.rstrip("\n").split("\t", 1) for line in open(listing, encoding="utf-8")]
cat = subprocess.Popen(["git", "-C", git_dir, "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
def feed():  # from a thread: git's output pipe fills while it still reads ids
    cat.stdin.write("".join(blob + "\n" for blob, _ in rows).encode())
    cat.stdin.close()
threading.Thread(target=feed, daemon=True).start()
for blob, path in rows:
    header = cat.stdout.readline().split()
    if len(header) < 3:
        sys.exit(f"blob {blob} of {path} is missing from the snapshot")
    data = cat.stdout.read(int(header[2]))
    cat.stdout.read(1)
    target = os.path.join(dest, path)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as f:
        f.write(data)
sys.exit(cat.wait())
PY
  rm -f "$listing"
  echo "$dialect $repo ${commit:0:12} $glob: $count files" >&2
  total=$((total + count))
done < "$here/manifest.tsv"
echo "external corpus: $total files in $out" >&2

if [ -n "$report" ]; then
  cd "$root"
  status=0
  dotnet run --project tools/CorpusReport -c Release -- "$out" --out "$report" || status=$?
  [ -f "$report" ] && "$here/sources.sh" "$out" "$report"
  exit $status
fi
