// The views of one round, linked from each of them: its dashboard, the gaps heat map and the
// regional aggregates.
import { html, type Markup } from './html';
import type { Locale, Text } from './i18n';

type View = 'dashboard' | 'gaps' | 'regions';

const views: [View, string, Text][] = [
  ['dashboard', '', { en: 'Dashboard', fr: 'Tableau de bord', es: 'Panel' }],
  ['gaps', '/gaps', { en: 'Gaps', fr: 'Lacunes', es: 'Brechas' }],
  ['regions', '/regions', { en: 'Regions', fr: 'Régions', es: 'Regiones' }],
];

const label: Text = { en: 'Views of this round', fr: 'Vues de ce cycle', es: 'Vistas de esta ronda' };

export function roundLinks(roundId: string, l: Locale, current?: View): Markup {
  return html`<nav class="round-views" aria-label="${label[l]}">
    <ul>
      ${views.map(
        ([view, suffix, text]) =>
          html`<li>
            <a href="/console/rounds/${roundId}${suffix}" ${view === current ? html` aria-current="page"` : ''}
              >${text[l]}</a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
}
