// A tagged template for console pages: every interpolated value is escaped unless it is markup
// built by this same tag (or `raw`), so a partner's name or an email subject can never inject
// markup. Arrays are joined, and null, undefined and false render as nothing.
import { escapeHtml } from '../http/html';

export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Value = Markup | string | number | boolean | null | undefined | readonly Value[];

function render(value: Value): string {
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Markup(out);
}

/** Markup that is already safe (our own constants only). */
export const raw = (text: string): Markup => new Markup(text);

/** The caption and column headers of a data table (every console list is one). */
export const tableHead = (caption: Value, headers: readonly Value[]): Markup =>
  html`<caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        ${headers.map((h) => html`<th scope="col">${h}</th>`)}
      </tr>
    </thead>`;
