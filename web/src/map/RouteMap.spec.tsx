import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { EN } from '../i18n/messages/en';
import FR from '../i18n/messages/fr.json';
import RouteMap from './RouteMap';

/** The map's words come from the console's catalogue, as under the console's I18nProvider. */
const render = (map: ReactElement, locale = 'en', messages: Record<string, string> = EN) =>
  renderToStaticMarkup(
    <IntlProvider locale={locale} defaultLocale="en" messages={messages}>
      {map}
    </IntlProvider>,
  );

const zuwaraLampedusa = [
  { country: 'LBY', place: 'Zuwara', latitude: 32.93, longitude: 12.08 },
  { country: 'ITA', place: 'Lampedusa' },
];

function parse(html: string) {
  return {
    html,
    count: (re: RegExp) => html.match(re)?.length ?? 0,
  };
}

describe('a route drawn on the map', () => {
  it('is one SVG that scales to its container (a viewBox, no fixed width) and says the route in words', () => {
    const svg = parse(render(<RouteMap size="card" title="Route of this alert" routes={[{ key: 'a', waypoints: zuwaraLampedusa }]} />));
    expect(svg.html).toMatch(/^<svg [^>]*viewBox="0 0 320 200"/);
    expect(svg.html).not.toMatch(/^<svg [^>]*\swidth=/);
    expect(svg.html).toMatch(/role="img"/);
    expect(svg.html).toContain('<title id="');
    expect(svg.html).toContain('Route of this alert</title>');
    expect(svg.html).toContain('Zuwara (Libya) → Lampedusa (Italy); Italy drawn at the country’s centre.');
    // One line, with a point per waypoint, over the outlines of the countries around it.
    expect(svg.count(/data-testid="route-line"/g)).toBe(1);
    expect(svg.html).toMatch(/class="route-path" d="M[\d.,-]+/);
    expect(svg.count(/<circle[^>]*class="stop/g)).toBe(2);
    expect(svg.count(/class="land land-on-route"/g)).toBe(2);
    const land = svg.count(/class="land[" ]/g);
    expect(land).toBeGreaterThan(5); // Tunisia, Algeria, Malta's neighbours…
    expect(land).toBeLessThan(60); // …not the whole world
  });

  it('counts the alerts of each route on the feed’s map, the chosen one marked', () => {
    const svg = parse(
      render(
        <RouteMap
          size="feed"
          title="Routes of the last 7 days"
          selected="b"
          routes={[
            { key: 'a', waypoints: zuwaraLampedusa, count: 3 },
            { key: 'b', waypoints: [{ country: 'TUN' }, { country: 'ITA' }], count: 1 },
          ]}
        />,
      ),
    );
    expect(svg.count(/data-testid="route-count"/g)).toBe(2);
    expect(svg.html).toMatch(/data-testid="route-count" data-route-key="a"[^>]*><circle[^>]*><\/circle><text[^>]*>3<\/text>/);
    expect(svg.count(/class="route route-selected"/g)).toBe(1);
    expect(svg.html).toContain('Zuwara (Libya) → Lampedusa (Italy); Italy drawn at the country’s centre: 3 alerts.');
  });

  it('draws nothing but says so for a route it cannot place', () => {
    const svg = parse(render(<RouteMap size="card" title="Route" routes={[{ key: 'a', waypoints: [{ country: 'ZZZ' }] }]} />));
    expect(svg.count(/data-testid="route-line"/g)).toBe(0);
    expect(svg.html).toContain('not on the map: ZZZ');
  });

  it('says its route in the console’s language', () => {
    const html = render(<RouteMap size="feed" title="Itinéraires" routes={[{ key: 'a', waypoints: zuwaraLampedusa, count: 2 }]} />, 'fr', {
      ...EN,
      ...FR,
    });
    expect(html).toContain('Italy : placé au centre du pays : 2 alertes.');
  });
});
