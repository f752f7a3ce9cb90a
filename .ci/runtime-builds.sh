#!/usr/bin/env bash
# The round-trip tests and the seeded mutation check on the real .NET 8 runtime: tests/GenerationModels.Net8.Tests (net8.0, the runtime's net8.0
# build) published self-contained for linux-x64, so it carries the Microsoft.NETCore.App 8.0 runtime pack the SDK
# picks, and run as the xunit.v3 executable it is. GENERATIONMODELS_EXPECT_DOTNET=8 makes a test fail unless the
# process really runs on .NET 8. Called by .ci/run; runnable alone: bash .ci/runtime-builds.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out="$repo/artifacts/net8-selfcontained"
rm -rf "$out"
dotnet publish "$repo/tests/GenerationModels.Net8.Tests/GenerationModels.Net8.Tests.csproj" -c Release -r linux-x64 --self-contained \
  -o "$out" --nologo -v q -warnaserror
runtime=$(python3 -c 'import json,sys; print(next(f["version"] for f in json.load(open(sys.argv[1]))["runtimeOptions"]["includedFrameworks"] if f["name"] == "Microsoft.NETCore.App"))' "$out/GenerationModels.Net8.Tests.runtimeconfig.json")
case "$runtime" in 8.*) ;; *) echo "runtime-builds: the publish carries Microsoft.NETCore.App '$runtime', not 8.x"; exit 1 ;; esac
GENERATIONMODELS_EXPECT_DOTNET=8 "$out/GenerationModels.Net8.Tests" -noColor
echo "runtime-builds: round trips and mutation checks passed on the .NET $runtime runtime (self-contained, linux-x64)"
