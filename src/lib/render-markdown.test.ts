import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown';

describe('renderMarkdown', () => {
  it('renders Markdown', () => {
    expect(renderMarkdown('**Acuerdos**\n\n- seis temas')).toBe(
      '<p><strong>Acuerdos</strong></p>\n<ul>\n<li>seis temas</li>\n</ul>\n',
    );
  });
  it('turns a <script> into text', () => {
    const html = renderMarkdown('Hola <script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
  it('does not make a javascript: link', () => {
    const html = renderMarkdown(
      '[clic](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) <javascript:alert(3)>',
    );
    expect(html).not.toMatch(/href=/i);
  });
  it('keeps https links, marked nofollow', () => {
    expect(renderMarkdown('[acta](https://example.org/a)')).toContain(
      '<a href="https://example.org/a" rel="nofollow noopener">acta</a>',
    );
  });
});
