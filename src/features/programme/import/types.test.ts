import { describe, expect, it } from 'vitest';
import { InputError } from '../../../http/input-error';
import {
  importErrorCode,
  checkSize,
  durationMinutes,
  MAX_IMPORT_BYTES,
  personRoleOf,
  sessionKindOf,
  sessionLanguageOf,
  sessionTimes,
  uniquePersons,
} from './types';

describe('session kinds from a schedule type', () => {
  it.each([
    ['panel', 'panel'],
    ['keynote', 'keynote'],
    ['master_of_ceremonies', 'other'],
    ['Talk', 'panel'],
    ['lecture', 'panel'],
    ['Lightning Talk', 'panel'],
    ['discussion', 'panel'],
    ['workshop', 'workshop'],
    ['hands-on', 'workshop'],
    ['Keynote Speech', 'keynote'],
    ['Coffee break', 'break'],
    ['Lunch', 'lunch'],
    ['Closing ceremony', 'closing'],
    ['Press conference', 'press'],
    ['presentation', 'panel'],
    ['game', 'other'],
    [undefined, 'other'],
  ])('%s → %s', (type, kind) => {
    expect(sessionKindOf(type)).toBe(kind);
  });
});

describe('roles, languages and persons', () => {
  it('keeps our roles and reads anything else as speaker', () => {
    expect(personRoleOf('moderator')).toBe('moderator');
    expect(personRoleOf(' Rapporteur ')).toBe('rapporteur');
    expect(personRoleOf('host')).toBe('speaker');
    expect(personRoleOf(undefined)).toBe('speaker');
  });

  it('maps languages to es, en or both, and nothing else', () => {
    expect(sessionLanguageOf('es')).toBe('es');
    expect(sessionLanguageOf('en-US')).toBe('en');
    expect(sessionLanguageOf('es-en')).toBe('es-en');
    expect(sessionLanguageOf('Español')).toBe('es');
    expect(sessionLanguageOf('de')).toBeUndefined();
    expect(sessionLanguageOf(undefined)).toBeUndefined();
  });

  it('drops blank and repeated persons in the same role', () => {
    expect(
      uniquePersons([
        { name: ' Sofía  Benítez ', role: 'speaker' },
        { name: 'sofia benitez', role: 'speaker' },
        { name: 'Sofía Benítez', role: 'moderator' },
        { name: '  ', role: 'speaker' },
      ]),
    ).toEqual([
      { name: 'Sofía Benítez', role: 'speaker' },
      { name: 'Sofía Benítez', role: 'moderator' },
    ]);
  });
});

describe('session times', () => {
  it('prefers the date-time with offset and adds the duration', () => {
    const t = sessionTimes({ date: '2018-10-25T10:30:00-06:00', duration: '02:00', label: 'x' });
    expect(t.start.toISOString()).toBe('2018-10-25T16:30:00.000Z');
    expect(t.end.toISOString()).toBe('2018-10-25T18:30:00.000Z');
  });

  it('uses an explicit end over the duration', () => {
    const t = sessionTimes({
      date: '2018-10-25T10:30:00-06:00',
      end: '2018-10-25T11:00:00-06:00',
      duration: '02:00',
      label: 'x',
    });
    expect(t.end.toISOString()).toBe('2018-10-25T17:00:00.000Z');
  });

  it('reads a bare day and start in the conference zone, across daylight saving', () => {
    const winter = sessionTimes({
      day: '2024-03-09',
      start: '09:00',
      duration: '0:45',
      zone: 'Europe/Berlin',
      label: 'x',
    });
    const summer = sessionTimes({
      day: '2024-07-09',
      start: '09:00',
      duration: '00:45:00',
      zone: 'Europe/Berlin',
      label: 'x',
    });
    expect(winter.start.toISOString()).toBe('2024-03-09T08:00:00.000Z');
    expect(summer.start.toISOString()).toBe('2024-07-09T07:00:00.000Z');
    expect(summer.end.toISOString()).toBe('2024-07-09T07:45:00.000Z');
  });

  it.each([
    [{ date: 'tomorrow', duration: '01:00' }, 'no start'],
    [{ day: '2024-03-09', start: '09:00', duration: '01:00' }, 'no time zone'],
    [{ date: '2024-03-09T09:00:00+01:00', duration: 'an hour' }, 'duration'],
    [{ date: '2024-03-09T09:00:00+01:00', duration: '01:75' }, 'duration'],
    [{ date: '2024-03-09T09:00:00+01:00', end: 'later' }, 'end'],
    [{ date: '2024-02-30T09:00:00+01:00', duration: '01:00' }, 'no start'],
  ])('refuses %o (%s)', (input, why) => {
    try {
      sessionTimes({ ...input, label: 'Panel' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect(importErrorCode(error)).toBe('import_bad_time');
      expect((error as InputError).fields.file?.params?.detail).toBe(`Panel: ${why}`);
    }
  });

  it('reads durations', () => {
    expect(durationMinutes('01:30')).toBe(90);
    expect(durationMinutes('0:05')).toBe(5);
    expect(durationMinutes('100:00')).toBe(6000);
    expect(durationMinutes('1h')).toBeUndefined();
  });

  it('refuses text over the size limit', () => {
    expect(() => checkSize('x'.repeat(MAX_IMPORT_BYTES + 1))).toThrow(InputError);
    expect(() => checkSize('é'.repeat(MAX_IMPORT_BYTES / 2 + 1))).toThrow(InputError);
    expect(() => checkSize('x'.repeat(1000))).not.toThrow();
  });
});
