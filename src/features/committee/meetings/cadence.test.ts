import { describe, expect, it } from 'vitest';
import { cadenceDays, meetingTimes } from './cadence';

describe('cadenceDays', () => {
  it('every 15 days from 5 May 2018', () => {
    expect(
      cadenceDays({
        kind: 'every_n_days',
        intervalDays: 15,
        startsOn: '2018-05-05',
        endsOn: '2018-06-20',
      }),
    ).toEqual(['2018-05-05', '2018-05-20', '2018-06-04', '2018-06-19']);
  });
  it('twice a week on Tuesdays and Thursdays', () => {
    expect(
      cadenceDays({
        kind: 'weekly',
        weekdays: [2, 4],
        startsOn: '2018-10-01',
        endsOn: '2018-10-14',
      }),
    ).toEqual(['2018-10-02', '2018-10-04', '2018-10-09', '2018-10-11']);
  });
  it('Sunday is weekday 7', () => {
    expect(
      cadenceDays({ kind: 'weekly', weekdays: [7], startsOn: '2018-10-01', endsOn: '2018-10-14' }),
    ).toEqual(['2018-10-07', '2018-10-14']);
  });
  it('daily in a date range, inclusive', () => {
    expect(cadenceDays({ kind: 'daily', startsOn: '2018-10-22', endsOn: '2018-10-24' })).toEqual([
      '2018-10-22',
      '2018-10-23',
      '2018-10-24',
    ]);
  });
  it('once ignores the end date; an end before the start gives nothing', () => {
    expect(cadenceDays({ kind: 'once', startsOn: '2018-05-05', endsOn: '2018-01-01' })).toEqual([
      '2018-05-05',
    ]);
    expect(cadenceDays({ kind: 'daily', startsOn: '2018-05-05', endsOn: '2018-05-04' })).toEqual(
      [],
    );
  });
});

describe('meetingTimes', () => {
  it('is wall-clock time in the zone (Guatemala is UTC-6)', () => {
    const { times } = meetingTimes({
      kind: 'every_n_days',
      intervalDays: 15,
      startsOn: '2018-05-05',
      endsOn: '2018-05-20',
      time: '10:00',
      timeZone: 'America/Guatemala',
    });
    expect(times.map((t) => t.toISOString())).toEqual([
      '2018-05-05T16:00:00.000Z',
      '2018-05-20T16:00:00.000Z',
    ]);
  });
  it('keeps the local time across a daylight-saving change and skips a time that does not exist', () => {
    const { times, skipped } = meetingTimes({
      kind: 'daily',
      startsOn: '2018-03-24',
      endsOn: '2018-03-26',
      time: '02:30',
      timeZone: 'Europe/Madrid',
    });
    expect(skipped).toEqual(['2018-03-25']);
    expect(times.map((t) => t.toISOString())).toEqual([
      '2018-03-24T01:30:00.000Z',
      '2018-03-26T00:30:00.000Z',
    ]);
  });
});
