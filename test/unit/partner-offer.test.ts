// The partner-offer questionnaire's answers read as a partner offer and back, and errors about
// the offer placed on the question they came from.
import { answersFromOffer, offerFromAnswers, questionOfOfferField } from '../../server/partners/partner-offer';
import type { PartnerInput } from '../../server/partners/partner.schemas';

const offer: PartnerInput = {
  name: { en: 'Sahel Data Lab', fr: 'Laboratoire de données du Sahel' },
  kind: 'academia',
  areas: [{ area: 'A1' }, { area: 'A9' }],
  modalities: ['training'],
  scope: { global: false, regions: ['Western Africa'], countries: ['NER', 'MLI'] },
  languages: ['fra', 'eng'],
  slots: { total: 3 },
  contacts: [
    { name: 'Aissata Maiga', email: 'aissata@sdl.example', language: 'fr' },
    { name: 'John Doe', email: 'john@sdl.example', language: 'en' },
  ],
  notes: 'Field teams in Niamey.',
};

describe('partner offer answers', () => {
  test('When an offer is written as answers and read back, then it is the same offer', () => {
    expect(offerFromAnswers(answersFromOffer(offer))).toEqual(offer);
  });

  test('When countries are typed loosely, then they are read as distinct upper-case codes', () => {
    const read = offerFromAnswers({ ...answersFromOffer(offer), countries: ' ner; mli ,NER  ken' });
    expect(read.scope.countries).toEqual(['NER', 'MLI', 'KEN']);
  });

  test('When contact slots are left empty, then they are not contacts', () => {
    const answers = answersFromOffer({ ...offer, contacts: [offer.contacts[0]] });
    expect(offerFromAnswers(answers).contacts).toEqual([offer.contacts[0]]);
  });

  test('When an error names a field of the offer, then it is placed on its question', () => {
    expect(questionOfOfferField('body.contacts.1.email')).toBe('contact2_email');
    expect(questionOfOfferField('body.scope.regions.0')).toBe('regions');
    expect(questionOfOfferField('body.name.fr')).toBe('name_fr');
    expect(questionOfOfferField('body.slots.total')).toBe('slots');
    expect(questionOfOfferField('body.languages.1')).toBe('languages');
  });
});
