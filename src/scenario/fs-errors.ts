/** What went wrong opening or reading a file, in words for an Issue ("no such file", ...). */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EISDIR":
      return "a folder, not a file";
    case "EACCES":
    case "EPERM":
      return "not readable (permission denied)";
    default:
      return `cannot be read (${code ?? (err instanceof Error ? err.message : String(err))})`;
  }
}
