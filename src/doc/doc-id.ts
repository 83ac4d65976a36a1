/** Document ids are content addresses: the same input bytes always get the same id. */

/** The id of the document made from input bytes with this sha256 (hex): its first 16 hex digits. */
export function docIdFromSha256(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a sha256 hex digest: "${sha256}"`);
  return sha256.slice(0, 16);
}
