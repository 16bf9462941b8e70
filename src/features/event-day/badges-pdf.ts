/**
 * Printable badges as a PDF: eight per A4 page (two columns, four rows, with thin cut lines), each
 * with the event, the person's name, their institution, their stakeholder group when given, and
 * the ticket's QR code (the same payload as the e-mailed ticket) with its code under it. DejaVu
 * Sans is embedded (subset), so accents and most Latin scripts print.
 *
 * @example
 * const bytes = await badgesPdf({ event: 'Foro IGF Guatemala 2018', badges, groupLabel: (g) => t(`group.${g}`) });
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib';
import { ticketQrPng } from '../registration/index';
import type { Badge } from './list-badges';

const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const MARGIN = 15 * MM;
export const BADGES_PER_PAGE = 8;
const COLS = 2;
const ROWS = 4;
const W = (PAGE.width - 2 * MARGIN) / COLS;
const H = (PAGE.height - 2 * MARGIN) / ROWS;
const PAD = 5 * MM;
const QR = 30 * MM;

const require = createRequire(import.meta.url);
let fonts: Promise<[Uint8Array, Uint8Array]> | undefined;
function fontBytes() {
  fonts ??= Promise.all([
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  ]);
  return fonts;
}

/** Splits `text` into at most `maxLines` lines that fit `width` at `size` (the last one cut with …). */
export function wrapText(
  text: string,
  font: Pick<PDFFont, 'widthOfTextAtSize'>,
  size: number,
  width: number,
  maxLines: number,
): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines.map((l) => fit(l, font, size, width));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = fit(
    `${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`,
    font,
    size,
    width,
  );
  return kept.map((l) => fit(l, font, size, width));
}

function fit(line: string, font: Pick<PDFFont, 'widthOfTextAtSize'>, size: number, width: number) {
  if (font.widthOfTextAtSize(line, size) <= width) return line;
  let cut = line;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

export async function badgesPdf(o: {
  event: string;
  badges: readonly Badge[];
  groupLabel: (group: string) => string;
  title?: string;
  lang?: string;
}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(o.title ?? o.event);
  doc.setCreator('Convoca');
  doc.setLanguage(o.lang ?? 'es');
  const [regularBytes, boldBytes] = await fontBytes();
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  const grey = rgb(0.6, 0.6, 0.6);
  const textWidth = W - 2 * PAD - QR - 3 * MM;
  let page = doc.addPage([PAGE.width, PAGE.height]);
  for (const [i, badge] of o.badges.entries()) {
    const slot = i % BADGES_PER_PAGE;
    if (i > 0 && slot === 0) page = doc.addPage([PAGE.width, PAGE.height]);
    const x = MARGIN + (slot % COLS) * W;
    const top = PAGE.height - MARGIN - Math.floor(slot / COLS) * H;
    page.drawRectangle({ x, y: top - H, width: W, height: H, borderColor: grey, borderWidth: 0.5 });
    let y = top - PAD - 8;
    for (const line of wrapText(o.event, regular, 8, W - 2 * PAD, 1)) {
      page.drawText(line, { x: x + PAD, y, size: 8, font: regular, color: rgb(0.3, 0.3, 0.3) });
      y -= 12;
    }
    y -= 10;
    const nameSize = 16;
    for (const line of wrapText(badge.name, bold, nameSize, textWidth, 3)) {
      page.drawText(line, { x: x + PAD, y, size: nameSize, font: bold });
      y -= nameSize + 3;
    }
    y -= 4;
    if (badge.institution) {
      for (const line of wrapText(badge.institution, regular, 10, textWidth, 2)) {
        page.drawText(line, { x: x + PAD, y, size: 10, font: regular });
        y -= 13;
      }
    }
    if (badge.stakeholderGroup) {
      const line = wrapText(o.groupLabel(badge.stakeholderGroup), regular, 9, textWidth, 1)[0]!;
      page.drawText(line, { x: x + PAD, y: top - H + PAD + 2, size: 9, font: regular });
    }
    const png = await doc.embedPng(await ticketQrPng(badge.ticketCode));
    const qrX = x + W - PAD - QR;
    const qrY = top - H + PAD + 10;
    page.drawImage(png, { x: qrX, y: qrY, width: QR, height: QR });
    const codeWidth = regular.widthOfTextAtSize(badge.ticketCode, 8);
    page.drawText(badge.ticketCode, {
      x: qrX + (QR - codeWidth) / 2,
      y: qrY - 9,
      size: 8,
      font: regular,
    });
  }
  return doc.save();
}
