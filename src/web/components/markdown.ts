import MarkdownIt from 'markdown-it';
import { raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** Link targets a description may point to; anything else (javascript:, data:, …) is dropped. */
const SAFE_LINK = /^(https?:|mailto:|\/(?!\/)|#)/i;

const md = new MarkdownIt({
  // Raw HTML in a description is shown as text, never as markup.
  html: false,
  linkify: true,
  breaks: true,
  typographer: false,
});
md.validateLink = (url: string) => SAFE_LINK.test(url.trim());
// Images would load from other hosts (tracking, CSP): keep their alt text only.
md.renderer.rules.image = (tokens, idx) => md.utils.escapeHtml(tokens[idx]?.content ?? '');
const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token && /^https?:/i.test(String(token.attrGet('href') ?? ''))) {
    token.attrSet('rel', 'nofollow noopener noreferrer');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};
// Descriptions sit under the page's h1/h2: their headings start at h3 to keep the order.
md.renderer.rules.heading_open = (tokens, idx) => {
  const level = Math.min(6, Number((tokens[idx]?.tag ?? 'h1').slice(1)) + 2);
  return `<h${level}>`;
};
md.renderer.rules.heading_close = (tokens, idx) => {
  const level = Math.min(6, Number((tokens[idx]?.tag ?? 'h1').slice(1)) + 2);
  return `</h${level}>`;
};

/** Markdown (dataset descriptions) as HTML: raw HTML escaped, only safe links, no images. */
export function renderMarkdown(text: string): string {
  return md.render(text);
}

/**
 * The same as markup for hono/jsx. `raw()` is safe here: markdown-it runs with `html: false`
 * (every `<` of the source is escaped), links pass the allow-list above and images are dropped.
 */
export function markdownHtml(text: string): HtmlEscapedString {
  return raw(renderMarkdown(text)) as HtmlEscapedString;
}
