// A submitted declaration read as a partner offer and checked like any partner (the registry's
// schema, then the reference facts), each problem reported on the question it came from, in the
// partner's language. survey-core has already checked what the questionnaire can say (required
// answers, emails, whole numbers); what is left is what only the registry knows: country codes
// that do not exist, one email given for two contacts, nowhere to work. Pure: the facts come in.
import { compileSchema, toFieldErrors, type FieldError } from '../http/ajv';
import type { Locale } from '../i18n/locales';
import { offerFromAnswers, questionOfOfferField, type OfferAnswers } from '../partners/partner-offer';
import { checkPartnerFacts, type ReferenceVocabulary } from '../partners/partner-facts';
import { partnerInputSchema, type PartnerInput } from '../partners/partner.schemas';

const messages: Record<Locale, Record<'countries' | 'email' | 'scope' | 'other', string>> = {
  en: {
    countries: 'Not a country code we know: {value}. Use three-letter ISO codes, e.g. KEN, SEN.',
    email: 'This address is already given for another contact.',
    scope: 'Name the regions or countries where you work, or answer that you work worldwide.',
    other: 'This answer cannot be used as it is; please check it.',
  },
  fr: {
    countries: 'Code de pays inconnu : {value}. Utilisez les codes ISO à trois lettres, p. ex. KEN, SEN.',
    email: 'Cette adresse est déjà indiquée pour un autre contact.',
    scope: 'Indiquez les régions ou les pays où vous intervenez, ou répondez que vous intervenez partout.',
    other: 'Cette réponse ne peut pas être utilisée telle quelle ; veuillez la vérifier.',
  },
  es: {
    countries: 'Código de país desconocido: {value}. Use los códigos ISO de tres letras, p. ej. KEN, SEN.',
    email: 'Esta dirección ya figura para otro contacto.',
    scope: 'Indique las regiones o países donde trabaja, o responda que trabaja en todo el mundo.',
    other: 'Esta respuesta no puede usarse tal como está; revísela, por favor.',
  },
};

export interface DeclaredOffer {
  offer: PartnerInput;
  /** Problems by question ("answers.<question>"), in the partner's language; empty when it holds. */
  errors: FieldError[];
}

export function checkDeclaredOffer(answers: OfferAnswers, known: ReferenceVocabulary, locale: Locale): DeclaredOffer {
  const offer = offerFromAnswers(answers);
  const checkShape = compileSchema<PartnerInput>(partnerInputSchema);
  const raw = checkShape(offer) ? checkPartnerFacts(offer, known) : toFieldErrors(checkShape.errors, 'body');
  const t = messages[locale];
  const byQuestion = new Map<string, string>();
  for (const e of raw) {
    const question = questionOfOfferField(e.field);
    const [, top, index] = e.field.split('.');
    const message =
      top === 'scope' && index === 'countries'
        ? t.countries.replace('{value}', offer.scope.countries?.[Number(e.field.split('.')[3])] ?? '')
        : top === 'scope' && !index
          ? t.scope
          : top === 'contacts' && e.field.endsWith('.email') && e.message.includes('already')
            ? t.email
            : t.other;
    const before = byQuestion.get(question);
    byQuestion.set(question, before && before !== message ? `${before} ${message}` : message);
  }
  return { offer, errors: [...byQuestion].map(([q, message]) => ({ field: `answers.${q}`, message })) };
}
