#!/usr/bin/env bash
# Packaging end-to-end: pack both packages to a local folder feed, create a fresh consumer outside the
# solution with only a PackageReference, drop the sample docs into its Schemas/ folder, build with
# warnings as errors, and run a round trip. Restores from the local feed plus the machine's configured feeds.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
mkdir -p "$feed"

version="0.1.0-e2e.$(date +%s)"
dotnet pack "$repo/runtime/GenerationModels.Runtime.csproj" -c Release -o "$feed" -p:Version="$version" --nologo -v q
dotnet pack "$repo/generator/GenerationModels.csproj" -c Release -o "$feed" -p:Version="$version" --nologo -v q

echo "packages:"; ls "$feed"
listing=$(unzip -l "$feed/GenerationModels.$version.nupkg")
for entry in analyzers/dotnet/cs/GenerationModels.dll analyzers/dotnet/cs/Markdig.dll analyzers/dotnet/cs/YamlDotNet.dll build/GenerationModels.props build/GenerationModels.targets \
             " LICENSE$" " README.md$" " CHANGELOG.md$"; do
  grep -qE "$entry" <<<"$listing" || { echo "e2e: package layout is missing $entry"; exit 1; }
done
# The package readme is the user-facing one, not the contributor README; the nuspec names the repository and licence.
unzip -p "$feed/GenerationModels.$version.nupkg" README.md | cmp -s - "$repo/build/PACKAGE-README.md" || { echo "e2e: README.md in the package is not build/PACKAGE-README.md"; exit 1; }
nuspec=$(unzip -p "$feed/GenerationModels.$version.nupkg" GenerationModels.nuspec)
repository_url=$(sed -n 's:.*<RepositoryUrl>\(.*\)</RepositoryUrl>.*:\1:p' "$repo/Directory.Build.props")
grep -q "<repository type=\"git\" url=\"$repository_url\"" <<<"$nuspec" || { echo "e2e: the nuspec does not name $repository_url"; exit 1; }
grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || { echo "e2e: the nuspec has no MIT licence"; exit 1; }
# Symbols: the runtime's .snupkg with a pdb per target framework (the generator's pdb is embedded in its dll).
[ -f "$feed/GenerationModels.Runtime.$version.snupkg" ] || { echo "e2e: no GenerationModels.Runtime.$version.snupkg"; exit 1; }
[ "$(unzip -l "$feed/GenerationModels.Runtime.$version.snupkg" | grep -c 'lib/.*/GenerationModels.Runtime.pdb')" -eq 3 ] || { echo "e2e: the runtime symbol package lacks pdbs"; exit 1; }

# The packed analyzers through the oldest supported compiler (Microsoft.CodeAnalysis 4.8): tests/GenerationModels.Roslyn48.Tests
# loads them from the unzipped package instead of the build output.
unzip -q "$feed/GenerationModels.$version.nupkg" 'analyzers/*' -d "$work/unpacked"
roslyn48="$repo/tests/GenerationModels.Roslyn48.Tests/bin/Release/net8.0/GenerationModels.Roslyn48.Tests"
dotnet build "$repo/tests/GenerationModels.Roslyn48.Tests/GenerationModels.Roslyn48.Tests.csproj" -c Release --nologo -v q -warnaserror
GENERATIONMODELS_PACKED_ANALYZERS="$work/unpacked/analyzers/dotnet/cs" "$roslyn48" -noColor

app="$work/consumer"
mkdir -p "$app/Schemas/speakeasy" "$app/Schemas/frozendict" "$app/Schemas/openapi" "$app/Docs"
cp "$repo/schemas/Schemas/speakeasy/"*.md "$app/Schemas/speakeasy/"
cp "$repo/schemas/Schemas/frozendict/"*.md "$app/Schemas/frozendict/"
# An OpenAPI spec beside the markdown docs: the bundled YamlDotNet must load inside the compiler.
cp "$repo/schemas/Schemas/openapi/"*.yaml "$app/Schemas/openapi/"
# A markdown file outside Schemas/ must be left alone.
printf '# Consumer readme\n\nNot a schema.\n' > "$app/README.md"
printf '# Notes\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `x` | *string* | :heavy_check_mark: | N/A |\n' > "$app/Docs/NotPickedUp.md"

cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local-e2e" value="$feed" />
  </packageSources>
</configuration>
XML

cat > "$app/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <RootNamespace>Consumer</RootNamespace>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <!-- The sample docs list the wire names (camelCase API): say so, else warning GM0015 (an error here). -->
    <GenerationModelsWireNaming>AsWritten</GenerationModelsWireNaming>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="GenerationModels" Version="$version" />
  </ItemGroup>
</Project>
XML

cat > "$app/Program.cs" <<'CS'
using System;
using System.Text.Json;
using Consumer;

const string json = """{"data":[{"id":"c1","index":0,"output":"Hello"}],"provider_responses":{"provider":"acme"},"usage":{"total_tokens":4},"surprise":[1,2]}""";
var model = JsonSerializer.Deserialize(json, GenerationModelsJsonContext.Default.CompletionResponse)!;
string back = JsonSerializer.Serialize(model, GenerationModelsJsonContext.Default.CompletionResponse);
var generation = JsonSerializer.Deserialize("""{"model":"m","unknown":true}""", GenerationModelsJsonContext.Default.Generation)!;
Console.WriteLine(back);
if (back != json) { Console.Error.WriteLine("round trip changed the JSON"); return 1; }
if (generation.Model != "m" || generation.AdditionalProperties?.Count != 1) { Console.Error.WriteLine("Generation did not read"); return 1; }
const string shipmentJson = """{"id":"s1","destination":{"line1":"1 Road","country":"NZ"},"status":"lost","carrier":{"type":"Post","country":"NZ"},"events":[]}""";
var shipment = JsonSerializer.Deserialize(shipmentJson, GenerationModelsJsonContext.Default.Shipment)!;
if (shipment.Carrier?.Post is null || JsonSerializer.Serialize(shipment, GenerationModelsJsonContext.Default.Shipment) != shipmentJson) { Console.Error.WriteLine("the OpenAPI model did not round-trip"); return 1; }
if (typeof(GenerationModelsJsonContext).Assembly.GetType("Consumer.Notes") is not null) { Console.Error.WriteLine("a doc outside Schemas/ was generated"); return 1; }
Console.WriteLine("e2e round trip OK");
return 0;
CS

cd "$app"
export NUGET_PACKAGES="$work/nuget-packages"   # never reuse a cached copy of a same-versioned package
dotnet build -c Release --nologo -warnaserror 2>&1 | tee "$work/build.log" | tail -n 5
if ! grep -q " 0 Warning(s)" "$work/build.log" && grep -qiE "warning [A-Z]+[0-9]+" "$work/build.log"; then
  echo "e2e: the consumer build has warnings"; exit 1
fi
dotnet run -c Release --no-build
echo "e2e: packaging end-to-end check passed"
