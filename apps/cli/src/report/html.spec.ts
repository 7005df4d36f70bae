import { SafeHtml, dataTable, escapeHtml, html } from './html';

describe('report HTML builders', () => {
  const hostile = `<script>alert("x")</script> & 'quoted'`;

  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(hostile)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;');
  });

  it('escapes every interpolation unless it is SafeHtml, arrays included, and drops empty values', () => {
    const page = html`<p title="${hostile}">${hostile}${[hostile, html`<b>${1}</b>`]}${undefined}${false}</p>`;
    expect(page).toBeInstanceOf(SafeHtml);
    expect(page.markup).not.toContain('<script>');
    expect(page.markup).toBe(`<p title="${escapeHtml(hostile)}">${escapeHtml(hostile)}${escapeHtml(hostile)}<b>1</b></p>`);
  });

  it('builds a table with a caption, row headers and numeric cells, escaping cells', () => {
    const table = dataTable('Funnel <all>', ['Stage', 'Count'], [['Received', 12], [hostile, '3']]).markup;
    expect(table).toContain('<caption>Funnel &lt;all&gt;</caption>');
    expect(table).toContain('<th scope="row">Received</th><td class="num">12</td>');
    expect(table).not.toContain('<script>');
  });

  it('says "none" for a table without rows', () => {
    expect(dataTable('Nothing', ['Key', 'A', 'B'], []).markup).toContain('<td colspan="3" class="empty">none</td>');
  });
});
