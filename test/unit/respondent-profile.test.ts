// How the respondent page words its country's profile (server/respondent/public/profile-view.js,
// the very file the browser loads, with its dictionaries): not-applicable areas, gaps that cannot
// read as contradicting the band, the review state and the organizers' contact.
import fs from 'node:fs';
import path from 'node:path';
import { respondentPublicDir } from '../../server/paths';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { profileView } = require('../../server/respondent/public/profile-view.js');

const words = (locale: string) =>
  JSON.parse(fs.readFileSync(path.join(respondentPublicDir, 'i18n', `${locale}.json`), 'utf8'));

const area = (over: Record<string, unknown>) => ({
  area: 'A1',
  status: 'scored',
  capacity: 75,
  target: 100,
  gap: 25,
  priority: 20,
  band: 'fully meets',
  completeness: 1,
  applicable: 4,
  ...over,
});

const view = (areas: unknown[], locale = 'en', extra: Record<string, unknown> = {}) =>
  profileView(
    { scores: { areas }, status: 'submitted', date: '1/12/2026', names: (a: string) => `Area ${a}`, ...extra },
    words(locale),
  );

describe('When every indicator of an area is not applicable', () => {
  it.each(['en', 'fr', 'es'])('then the area reads as not applicable, never as insufficient data (%s)', (locale) => {
    const t = words(locale);
    const v = view(
      [
        area({
          status: 'insufficient data',
          capacity: null,
          gap: null,
          priority: null,
          band: null,
          completeness: 0,
          applicable: 0,
        }),
      ],
      locale,
    );
    expect(v.areas[0]).toMatchObject({
      kind: 'na',
      capacity: null,
      completeness: null,
      assessment: t.profile.notApplicable,
    });
    expect(JSON.stringify(v)).not.toContain(t.bands['insufficient data']);
  });
});

describe('When an area has applicable indicators but too few answers', () => {
  it('then it reads as insufficient data with its completeness', () => {
    const v = view([area({ status: 'insufficient data', capacity: null, gap: null, band: null, completeness: 0.25 })]);
    expect(v.areas[0]).toMatchObject({ kind: 'insufficient', assessment: 'insufficient data', completeness: 25 });
    expect(v.areas[0].numbers).toContain('25 %');
  });
});

describe('When an area fully meets the standard and still has a gap of 25', () => {
  it('then the gap is worded as the distance to the country’s own target, and the scale is explained', () => {
    const v = view([area({})]);
    expect(v.areas[0].assessment).toBe('Assessment: fully meets');
    expect(v.areas[0].gapText).toBe('25 points below your own target');
    expect(v.areas[0].numbers).toBe('Capacity 75 · target 100 · gap 25 · priority 20 · completeness 100 %');
    expect(v.explain.join(' ')).toMatch(/0 to 100/);
    expect(v.explain.join(' ')).toMatch(/target your country set for itself/);
    expect(v.alt).toContain('Area A1: capacity 75, target 100');
  });
  it('then a reached target is said so (fr)', () => {
    expect(view([area({ gap: 0, target: 50 })], 'fr').areas[0].gapText).toBe('votre propre cible est atteinte');
  });
});

describe('When the response is submitted or approved', () => {
  it('then the state and what happens next follow the review, and the contact is named when the round gives one', () => {
    const submitted = view([area({})], 'es', { contact: { name: 'Amina', email: 'a@example.org' } });
    expect(submitted.state).toBe(words('es').profile.state.submitted);
    expect(submitted.next).toBe(words('es').profile.next.submitted);
    expect(submitted).toMatchObject({ contactName: 'Amina, a@example.org', email: 'a@example.org' });
    const approved = view([area({})], 'en', { status: 'approved' });
    expect(approved.state).toBe('Approved by the organizers.');
    expect(approved).toMatchObject({ contact: words('en').profile.contactNone, contactName: null, email: null });
  });
  it('then without scores nothing is shown', () => {
    expect(profileView({ scores: null, names: String }, words('en'))).toBeNull();
  });
});
