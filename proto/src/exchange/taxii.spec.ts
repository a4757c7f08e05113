import { describe, expect, it } from 'vitest';
import { acceptsTaxii, alertCollectionId, pathSegment, taxiiDiscovery, taxiiWriteRefusal } from './taxii.js';

describe('TAXII 2.1 content negotiation', () => {
  it('takes TAXII 2.1 (with or without its version), application/* and */*, and a missing Accept', () => {
    for (const accept of [
      'application/taxii+json;version=2.1',
      'application/taxii+json',
      'application/taxii+json; version=2.1',
      'text/html, application/taxii+json;version=2.1;q=0.9',
      '*/*',
      'application/*',
      null,
    ])
      expect(acceptsTaxii(accept)).toBe(true);
  });

  it('refuses another version of TAXII or another type (406)', () => {
    for (const accept of ['application/taxii+json;version=2.0', 'text/html', 'application/json', 'application/stix+json;version=2.1'])
      expect(acceptsTaxii(accept)).toBe(false);
  });
});

describe('TAXII resources', () => {
  it('gives each agency one collection id, the same at every node and gateway', () => {
    expect(alertCollectionId('it-polfr')).toBe(alertCollectionId('it-polfr'));
    expect(alertCollectionId('it-polfr')).not.toBe(alertCollectionId('ng-nis'));
  });

  it('lists API roots under the discovery address, with a default only when there is one', () => {
    const one = taxiiDiscovery('https://node.example.org/taxii2/', [{ agency: 'it-polfr', name: 'Polizia' }], 'x');
    expect(one).toMatchObject({
      default: 'https://node.example.org/taxii2/it-polfr/',
      api_roots: ['https://node.example.org/taxii2/it-polfr/'],
    });
    const two = taxiiDiscovery(
      'https://gw.example.org/taxii2/',
      [
        { agency: 'a-b', name: 'A' },
        { agency: 'c-d', name: 'C' },
      ],
      'x',
    );
    expect(two.default).toBeUndefined();
    expect(two.api_roots).toHaveLength(2);
  });

  it('reads a broken percent-encoding as no segment (a 404), not as a defect', () => {
    expect(pathSegment('%E0%A4%A')).toBeNull();
    expect(pathSegment('it-polfr')).toBe('it-polfr');
  });
});

describe('a write to a read-only TAXII server', () => {
  it('is 403 where TAXII defines a write (add objects, delete an object), 405 elsewhere, in the error envelope', async () => {
    const objects = 'it-polfr/collections/0b4a7c3e-0000-5000-8000-000000000000/objects/';
    const cases: [string, string, number][] = [
      ['POST', objects, 403],
      ['DELETE', `${objects}report--0b4a7c3e-0000-5000-8000-000000000001/`, 403],
      ['POST', 'it-polfr/collections/', 405],
      ['PUT', objects, 405],
      ['DELETE', objects, 405],
      ['POST', `${objects}report--0b4a7c3e-0000-5000-8000-000000000001/versions/`, 405],
    ];
    for (const [method, below, status] of cases) {
      const r = taxiiWriteRefusal(method, below);
      expect([method, below, r.status, r.headers.get('content-type')]).toEqual([
        method,
        below,
        status,
        'application/taxii+json;version=2.1',
      ]);
      expect(await r.json()).toMatchObject({ http_status: String(status) });
    }
  });
});
