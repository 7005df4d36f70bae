import { barChart } from './svg-charts';

const widths = (svg: string) => [...svg.matchAll(/<rect class="bar" [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
const marks = (svg: string, kind: string) => [...svg.matchAll(new RegExp(`<line class="${kind}" x1="([\\d.]+)"`, 'g'))].map((m) => Number(m[1]));

describe('SVG bar chart', () => {
  it('draws bars proportional to their values, the largest filling the plot', () => {
    const svg = barChart({ title: 'Funnel', bars: [{ label: 'a', value: 40 }, { label: 'b', value: 10 }, { label: 'c', value: 20 }] }).markup;
    const [a, b, c] = widths(svg);
    expect(a).toBeGreaterThan(300);
    expect(b / a).toBeCloseTo(0.25, 2);
    expect(c / a).toBeCloseTo(0.5, 2);
  });

  it('scales to the target when it is above every value, and places target and expected-to-date marks on that scale', () => {
    const svg = barChart({ title: 'Delivery', bars: [{ label: 'accepted', value: 30, target: 120, expected: 60 }] }).markup;
    const [bar] = widths(svg);
    const [target] = marks(svg, 'target');
    const [expected] = marks(svg, 'expected');
    const plotX = Number(svg.match(/<rect class="bar" x="([\d.]+)"/)![1]);
    expect(bar / (target - plotX)).toBeCloseTo(0.25, 2);
    expect((expected - plotX) / (target - plotX)).toBeCloseTo(0.5, 2);
    expect(svg).toContain('target for the period');
  });

  it('is accessible: role img, aria-label and a title naming the chart', () => {
    const svg = barChart({ title: 'Waiting times', bars: [{ label: 'p50', value: 2 }] }).markup;
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="Waiting times"[^>]*><title>Waiting times<\/title>/);
  });

  it('escapes labels, titles and printed values', () => {
    const svg = barChart({ title: 'A "chart" <b>', bars: [{ label: '<script>x</script>', value: 1, display: '&' }] }).markup;
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(svg).toContain('aria-label="A &quot;chart&quot; &lt;b&gt;"');
  });

  it('draws zero-width bars for all-zero data and says "no data" for none, never NaN', () => {
    const zeros = barChart({ title: 'z', bars: [{ label: 'a', value: 0, target: 0 }, { label: 'b', value: 0 }] }).markup;
    expect(widths(zeros)).toEqual([0, 0]);
    expect(zeros).not.toContain('NaN');
    const empty = barChart({ title: 'e', bars: [] }).markup;
    expect(widths(empty)).toEqual([]);
    expect(empty).toContain('no data');
    expect(empty).not.toContain('NaN');
  });

  it('draws a negative value (a month clawed back) as no bar, its printed value keeping the sign', () => {
    const svg = barChart({ title: 'Net', bars: [{ label: 'May', value: -500, display: '-£5.00' }, { label: 'June', value: 1000 }] }).markup;
    expect(widths(svg)[0]).toBe(0);
    expect(widths(svg)[1]).toBeGreaterThan(300);
    expect(svg).toContain('>-£5.00</text>');
  });
});
