// The controls of a round's matching page: the run button (organizers), the round's matching
// settings (a plain form for admins, a table for everyone else), and the pins and exclusions
// with their remove buttons and the forms that pin or exclude any pair.
import { frameworkAreas } from '../../partners/partner-vocabulary';
import { matchingTerms, type MatchingSettings } from '../../matching/matching-settings';
import { html, raw, tableHead, type Markup } from '../html';
import { common, formOutput } from '../layout';
import { t } from './matching-texts';
import { pairLabel, pinListFields, pinsForm, withoutPairFields, type MatchingView } from './matching-view';

export function runSection(v: MatchingView): Markup {
  const l = v.l;
  if (!v.act) return html``;
  return html`<form method="post" data-api="POST ${v.api}/runs" data-then="reload" data-output="run-output">
      <p>${t.runHint[l]}</p>
      <p><button type="submit" id="run-button">${t.run[l]}</button></p>
    </form>
    ${formOutput('run-output')}`;
}

type NumberSetting = 'partnersPerArea' | 'priorityThreshold' | 'peerMinCapacity' | 'peerMinMargin' | 'peerSlotsPerArea';
const numberSettings: { key: NumberSetting; min: number; max: number; step: string }[] = [
  { key: 'partnersPerArea', min: 1, max: 20, step: '1' },
  { key: 'priorityThreshold', min: 0, max: 100, step: 'any' },
  { key: 'peerMinCapacity', min: 0, max: 100, step: 'any' },
  { key: 'peerMinMargin', min: 0, max: 100, step: 'any' },
  { key: 'peerSlotsPerArea', min: 0, max: 1000, step: '1' },
];

function settingsForm(v: MatchingView, s: MatchingSettings, showSuggestions: boolean): Markup {
  const l = v.l;
  const check = (name: 'allowMaybe' | 'showSuggestions', on: boolean) =>
    html`<label class="check"
      ><input type="checkbox" name="${name}" ${on ? raw('checked') : ''} /> ${t.settingNames[name][l]}</label
    >`;
  return html`<form
      method="post"
      data-api="PUT ${v.api}/settings"
      data-then="reload"
      data-output="settings-output"
      aria-labelledby="settings"
    >
      ${numberSettings.map(
        (n) =>
          html`<label for="setting-${n.key}">${t.settingNames[n.key][l]}</label
            ><input
              id="setting-${n.key}"
              name="${n.key}"
              type="number"
              min="${n.min}"
              max="${n.max}"
              step="${n.step}"
              data-type="number"
              required
              value="${s[n.key]}"
            />`,
      )}
      <p>${check('allowMaybe', s.allowMaybe)} ${check('showSuggestions', showSuggestions)}</p>
      <fieldset>
        <legend>${t.weights[l]}</legend>
        ${matchingTerms.map(
          (term) =>
            html`<label for="weight-${term}">${t.terms[term][l]}</label
              ><input
                id="weight-${term}"
                name="weights.${term}"
                type="number"
                min="0"
                max="1000"
                step="any"
                data-type="number"
                required
                value="${s.weights[term]}"
              />`,
        )}
      </fieldset>
      <p><button type="submit">${common.save[l]}</button></p>
    </form>
    ${formOutput('settings-output')}`;
}

function settingsTable(v: MatchingView, s: MatchingSettings, showSuggestions: boolean): Markup {
  const l = v.l;
  const yesNo = (b: boolean) => (b ? t.yes[l] : t.no[l]);
  const rows: [string, string][] = [
    ...numberSettings.map((n): [string, string] => [t.settingNames[n.key][l], String(s[n.key])]),
    [t.settingNames.allowMaybe[l], yesNo(s.allowMaybe)],
    [t.settingNames.showSuggestions[l], yesNo(showSuggestions)],
    ...matchingTerms.map((term): [string, string] => [
      `${t.weightOf[l]}: ${t.terms[term][l]}`,
      String(s.weights[term]),
    ]),
  ];
  return html`<table id="settings-table">
    ${tableHead(t.settings[l], [t.setting[l], t.value[l]])}
    <tbody>
      ${rows.map(
        ([k, value]) =>
          html`<tr>
            <th scope="row">${k}</th>
            <td>${value}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function settingsSection(v: MatchingView, s: MatchingSettings, showSuggestions: boolean): Markup {
  const l = v.l;
  return html`<section aria-labelledby="settings">
    <h2 id="settings">${t.settings[l]}</h2>
    <p>${t.settingsHint[l]}</p>
    ${v.admin ? settingsForm(v, s, showSuggestions) : settingsTable(v, s, showSuggestions)}
  </section>`;
}

/** A form that adds any pair (chosen with three selects) to the pins or the exclusions. */
function addPairForm(v: MatchingView, to: 'pins' | 'exclusions'): Markup {
  const l = v.l;
  const index = (to === 'pins' ? v.pins : v.exclusions).length;
  const id = (k: string) => `${to}-add-${k}`;
  const heading = to === 'pins' ? t.addPin[l] : t.addExclusion[l];
  const providers = [
    ...v.partners.filter((p) => !p.archived).map((p) => ({ id: p.id, name: v.providerName(p.id) })),
    ...v.countries.map((c) => ({ id: `gov:${c.iso3}`, name: `${c.name} (${t.government[l]})` })),
  ];
  const fields = html`<div>
      <label for="${id('country')}">${t.country[l]}</label
      ><select id="${id('country')}" name="${to}.${index}.country">
        ${v.countries.map((c) => html`<option value="${c.iso3}">${c.name} (${c.iso3})</option>`)}
      </select>
    </div>
    <div>
      <label for="${id('area')}">${t.area[l]}</label
      ><select id="${id('area')}" name="${to}.${index}.area">
        ${frameworkAreas.map((a) => html`<option value="${a}">${v.areaName(a)}</option>`)}
      </select>
    </div>
    <div>
      <label for="${id('provider')}">${t.partner[l]}</label
      ><select id="${id('provider')}" name="${to}.${index}.provider">
        ${providers.map((p) => html`<option value="${p.id}">${p.name}</option>`)}
      </select>
    </div>`;
  return html`<h3 id="${id('heading')}">${heading}</h3>
    ${pinsForm(
      v,
      'pins-output',
      pinListFields(to, fields),
      html`<button type="submit" class="secondary">${heading}</button>`,
      'actions',
    )}`;
}

export function pinsSection(v: MatchingView): Markup {
  const l = v.l;
  const entries = [
    ...v.pins.map((p) => ({ p, to: 'pins' as const })),
    ...v.exclusions.map((p) => ({ p, to: 'exclusions' as const })),
  ];
  const removeForm = (to: 'pins' | 'exclusions', p: (typeof entries)[number]['p']) =>
    pinsForm(
      v,
      'pins-output',
      withoutPairFields(v, to, p),
      html`<button type="submit" class="secondary" aria-label="${t.remove[l]}: ${pairLabel(v, p)}">
        ${t.remove[l]}
      </button>`,
    );
  return html`<section aria-labelledby="pins">
    <h2 id="pins">${t.pins[l]}</h2>
    <p>${t.pinsHint[l]}</p>
    ${
      entries.length
        ? html`<table id="pin-list">
            ${tableHead(t.pins[l], [t.partner[l], t.kind[l], ...(v.act ? [t.actions[l]] : [])])}
            <tbody>
              ${entries.map(
                ({ p, to }) =>
                  html`<tr>
                    <th scope="row">${pairLabel(v, p)}</th>
                    <td>${to === 'pins' ? t.pinKind[l] : t.excludeKind[l]}</td>
                    ${v.act ? html`<td>${removeForm(to, p)}</td>` : ''}
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>${t.noPins[l]}</p>`
    }
    ${v.act ? html`${addPairForm(v, 'pins')}${addPairForm(v, 'exclusions')}${formOutput('pins-output')}` : ''}
  </section>`;
}
