#!/usr/bin/env bash
# Native AOT: publish the sample with PublishAot, fail on any warning (IL2xxx/IL3xxx trimming and AOT analysis
# included), then run the native binary, which round-trips every sample payload.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
log="$out/publish.log"
dotnet publish "$repo/schemas/GenerationModels.Sample.csproj" -c Release -r linux-x64 -p:SampleNativeAot=true -o "$out/app" --nologo 2>&1 | tee "$log" | tail -n 3
if grep -E "warning (IL|CS|SYSLIB|AOT)[0-9]+" "$log" | grep -v "^\s*0 Warning"; then
  echo "aot: publish produced warnings"; exit 1
fi
"$out/app/GenerationModels.Sample"
echo "aot: native sample published with 0 warnings and round-tripped"
