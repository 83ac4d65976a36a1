/** Byte counts for people: binary units, one decimal ("57.2 MiB"), so limits read the way they are set. */

/** Formats a byte count as "812 bytes", "4.0 KiB", "57.2 MiB" or "1.5 GiB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
