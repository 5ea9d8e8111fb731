// Byte work the in-browser verifiers share, done by the browser itself (DecompressionStream, WebCrypto).

/**
 * `bytes` inflated by the browser's DecompressionStream (`format`: 'deflate', 'deflate-raw' or 'gzip'), or null
 * when they are corrupt or inflate to more than `max` bytes (read no further than that).
 */
export async function inflate(bytes, format, max) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream(format)).getReader();
  const parts = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > max) {
        reader.cancel().catch(() => {});
        return null;
      }
      parts.push(value);
    }
  } catch {
    return null;
  }
  return concat(parts);
}

/** The byte arrays (or arrays of byte values) one after the other. */
export function concat(parts) {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The SHA-256 of the text's UTF-8. */
export async function sha256(text) {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}
