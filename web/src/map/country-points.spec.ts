import { COUNTRY_NAMES } from '@corridor/proto';
import { describe, expect, it } from 'vitest';
import { countryPoints } from '../../scripts/country-points.mjs';
import { COUNTRY_POINTS } from './country-points';

describe('the country points table', () => {
  it('is what the generator makes of the installed atlas (run web/scripts/country-points.mjs after an upgrade)', () => {
    expect(COUNTRY_POINTS).toEqual(countryPoints());
  });

  it('has a point for every country code of the contract', () => {
    expect(Object.keys(COUNTRY_NAMES).filter((c) => !COUNTRY_POINTS[c])).toEqual([]);
  });

  it('puts a country at the centre of its main land, not of its overseas parts', () => {
    const near = (code: string, lon: number, lat: number) => {
      const at = COUNTRY_POINTS[code]?.at;
      expect(at, code).toBeDefined();
      expect(Math.abs((at?.[0] ?? 0) - lon), `${code} longitude`).toBeLessThan(3);
      expect(Math.abs((at?.[1] ?? 0) - lat), `${code} latitude`).toBeLessThan(3);
    };
    near('FRA', 2.5, 46.5); // not pulled into the Atlantic by French Guiana
    near('USA', -98, 39); // not by Alaska
    near('AUS', 134, -25); // not the Ashmore and Cartier Islands, which share its id
    near('LBY', 18, 27);
    near('MLT', 14.4, 35.9); // too small for the 110m outlines the console draws, placed all the same
    near('XKK', 20.9, 42.6); // Kosovo, which Natural Earth gives no ISO id
  });
});
