// The preview's index.html: one row per page, one card per state — the state's picture when
// Chromium took one (`npm run preview`), else its composed HTML in a frame (`--html-only`), with
// what the browser audit found under it.

/** The phone: 375 × 812 CSS px at 2× (an iPhone X-class screen). */
export const VIEWPORT = { width: 375, height: 812, scale: 2 };
/** WeChat's and Apple's minimum tap target (CSS px). */
export const MIN_TARGET = 44;
/** Smaller text is hard to read for the elderly residents the app serves (CSS px). */
export const MIN_TEXT = 12;

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What the audit found on one state, as lines a reviewer reads (empty: nothing). */
export function auditNotes(a = {}) {
  return [
    a.wide ? '页面比屏幕宽（可横向滚动）' : '',
    a.small?.length ? `点击区域小于 ${MIN_TARGET} px：${a.small.join('；')}` : '',
    a.unnamed?.length ? `无文字且无 aria-label 的可点元素：${a.unnamed.join('；')}` : '',
    a.cut?.length ? `文字被截断：${a.cut.join('；')}` : '',
    a.offscreen?.length ? `文字超出屏幕：${a.offscreen.join('；')}` : '',
    a.overlap?.length ? `文字重叠：${a.overlap.join('；')}` : '',
    a.tiny?.length ? `字号小于 ${MIN_TEXT} px：${a.tiny.join('；')}` : '',
  ].filter(Boolean);
}

function card(page, i) {
  const size = i.width !== VIEWPORT.width ? ` · ${i.width} px 宽` : '';
  const caption = `<figcaption><b>${esc(i.title)}</b>${size}<br><span>${esc(i.asLabel)} · ${esc(i.state)}</span></figcaption>`;
  if (i.error) return `<figure class="error"><pre>${esc(i.error)}</pre>${caption}</figure>`;
  const shot = i.png
    ? `<a href="${esc(i.fullPng ?? i.png)}"><img src="${esc(i.png)}" width="${i.width}" loading="lazy" alt="${esc(`${page} ${i.title}`)}"></a>`
    : `<a href="${esc(i.html)}"><iframe src="${esc(i.html)}" width="${i.width}" height="${VIEWPORT.height}" loading="lazy" title="${esc(`${page} ${i.title}`)}"></iframe></a>`;
  const warn = i.backendErrors?.length ? `<pre class="warn">${esc(i.backendErrors.join('\n'))}</pre>` : '';
  const notes = auditNotes(i.audit);
  const audit = notes.length ? `<ul class="audit">${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : '';
  return `<figure data-state="${esc(i.id)}">${shot}${warn}${caption}${audit}</figure>`;
}

/** The gallery page of a manifest ({ declared, items }). */
export function gallery({ declared, items }) {
  const pages = [...new Set(items.map((i) => i.page))];
  const rows = pages.map((page) => {
    const cards = items
      .filter((i) => i.page === page)
      .map((i) => card(page, i))
      .join('\n');
    return `<section id="${esc(page)}"><h2>${esc(page)}</h2><div class="row">${cards}</div></section>`;
  });
  const toc = pages.map((p) => `<a href="#${esc(p)}">${esc(p)}</a>`).join(' · ');
  const failed = items.filter((i) => i.error).length;
  const kind = items.some((i) => i.png) ? '张' : '页（HTML，未截图）';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>页面预览 · 红色物业</title><style>
body{margin:24px;font-family:"Noto Sans CJK SC",sans-serif;background:#eee;color:#222}
h1{font-size:22px} nav{font:13px/1.8 monospace} nav a{color:#a80f15} h2{font-size:16px;margin:32px 0 8px;font-family:monospace}
.row{display:flex;gap:20px;overflow-x:auto;padding-bottom:12px;align-items:flex-start}
figure{margin:0;flex:none}
figure img,figure iframe{display:block;border:1px solid #bbb;border-radius:12px;background:#fff}
figcaption{font-size:13px;margin-top:6px;max-width:375px} figcaption span{color:#777}
figure.error pre{width:375px;height:300px;overflow:auto;background:#fdecec;color:#a80f15;font-size:11px;white-space:pre-wrap;padding:8px;box-sizing:border-box}
ul.audit{max-width:375px;margin:4px 0 0;padding-left:18px;font-size:12px;color:#a15c00}
pre.warn{max-width:375px;max-height:120px;overflow:auto;background:#fff7e6;font-size:11px;white-space:pre-wrap}
</style></head><body>
<h1>页面预览（${items.length} ${kind}${failed ? `，${failed} 张渲染失败` : ''}）</h1>
<p>375 × 812（2 倍图）；「320 px 宽」为窄屏检查；「关怀模式」为微信最大字号（1.4 倍）。点图片看整页。数据：演示数据（API.md §4）经真实云函数逻辑与内嵌数据库。声明的状态共 ${declared.length} 个。</p>
<nav>${toc}</nav>
${rows.join('\n')}
</body></html>
`;
}
