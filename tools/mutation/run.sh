#!/usr/bin/env bash
# Mutation check (not part of CI; docs/robustness.md, "Mutation check"): applies deliberate bugs, one at a time, to a
# temporary copy of the repository (the working tree as it is, tracked and untracked files not ignored by git), runs
# the tests that should notice, and reports which tests failed for each. A mutation no test notices is a gap.
#
#   bash tools/mutation/run.sh [name ...]          # all mutations, or the named ones
#   GENERATIONMODELS_FUZZ_DOCS=500, GENERATIONMODELS_FUZZ_JSON=2000 (defaults here) keep the fuzz short; set them higher
#   for a longer run.
#
# Exit code: 0 when every mutation was caught, 1 when one was not, 2 for an unknown mutation name, 3 when a mutation's
# sed expression no longer matches the code (checked for all of them before anything is built).
#
# Output: a table per mutation (failed tests, snapshot tests counted apart: any emitter change fails those, so they
# prove nothing about behaviour), and artifacts/mutation/results.md in the repository.
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d /tmp/gm-mutation.XXXXXX)"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export CI=true GENERATIONMODELS_FUZZ_DOCS="${GENERATIONMODELS_FUZZ_DOCS:-500}" GENERATIONMODELS_FUZZ_JSON="${GENERATIONMODELS_FUZZ_JSON:-2000}" GENERATIONMODELS_FUZZ_SPECS="${GENERATIONMODELS_FUZZ_SPECS:-100}"
unset GENERATIONMODELS_ACCEPT_SNAPSHOTS GENERATIONMODELS_FUZZ_SEED
out="$repo/artifacts/mutation"; mkdir -p "$out"; report="$out/results.md"

# name | file | sed expression | test projects (space separated; fuzz runs the behavioural and converter fuzz only)
mutations=(
  "swapped-member-index|generator/Emission/ModelEmitter.cs|s/w.Line(\$\"case {i}: f{i} = {read};/w.Line(\$\"case {(member.Index == 0 ? \"1\" : member.Index == 1 ? \"0\" : i)}: f{i} = {read};/|Generator RoundTrip Fuzz"
  "dropped-enum-value|generator/Emission/ModelEmitter.cs|/private void WriteEnum(TypeSpec type)/,/^    }/s/type\.EnumMembers/type.EnumMembers.Skip(1)/g|Generator RoundTrip Fuzz"
  "inverted-presence-bit|generator/Emission/ModelEmitter.cs|s/(value.{member.Mask} \& {member.Bit}) != 0)/(value.{member.Mask} \& {member.Bit}) == 0)/|Generator RoundTrip Fuzz"
  "wrong-escape-member-names|runtime/ModelJson.cs|s/encoded\[i\] = JsonEncodedText.Encode(names\[i\]);/encoded[i] = JsonEncodedText.Encode(names[i].Replace(\"\\\\\\\\\", \"\\\\\\\\\\\\\\\\\"));/|Runtime RoundTrip Fuzz"
  "reversed-union-case-order|generator/Emission/ModelEmitter.cs|/w.Line(\$\"var element = /,/UnmatchedProperty} = element/s/foreach (var c in type.Cases)/foreach (var c in type.Cases.Reverse())/|Generator RoundTrip Fuzz"
  "relaxed-escape-unknown-members|runtime/OpenDictionary.cs|s/writer.WritePropertyName(member.Key);/writer.WritePropertyName(JsonEncodedText.Encode(member.Key, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping));/|Runtime RoundTrip Fuzz"
)

echo "copying the repository to $work/repo"
mkdir -p "$work/repo"
(cd "$repo" && git ls-files -co --exclude-standard -z | tar --null -T - -cf - | tar -xf - -C "$work/repo") \
  || { echo "could not copy the repository"; exit 1; }
[ -f "$work/repo/GenerationModels.sln" ] || { echo "the copy has no GenerationModels.sln"; exit 1; }
ln -s "$(cd "$repo/.." && pwd)/shared" "$work/shared"
(cd "$work/repo" && git init -q && git add -A && git -c user.name=m -c user.email=m@m commit -qm base)

{
  echo "# Mutation check results"
  echo
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') on $(cd "$repo" && git rev-parse --short HEAD) with GENERATIONMODELS_FUZZ_DOCS=$GENERATIONMODELS_FUZZ_DOCS, GENERATIONMODELS_FUZZ_JSON=$GENERATIONMODELS_FUZZ_JSON: \`bash tools/mutation/run.sh\`."
  echo
} > "$report"

selected=("$@")
for name in "${selected[@]}"; do
  known=0
  for entry in "${mutations[@]}"; do [ "${entry%%|*}" = "$name" ] && known=1; done
  [ $known -eq 1 ] || { echo "no mutation named '$name'"; exit 2; }
done

# Every selected mutation must apply before anything is built: one whose sed no longer matches (the code it edits
# changed) fails the whole run with exit code 3, so a stale mutation is never mistaken for a caught one.
not_applied=()
for entry in "${mutations[@]}"; do
  IFS='|' read -r name file expr projects <<<"$entry"
  if [ "${#selected[@]}" -gt 0 ] && [[ ! " ${selected[*]} " == *" $name "* ]]; then continue; fi
  sed -i "$expr" "$work/repo/$file"
  if (cd "$work/repo" && git diff --quiet -- "$file"); then not_applied+=("$name ($file: $expr)"); fi
  (cd "$work/repo" && git checkout -q -- "$file")
done
if [ "${#not_applied[@]}" -gt 0 ]; then
  echo "MUTATION NOT APPLIED (its sed expression no longer matches; update it in $0):" >&2
  for m in "${not_applied[@]}"; do echo "  $m" >&2; done
  printf 'NOT APPLIED (run stopped): %s\n' "${not_applied[@]}" >> "$report"
  exit 3
fi

uncaught=()
for entry in "${mutations[@]}"; do
  IFS='|' read -r name file expr projects <<<"$entry"
  if [ "${#selected[@]}" -gt 0 ] && [[ ! " ${selected[*]} " == *" $name "* ]]; then continue; fi
  echo; echo "=== mutation: $name ($file)"
  (cd "$work/repo" && git checkout -q -- . && git clean -qfdx -e bin -e obj)
  sed -i "$expr" "$work/repo/$file"
  if (cd "$work/repo" && git diff --quiet -- "$file"); then
    echo "MUTATION NOT APPLIED: $expr" >&2; exit 3
  fi
  (cd "$work/repo" && git diff -U0 -- "$file" | grep '^[-+][^-+]' | cut -c1-220)
  results="$work/results/$name"; rm -rf "$results"; mkdir -p "$results"
  # Only the test projects are built (dotnet test builds each with what it references): a test project that does not
  # build leaves no results and counts as caught. MUTATION_BUILD_SLN=1 also builds the whole solution first.
  build_ok=1
  if [ "${MUTATION_BUILD_SLN:-0}" = "1" ]; then
    (cd "$work/repo" && dotnet build GenerationModels.sln -v q -nologo > "$results/build.log" 2>&1) || build_ok=0
    [ $build_ok -eq 1 ] || echo "the mutated repository does not build (tests that compile generated code in-process may still run)"
  fi
  for p in $projects; do
    args=()
    if [ "$p" = "Fuzz" ]; then args=(-- --filter-method "*Well_formed_docs*" --filter-method "*ConverterFuzzTests.*"); fi
    (cd "$work/repo" && timeout 1500 dotnet test --project "tests/GenerationModels.$p.Tests" --report-xunit-trx --results-directory "$results/$p" "${args[@]}" > "$results/$p.log" 2>&1)
    echo "  $p: exit code $?"
  done
  python3 - "$results" "$name" "$report" "$build_ok" <<'PY'
import glob, sys, xml.etree.ElementTree as ET, os
results, name, report, build_ok = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
failed, snapshot, passed = [], [], 0
for path in glob.glob(results + "/**/*.trx", recursive=True):
    for r in ET.parse(path).getroot().iter("{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}UnitTestResult"):
        test = r.get("testName")
        if r.get("outcome") == "Passed": passed += 1; continue
        if r.get("outcome") != "Failed": continue
        short = test.split("(")[0].replace("GenerationModels.", "")
        (snapshot if "Snapshot" in short or "snapshot" in short or "DialectFixture" in short else failed).append(short)
projects = [os.path.basename(p)[:-4] for p in glob.glob(results + "/*.log") if not p.endswith("build.log")]
no_trx = [p for p in projects if not glob.glob(f"{results}/{p}/*.trx")]
with open(report, "a") as f:
    f.write(f"## {name}\n\n")
    if not build_ok: f.write("The mutated repository does not build (`dotnet build` fails: the generated code of the build's own models no longer compiles).\n\n")
    if no_trx: f.write(f"No test results from: {', '.join(no_trx)} (the project did not build).\n\n")
    f.write(f"{len(set(failed))} behavioural test(s) failed, {len(set(snapshot))} snapshot test(s) failed, {passed} passed.\n\n")
    for t in sorted(set(failed)): f.write(f"- {t}\n")
    f.write("\n")
caught = bool(failed) or not build_ok or no_trx
print(f"  {name}: {'CAUGHT' if caught else 'NOT CAUGHT'}: {len(set(failed))} behavioural failures, {len(set(snapshot))} snapshot failures, build {'ok' if build_ok else 'FAILED'}")
for t in sorted(set(failed))[:20]: print("    - " + t)
sys.exit(0 if caught else 1)
PY
  [ $? -eq 0 ] || uncaught+=("$name")
done
echo; echo "results: $report (temporary copy: $work)"
if [ "${#uncaught[@]}" -gt 0 ]; then echo "NOT CAUGHT: ${uncaught[*]}" >&2; exit 1; fi
