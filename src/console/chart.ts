/**
 * Server-rendered SVG charts: weekly series as grouped bars with axis labels, a title and a description for
 * screen readers (the same figures are always in a table beside). Built from numbers only.
 */
import { type Html, html } from './html.ts';

export interface Series {
  name: string;
  colour: string;
  values: number[];
}

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 40;
const BOTTOM = 40;
const TOP = 10;

/** Colours with at least 3:1 contrast on white, told apart by lightness as well as hue. */
export const PALETTE = ['#0b57a4', '#b35900', '#1d6b35', '#7a3e9d', '#a4161a'];

export function barChart(options: { id: string; title: string; labels: string[]; series: Series[] }): Html {
  const { labels, series } = options;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const plotW = WIDTH - LEFT - 10;
  const plotH = HEIGHT - TOP - BOTTOM;
  const groupW = plotW / Math.max(1, labels.length);
  const barW = Math.max(2, (groupW * 0.8) / Math.max(1, series.length));
  const y = (v: number) => TOP + plotH - (v / max) * plotH;
  const ticks = [0, Math.ceil(max / 2), max];
  const bars = labels.flatMap((_, i) =>
    series.map((s, j) => {
      const v = s.values[i] ?? 0;
      const x = LEFT + i * groupW + groupW * 0.1 + j * barW;
      return html`<rect x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${barW.toFixed(1)}" height="${(TOP + plotH - y(v)).toFixed(1)}" fill="${s.colour}"><title>${s.name}, ${labels[i] ?? ''}: ${v}</title></rect>`;
    }),
  );
  return html`<figure>
<figcaption id="${options.id}-title">${options.title}</figcaption>
<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${options.id}-title" xmlns="http://www.w3.org/2000/svg">
${ticks.map((t) => html`<line x1="${LEFT}" x2="${WIDTH - 10}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#c4ccd6"/><text x="${LEFT - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" font-size="12" fill="#1b1f24">${t}</text>`)}
${bars}
${labels.map((label, i) => (i % Math.ceil(labels.length / 6) === 0 ? html`<text x="${(LEFT + i * groupW + groupW / 2).toFixed(1)}" y="${HEIGHT - BOTTOM + 16}" text-anchor="middle" font-size="12" fill="#1b1f24">${label}</text>` : ''))}
</svg>
<ul class="legend">${series.map((s) => html`<li><svg class="swatch" viewBox="0 0 12 12" aria-hidden="true"><rect width="12" height="12" fill="${s.colour}"/></svg>${s.name}</li>`)}</ul>
</figure>`;
}
