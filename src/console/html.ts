/**
 * HTML built with a tagged template that escapes every interpolated value unless it is already `Html`, so
 * text from managers, organisers or call files can never become markup. Twenty lines of our own rather than
 * a template engine: the pages are plain functions of their data and need nothing more.
 */

/** Markup that is safe to insert as is (built by `html` or `raw`). */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | boolean | undefined | null | readonly Part[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

function render(part: Part): string {
  if (part === undefined || part === null || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

/** `html\`<p>${text}</p>\``: values are escaped; arrays are joined; `undefined`, `null` and `false` vanish. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Trusted markup (our own SVG built from numbers, a stylesheet). Never pass user text. */
export function raw(markup: string): Html {
  return new Html(markup);
}
