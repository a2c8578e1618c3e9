// What a country's respondents see of matching: which partnerships and suggestions are selected
// (server/matching-runs/country-partnerships.ts) and how the page words them
// (server/respondent/public/partnerships.js, the very file the browser loads, with its dictionaries).
import fs from 'node:fs';
import path from 'node:path';
import type { StoredMatch } from '../../server/matching-runs/compute-run';
import {
  selectCountryPartnerships,
  topPriorityAreas,
  type PartnershipInputs,
} from '../../server/matching-runs/country-partnerships';
import type { DecisionView } from '../../server/matching-runs/match-decisions';
import type { StoredRun } from '../../server/matching-runs/match-runs';
import { respondentPublicDir } from '../../server/paths';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { partnershipsView } = require('../../server/respondent/public/partnerships.js');

const words = (locale: string) =>
  JSON.parse(fs.readFileSync(path.join(respondentPublicDir, 'i18n', `${locale}.json`), 'utf8'));

const names: Record<string, { en: string; fr: string; es: string }> = {
  KEN: { en: 'Kenya', fr: 'Kenya', es: 'Kenya' },
  ETH: { en: 'Ethiopia', fr: 'Éthiopie', es: 'Etiopía' },
  'gov:KEN': { en: 'Kenya', fr: 'Kenya', es: 'Kenya' },
  'gov:ETH': { en: 'Ethiopia', fr: 'Éthiopie', es: 'Etiopía' },
  org1: { en: 'Data Institute', fr: 'Institut des données', es: 'Instituto de Datos' },
};

function match(country: string, area: string, providerId: string): StoredMatch {
  const provider = names[providerId];
  return {
    id: `${country}-${area}-${providerId}`,
    country,
    area,
    providerId,
    countryName: names[country],
    areaName: { en: `${area} name`, fr: `${area} nom`, es: `${area} nombre` },
    providerKind: providerId.startsWith('gov:') ? 'government' : 'academia',
    providerCountry: providerId.startsWith('gov:') ? providerId.slice(4) : null,
    providerName: provider,
    score: 50,
    value: 1,
    pinned: false,
    kept: false,
    slots: { free: 1, of: 2 },
    terms: [],
    explanation: {
      en: `${provider.en} vs your 25 on ${area}`,
      fr: `${provider.fr} contre 25 pour vous en ${area}`,
      es: `${provider.es} frente a sus 25 en ${area}`,
    },
  };
}

const run = (n: number, matches: StoredMatch[]) => ({ n, matches }) as unknown as StoredRun;

function decision(m: StoredMatch, status: DecisionView['status'], n = 1): DecisionView {
  return {
    id: `r|${m.country}|${m.area}|${m.providerId}`,
    country: m.country,
    area: m.area,
    providerId: m.providerId,
    run: n,
    status,
    decidedBy: 'organizer@example.org',
    decidedAt: '2026-01-01T00:00:00.000Z',
    requester: null,
    provider: null,
  };
}

const ethA1Kenya = match('ETH', 'A1', 'gov:KEN');
const ethA1Org = match('ETH', 'A1', 'org1');
const ethA2Org = match('ETH', 'A2', 'org1');
const ethA5Kenya = match('ETH', 'A5', 'gov:KEN');
const first = run(1, [ethA1Kenya, ethA1Org, ethA2Org, ethA5Kenya]);

const inputs = (over: Partial<PartnershipInputs> = {}): PartnershipInputs => ({
  country: 'ETH',
  locale: 'fr',
  decisions: [],
  runs: new Map([[1, first]]),
  latest: first,
  showSuggestions: false,
  topAreas: ['A1', 'A2'],
  ...over,
});

describe('When the partnerships of a country are selected', () => {
  it('then confirmed and accepted pairs are listed, with the explanation for the requester only, rejected and declined ones never', () => {
    const decisions = [
      decision(ethA1Kenya, 'confirmed'),
      decision(ethA2Org, 'accepted'),
      decision(ethA1Org, 'rejected'),
      decision(ethA5Kenya, 'declined'),
    ];
    expect(selectCountryPartnerships(inputs({ decisions })).partnerships).toEqual([
      {
        role: 'requester',
        area: 'A1',
        areaName: 'A1 nom',
        partner: 'Kenya',
        partnerKind: 'government',
        status: 'confirmed',
        explanation: 'Kenya contre 25 pour vous en A1',
      },
      {
        role: 'requester',
        area: 'A2',
        areaName: 'A2 nom',
        partner: 'Institut des données',
        partnerKind: 'academia',
        status: 'accepted',
        explanation: 'Institut des données contre 25 pour vous en A2',
      },
    ]);
    const kenya = selectCountryPartnerships(inputs({ country: 'KEN', locale: 'es', decisions }));
    expect(kenya.partnerships).toEqual([
      {
        role: 'provider',
        area: 'A1',
        areaName: 'A1 nombre',
        partner: 'Etiopía',
        partnerKind: 'government',
        status: 'confirmed',
        explanation: null,
      },
    ]);
  });

  it('then suggestions come only where the round shows them, for the top areas, without pairs already decided', () => {
    expect(selectCountryPartnerships(inputs()).suggestions).toEqual([]);
    const shown = selectCountryPartnerships(
      inputs({ showSuggestions: true, locale: 'en', decisions: [decision(ethA1Kenya, 'confirmed')] }),
    );
    expect(shown.suggestions).toEqual([
      {
        area: 'A1',
        areaName: 'A1 name',
        partners: [
          { partner: 'Data Institute', partnerKind: 'academia', explanation: 'Data Institute vs your 25 on A1' },
        ],
      },
      {
        area: 'A2',
        areaName: 'A2 name',
        partners: [
          { partner: 'Data Institute', partnerKind: 'academia', explanation: 'Data Institute vs your 25 on A2' },
        ],
      },
    ]); // A5 is not a top area
    expect(selectCountryPartnerships(inputs({ showSuggestions: true, latest: null })).suggestions).toEqual([]);
  });

  it('then the top areas are the scored ones with a gap, highest priority first', () => {
    const areas = [
      { area: 'A1', status: 'scored', priority: 40 },
      { area: 'A2', status: 'scored', priority: 75 },
      { area: 'A3', status: 'insufficient data', priority: null },
      { area: 'A4', status: 'scored', priority: 0 },
      { area: 'A5', status: 'scored', priority: 40 },
      { area: 'A6', status: 'scored', priority: 10 },
    ];
    expect(topPriorityAreas(areas)).toEqual(['A2', 'A1', 'A5']);
    expect(topPriorityAreas(areas, 10)).toEqual(['A2', 'A1', 'A5', 'A6']);
  });
});

describe('When the respondent page words the partnerships', () => {
  it('then nothing is shown before approval', () => {
    expect(partnershipsView({ approved: false, partnerships: [], suggestions: [] }, words('en'))).toBeNull();
    expect(partnershipsView(null, words('en'))).toBeNull();
  });

  it('then an approved country without partnerships is told so, without a suggestions heading', () => {
    const view = partnershipsView({ approved: true, partnerships: [], suggestions: [] }, words('es'));
    expect(view).toMatchObject({
      title: 'Las alianzas de su país',
      none: words('es').partnershipsNone,
      partnerships: [],
      suggestionsTitle: null,
      suggestions: [],
    });
  });

  it('then each partnership and suggestion reads in the page language, with its kind, status and explanation', () => {
    const data = {
      approved: true,
      ...selectCountryPartnerships(inputs({ showSuggestions: true, decisions: [decision(ethA1Kenya, 'confirmed')] })),
    };
    const view = partnershipsView(data, words('fr'));
    expect(view.title).toBe('Les partenariats de votre pays');
    expect(view.none).toBeNull();
    expect(view.why).toBe('Pourquoi');
    expect(view.partnerships).toEqual([
      {
        role: 'requester',
        area: 'A1',
        title: 'Kenya accompagne votre pays en A1 nom',
        meta: 'gouvernement pair · confirmé par les organisateurs, mises en relation envoyées',
        explanation: 'Kenya contre 25 pour vous en A1',
      },
    ]);
    expect(view.suggestionsTitle).toBe('Partenaires suggérés pour vos domaines prioritaires');
    expect(view.suggestions.map((s: { heading: string }) => s.heading)).toEqual(['A1 nom', 'A2 nom']);
    expect(view.suggestions[0].partners).toEqual([
      {
        title: 'Institut des données',
        meta: 'milieu universitaire',
        explanation: 'Institut des données contre 25 pour vous en A1',
      },
    ]);
    const peer = partnershipsView(
      {
        approved: true,
        ...selectCountryPartnerships(
          inputs({ country: 'KEN', locale: 'en', decisions: [decision(ethA1Kenya, 'confirmed')] }),
        ),
      },
      words('en'),
    );
    expect(peer.partnerships[0]).toMatchObject({
      title: 'Your country shares its experience with Ethiopia on A1 name',
      explanation: null,
    });
  });
});
