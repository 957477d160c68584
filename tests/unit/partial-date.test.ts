import { describe, expect, it } from 'vitest';
import { endOfPeriod, isPartialDate, startOfPeriod, validityOf } from '../../src/model/partial-date.ts';
import { dateOf } from '../../src/model/property-keys.ts';

describe('partial dates', () => {
  it.each(['2022', '2022-05', '2022-05-13'])('accepts %s', (date) => expect(isPartialDate(date)).toBe(true));
  it.each(['22', '2022-13', '2022-5', '2022-05-32', 'May 2022', '2022-05-13T00:00'])('rejects %s', (date) =>
    expect(isPartialDate(date)).toBe(false),
  );

  it('bounds a period from its first to its last day', () => {
    expect([startOfPeriod('2022'), endOfPeriod('2022')]).toEqual(['2022-01-01', '2022-12-31']);
    expect([startOfPeriod('2024-02'), endOfPeriod('2024-02')]).toEqual(['2024-02-01', '2024-02-29']);
    expect([startOfPeriod('2023-02'), endOfPeriod('2023-02')]).toEqual(['2023-02-01', '2023-02-28']);
    expect([startOfPeriod('2022-06-15'), endOfPeriod('2022-06-15')]).toEqual(['2022-06-15', '2022-06-15']);
  });

  it('dates a relationship from since, else date, else asOf, until the start of until', () => {
    expect(validityOf({ since: '2022-02', date: '2021', asOf: '2020' })).toEqual({
      validFrom: '2022-02-01',
      validUntil: null,
    });
    expect(validityOf({ date: 2021 })).toEqual({ validFrom: '2021-01-01', validUntil: null });
    expect(validityOf({ asOf: '2023-06' })).toEqual({ validFrom: '2023-06-01', validUntil: null });
    expect(validityOf({ since: '2024-04', until: '2024-09' })).toEqual({
      validFrom: '2024-04-01',
      validUntil: '2024-09-01',
    });
    expect(validityOf({})).toEqual({ validFrom: null, validUntil: null });
  });
});

describe('a fact date', () => {
  it('is the first date key present, in the same order as validity: since, date, asOf', () => {
    expect(dateOf({ since: '2022-02', date: '2021', asOf: '2020' })).toBe('2022-02');
    expect(dateOf({ date: 2021, asOf: '2020' })).toBe('2021');
    expect(dateOf({ asOf: '2023-06' })).toBe('2023-06');
    expect(dateOf({ until: '2024' })).toBeNull();
  });
});
