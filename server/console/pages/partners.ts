// GET /console/partners       the partner registry; add one (→ POST /api/partners), import a
//                             CSV with its row report (→ POST /api/partners/import), export links
// GET /console/partners/:id   edit a partner (→ PUT /api/partners/:id) or archive it (→ DELETE);
//                             erase one of its contacts (→ DELETE /api/partners/:id/contacts/:email)
import type { Router } from 'express';
import { getPartnerOrReject, listPartners, type PartnerView } from '../../partners/partners';
import { contactLanguages, frameworkAreas, partnerKinds, partnerModalities } from '../../partners/partner-vocabulary';
import { mayAct, pageContext, requirePage, sendPage, type ConsoleDeps } from '../console-context';
import { html, tableHead, type Markup } from '../html';
import type { Locale } from '../i18n';
import { csvImportForm } from '../csv-import-form';
import { erasePersonForm } from '../erase-person-form';
import { common, consolePage, formOutput } from '../layout';

const t = {
  title: { en: 'Partners', fr: 'Partenaires', es: 'Socios' },
  caption: { en: 'Partner registry', fr: 'Registre des partenaires', es: 'Registro de socios' },
  name: { en: 'Name', fr: 'Nom', es: 'Nombre' },
  nameIn: { en: 'Name in', fr: 'Nom en', es: 'Nombre en' },
  kind: { en: 'Kind', fr: 'Type', es: 'Tipo' },
  areas: { en: 'Areas', fr: 'Domaines', es: 'Áreas' },
  modalities: { en: 'How it helps', fr: 'Forme d’appui', es: 'Forma de apoyo' },
  where: { en: 'Where', fr: 'Où', es: 'Dónde' },
  global: { en: 'Works globally', fr: 'Intervient partout', es: 'Trabaja a nivel mundial' },
  regions: {
    en: 'UN M49 regions or sub-regions (separated by ;)',
    fr: 'Régions ou sous-régions M49 de l’ONU (séparées par ;)',
    es: 'Regiones o subregiones M49 de la ONU (separadas por ;)',
  },
  countries: {
    en: 'Countries, ISO3 codes (separated by ;)',
    fr: 'Pays, codes ISO3 (séparés par ;)',
    es: 'Países, códigos ISO3 (separados por ;)',
  },
  languages: {
    en: 'Working languages, ISO 639-3 codes (separated by ;, e.g. eng; fra)',
    fr: 'Langues de travail, codes ISO 639-3 (séparés par ;, p. ex. eng; fra)',
    es: 'Idiomas de trabajo, códigos ISO 639-3 (separados por ;, p. ej. eng; spa)',
  },
  slots: { en: 'Partnerships at once', fr: 'Partenariats simultanés', es: 'Alianzas simultáneas' },
  contacts: { en: 'Contacts', fr: 'Contacts', es: 'Contactos' },
  contact: { en: 'Contact', fr: 'Contact', es: 'Contacto' },
  email: { en: 'Email', fr: 'Courriel', es: 'Correo' },
  contactLanguage: { en: 'Language of our emails', fr: 'Langue de nos courriels', es: 'Idioma de nuestros correos' },
  notes: { en: 'Notes', fr: 'Notes', es: 'Notas' },
  edit: { en: 'Edit', fr: 'Modifier', es: 'Editar' },
  add: { en: 'Add a partner', fr: 'Ajouter un partenaire', es: 'Añadir un socio' },
  addButton: { en: 'Add the partner', fr: 'Ajouter le partenaire', es: 'Añadir el socio' },
  archive: { en: 'Archive this partner', fr: 'Archiver ce partenaire', es: 'Archivar este socio' },
  archiveConfirm: {
    en: 'Archive this partner? It stays in past matching runs.',
    fr: 'Archiver ce partenaire ? Il reste dans les appariements passés.',
    es: '¿Archivar este socio? Se conserva en los emparejamientos anteriores.',
  },
  archived: { en: 'archived', fr: 'archivé', es: 'archivado' },
  none: { en: 'No partners yet.', fr: 'Aucun partenaire pour l’instant.', es: 'Todavía no hay socios.' },
  import: { en: 'Import partners', fr: 'Importer des partenaires', es: 'Importar socios' },
  importHint: {
    en: 'A CSV file with the columns name_en,name_fr,name_es,kind,areas,modalities,where,languages,slots,contacts,notes (as exported). A file with errors imports nothing unless you tick the box.',
    fr: 'Un fichier CSV avec les colonnes name_en,name_fr,name_es,kind,areas,modalities,where,languages,slots,contacts,notes (comme l’export). Un fichier avec des erreurs n’importe rien, sauf si vous cochez la case.',
    es: 'Un archivo CSV con las columnas name_en,name_fr,name_es,kind,areas,modalities,where,languages,slots,contacts,notes (como la exportación). Un archivo con errores no importa nada, salvo si marca la casilla.',
  },
  export: { en: 'Export the registry', fr: 'Exporter le registre', es: 'Exportar el registro' },
  back: { en: 'Back to the registry', fr: 'Retour au registre', es: 'Volver al registro' },
  declare: {
    en: 'Ask the partner to declare its offer',
    fr: 'Demander au partenaire de déclarer son offre',
    es: 'Pedir al socio que declare su oferta',
  },
  declareHint: {
    en: 'The contact receives a personal link, in their language, to a questionnaire prefilled with this entry. What they declare counts once you approve it.',
    fr: 'Le contact reçoit, dans sa langue, un lien personnel vers un questionnaire prérempli avec cette fiche. Sa déclaration compte une fois approuvée par vous.',
    es: 'El contacto recibe, en su idioma, un enlace personal a un cuestionario prellenado con esta ficha. Lo que declare cuenta cuando usted lo apruebe.',
  },
  declareTo: { en: 'Send to', fr: 'Envoyer à', es: 'Enviar a' },
  declareButton: { en: 'Send the link', fr: 'Envoyer le lien', es: 'Enviar el enlace' },
  declarations: { en: 'Its declarations', fr: 'Ses déclarations', es: 'Sus declaraciones' },
} as const;

/** The form that emails a contact of the partner its declaration link. */
function declareForm(l: Locale, p: PartnerView): Markup {
  return html`<section aria-labelledby="declare">
    <h2 id="declare">${t.declare[l]}</h2>
    <p>${t.declareHint[l]} <a href="/console/declarations/${p.id}">${t.declarations[l]}</a></p>
    <form
      method="post"
      data-api="POST /api/partners/${p.id}/declaration-links"
      data-then="/console/declarations/${p.id}"
      data-output="declare-output"
    >
      <label for="declare-to">${t.declareTo[l]}</label>
      <select id="declare-to" name="contactEmail">
        ${p.contacts.map((c) => html`<option value="${c.email}">${c.name} &lt;${c.email}&gt; (${c.language})</option>`)}
      </select>
      <p><button type="submit">${t.declareButton[l]}</button></p>
    </form>
    ${formOutput('declare-output')}
  </section>`;
}

/** The partner's contacts, each with its erasure (the edit form below only removes a contact from the entry). */
function contactsSection(l: Locale, p: PartnerView): Markup {
  return html`<section aria-labelledby="contacts">
    <h2 id="contacts">${t.contacts[l]}</h2>
    <ul id="partner-contacts">
      ${p.contacts.map(
        (c, i) =>
          html`<li>
            <strong>${c.name}</strong> &lt;${c.email}&gt; (${c.language})
            ${erasePersonForm(
              l,
              `DELETE /api/partners/${p.id}/contacts/${encodeURIComponent(c.email)}`,
              c,
              'partnerContact',
              `erase-contact-${i}`,
            )}
          </li>`,
      )}
    </ul>
  </section>`;
}

const nameIn = (p: PartnerView, l: Locale) => p.name[l] ?? p.name.en;

function whereText(p: PartnerView): string {
  return [p.scope.global ? 'global' : '', ...(p.scope.regions ?? []), ...(p.scope.countries ?? [])]
    .filter(Boolean)
    .join('; ');
}

/** The add and edit form; hidden fields carry what the form does not show (indicators, per-area slots). */
function partnerForm(l: Locale, api: string, submit: string, p?: PartnerView): Markup {
  const areas = new Map((p?.areas ?? []).map((a) => [a.area, a]));
  const contacts = [...(p?.contacts ?? []), undefined];
  const id = (s: string) => `partner-${s}`;
  return html`<form method="post" data-api="${api}" data-then="reload" data-output="partner-output">
      <fieldset>
        <legend>${t.name[l]}</legend>
        ${(['en', 'fr', 'es'] as const).map(
          (code) =>
            html`<label for="${id(`name-${code}`)}">${t.nameIn[l]} ${code}</label
              ><input
                id="${id(`name-${code}`)}"
                name="name.${code}"
                value="${p?.name[code] ?? ''}"
                maxlength="200"
                ${code === 'en' ? html` required` : ''}
              />`,
        )}
      </fieldset>
      <label for="${id('kind')}">${t.kind[l]}</label
      ><select id="${id('kind')}" name="kind">
        ${partnerKinds.map((k) => html`<option${p?.kind === k ? html` selected` : ''}>${k}</option>`)}
      </select>
      <fieldset>
        <legend>${t.areas[l]}</legend>
        ${frameworkAreas.map(
          (a) =>
            html`<label class="check"
              ><input
                type="checkbox"
                name="areas"
                data-array
                data-type="json"
                value="${JSON.stringify(areas.get(a) ?? { area: a })}"
                ${areas.has(a) ? html` checked` : ''}
              />
              ${a}</label
            >`,
        )}
      </fieldset>
      <fieldset>
        <legend>${t.modalities[l]}</legend>
        ${partnerModalities.map(
          (m) =>
            html`<label class="check"
              ><input
                type="checkbox"
                name="modalities"
                data-array
                value="${m}"
                ${p?.modalities.includes(m) ? html` checked` : ''}
              />
              ${m}</label
            >`,
        )}
      </fieldset>
      <fieldset>
        <legend>${t.where[l]}</legend>
        <label class="check"
          ><input type="checkbox" name="scope.global" ${p?.scope.global ? html` checked` : ''} /> ${t.global[l]}</label
        >
        <label for="${id('regions')}">${t.regions[l]}</label
        ><input
          id="${id('regions')}"
          name="scope.regions"
          data-type="list"
          value="${(p?.scope.regions ?? []).join('; ')}"
        />
        <label for="${id('countries')}">${t.countries[l]}</label
        ><input
          id="${id('countries')}"
          name="scope.countries"
          data-type="list"
          value="${(p?.scope.countries ?? []).join('; ')}"
        />
      </fieldset>
      <label for="${id('languages')}">${t.languages[l]}</label
      ><input
        id="${id('languages')}"
        name="languages"
        data-type="list"
        required
        value="${(p?.languages ?? []).join('; ')}"
      />
      <label for="${id('slots')}">${t.slots[l]}</label
      ><input
        id="${id('slots')}"
        name="slots.total"
        type="number"
        min="0"
        max="1000"
        data-type="number"
        required
        value="${p?.slots.total ?? 1}"
      />
      ${p?.slots.perArea ? html`<input type="hidden" name="slots.perArea" data-type="json" value="${JSON.stringify(p.slots.perArea)}" />` : ''}
      <fieldset>
        <legend>${t.contacts[l]}</legend>
        ${contacts.map(
          (c, i) =>
            html`<fieldset>
              <legend>${t.contact[l]} ${i + 1}</legend>
              <label for="${id(`c${i}-name`)}">${t.name[l]}</label
              ><input
                id="${id(`c${i}-name`)}"
                name="contacts.${i}.name"
                value="${c?.name ?? ''}"
                ${i === 0 ? html` required` : ''}
              />
              <label for="${id(`c${i}-email`)}">${t.email[l]}</label
              ><input
                id="${id(`c${i}-email`)}"
                name="contacts.${i}.email"
                type="email"
                value="${c?.email ?? ''}"
                ${i === 0 ? html` required` : ''}
              />
              <label for="${id(`c${i}-language`)}">${t.contactLanguage[l]}</label
              ><select
                id="${id(`c${i}-language`)}"
                name="contacts.${i}.language"
                ${c || i === 0 ? '' : html` data-with="contacts.${i}.email"`}
              >
                ${contactLanguages.map((code) => html`<option${c?.language === code ? html` selected` : ''}>${code}</option>`)}
              </select>
            </fieldset>`,
        )}
      </fieldset>
      <label for="${id('notes')}">${t.notes[l]}</label
      ><textarea id="${id('notes')}" name="notes" rows="3" maxlength="2000">${p?.notes ?? ''}</textarea>
      <p><button type="submit">${submit}</button></p>
    </form>
    ${formOutput('partner-output')}`;
}

export function partnersPage(router: Router, deps: ConsoleDeps): void {
  router.get('/console/partners', requirePage(deps, 'viewer'), async (req, res) => {
    const ctx = pageContext(req, res, deps);
    const l = ctx.locale;
    const partners = await listPartners();
    const act = mayAct(ctx);
    const list = partners.length
      ? html`<table id="partners">
          ${tableHead(t.caption[l], [t.name[l], t.kind[l], t.areas[l], t.modalities[l], t.where[l], t.slots[l], t.contacts[l]])}
          <tbody>
            ${partners.map(
              (p) =>
                html`<tr>
                  <th scope="row"><a href="/console/partners/${p.id}">${nameIn(p, l)}</a></th>
                  <td>${p.kind}</td>
                  <td>${p.areas.map((a) => a.area).join(', ')}</td>
                  <td>${p.modalities.join(', ')}</td>
                  <td>${whereText(p)}</td>
                  <td>${p.slots.total}</td>
                  <td>${p.contacts.map((c) => `${c.name} <${c.email}>`).join('; ')}</td>
                </tr>`,
            )}
          </tbody>
        </table>`
      : html`<p>${t.none[l]}</p>`;
    const exports = html`<section aria-labelledby="export">
      <h2 id="export">${t.export[l]}</h2>
      <ul>
        <li><a href="/api/partners/export.csv" download>CSV</a></li>
        <li><a href="/api/partners/export.xlsx" download>XLSX</a></li>
      </ul>
    </section>`;
    const actions = act
      ? html`<section aria-labelledby="import">
            <h2 id="import">${t.import[l]}</h2>
            ${csvImportForm(l, '/api/partners/import', 'import', t.importHint)}
          </section>
          <section aria-labelledby="add">
            <h2 id="add">${t.add[l]}</h2>
            ${partnerForm(l, 'POST /api/partners', t.addButton[l])}
          </section>`
      : '';
    sendPage(res, consolePage(ctx, t.title[l], html`${list}${exports}${actions}`));
  });

  router.get('/console/partners/:id', requirePage(deps, 'viewer'), async (req, res) => {
    const ctx = pageContext(req, res, deps);
    const l = ctx.locale;
    const p = await getPartnerOrReject(String(req.params.id));
    const body = html`<p>
        <a href="/console/partners">${t.back[l]}</a
        >${p.archived ? html` · <span class="state">${t.archived[l]}</span>` : ''}
      </p>
      ${
        mayAct(ctx)
          ? html`${contactsSection(l, p)} ${partnerForm(l, `PUT /api/partners/${p.id}`, common.save[l], p)}
            ${
              p.archived
                ? ''
                : html`<form
                      method="post"
                      data-api="DELETE /api/partners/${p.id}"
                      data-then="/console/partners"
                      data-confirm="${t.archiveConfirm[l]}"
                      data-output="archive-output"
                    >
                      <button type="submit" class="secondary">${t.archive[l]}</button>
                    </form>
                    ${formOutput('archive-output')} ${declareForm(l, p)}`
            }`
          : html`<table>
              <caption>
                ${nameIn(p, l)}
              </caption>
              <tbody>
                <tr>
                  <th scope="row">${t.kind[l]}</th>
                  <td>${p.kind}</td>
                </tr>
                <tr>
                  <th scope="row">${t.areas[l]}</th>
                  <td>${p.areas.map((a) => a.area).join(', ')}</td>
                </tr>
                <tr>
                  <th scope="row">${t.modalities[l]}</th>
                  <td>${p.modalities.join(', ')}</td>
                </tr>
                <tr>
                  <th scope="row">${t.where[l]}</th>
                  <td>${whereText(p)}</td>
                </tr>
                <tr>
                  <th scope="row">${t.slots[l]}</th>
                  <td>${p.slots.total}</td>
                </tr>
                <tr>
                  <th scope="row">${t.contacts[l]}</th>
                  <td>${p.contacts.map((c) => `${c.name} <${c.email}> (${c.language})`).join('; ')}</td>
                </tr>
                <tr>
                  <th scope="row">${t.notes[l]}</th>
                  <td>${p.notes ?? ''}</td>
                </tr>
              </tbody>
            </table>`
      }`;
    sendPage(res, consolePage({ ...ctx, path: '/console/partners' }, nameIn(p, l), body));
  });
}
