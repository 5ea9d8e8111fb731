// DIVOC's binary QR payload, as the hub's DivocQr reads it: a zip holding exactly one entry, certificate.json,
// stored or DEFLATE-compressed, of at most 64 KiB of UTF-8. The sizes are read from the central directory (the local
// header may leave them to a data descriptor), the entry inflated by the browser's DecompressionStream.
import { inflate } from './bytes.js';

const ENTRY_NAME = 'certificate.json';
const MAX_UNCOMPRESSED = 64 * 1024;

/** The JSON text inside, or null when the bytes are not such a zip. */
export async function unzipCertificate(bytes) {
  try {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let end = -1;
    for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
      if (view.getUint32(at, true) === 0x06054b50) {
        end = at;
        break;
      }
    }
    if (end < 0 || view.getUint16(end + 10, true) !== 1) return null;
    const central = view.getUint32(end + 16, true);
    if (view.getUint32(central, true) !== 0x02014b50) return null;
    const method = view.getUint16(central + 10, true);
    const compressedSize = view.getUint32(central + 20, true);
    const size = view.getUint32(central + 24, true);
    const nameLength = view.getUint16(central + 28, true);
    const local = view.getUint32(central + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(central + 46, central + 46 + nameLength));
    if (name !== ENTRY_NAME || size > MAX_UNCOMPRESSED || view.getUint32(local, true) !== 0x04034b50) return null;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + compressedSize);
    if (data.length !== compressedSize || (method !== 0 && method !== 8)) return null;
    const json = method === 0 ? data : await inflate(data, 'deflate-raw', MAX_UNCOMPRESSED);
    if (!json || json.length !== size) return null;
    return new TextDecoder('utf-8', { fatal: true }).decode(json);
  } catch {
    return null;
  }
}
