#!/usr/bin/env bash
# The headline serializer measurement (docs/benchmarks.md): BenchmarkDotNet, out-of-process, 3 launches per
# benchmark, A against System.Text.Json at its best (B, E, F, G), every payload family in every shape (with unknown
# members: Declared and Shuffled), the 10 MB and 100 MB stream reads, then the peak-memory cases. Writes
# BenchmarkDotNet's raw reports to docs/benchmarks/raw/ and regenerates the tables between the headline-tables markers
# of docs/benchmarks.md. About 25 minutes on 2 quiet cores (each of 3 launches per benchmark warms up for 2 s); run it on the
# commit that lands, on a quiet machine, and commit docs/benchmarks.md + docs/benchmarks/raw/.
#
#   bash bench/run-headline.sh           the headline run
#   bash bench/run-headline.sh --smoke   the same pipeline on one family and the 10 MB reads, 1 launch (~3 minutes
#                                        here); publishes into a copy of the docs under
#                                        bench/GenerationModels.Benchmarks/BenchmarkDotNet.Artifacts/smoke/docs/
set -euo pipefail
cd "$(dirname "$0")/.."
mode=--headline
if [[ "${1:-}" == "--smoke" ]]; then mode=--smoke; fi
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet build -c Release bench/GenerationModels.Benchmarks -warnaserror -nologo -v quiet
exec dotnet bench/GenerationModels.Benchmarks/bin/Release/net10.0/GenerationModels.Benchmarks.dll "$mode"
