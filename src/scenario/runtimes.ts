/**
 * Lambda runtime identifiers accepted in `functions[].runtime`, as AWS spells them
 * (managed runtimes and the OS-only `provided` runtimes).
 */
export const RUNTIMES = [
  "nodejs18.x",
  "nodejs20.x",
  "nodejs22.x",
  "nodejs24.x",
  "python3.9",
  "python3.10",
  "python3.11",
  "python3.12",
  "python3.13",
  "python3.14",
  "java8.al2",
  "java11",
  "java17",
  "java21",
  "java25",
  "dotnet8",
  "dotnet10",
  "ruby3.2",
  "ruby3.3",
  "ruby3.4",
  "provided.al2",
  "provided.al2023",
] as const;

/** One of RUNTIMES. */
export type Runtime = (typeof RUNTIMES)[number];
