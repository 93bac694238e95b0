import { describe, expect, it } from 'vitest';

import { UserError } from '../../src/errors.js';
import { parseDuration, parseUntil, volumeFilter } from '../../src/engine/volume/filters.js';
import { anonymousVolumeName, checkVolumeName, isValidVolumeName } from '../../src/engine/volume/names.js';
import type { VolumeRecord } from '../../src/engine/volume/record.js';

describe('volume names', () => {
  it("takes Podman's names: a letter or digit, then letters, digits, _ . -", () => {
    for (const ok of ['a', 'Z', '0', 'data', 'my-vol_1.2', '9lives', 'a..b', 'x-', 'a'.repeat(255)]) {
      expect(isValidVolumeName(ok), ok).toBe(true);
      expect(checkVolumeName(ok)).toBe(ok);
    }
  });

  it('refuses the rest with one line naming the rule', () => {
    for (const bad of ['', '.', '..', '.tmp-1-ab', '-a', '_a', 'a/b', '../x', 'a b', 'vol:ro', 'é', 'a\nb', 'a'.repeat(256)]) {
      expect(isValidVolumeName(bad), JSON.stringify(bad)).toBe(false);
      expect(() => checkVolumeName(bad)).toThrow(UserError);
    }
    expect(() => checkVolumeName('a/b')).toThrow("invalid volume name 'a/b': names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*");
  });

  it('names anonymous volumes with 64 fresh hex digits', () => {
    const a = anonymousVolumeName();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(isValidVolumeName(a)).toBe(true);
    expect(anonymousVolumeName()).not.toBe(a);
  });
});

describe('volume filters', () => {
  const vol = (name: string, labels: Record<string, string> = {}, created = '2024-01-01T00:00:00.000Z'): VolumeRecord => ({
    name,
    created,
    labels,
    options: {},
    driver: 'local',
  });
  const pick = (filters: string[], subjects: { volume: VolumeRecord; inUse: boolean }[], now?: number) =>
    subjects.filter(volumeFilter(filters, now)).map((s) => s.volume.name);

  const subjects = [
    { volume: vol('web-data', { app: 'web', tier: 'front' }), inUse: true },
    { volume: vol('db-data', { app: 'db' }), inUse: false },
    { volume: vol('scratch', {}, '2024-06-01T00:00:00.000Z'), inUse: false },
  ];

  it('matches labels by key or key=value, and label! the opposite', () => {
    expect(pick(['label=app'], subjects)).toEqual(['web-data', 'db-data']);
    expect(pick(['label=app=db'], subjects)).toEqual(['db-data']);
    expect(pick(['label=app=web', 'label=tier=front'], subjects)).toEqual(['web-data']);
    expect(pick(['label!=app'], subjects)).toEqual(['scratch']);
    expect(pick(['label=tier='], subjects)).toEqual(['web-data']);
  });

  it('picks dangling (unused) volumes, name by regular expression, driver', () => {
    expect(pick(['dangling=true'], subjects)).toEqual(['db-data', 'scratch']);
    expect(pick(['dangling=0'], subjects)).toEqual(['web-data']);
    expect(pick(['name=-data$'], subjects)).toEqual(['web-data', 'db-data']);
    expect(pick(['name=data', 'dangling=true'], subjects)).toEqual(['db-data']);
    expect(pick(['driver=local'], subjects)).toHaveLength(3);
    expect(pick(['driver=nfs'], subjects)).toEqual([]);
  });

  it('reads until= as a date, Unix seconds or a duration before now', () => {
    const now = Date.parse('2024-06-01T01:00:00Z');
    expect(pick(['until=2024-03-01T00:00:00Z'], subjects)).toEqual(['web-data', 'db-data']);
    expect(pick([`until=${Date.parse('2024-06-02T00:00:00Z') / 1000}`], subjects)).toHaveLength(3);
    expect(pick(['until=30m'], subjects, now)).toHaveLength(3);
    expect(pick(['until=2h'], subjects, now)).toEqual(['web-data', 'db-data']);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('10')).toBeUndefined();
    expect(parseUntil('1700000000', 0)).toBe(1_700_000_000_000);
  });

  it('refuses unknown keys and bad values before anything runs', () => {
    expect(() => volumeFilter(['colour=red'])).toThrow("'colour' is not a volume filter");
    expect(() => volumeFilter(['label'])).toThrow('use KEY=VALUE');
    expect(() => volumeFilter(['dangling=maybe'])).toThrow('use true or false');
    expect(() => volumeFilter(['until=someday'])).toThrow(UserError);
    expect(() => volumeFilter(['name=('])).toThrow('not a regular expression');
  });
});
