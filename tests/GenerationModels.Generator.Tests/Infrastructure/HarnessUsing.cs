// The in-memory generator harness is shared with the fuzz tests, tools/ and bench/ (tests/Shared, linked in the csproj).
global using GenerationModels.Harness;
