// The email focal points get when organizers return their country's response with comments,
// in English, French and Spanish, as plain text and HTML, in the layout of the other letters
// (templates.ts). The reviewer's comment is quoted as written, in whatever language they used.
import type { Locale } from '../i18n/locales';
import { renderLetter, type RenderedEmail, type TemplateData, type TemplateText } from './templates';

interface ReturnedTexts extends TemplateText {
  /** Said when some questions have comments of their own: {n} is how many. */
  questionsOne: string;
  questionsMany: string;
}

const texts: Record<Locale, ReturnedTexts> = {
  en: {
    subject: 'Response returned for revision: {round} ({country})',
    body: [
      'The Secretariat has reviewed the response of {b:country} to the questionnaire of the {b:round} and returns it for revision, with the following comment:',
    ],
    questionsOne: 'One question has a comment of its own; it is shown next to that question in the questionnaire.',
    questionsMany: '{n} questions have comments of their own; each is shown next to its question in the questionnaire.',
    button: 'Revise the response',
    after: [
      'The answers already given have been kept. Once revised, please submit the response again, if possible by {b:deadline}.',
    ],
  },
  fr: {
    subject: 'Réponse renvoyée pour révision : {round} ({country})',
    body: [
      'Le Secrétariat a examiné la réponse du pays ({b:country}) au questionnaire de l’évaluation {b:round} et vous la renvoie pour révision, avec le commentaire suivant :',
    ],
    questionsOne:
      'Une question fait l’objet d’un commentaire particulier ; il figure à côté de cette question dans le questionnaire.',
    questionsMany:
      '{n} questions font l’objet d’un commentaire particulier ; chacun figure à côté de sa question dans le questionnaire.',
    button: 'Réviser la réponse',
    after: [
      'Les réponses déjà données ont été conservées. Une fois la réponse révisée, nous vous prions de bien vouloir la soumettre à nouveau, si possible au plus tard le {b:deadline}.',
    ],
  },
  es: {
    subject: 'Respuesta devuelta para revisión: {round} ({country})',
    body: [
      'La Secretaría ha examinado la respuesta de {b:country} al cuestionario de la evaluación {b:round} y se la devuelve para su revisión, con el siguiente comentario:',
    ],
    questionsOne: 'Una pregunta tiene un comentario propio; figura junto a esa pregunta en el cuestionario.',
    questionsMany: '{n} preguntas tienen comentarios propios; cada uno figura junto a su pregunta en el cuestionario.',
    button: 'Revisar la respuesta',
    after: [
      'Las respuestas ya dadas se han conservado. Una vez revisada, le rogamos que envíe la respuesta de nuevo, de ser posible a más tardar el {b:deadline}.',
    ],
  },
};

export function renderReturnedEmail(locale: Locale, data: TemplateData): RenderedEmail {
  if (!data.review) throw new Error('the returned email needs the review');
  const t = texts[locale];
  const n = data.review.questionsCommented;
  const questions = n === 0 ? [] : [(n === 1 ? t.questionsOne : t.questionsMany).replace('{n}', String(n))];
  // The count goes after the quoted comment: as the first of the paragraphs after the link.
  return renderLetter(locale, { ...t, after: [...questions, ...t.after] }, data, data.review.comment);
}
