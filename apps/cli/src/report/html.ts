/** Markup that is already safe to place in a page: only `html` and the builders here make it. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element or a quoted attribute: names and labels come from the log, which partners write. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]);

type Interpolated = SafeHtml | string | number | undefined | null | false | readonly Interpolated[];

function render(value: Interpolated): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** A template whose every interpolation is escaped unless it is SafeHtml, so forgetting to escape is not possible. */
export function html(strings: TemplateStringsArray, ...values: Interpolated[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ''), ''));
}

export type Cell = string | number | SafeHtml;

/** A small table with a caption: the numbers behind each chart, readable without the picture. */
export function dataTable(caption: string, headers: readonly string[], rows: readonly (readonly Cell[])[], options: { numericFrom?: number } = {}): SafeHtml {
  const numericFrom = options.numericFrom ?? 1;
  const cell = (value: Cell, i: number) => (i >= numericFrom ? html`<td class="num">${value}</td>` : html`<th scope="row">${value}</th>`);
  return html`<table><caption>${caption}</caption><thead><tr>${headers.map((h, i) => (i >= numericFrom ? html`<th scope="col" class="num">${h}</th>` : html`<th scope="col">${h}</th>`))}</tr></thead><tbody>${
    rows.length ? rows.map((row) => html`<tr>${row.map(cell)}</tr>`) : html`<tr><td colspan="${headers.length}" class="empty">none</td></tr>`
  }</tbody></table>`;
}
