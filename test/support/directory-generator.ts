// Realistic directories for benchmarks and demonstrations: persons (about 90 %) and desks (about
// 10 %, half of them 24/7), with names, titles, languages, time zones, office hours and phone
// numbers that fit each agency's country, a mix of roles like a real network's (border control
// and police most, prosecutors fewer, central authorities for mutual legal assistance few),
// competences that fit the role, liaison officers posted along the routes, and confirmations
// spread over two years so that about a third are stale at 180 days. Deterministic: the same
// agencies, total, seed and reference day give the same entries. All contacts are fictitious:
// e-mail at <agency>.example.org, phone numbers in a 555 block.
import type { AgencySpec } from '@corridor/deploy';
import {
  COMPETENCE_LABELS,
  type Competence,
  type CountryCode,
  type DirectoryEntryInput,
  type DirectoryRole,
  foldText,
  type LanguageCode,
  ROUTE_REGION_LABELS,
  type RouteRegion,
  type Weekday,
} from '@corridor/proto';

/** A tiny seeded PRNG (mulberry32): uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(readonly next: () => number) {}
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
  weighted<T>(xs: readonly (readonly [T, number])[]): T {
    const sum = xs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * sum;
    for (const [x, w] of xs) {
      r -= w;
      if (r < 0) return x;
    }
    return (xs[xs.length - 1] as readonly [T, number])[0];
  }
  /** `k` distinct items, in the list's order. */
  some<T>(xs: readonly T[], k: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(k, xs.length)) chosen.add(Math.floor(this.next() * xs.length));
    return [...chosen].sort((a, b) => a - b).map((i) => xs[i] as T);
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }
  /** A version-4 UUID from the generator's stream (so ids are reproducible too). */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.next() * 16).toString(16));
    hex[12] = '4';
    hex[16] = '89ab'[Math.floor(this.next() * 4)] as string;
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

type Hours = { days: Weekday[]; from: string; to: string };
type TitleStyle = 'it' | 'fr' | 'en' | 'es' | 'el';

const MON_FRI: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const MON_THU: Weekday[] = ['mon', 'tue', 'wed', 'thu'];
const SUN_THU: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu'];
const EVERY_DAY: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Where a country is, for anyone based or posted there. */
interface Place {
  timeZone: string;
  /** Spoken by everyone posted there, first the most common. */
  languages: LanguageCode[];
  callingCode: string;
  /** National numbers: a prefix with a fictitious 555 block, then this many random digits. */
  phone: { prefixes: string[]; digits: number };
  /** Neighbours along the routes, for what a posting or a regional contact covers. */
  neighbours: CountryCode[];
  routes: RouteRegion[];
  /** The week of an office (Friday–Saturday weekend in Libya; short Friday in Morocco, Tunisia). */
  officeHours: Hours[][];
}

const PLACES: Partial<Record<CountryCode, Place>> = {
  ITA: {
    timeZone: 'Europe/Rome',
    languages: ['it'],
    callingCode: '39',
    phone: { prefixes: ['06555', '091555', '0922555', '3405550', '3285550'], digits: 4 },
    neighbours: ['MLT', 'TUN', 'LBY', 'GRC'],
    routes: ['central-mediterranean', 'eastern-mediterranean', 'western-balkans'],
    officeHours: [
      [{ days: MON_FRI, from: '08:00', to: '14:00' }],
      [
        { days: MON_FRI, from: '08:00', to: '14:00' },
        { days: ['tue', 'thu'], from: '14:30', to: '17:30' },
      ],
      [{ days: MON_FRI, from: '07:30', to: '13:30' }],
      [{ days: MON_FRI, from: '08:30', to: '16:30' }],
    ],
  },
  NER: {
    timeZone: 'Africa/Niamey',
    languages: ['fr', 'ha'],
    callingCode: '227',
    phone: { prefixes: ['20555', '96555', '90555'], digits: 3 },
    neighbours: ['LBY', 'NGA', 'MLI', 'TCD', 'DZA', 'BFA'],
    routes: ['central-mediterranean', 'west-african-atlantic'],
    officeHours: [
      [{ days: MON_FRI, from: '08:00', to: '17:30' }],
      [
        { days: MON_FRI, from: '08:00', to: '12:30' },
        { days: MON_FRI, from: '15:00', to: '17:30' },
      ],
      [
        { days: MON_THU, from: '08:00', to: '17:00' },
        { days: ['fri'], from: '08:00', to: '13:00' },
      ],
    ],
  },
  NGA: {
    timeZone: 'Africa/Lagos',
    languages: ['en'],
    callingCode: '234',
    phone: { prefixes: ['803555', '806555', '9555'], digits: 4 },
    neighbours: ['NER', 'BEN', 'TCD', 'CMR'],
    routes: ['central-mediterranean', 'west-african-atlantic'],
    officeHours: [[{ days: MON_FRI, from: '08:00', to: '16:00' }], [{ days: MON_FRI, from: '08:30', to: '17:00' }]],
  },
  LBY: {
    timeZone: 'Africa/Tripoli',
    languages: ['ar'],
    callingCode: '218',
    phone: { prefixes: ['21555', '91555', '92555'], digits: 4 },
    neighbours: ['TUN', 'NER', 'TCD', 'EGY', 'SDN', 'DZA'],
    routes: ['central-mediterranean'],
    officeHours: [[{ days: SUN_THU, from: '08:00', to: '15:00' }], [{ days: SUN_THU, from: '09:00', to: '14:00' }]],
  },
  TUN: {
    timeZone: 'Africa/Tunis',
    languages: ['ar', 'fr'],
    callingCode: '216',
    phone: { prefixes: ['71555', '98555', '22555'], digits: 3 },
    neighbours: ['LBY', 'DZA', 'ITA'],
    routes: ['central-mediterranean'],
    officeHours: [
      [
        { days: MON_THU, from: '08:00', to: '17:00' },
        { days: ['fri'], from: '08:00', to: '13:00' },
      ],
      [{ days: [...MON_FRI, 'sat'], from: '08:00', to: '13:30' }],
    ],
  },
  MLI: {
    timeZone: 'Africa/Bamako',
    languages: ['fr'],
    callingCode: '223',
    phone: { prefixes: ['20555', '76555', '66555'], digits: 3 },
    neighbours: ['NER', 'SEN', 'BFA', 'DZA', 'MRT', 'GIN', 'CIV'],
    routes: ['central-mediterranean', 'western-mediterranean', 'west-african-atlantic'],
    officeHours: [[{ days: MON_FRI, from: '07:30', to: '16:00' }], [{ days: MON_FRI, from: '08:00', to: '16:30' }]],
  },
  SEN: {
    timeZone: 'Africa/Dakar',
    languages: ['fr', 'wo'],
    callingCode: '221',
    phone: { prefixes: ['33555', '77555', '70555'], digits: 4 },
    neighbours: ['MRT', 'MLI', 'GMB', 'GIN'],
    routes: ['west-african-atlantic'],
    officeHours: [
      [{ days: MON_FRI, from: '08:00', to: '17:00' }],
      [
        { days: MON_THU, from: '08:00', to: '17:00' },
        { days: ['fri'], from: '08:00', to: '13:00' },
      ],
    ],
  },
  ESP: {
    timeZone: 'Europe/Madrid',
    languages: ['es'],
    callingCode: '34',
    phone: { prefixes: ['91555', '928555', '6005550'], digits: 3 },
    neighbours: ['MAR', 'DZA', 'MRT', 'SEN'],
    routes: ['western-mediterranean', 'west-african-atlantic'],
    officeHours: [[{ days: MON_FRI, from: '08:00', to: '15:00' }], [{ days: MON_FRI, from: '09:00', to: '14:30' }]],
  },
  GRC: {
    timeZone: 'Europe/Athens',
    languages: ['el'],
    callingCode: '30',
    phone: { prefixes: ['210555', '6945550'], digits: 4 },
    neighbours: ['TUR', 'ALB', 'MKD', 'BGR', 'EGY'],
    routes: ['eastern-mediterranean', 'western-balkans'],
    officeHours: [[{ days: MON_FRI, from: '07:30', to: '15:30' }], [{ days: MON_FRI, from: '08:00', to: '15:00' }]],
  },
  MAR: {
    timeZone: 'Africa/Casablanca',
    languages: ['ar', 'fr'],
    callingCode: '212',
    phone: { prefixes: ['537555', '661555'], digits: 3 },
    neighbours: ['ESP', 'DZA', 'MRT'],
    routes: ['western-mediterranean', 'west-african-atlantic'],
    officeHours: [
      [
        { days: MON_THU, from: '08:30', to: '16:30' },
        { days: ['fri'], from: '08:30', to: '11:30' },
        { days: ['fri'], from: '15:00', to: '16:30' },
      ],
      [{ days: MON_FRI, from: '08:30', to: '16:30' }],
    ],
  },
  // Where liaison officers are posted, though no agency of theirs is in the network (yet).
  TUR: {
    timeZone: 'Europe/Istanbul',
    languages: ['tr'],
    callingCode: '90',
    phone: { prefixes: ['312555'], digits: 4 },
    neighbours: ['GRC', 'BGR'],
    routes: ['eastern-mediterranean'],
    officeHours: [[{ days: MON_FRI, from: '08:30', to: '17:30' }]],
  },
  EGY: {
    timeZone: 'Africa/Cairo',
    languages: ['ar'],
    callingCode: '20',
    phone: { prefixes: ['2555'], digits: 5 },
    neighbours: ['LBY', 'SDN'],
    routes: ['central-mediterranean', 'eastern-mediterranean', 'horn-of-africa'],
    officeHours: [[{ days: SUN_THU, from: '09:00', to: '16:00' }]],
  },
  MRT: {
    timeZone: 'Africa/Nouakchott',
    languages: ['ar', 'fr'],
    callingCode: '222',
    phone: { prefixes: ['45555'], digits: 3 },
    neighbours: ['SEN', 'MLI', 'MAR'],
    routes: ['west-african-atlantic'],
    officeHours: [[{ days: MON_FRI, from: '08:00', to: '16:00' }]],
  },
  TCD: {
    timeZone: 'Africa/Ndjamena',
    languages: ['fr', 'ar'],
    callingCode: '235',
    phone: { prefixes: ['22555'], digits: 3 },
    neighbours: ['NER', 'LBY', 'SDN'],
    routes: ['central-mediterranean'],
    officeHours: [[{ days: MON_FRI, from: '07:00', to: '15:30' }]],
  },
  MLT: {
    timeZone: 'Europe/Malta',
    languages: ['mt', 'en'],
    callingCode: '356',
    phone: { prefixes: ['2555'], digits: 4 },
    neighbours: ['ITA', 'LBY'],
    routes: ['central-mediterranean'],
    officeHours: [[{ days: MON_FRI, from: '08:00', to: '16:30' }]],
  },
};

const FALLBACK_PLACE: Place = {
  timeZone: 'UTC',
  languages: ['en'],
  callingCode: '999',
  phone: { prefixes: ['555'], digits: 6 },
  neighbours: [],
  routes: ['other'],
  officeHours: [[{ days: MON_FRI, from: '08:00', to: '16:00' }]],
};

const placeOf = (c: CountryCode): Place => PLACES[c] ?? FALLBACK_PLACE;

/** Who works at an agency of a country: names as its officials write them in Latin letters. */
interface People {
  given: string[];
  /** Given names taking the feminine surname (Greek). */
  givenFeminine?: string[];
  family: string[];
  /** Spanish: two family names. */
  twoFamilyNames?: boolean;
  /** Feminine form of a family name (Greek: Papadopoulos → Papadopoulou). */
  feminine?: (family: string) => string;
  titles: TitleStyle;
  /** Languages often spoken besides the country's, with their likelihood. */
  moreLanguages: (readonly [LanguageCode, number])[];
  /** Towns and posts, in titles, desk names and notes. */
  posts: string[];
  /** Countries its liaison officers and magistrates are posted in. */
  postings: CountryCode[];
}

const PEOPLE: Partial<Record<CountryCode, People>> = {
  ITA: {
    given: ['Marco', 'Giulia', 'Francesca', 'Luca', 'Alessandro', 'Chiara', 'Giuseppe', 'Salvatore', 'Rosaria', 'Nicolò', 'Matteo'],
    family: ['Rossi', 'Bellini', 'Russo', 'Ferrara', 'Esposito', 'Lo Presti', "D'Angelo", 'Caruso', 'Greco', 'Mancuso', 'Sciortino'],
    titles: 'it',
    moreLanguages: [
      ['en', 0.7],
      ['fr', 0.25],
      ['ar', 0.04],
    ],
    posts: ['Lampedusa', 'Agrigento', 'Pozzallo', 'Augusta', 'Catania', 'Trapani', 'Palermo', 'Crotone', 'Roma Fiumicino', 'Ventimiglia'],
    postings: ['NER', 'LBY', 'TUN', 'NGA', 'EGY', 'MLT'],
  },
  NER: {
    given: ['Aïssata', 'Moussa', 'Abdoulaye', 'Hadiza', 'Issoufou', 'Mariama', 'Ibrahim', 'Fatouma', 'Souleymane', 'Zeinabou', 'Oumarou'],
    family: ['Moussa', 'Issoufou', 'Abdou', 'Hamani', 'Maïga', 'Seydou', 'Garba', 'Harouna', 'Boubacar', 'Adamou', 'Mahamane', 'Soumana'],
    titles: 'fr',
    moreLanguages: [
      ['en', 0.3],
      ['ar', 0.15],
    ],
    posts: ['Niamey', 'Agadez', 'Arlit', 'Zinder', 'Maradi', 'Dirkou', 'Tahoua', 'Assamaka'],
    postings: ['LBY', 'NGA', 'TCD'],
  },
  NGA: {
    given: [
      'Chinedu',
      'Ngozi',
      'Oluwaseun',
      'Abubakar',
      'Aisha',
      'Emeka',
      'Funmilayo',
      'Ibrahim',
      'Adaeze',
      'Babatunde',
      'Hauwa',
      'Zainab',
    ],
    family: ['Okonkwo', 'Adebayo', 'Bello', 'Eze', 'Abubakar', 'Ogunleye', 'Nwosu', 'Danjuma', 'Adeyemi', 'Okafor', 'Suleiman', 'Olawale'],
    titles: 'en',
    moreLanguages: [
      ['ha', 0.35],
      ['yo', 0.3],
      ['fr', 0.12],
    ],
    posts: ['Lagos', 'Abuja', 'Kano', 'Sokoto', 'Seme', 'Benin City', 'Katsina', 'Illela'],
    postings: ['NER', 'ITA', 'ESP'],
  },
  LBY: {
    given: ['Mohamed', 'Ahmed', 'Ali', 'Khaled', 'Salem', 'Abdelhakim', 'Fatima', 'Huda', 'Omar', 'Mabrouka', 'Tarek', 'Nouri'],
    family: ['El-Mabrouk', 'Ben Hamed', 'Al-Werfalli', 'Zuwai', 'Al-Obeidi', 'Gheriani', 'Al-Senussi', 'Ben Ali', 'Al-Tarhouni', 'Shaladi'],
    titles: 'en',
    moreLanguages: [
      ['en', 0.55],
      ['it', 0.15],
      ['fr', 0.1],
    ],
    posts: ['Tripoli', 'Zuwara', 'Sabratha', 'Misrata', 'Benghazi', 'Sabha', 'Kufra', 'Tobruk'],
    postings: ['NER', 'TUN', 'ITA'],
  },
  TUN: {
    given: ['Mohamed', 'Sami', 'Hichem', 'Leïla', 'Amira', 'Karim', 'Nabil', 'Sonia', 'Walid', 'Rym', 'Mehdi', 'Houda'],
    family: ['Ben Salah', 'Trabelsi', 'Jaziri', 'Gharbi', 'Ben Youssef', 'Chaabane', 'Mejri', 'Hammami', 'Ayari', 'Dridi', 'Zouari'],
    titles: 'fr',
    moreLanguages: [
      ['en', 0.4],
      ['it', 0.2],
    ],
    posts: ['Tunis', 'Sfax', 'Mahdia', 'Monastir', 'Zarzis', 'Ben Gardane', 'Kerkennah'],
    postings: ['LBY', 'ITA'],
  },
  MLI: {
    given: ['Amadou', 'Fatoumata', 'Mamadou', 'Aminata', 'Boubacar', 'Kadiatou', 'Seydou', 'Oumou', 'Modibo', 'Assétou', 'Djénéba'],
    family: ['Traoré', 'Keïta', 'Coulibaly', 'Diarra', 'Maïga', 'Touré', 'Sissoko', 'Diallo', 'Konaté', 'Cissé', 'Sangaré', 'Dembélé'],
    titles: 'fr',
    moreLanguages: [
      ['en', 0.2],
      ['ar', 0.1],
    ],
    posts: ['Bamako', 'Gao', 'Kayes', 'Mopti', 'Tombouctou', 'Sikasso'],
    postings: ['NER', 'SEN', 'MRT'],
  },
  SEN: {
    given: ['Abdoulaye', 'Aminata', 'Cheikh', 'Fatou', 'Mamadou', 'Awa', 'Ousmane', 'Ndèye', 'Moustapha', 'Khady', 'Ibrahima', 'Coumba'],
    family: ['Ndiaye', 'Diop', 'Fall', 'Sow', 'Sarr', 'Gueye', 'Faye', 'Diallo', 'Mbaye', 'Seck', 'Thiam', 'Diouf'],
    titles: 'fr',
    moreLanguages: [
      ['en', 0.3],
      ['es', 0.1],
    ],
    posts: ['Dakar', 'Saint-Louis', 'Mbour', 'Ziguinchor', 'Kafountine', 'Tambacounda'],
    postings: ['MRT', 'MLI', 'ESP'],
  },
  ESP: {
    given: ['José', 'María', 'Javier', 'Lucía', 'Carmen', 'Antonio', 'Pilar', 'Alejandro', 'Marta', 'Sergio', 'Begoña', 'Raúl'],
    family: ['García', 'Fernández', 'Martínez', 'López', 'Sánchez', 'Pérez', 'Gómez', 'Ruiz', 'Jiménez', 'Muñoz', 'Ibáñez', 'Domínguez'],
    twoFamilyNames: true,
    titles: 'es',
    moreLanguages: [
      ['en', 0.6],
      ['fr', 0.35],
      ['ar', 0.05],
    ],
    posts: ['Madrid', 'Algeciras', 'Ceuta', 'Melilla', 'Almería', 'Las Palmas', 'Arrecife', 'Santa Cruz de Tenerife'],
    postings: ['MAR', 'SEN', 'MRT', 'MLI'],
  },
  GRC: {
    given: ['Georgios', 'Dimitrios', 'Konstantinos', 'Ioannis', 'Nikolaos', 'Panagiotis', 'Christos', 'Athanasios'],
    givenFeminine: ['Maria', 'Eleni', 'Aikaterini', 'Vasiliki', 'Sofia', 'Angeliki', 'Eirini'],
    family: ['Papadopoulos', 'Papadakis', 'Georgiou', 'Nikolaidis', 'Karagiannis', 'Vlachos', 'Oikonomou', 'Makris', 'Stavrou', 'Antoniou'],
    feminine: (f) => f.replace(/os$/, 'ou').replace(/is$/, 'i').replace(/as$/, 'a'),
    titles: 'el',
    moreLanguages: [
      ['en', 0.8],
      ['tr', 0.05],
    ],
    posts: ['Piraeus', 'Lesvos', 'Chios', 'Samos', 'Kos', 'Rhodes', 'Evros', 'Crete'],
    postings: ['TUR', 'EGY'],
  },
  MAR: {
    given: ['Youssef', 'Fatima-Zahra', 'Mohammed', 'Khadija', 'Hicham', 'Nadia', 'Rachid', 'Salma', 'Abdelilah', 'Imane', 'Meryem'],
    family: ['El Amrani', 'Benjelloun', 'Alaoui', 'Bennani', 'Tazi', 'El Idrissi', 'Chraïbi', 'Berrada', 'Ouazzani', 'Lahlou', 'Ait Taleb'],
    titles: 'fr',
    moreLanguages: [
      ['en', 0.35],
      ['es', 0.3],
    ],
    posts: ['Rabat', 'Tanger', 'Nador', 'Oujda', 'Laâyoune', 'Dakhla', 'Tarfaya'],
    postings: ['ESP', 'SEN', 'MRT'],
  },
};

const FALLBACK_PEOPLE: People = {
  given: ['Alex', 'Sam', 'Robin', 'Jordan', 'Taylor', 'Morgan'],
  family: ['Smith', 'Jones', 'Brown', 'Taylor', 'Wilson', 'Evans'],
  titles: 'en',
  moreLanguages: [['fr', 0.3]],
  posts: ['Capital'],
  postings: [],
};

const TITLES: Record<TitleStyle, Record<DirectoryRole, string[]>> = {
  it: {
    border_control: ['Ispettore superiore', 'Sovrintendente capo', 'Commissario capo', 'Vice questore aggiunto'],
    police_investigation: ['Commissario capo — Squadra mobile', 'Ispettore — Servizio centrale operativo', 'Vice questore — SCO'],
    immigration: ['Ufficio immigrazione — Questura', 'Ispettore — Ufficio immigrazione'],
    prosecutor: ['Sostituto procuratore — DDA', 'Procuratore aggiunto', 'Sostituto procuratore'],
    central_authority_mla: ['Ufficio II — Cooperazione internazionale, Ministero della Giustizia'],
    liaison_officer: ['Ufficiale di collegamento', 'Esperto per la sicurezza'],
    liaison_magistrate: ['Magistrato di collegamento'],
    consular: ['Addetto consolare'],
    network_focal_point: ['Punto di contatto nazionale', 'Servizio per la cooperazione internazionale di polizia'],
    protection: ['Assistente sociale — tutela minori', 'Referente vittime di tratta'],
  },
  fr: {
    border_control: ['Commissaire de police', 'Officier de police — poste frontière', 'Inspecteur de police', 'Commandant de brigade'],
    police_investigation: ['Officier de police judiciaire', 'Commissaire principal', 'Chef de la brigade de recherches'],
    immigration: ['Direction de la surveillance du territoire', 'Officier — contrôle des documents'],
    prosecutor: ['Procureur de la République adjoint', 'Substitut du procureur', 'Juge d’instruction', 'Procureur général'],
    central_authority_mla: ['Direction des affaires pénales — entraide judiciaire', 'Autorité centrale — entraide pénale internationale'],
    liaison_officer: ['Officier de liaison', 'Attaché de sécurité intérieure'],
    liaison_magistrate: ['Magistrat de liaison'],
    consular: ['Agent consulaire', 'Consul adjoint'],
    network_focal_point: ['Point focal national', 'Bureau central national INTERPOL'],
    protection: ['Protection de l’enfance', 'Point focal assistance aux victimes'],
  },
  en: {
    border_control: ['Chief Inspector', 'Deputy Superintendent', 'Border Patrol Commander', 'Assistant Comptroller'],
    police_investigation: ['Detective Inspector', 'Deputy Superintendent of Police', 'Head of Anti-Smuggling Unit'],
    immigration: ['Assistant Comptroller of Immigration', 'Immigration Officer — Document Fraud', 'Deputy Comptroller'],
    prosecutor: ['Senior State Counsel', 'Principal State Counsel', 'Deputy Director of Public Prosecutions'],
    central_authority_mla: ['Director, Central Authority Unit', 'Central Authority — International Cooperation'],
    liaison_officer: ['Liaison Officer', 'Immigration Liaison Officer'],
    liaison_magistrate: ['Liaison Magistrate'],
    consular: ['Consular Officer', 'Vice-Consul'],
    network_focal_point: ['National Focal Point', 'INTERPOL NCB Officer'],
    protection: ['Victim Support Officer', 'Child Protection Focal Point'],
  },
  es: {
    border_control: ['Inspector jefe', 'Comisario', 'Subinspector — puesto fronterizo', 'Comandante — Guardia Civil'],
    police_investigation: ['Inspector — UCRIF', 'Comisario principal', 'Jefe de grupo — UCRIF Central'],
    immigration: ['Inspector — Extranjería', 'Jefe de sección — Documentación'],
    prosecutor: ['Fiscal de Extranjería', 'Fiscal adjunto', 'Fiscal delegado'],
    central_authority_mla: ['Subdirección General de Cooperación Jurídica Internacional'],
    liaison_officer: ['Consejero de Interior', 'Agregado de Interior', 'Oficial de enlace'],
    liaison_magistrate: ['Magistrado de enlace'],
    consular: ['Canciller — Consulado'],
    network_focal_point: ['Punto de contacto nacional', 'Oficina SIRENE'],
    protection: ['Protección de menores', 'Unidad de atención a víctimas'],
  },
  el: {
    border_control: ['Lieutenant Commander, HCG', 'Ensign, HCG', 'Police Lieutenant — Border Guard'],
    police_investigation: ['Police Captain — Anti-Trafficking Unit', 'Lieutenant — Smuggling Investigations'],
    immigration: ['Officer — Reception and Identification Service', 'Aliens Division'],
    prosecutor: ['Public Prosecutor', 'Deputy Prosecutor, Court of First Instance', 'Prosecutor of the Court of Appeal'],
    central_authority_mla: ['Ministry of Justice — Mutual Legal Assistance'],
    liaison_officer: ['Police Liaison Officer', 'Coast Guard Liaison Officer'],
    liaison_magistrate: ['Liaison Magistrate'],
    consular: ['Consular Attaché'],
    network_focal_point: ['National Contact Point', 'INTERPOL NCB Athens'],
    protection: ['Special Secretariat for the Protection of Unaccompanied Minors'],
  },
};

/** Desks: situation rooms answer day and night, the others keep long office hours. */
const DESKS: Record<TitleStyle, { name: string; role: DirectoryRole; always: boolean; competences?: Competence[] }[]> = {
  it: [
    { name: 'Sala operativa', role: 'border_control', always: true },
    { name: 'Centro nazionale di coordinamento', role: 'border_control', always: true },
    { name: 'SCIP — Sala operativa internazionale', role: 'network_focal_point', always: true, competences: ['informal_contact'] },
    { name: 'Ufficio di polizia di frontiera', role: 'border_control', always: false },
    { name: 'Squadra mobile — sezione immigrazione', role: 'police_investigation', always: false },
    { name: 'Gabinetto di polizia scientifica — documenti', role: 'immigration', always: false, competences: ['document_examination'] },
  ],
  fr: [
    { name: 'Permanence 24/7', role: 'police_investigation', always: true },
    { name: 'Salle de commandement', role: 'border_control', always: true },
    { name: 'Bureau central national INTERPOL', role: 'network_focal_point', always: true, competences: ['informal_contact'] },
    { name: 'Poste frontière', role: 'border_control', always: false },
    { name: 'Bureau de l’entraide pénale', role: 'central_authority_mla', always: false, competences: ['mla', 'extradition'] },
    { name: 'Cellule fraude documentaire', role: 'immigration', always: false, competences: ['document_examination'] },
  ],
  en: [
    { name: 'Operations Room', role: 'border_control', always: true },
    { name: 'Duty Desk', role: 'police_investigation', always: true },
    { name: 'INTERPOL NCB', role: 'network_focal_point', always: true, competences: ['informal_contact'] },
    { name: 'Document Fraud Desk', role: 'immigration', always: false, competences: ['document_examination'] },
    { name: 'Anti-Smuggling Unit', role: 'police_investigation', always: false },
    { name: 'Central Authority Desk', role: 'central_authority_mla', always: false, competences: ['mla', 'extradition'] },
  ],
  es: [
    { name: 'Centro de Coordinación Regional', role: 'border_control', always: true },
    { name: 'Sala del 091 — guardia', role: 'police_investigation', always: true },
    { name: 'Oficina SIRENE', role: 'network_focal_point', always: true, competences: ['informal_contact'] },
    { name: 'Puesto fronterizo', role: 'border_control', always: false },
    { name: 'UCRIF — brigada provincial', role: 'police_investigation', always: false },
    { name: 'Laboratorio de documentoscopia', role: 'immigration', always: false, competences: ['document_examination'] },
  ],
  el: [
    { name: 'JRCC', role: 'border_control', always: true },
    { name: 'Operations Centre', role: 'border_control', always: true },
    { name: 'SIRENE Bureau', role: 'network_focal_point', always: true, competences: ['informal_contact'] },
    { name: 'Port Authority', role: 'border_control', always: false },
    { name: 'Anti-Smuggling Department', role: 'police_investigation', always: false },
    { name: 'Forensic Document Unit', role: 'immigration', always: false, competences: ['document_examination'] },
  ],
};

/** A network's mix of people: front line most, judicial fewer, central authorities few. */
const ROLE_WEIGHTS: (readonly [DirectoryRole, number])[] = [
  ['border_control', 30],
  ['police_investigation', 24],
  ['immigration', 12],
  ['prosecutor', 9],
  ['liaison_officer', 6],
  ['protection', 5],
  ['consular', 4],
  ['network_focal_point', 4],
  ['central_authority_mla', 2],
  ['liaison_magistrate', 1],
];
/** A judicial agency (a prosecution service, a judicial pole) is mostly magistrates. */
const JUDICIAL_ROLE_WEIGHTS: (readonly [DirectoryRole, number])[] = [
  ['prosecutor', 45],
  ['police_investigation', 20],
  ['central_authority_mla', 10],
  ['liaison_magistrate', 3],
  ['network_focal_point', 6],
  ['protection', 8],
  ['border_control', 8],
];
/** A second role some people hold. */
const SECOND_ROLE: Partial<Record<DirectoryRole, DirectoryRole[]>> = {
  prosecutor: ['central_authority_mla', 'network_focal_point'],
  police_investigation: ['network_focal_point', 'border_control'],
  border_control: ['immigration'],
  immigration: ['border_control'],
  liaison_officer: ['network_focal_point'],
  consular: ['protection'],
};

/** Competences that fit each role, with their likelihood. */
const COMPETENCE_ODDS: Record<DirectoryRole, (readonly [Competence, number])[]> = {
  prosecutor: [
    ['mla', 0.6],
    ['extradition', 0.4],
    ['joint_investigation_team', 0.3],
    ['financial_investigation', 0.2],
    ['informal_contact', 0.3],
  ],
  central_authority_mla: [
    ['mla', 1],
    ['extradition', 0.7],
    ['informal_contact', 0.4],
  ],
  liaison_magistrate: [
    ['mla', 1],
    ['extradition', 0.8],
    ['joint_investigation_team', 0.5],
    ['informal_contact', 0.9],
  ],
  liaison_officer: [
    ['informal_contact', 0.85],
    ['joint_investigation_team', 0.2],
    ['document_examination', 0.1],
  ],
  police_investigation: [
    ['financial_investigation', 0.2],
    ['joint_investigation_team', 0.1],
    ['informal_contact', 0.1],
  ],
  border_control: [['document_examination', 0.25]],
  immigration: [['document_examination', 0.4]],
  consular: [['document_examination', 0.2]],
  network_focal_point: [
    ['informal_contact', 0.9],
    ['mla', 0.3],
  ],
  protection: [],
};

/** Roles whose people work on particular routes. */
const ON_ROUTES = new Set<DirectoryRole>(['border_control', 'police_investigation', 'immigration', 'liaison_officer', 'prosecutor']);

const ABSENCE_NOTES = ['annual leave', 'mission', 'training', 'congé annuel', 'ferie', 'on mission to the capital'];

function notesFor(d: Dice, post: string, routes: RouteRegion[], competences: Competence[], covers: CountryCode[]): string | undefined {
  const route = routes[0] ? ROUTE_REGION_LABELS[routes[0]] : undefined;
  const options = [
    'Prefers WhatsApp for a first contact; anything formal by e-mail.',
    'Send requests in French or English; an Italian or Spanish copy is welcome.',
    `Handles cases from ${post} and the surrounding coast.`,
    'Out of hours, call the duty desk and ask for the on-call officer.',
    'Please copy the unit’s shared mailbox on every request.',
    'Answers informal questions before a formal request is sent.',
    ...(route ? [`Working on the ${route} route since 2021.`] : []),
    ...(competences.includes('extradition') ? ['Extradition requests through the central authority; informal advice first.'] : []),
    ...(competences.includes('mla') ? ['Mutual legal assistance: send a draft first, the formal request follows.'] : []),
    ...(covers.length > 0 ? [`Also responsible for ${covers.join(', ')}.`] : []),
  ];
  return d.pick(options);
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function localPart(s: string): string {
  return foldText(s)
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
}

function phoneIn(d: Dice, country: CountryCode): string {
  const p = placeOf(country);
  return `+${p.callingCode}${d.pick(p.phone.prefixes)}${d.digits(p.phone.digits)}`;
}

function languagesFor(d: Dice, base: Place, people: People, postedIn: Place | undefined): LanguageCode[] {
  const langs = new Set<LanguageCode>();
  // The country's first language always; its others (Hausa in Niger, French in the Maghreb) by most.
  langs.add(base.languages[0] as LanguageCode);
  for (const l of base.languages.slice(1)) if (d.chance(0.7)) langs.add(l);
  for (const [l, p] of people.moreLanguages) if (d.chance(p)) langs.add(l);
  if (postedIn) {
    langs.add(postedIn.languages[0] as LanguageCode);
    if (d.chance(0.7)) langs.add('en');
  }
  return [...langs];
}

interface AgencyContext {
  agency: AgencySpec;
  place: Place;
  people: People;
  judicial: boolean;
  admins: string[];
  emails: Set<string>;
}

function personName(d: Dice, people: People): string {
  const feminine = people.givenFeminine !== undefined && d.chance(0.45);
  const givenNames = feminine ? (people.givenFeminine as string[]) : people.given;
  const given = d.pick(givenNames);
  let family = d.pick(people.family);
  if (feminine && people.feminine) family = people.feminine(family);
  if (people.twoFamilyNames) family = `${family} ${d.pick(people.family)}`;
  // A few carry a second given name, as officials often write it.
  const second = d.chance(0.08) ? ` ${d.pick(givenNames.filter((g) => g !== given))}` : '';
  return `${given}${second} ${family}`;
}

function uniqueEmail(ctx: AgencyContext, local: string, d: Dice): string {
  let candidate = local;
  while (ctx.emails.has(candidate)) candidate = `${local}${d.int(2, 999)}`;
  ctx.emails.add(candidate);
  return `${candidate}@${ctx.agency.id}.example.org`;
}

function entryOf(d: Dice, ctx: AgencyContext, refMs: number): DirectoryEntryInput {
  const { agency, place, people } = ctx;
  const country = agency.country as CountryCode;
  const desk = d.chance(0.1);
  const post = d.pick(people.posts);

  let name: string;
  let title: string | undefined;
  let roles: DirectoryRole[];
  let competences: Competence[] = [];
  let always = false;
  if (desk) {
    const kinds = DESKS[people.titles];
    // Half the desks are 24/7 (5 % of all entries).
    const wantAlways = d.chance(0.5);
    const k = d.pick(kinds.filter((x) => x.always === wantAlways));
    name = `${k.name} — ${post}`;
    roles = [k.role];
    competences = [...(k.competences ?? [])];
    always = k.always;
  } else {
    name = personName(d, people);
    const role = d.weighted(ctx.judicial ? JUDICIAL_ROLE_WEIGHTS : ROLE_WEIGHTS);
    roles = [role];
    const second = SECOND_ROLE[role];
    if (second && d.chance(0.15)) roles.push(d.pick(second));
    for (const r of roles) for (const [c, p] of COMPETENCE_ODDS[r]) if (!competences.includes(c) && d.chance(p)) competences.push(c);
    if (d.chance(0.9)) {
      const t = d.pick(TITLES[people.titles][role]);
      // National posts carry no town; the others say where (after a comma when the title has a dash already).
      const national = role === 'central_authority_mla' || role === 'liaison_officer' || role === 'liaison_magistrate';
      title = national ? t : t.includes('—') ? `${t}, ${post}` : `${t} — ${post}`;
    }
  }

  // Liaison officers and magistrates: many are posted abroad, covering the posting and its neighbours.
  let postedIn: CountryCode | undefined;
  let covers: CountryCode[] = [];
  const liaison = roles.includes('liaison_officer') || roles.includes('liaison_magistrate');
  if (liaison && people.postings.length > 0 && d.chance(0.6)) {
    postedIn = d.pick(people.postings);
    const around = placeOf(postedIn).neighbours.filter((c) => c !== country);
    covers = [postedIn, ...d.some(around, d.int(0, 2))];
  } else if (!desk && d.chance(0.08) && place.neighbours.length > 0) {
    // A regional contact who also answers for neighbouring countries.
    covers = d.some(place.neighbours, d.int(1, 2));
  }
  const posting = postedIn ? placeOf(postedIn) : undefined;

  let routes: RouteRegion[] = [];
  if (posting) routes = d.some(posting.routes, 1);
  else if (desk ? d.chance(0.5) : roles.some((r) => ON_ROUTES.has(r)) && d.chance(0.65))
    routes = d.chance(0.7) ? [place.routes[0] as RouteRegion] : d.some(place.routes, d.int(1, 2));

  const networks = agency.networks ?? [];
  const entryNetworks = roles.includes('network_focal_point')
    ? networks
    : d.weighted<string[]>([
        [networks, 60],
        [[], 25],
        [networks.slice(0, 1), 15],
      ]);

  // Hours in the local time zone: the office's week, sometimes with a Saturday morning or part time.
  const timeZone = posting?.timeZone ?? place.timeZone;
  let hours: Hours[] = [];
  if (desk && !always) hours = [{ days: EVERY_DAY.slice(0, 6), from: '07:00', to: '21:00' }];
  else if (!always) {
    hours = structuredClone(d.pick((posting ?? place).officeHours));
    if (d.chance(0.1) && !hours.some((h) => h.days.includes('sat'))) hours.push({ days: ['sat'], from: '08:00', to: '12:00' });
    if (d.chance(0.05))
      hours = hours.map((h) => ({ ...h, days: h.days.filter((x) => x !== 'thu' && x !== 'fri') })).filter((h) => h.days.length > 0);
  }
  const absences: { from: string; to: string; note?: string }[] = [];
  if (!desk && d.chance(0.03)) {
    const from = refMs + d.int(-10, 30) * 86_400_000;
    absences.push({ from: isoDay(from), to: isoDay(from + d.int(1, 20) * 86_400_000), note: d.pick(ABSENCE_NOTES) });
  }

  const channels: { type: 'phone' | 'email' | 'secure_messaging' | 'fax'; value: string; label?: string }[] = [];
  const local = desk ? localPart(`${name.split(' — ')[0]} ${post}`) : localPart(name);
  if (desk) {
    channels.push({ type: 'phone', value: phoneIn(d, country), label: always ? '24/7' : 'office' });
    channels.push({ type: 'email', value: uniqueEmail(ctx, local, d) });
    if (d.chance(0.25)) channels.push({ type: 'fax', value: phoneIn(d, country) });
    if (d.chance(0.3)) channels.push({ type: 'secure_messaging', value: `@${local}:${agency.id}.example.org`, label: 'Matrix' });
  } else {
    if (d.chance(0.95)) channels.push({ type: 'email', value: uniqueEmail(ctx, local, d) });
    if (channels.length === 0 || d.chance(0.85))
      channels.push({ type: 'phone', value: phoneIn(d, postedIn ?? country), label: d.chance(0.3) ? 'mobile (WhatsApp)' : 'mobile' });
    if (d.chance(0.3)) channels.push({ type: 'phone', value: phoneIn(d, country), label: 'office' });
    if (d.chance(0.2)) channels.push({ type: 'secure_messaging', value: `@${local}:${agency.id}.example.org`, label: 'Matrix' });
  }

  // Two thirds confirmed within the last 180 days, a third longer ago (up to two years): stale.
  const age = d.chance(2 / 3) ? d.int(0, 179) : d.int(181, 729);
  const notes = d.chance(0.15) ? notesFor(d, post, routes, competences, covers) : undefined;
  const verifiedBy = d.chance(0.6) ? d.pick(ctx.admins) : undefined;

  return {
    id: d.uuid(),
    agency: agency.id,
    country,
    kind: desk ? 'desk' : 'person',
    name,
    ...(title ? { title } : {}),
    roles,
    competences,
    networks: entryNetworks,
    ...(postedIn ? { postedIn } : {}),
    covers,
    languages: languagesFor(d, place, people, posting),
    availability: { always, timeZone, hours, absences },
    channels,
    routes,
    ...(notes ? { notes } : {}),
    lastVerified: isoDay(refMs - age * 86_400_000),
    ...(verifiedBy ? { verifiedBy } : {}),
  };
}

const JUDICIAL = /judiciaire|procura|fiscal|prosecut|justice|parquet|magistra/i;

/**
 * `total` entries spread evenly over `agencies` (the first ones get one more when it does not
 * divide), each agency's entries fitting its country. `reference` is the day confirmations are
 * counted back from (today by default, so stale marks are as they would be now).
 */
export function generateDirectory(
  agencies: AgencySpec[],
  total: number,
  seed = 2026,
  reference: Date = new Date(),
): Record<string, DirectoryEntryInput[]> {
  const refMs = Date.parse(`${reference.toISOString().slice(0, 10)}T00:00:00Z`);
  const out: Record<string, DirectoryEntryInput[]> = {};
  for (const [i, agency] of agencies.entries()) {
    const n = Math.floor(total / agencies.length) + (i < total % agencies.length ? 1 : 0);
    // One stream per agency: adding an agency leaves the others' entries as they were.
    const d = new Dice(mulberry32(seed * 7919 + i * 104_729 + 1));
    const people = PEOPLE[agency.country as CountryCode] ?? FALLBACK_PEOPLE;
    const ctx: AgencyContext = {
      agency,
      place: placeOf(agency.country as CountryCode),
      people,
      judicial: JUDICIAL.test(agency.name),
      admins: Array.from({ length: 3 }, () => personName(d, people)),
      emails: new Set(),
    };
    out[agency.id] = Array.from({ length: n }, () => entryOf(d, ctx, refMs));
  }
  return out;
}

/** How the generated entries spread, for a benchmark's log: kinds, roles, competences, staleness. */
export function describeDirectory(directory: Record<string, DirectoryEntryInput[]>, now = new Date()): Record<string, number> {
  const all = Object.values(directory).flat();
  const count = (p: (e: DirectoryEntryInput) => boolean) => all.filter(p).length;
  const staleBefore = isoDay(now.getTime() - 180 * 86_400_000);
  return {
    entries: all.length,
    desks: count((e) => e.kind === 'desk'),
    always: count((e) => e.availability.always),
    posted: count((e) => e.postedIn !== undefined),
    stale: count((e) => e.lastVerified < staleBefore),
    ...Object.fromEntries(
      (Object.keys(COMPETENCE_LABELS) as Competence[]).map((c) => [`competence:${c}`, count((e) => e.competences?.includes(c) ?? false)]),
    ),
    ...Object.fromEntries(ROLE_WEIGHTS.map(([r]) => [`role:${r}`, count((e) => e.roles.includes(r))])),
  };
}
