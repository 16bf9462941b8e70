import type { Context } from 'hono';
import { tableFileTypes, type TableFormat } from '../lib/table-file';
import type { AppEnv } from './types';

/**
 * Answers with an exported table as a download that no cache keeps.
 *
 * @example
 * return tableDownload(c, { format: 'csv', filename: 'people.csv', body });
 */
export function tableDownload(
  c: Context<AppEnv>,
  o: { format: TableFormat; filename: string; body: string | Uint8Array<ArrayBuffer> },
) {
  c.header('Content-Type', tableFileTypes[o.format]);
  c.header('Content-Disposition', `attachment; filename="${o.filename.replace(/[^\w.-]/g, '_')}"`);
  c.header('Cache-Control', 'no-store');
  return typeof o.body === 'string' ? c.body(o.body) : c.body(o.body);
}
