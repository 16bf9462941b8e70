/**
 * Checks an uploaded receipt by its first bytes, never by its name or the browser's claim:
 * only PDF, PNG and JPEG, at most 5 MB.
 *
 * @example
 * const checked = await checkReceiptFile(file); // { ok: true, contentType: 'application/pdf', bytes }
 */
import type { MessageKey } from '../../i18n/index';

export const MAX_RECEIPT_BYTES = 5 * 1024 * 1024;

const signatures: [type: string, magic: number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];

export function sniffReceiptType(bytes: Uint8Array): string | undefined {
  return signatures.find(([, magic]) => magic.every((b, i) => bytes[i] === b))?.[0];
}

export async function checkReceiptFile(
  file: File,
): Promise<
  | { ok: true; contentType: string; bytes: Uint8Array; filename: string }
  | { ok: false; error: MessageKey }
> {
  if (file.size > MAX_RECEIPT_BYTES) return { ok: false, error: 'money.receipt.tooBig' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length > MAX_RECEIPT_BYTES) return { ok: false, error: 'money.receipt.tooBig' };
  const contentType = sniffReceiptType(bytes);
  if (!contentType) return { ok: false, error: 'money.receipt.badType' };
  const filename = (file.name || 'receipt').replace(/[^\w.-]/g, '_').slice(0, 100);
  return { ok: true, contentType, bytes, filename };
}
