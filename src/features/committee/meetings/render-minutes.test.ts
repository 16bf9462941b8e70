import { describe, expect, it } from 'vitest';
import { renderMinutes } from './render-minutes';

describe('renderMinutes', () => {
  it('renders Markdown', () => {
    expect(renderMinutes('**Acuerdos**\n\n- seis temas')).toBe(
      '<p><strong>Acuerdos</strong></p>\n<ul>\n<li>seis temas</li>\n</ul>\n',
    );
  });
  it('turns a <script> into text', () => {
    const html = renderMinutes('Hola <script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
  it('does not make a javascript: link', () => {
    const html = renderMinutes(
      '[clic](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) <javascript:alert(3)>',
    );
    expect(html).not.toMatch(/href=/i);
  });
  it('keeps https links, marked nofollow', () => {
    expect(renderMinutes('[acta](https://example.org/a)')).toContain(
      '<a href="https://example.org/a" rel="nofollow noopener">acta</a>',
    );
  });
});
