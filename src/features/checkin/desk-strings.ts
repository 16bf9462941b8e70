/**
 * The words the desk script shows, in the page's language, handed to it in its settings.
 *
 * @example
 * const strings = deskStrings(c.var.t);
 */
import type { MessageKey, Translate } from '../../i18n/index';

const keys = [
  'checkin.online',
  'checkin.offline',
  'checkin.pending',
  'checkin.pendingNone',
  'checkin.checkIn',
  'checkin.checkInLabel',
  'checkin.undo',
  'checkin.undoLabel',
  'checkin.doneAt',
  'checkin.doneHere',
  'checkin.none',
  'checkin.typeToSearch',
  'checkin.emailOnline',
  'checkin.justDone',
  'checkin.justUndone',
  'checkin.alreadyIn',
  'checkin.unknownCode',
  'checkin.conflict',
  'checkin.conflictsNone',
  'checkin.signInAgain',
  'checkin.rejected',
  'checkin.rosterSaved',
  'checkin.sample',
  'checkin.count',
  'checkin.status.confirmed',
  'checkin.status.offered',
  'checkin.status.pending',
  'checkin.status.waiting',
  'checkin.camera.unavailable',
  'checkin.camera.looking',
  'checkin.forget.done',
  'checkin.forget.pending',
] as const satisfies readonly MessageKey[];

export function deskStrings(t: Translate): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k.replace(/^checkin\./, ''), t(k)]));
}
