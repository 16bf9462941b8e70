/**
 * Text people write in Markdown (minutes, posts, outcomes) is rendered with markdown-it with raw HTML switched off (a
 * `<script>` comes out as text) and its link check (`javascript:`, `vbscript:`, `file:` and
 * non-image `data:` links are not made into links). Links open with `rel="nofollow noopener"`.
 *
 * @example
 * renderMarkdown('**Acuerdos**\n\n- [acta](https://example.org)'); // '<p><strong>Acuerdos</strong></p>…'
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('rel', 'nofollow noopener');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(markdown: string): string {
  return md.render(markdown);
}
