/** The page's only styles, inline: screen and A4 print, each partner starting a new printed page. */
export const REPORT_CSS = `
:root { color: #1b1b1b; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 14px; line-height: 1.4; }
body { max-width: 190mm; margin: 24px auto; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #2f6f9f; }
h3 { font-size: 15px; margin: 18px 0 6px; }
h4 { font-size: 14px; margin: 12px 0 4px; }
p { margin: 4px 0 8px; }
.meta { color: #444; }
.notice { padding: 8px 12px; background: #fff4e5; border-left: 4px solid #b4531a; }
figure { margin: 8px 0 16px; break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 4px; }
figure caption { font-weight: 400; font-size: 12px; color: #555; }
svg.chart { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: 6px 0 12px; min-width: 50%; break-inside: avoid; }
caption { text-align: left; font-weight: 600; padding: 2px 0 4px; }
th, td { border-bottom: 1px solid #d0d7de; padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #8c959f; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.empty { color: #666; font-style: italic; }
tr.total th, tr.total td { font-weight: 700; }
footer { margin-top: 32px; color: #555; font-size: 12px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  :root { font-size: 10.5pt; }
  body { max-width: none; margin: 0; padding: 0; }
  section.partner { break-before: page; }
  section.partner.quiet { break-before: auto; }
  h2, h3, h4 { break-after: avoid; }
}
`;
