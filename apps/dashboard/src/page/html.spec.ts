import { escapeHtml, html } from './html';

describe('markup from data', () => {
  it('escapes every interpolated value', () => {
    const name = '<img src=x onerror="alert(1)">';
    expect(html`<td title="${name}">${name}</td>`.text).toBe(
      '<td title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</td>',
    );
    expect(escapeHtml(`a&b'c`)).toBe('a&amp;b&#39;c');
  });

  it('keeps nested markup, joins lists and leaves out nothing-values', () => {
    const rows = ['a', 'b'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${rows}</ul>${undefined}${null}${false}${0}`.text).toBe('<ul><li>a</li><li>b</li></ul>0');
  });
});
