import { describe, expect, it } from 'vitest';

import { UserError } from '../../src/errors.js';
import {
  formatLogTime,
  parseDateTime,
  parseGoDuration,
  parseTimeSpec,
  parseUnixSeconds,
} from '../../src/engine/container/time-spec.js';

const S = 1_000_000_000n;
const ms = (iso: string): bigint => BigInt(Date.parse(iso)) * 1_000_000n;

describe('parseDateTime', () => {
  it('reads RFC3339 with nanoseconds and a Z', () => {
    expect(parseDateTime('2026-11-28T21:00:00.123456789Z')).toBe(ms('2026-11-28T21:00:00Z') + 123_456_789n);
  });

  it('applies the zone offset', () => {
    expect(parseDateTime('2026-11-28T22:30:00+01:30')).toBe(ms('2026-11-28T21:00:00Z'));
    expect(parseDateTime('2026-11-28T20:00:00-01:00')).toBe(ms('2026-11-28T21:00:00Z'));
  });

  it('takes a time without a zone, and a bare date, as UTC', () => {
    expect(parseDateTime('2024-02-29T12:00:00')).toBe(ms('2024-02-29T12:00:00Z'));
    expect(parseDateTime('2024-02-29T12:00:00.5')).toBe(ms('2024-02-29T12:00:00.500Z'));
    expect(parseDateTime('2024-02-29')).toBe(ms('2024-02-29T00:00:00Z'));
    expect(parseDateTime('2024-02-29+02:00')).toBe(ms('2024-02-28T22:00:00Z'));
  });

  it('truncates fractions past nanoseconds and handles dates before the epoch', () => {
    expect(parseDateTime('1970-01-01T00:00:00.0000000019Z')).toBe(1n);
    expect(parseDateTime('1969-12-31T23:59:59.5Z')).toBe(-S / 2n);
    expect(parseDateTime('0001-01-01T00:00:00Z')).toBe(-62135596800n * S);
  });

  it('rejects impossible dates and other shapes', () => {
    for (const bad of [
      '2023-02-29',
      '2024-13-01',
      '2024-04-31T00:00:00Z',
      '2024-01-01T24:00:00Z',
      '2024-01-01T00:60:00Z',
      '2024-01-01T00:00:60Z',
      '2024-01-01 00:00:00Z',
      '2024-01-01T00:00Z',
      '2024-01-01T00:00:00+24:00',
      '2024-01-01T00:00:00+0100',
      '10m',
      '',
    ]) {
      expect(parseDateTime(bad), bad).toBeUndefined();
    }
  });
});

describe('parseUnixSeconds', () => {
  it('reads whole and fractional seconds exactly', () => {
    expect(parseUnixSeconds('1700000000')).toBe(1_700_000_000n * S);
    expect(parseUnixSeconds('1700000000.123456789')).toBe(1_700_000_000n * S + 123_456_789n);
    expect(parseUnixSeconds('.5')).toBe(S / 2n);
    expect(parseUnixSeconds('-1.5')).toBe(-(S + S / 2n));
  });

  it('rejects what is not a number', () => {
    for (const bad of ['', '.', '-', '1h', '1.2.3', 'abc']) expect(parseUnixSeconds(bad), bad).toBeUndefined();
  });
});

describe('parseGoDuration', () => {
  it('reads Go durations', () => {
    expect(parseGoDuration('10m')).toBe(600n * S);
    expect(parseGoDuration('1h30m')).toBe(5400n * S);
    expect(parseGoDuration('1.5s')).toBe(1_500_000_000n);
    expect(parseGoDuration('.5h')).toBe(1800n * S);
    expect(parseGoDuration('2h45m30.5s')).toBe(9930n * S + S / 2n);
    expect(parseGoDuration('300ms')).toBe(300_000_000n);
    expect(parseGoDuration('1us')).toBe(1000n);
    expect(parseGoDuration('1\u00b5s')).toBe(1000n);
    expect(parseGoDuration('1\u03bcs')).toBe(1000n);
    expect(parseGoDuration('7ns')).toBe(7n);
    expect(parseGoDuration('-1m')).toBe(-60n * S);
    expect(parseGoDuration('+1m')).toBe(60n * S);
    expect(parseGoDuration('0')).toBe(0n);
  });

  it('rejects what Go rejects', () => {
    for (const bad of ['', '10', '1d', 'h', '.s', '1m10', '1.2.3s', '1 m', '9999999999h']) {
      expect(parseGoDuration(bad), bad).toBeUndefined();
    }
  });
});

describe('parseTimeSpec', () => {
  const now = 1_800_000_000n * S;

  it('takes absolute times as they are', () => {
    expect(parseTimeSpec('2026-11-28T21:00:00Z', 'since', now)).toBe(ms('2026-11-28T21:00:00Z'));
    expect(parseTimeSpec('1700000000', 'until', now)).toBe(1_700_000_000n * S);
  });

  it('counts a duration back from now for --since and forward for --until, as Podman', () => {
    expect(parseTimeSpec('10m', 'since', now)).toBe(now - 600n * S);
    expect(parseTimeSpec('1h30m', 'until', now)).toBe(now + 5400n * S);
  });

  it('says which flag was wrong and what it takes', () => {
    expect(() => parseTimeSpec('yesterday', 'since', now)).toThrow(UserError);
    expect(() => parseTimeSpec('yesterday', 'until', now)).toThrow(/--until value "yesterday".*RFC3339.*duration/);
  });
});

describe('formatLogTime', () => {
  const t = ms('2026-11-28T21:00:00Z');

  it('prints nine fraction digits and Z at a zero offset', () => {
    expect(formatLogTime(t + 123_000_000n, 0)).toBe('2026-11-28T21:00:00.123000000Z');
    expect(formatLogTime(t, 0)).toBe('2026-11-28T21:00:00.000000000Z');
  });

  it('prints the wall time and offset of other zones', () => {
    expect(formatLogTime(t + 5n, 90)).toBe('2026-11-28T22:30:00.000000005+01:30');
    expect(formatLogTime(t, -300)).toBe('2026-11-28T16:00:00.000000000-05:00');
  });

  it('uses the local zone by default', () => {
    const local = formatLogTime(t);
    expect(parseDateTime(local)).toBe(t);
    expect(local).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}(Z|[+-]\d\d:\d\d)$/);
  });

  it('round-trips through parseDateTime', () => {
    const odd = ms('1999-12-31T23:59:59Z') + 999_999_999n;
    expect(parseDateTime(formatLogTime(odd, 0))).toBe(odd);
    expect(parseDateTime(formatLogTime(-1n, 0))).toBe(-1n);
  });
});
