import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMarkdown } from './components/markdown.ts';

describe('Markdown in descriptions', () => {
  it('renders emphasis, lists and safe links', () => {
    const html = renderMarkdown('**太字** と [リンク](https://example.jp/a)\n\n- 一\n- 二');
    assert.match(html, /<strong>太字<\/strong>/);
    assert.match(
      html,
      /<a href="https:\/\/example\.jp\/a" rel="nofollow noopener noreferrer">リンク<\/a>/,
    );
    assert.match(html, /<ul>\n<li>一<\/li>\n<li>二<\/li>\n<\/ul>/);
  });

  it('shows raw HTML as text', () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror=alert(2)>');
    assert.equal(html.includes('<script'), false);
    assert.equal(html.includes('<img'), false);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  for (const url of [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    '//evil.example/x',
    'file:///etc/passwd',
  ]) {
    it(`drops a link to ${url.trim()}`, () => {
      const html = renderMarkdown(`[x](${url})`);
      assert.equal(html.includes('<a '), false, html);
    });
  }

  it('keeps relative, mailto and fragment links', () => {
    const html = renderMarkdown('[a](/dataset) [b](mailto:od@example.jp) [c](#top)');
    assert.equal(html.split('<a href=').length - 1, 3);
  });

  it('drops images (other hosts, tracking) but keeps their alt text', () => {
    const html = renderMarkdown('![AED の写真](https://evil.example/x.png)');
    assert.equal(html.includes('<img'), false);
    assert.match(html, /AED の写真/);
  });

  it('starts headings at h3, under the page h1 and the section h2', () => {
    assert.match(renderMarkdown('# 見出し\n## 小見出し'), /<h3>見出し<\/h3>\n?<h4>小見出し<\/h4>/);
  });

  it('escapes markup inside link text and attributes', () => {
    const html = renderMarkdown('[<b>x</b>](https://example.jp/"onmouseover="alert(1))');
    assert.equal(html.includes('<b>'), false);
    assert.equal(/"\s*onmouseover=/.test(html), false);
  });
});
