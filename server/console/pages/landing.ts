// GET / — what capgap is, the way in for organizers, and a word for focal points.
import type { Router } from 'express';
import type { ConsoleDeps } from '../console-context';
import { pageContext, sendPage } from '../console-context';
import { html } from '../html';
import { publicPage } from '../layout';

const t = {
  title: {
    en: 'capgap: capacity gaps in migration governance',
    fr: 'capgap : lacunes de capacité en gouvernance des migrations',
    es: 'capgap: brechas de capacidad en gobernanza migratoria',
  },
  about: {
    en: [
      'capgap assesses national capacity gaps in migration data, migration and development mainstreaming, and migration governance, through a questionnaire in English, French and Spanish.',
      'Government focal points answer it for their country; the service scores the gaps area by area and region by region.',
      'Organizers — a forum secretariat, roundtable coordinators, an international organization — run the rounds, review the answers and propose partnerships with peer governments, international organizations, civil society and the private sector to close the gaps.',
    ],
    fr: [
      'capgap évalue les lacunes de capacité nationales en matière de données migratoires, d’intégration de la migration dans le développement et de gouvernance des migrations, au moyen d’un questionnaire en anglais, en français et en espagnol.',
      'Les points focaux des gouvernements y répondent pour leur pays ; le service mesure les lacunes domaine par domaine et région par région.',
      'Les organisateurs — secrétariat d’un forum, coordinateurs d’une table ronde, organisation internationale — conduisent les cycles, examinent les réponses et proposent des partenariats avec des gouvernements pairs, des organisations internationales, la société civile et le secteur privé pour combler les lacunes.',
    ],
    es: [
      'capgap evalúa las brechas de capacidad nacionales en datos migratorios, integración de la migración en el desarrollo y gobernanza migratoria, mediante un cuestionario en inglés, francés y español.',
      'Los puntos focales de los gobiernos lo responden por su país; el servicio puntúa las brechas área por área y región por región.',
      'Los organizadores — la secretaría de un foro, coordinadores de una mesa redonda, una organización internacional — dirigen las rondas, revisan las respuestas y proponen alianzas con gobiernos pares, organizaciones internacionales, la sociedad civil y el sector privado para cerrar las brechas.',
    ],
  },
  organizers: { en: 'Organizers', fr: 'Organisateurs', es: 'Organizadores' },
  signIn: { en: 'Sign in to the console', fr: 'Se connecter à la console', es: 'Iniciar sesión en la consola' },
  focalPoints: { en: 'Focal points', fr: 'Points focaux', es: 'Puntos focales' },
  useLink: {
    en: 'To answer for your country, use the link in your invitation email.',
    fr: 'Pour répondre au nom de votre pays, utilisez le lien de votre courriel d’invitation.',
    es: 'Para responder por su país, use el enlace de su correo de invitación.',
  },
  pilot: {
    en: 'Try the open pilot questionnaire',
    fr: 'Essayer le questionnaire pilote ouvert',
    es: 'Probar el cuestionario piloto abierto',
  },
} as const;

export function landingPage(router: Router, deps: ConsoleDeps): void {
  const openForm = deps.forms.list().find((f) => f.openResponses);
  router.get('/', (req, res) => {
    const ctx = pageContext(req, res, deps);
    const l = ctx.locale;
    const body = html` ${t.about[l].map((p) => html`<p>${p}</p>`)}
      <section aria-labelledby="organizers">
        <h2 id="organizers">${t.organizers[l]}</h2>
        <p><a class="button" href="/console/sign-in">${t.signIn[l]}</a></p>
      </section>
      <section aria-labelledby="focal-points">
        <h2 id="focal-points">${t.focalPoints[l]}</h2>
        <p>${t.useLink[l]}</p>
        ${openForm ? html`<p><a href="/r/${openForm.formId}">${t.pilot[l]}</a></p>` : ''}
      </section>`;
    sendPage(res, publicPage(ctx, t.title[l], body));
  });
}
