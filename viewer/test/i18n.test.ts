import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, STRINGS, trValue } from '../src/i18n/strings.ts';
import { stationName } from '../src/i18n/station-names.ts';
import { formatSimTime } from '../src/i18n/format.ts';

describe('vi/en/zh strings', () => {
  it('every key has a non-empty string in every language, and Vietnamese and Chinese are translations, not English copies', () => {
    const keys = Object.keys(STRINGS.en);
    for (const lang of LANGS) {
      expect(Object.keys(STRINGS[lang]).sort()).toEqual([...keys].sort());
      for (const k of keys) expect(STRINGS[lang][k as keyof typeof STRINGS.en].trim(), `${lang}.${k}`).not.toBe('');
    }
    // Abbreviations shared by all languages are the only identical entries.
    const same = keys.filter((k) => STRINGS.vi[k as keyof typeof STRINGS.en] === STRINGS.en[k as keyof typeof STRINGS.en] || STRINGS.zh[k as keyof typeof STRINGS.en] === STRINGS.en[k as keyof typeof STRINGS.en]);
    expect(same.sort()).toEqual(['kind_container', 'p50', 'p95'].sort());
  });

  it('uses the glossary terms for the key concepts', () => {
    expect(STRINGS.vi.zeroLine).toBe('Đường biên giới');
    expect(STRINGS.zh.zeroLine).toBe('边境线');
    expect(STRINGS.vi.vehiclesPerDay).toBe('Lượt xe/ngày');
    expect(STRINGS.zh.vehiclesPerDay).toBe('车次/日');
    expect(STRINGS.zh.turnTime).toBe('车辆周转时间');
    expect(STRINGS.vi.alertOutage).toBe('Mất kết nối trao đổi dữ liệu');
  });

  it('every station of the model has a name in each language; unknown values show as they are', () => {
    for (const s of ['parking', 'vnTruckIn', 'cnBorderOut', 'scanners', 'imageAnalysts', 'vnCranes', 'cnInspectionBays', 'igvs', 'vn-yard:cranes']) {
      for (const lang of LANGS) expect(stationName(lang, s)).not.toBe(s);
    }
    expect(stationName('zh', 'somethingNew')).toBe('somethingNew');
    expect(trValue('vi', 'state_', 'charging')).toBe('đang sạc');
    expect(trValue('vi', 'state_', 'weird')).toBe('weird');
  });

  it('every zone and route label of every preset exists in the three languages', () => {
    const dir = join(import.meta.dirname, '..', '..', 'scenarios', 'presets');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
      const s = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { layout: { zones: Array<{ label: Record<string, string> }>; routes: Array<{ label: Record<string, string> }> } };
      for (const item of [...s.layout.zones, ...s.layout.routes]) for (const lang of LANGS) expect(item.label[lang]?.trim(), `${f}`).toBeTruthy();
    }
  });

  it('simulated time reads as day and clock time', () => {
    expect(formatSimTime(0)).toEqual({ day: 1, clock: '00:00:00' });
    expect(formatSimTime(86_400_000 + 3_723_000)).toEqual({ day: 2, clock: '01:02:03' });
  });
});
