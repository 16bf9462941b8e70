import { describe, expect, it } from 'vitest';
import { safeIcalName, safeIcalText } from './ical-safe';
import { createLogger } from './log';
import { hasControls, stripControls, stripControlsDeep } from './strip-controls';

const C0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');

describe('stripControls', () => {
  it('drops NUL and every C0 control except tab, line feed and carriage return', () => {
    expect(stripControls(`a${C0}b`)).toBe('a\t\n\rb');
    expect(hasControls('a\u0000b')).toBe(true);
    expect(hasControls('línea\r\nsiguiente\tcon tab')).toBe(false);
  });

  it('drops non-characters and lone surrogates but keeps real astral characters', () => {
    expect(stripControls('x\uFFFE\uFFFFy\uD800z\uDC00')).toBe('xyz');
    expect(stripControls('🙂')).toBe('🙂');
  });

  it('cleans keys and values deep inside JSON-like data', () => {
    expect(stripControlsDeep({ 'k\u0001': ['\u0000v', { n: 1, d: null }] })).toEqual({
      k: ['v', { n: 1, d: null }],
    });
  });
});

describe('iCalendar text', () => {
  it('keeps a calendar name on one line so it cannot start a new property', () => {
    expect(safeIcalName('IGF\r\nBEGIN:VEVENT\u0007')).toBe('IGF BEGIN:VEVENT');
  });

  it('leaves only CRLF line ends', () => {
    expect(safeIcalText('A:1\r\nB:x\ry\nz\u0001\r\n')).toBe('A:1\r\nB:x y z\r\n');
  });
});

describe('the logger', () => {
  it('writes no query parameters and no e-mail address, whatever it is given', () => {
    const lines: string[] = [];
    const log = createLogger('info', (l) => lines.push(l));
    log.error('job.failed', {
      error: String(
        new Error('Failed query: insert into people values ($1, $2)\nparams: Ana,ana@example.org'),
      ),
      detail: 'SMTP 550 <ana.lopez@example.org> rejected',
    });
    expect(lines[0]).toContain('insert into people');
    expect(lines[0]).not.toContain('Ana,');
    expect(lines[0]).not.toContain('example.org');
    expect(lines[0]).toContain('[e-mail]');
  });
});
