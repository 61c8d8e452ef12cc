// The page's pieces built from the API's JSON. Corpus text only ever enters the page as text
// nodes (textContent, append of strings): markup in a title or a body is shown, never run.

/** An element with attributes and children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return element;
}

/** `text` with the `[start, end)` character ranges (Unicode scalar values) in <mark>. */
export function highlighted(text, ranges) {
  const characters = Array.from(text);
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of ranges || []) {
    if (start < at || end <= start) continue;
    if (start > at) fragment.append(characters.slice(at, start).join(''));
    fragment.append(el('mark', {}, characters.slice(start, end).join('')));
    at = end;
  }
  fragment.append(characters.slice(at).join(''));
  return fragment;
}

/** An article's link to its source, only for web addresses (never `javascript:` or `data:`). */
export function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const numberFormat = new Intl.NumberFormat('fr-FR');

export const count = (number) => numberFormat.format(number);

/** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` in French words. */
export function frenchDate(value) {
  if (!value) return 'sans date';
  const [year, month, day] = value.split('-').map(Number);
  if (day) return dateFormat.format(Date.UTC(year, month - 1, day));
  if (month) return monthFormat.format(Date.UTC(year, month - 1, 1));
  return String(year);
}

/** The line under a title: date, category, author, source. */
function metadata(article) {
  const parts = [
    el('time', article.date ? { datetime: article.date } : {}, frenchDate(article.date)),
    article.category && el('span', { class: 'category' }, article.category),
    article.author && el('span', { class: 'author' }, article.author),
    article.source && el('span', { class: 'source' }, article.source),
  ].filter(Boolean);
  const line = el('p', { class: 'meta' });
  parts.forEach((part, index) => line.append(...(index ? [' · ', part] : [part])));
  return line;
}

/** Links to articles by id, each titled once its article arrives (near-duplicates come as ids). */
function articleLinks(ids, articleHref) {
  const links = ids.map((id) => el('a', { href: articleHref(id) }, id));
  links.forEach((link, index) => {
    fetch(`/api/articles/${encodeURIComponent(ids[index])}`)
      .then((response) => (response.ok ? response.json() : null))
      .then((article) => {
        if (article) link.replaceChildren(article.title || '(sans titre)', ' ', el('span', { class: 'muted' }, frenchDate(article.date)));
      })
      .catch(() => {});
  });
  return el('ul', {}, links.map((link) => el('li', {}, link)));
}

/** The result list of one page of hits, with its paging. */
/** How many articles match, in words: those with every word, and those with only some. */
export function matchStatus(answer) {
  const partial = answer.partial_hits;
  if (answer.total_hits === 0) {
    return partial ? `Aucun article n’a tous les mots ; ${count(partial)} en ${partial > 1 ? 'ont' : 'a'} une partie.`
      : 'Aucun article ne correspond.';
  }
  const folded = answer.total_distinct !== answer.total_hits
    ? ` (${count(answer.total_distinct)} une fois les versions proches repliées)` : '';
  const others = partial ? ` · ${count(partial)} autre${partial > 1 ? 's' : ''} n’en ${partial > 1 ? 'ont' : 'a'} qu’une partie` : '';
  return `${count(answer.total_hits)} article${answer.total_hits > 1 ? 's' : ''}${folded} en ${answer.elapsed_ms.toFixed(1)} ms${others}`;
}

/** "Vouliez-vous dire …" with a link per indexed word close to a word typed, or nothing. */
function suggestions(answer, suggestionHref) {
  if (!answer.suggestions || !answer.suggestions.length) return null;
  const line = el('p', { class: 'suggestions' }, 'Vouliez-vous dire ');
  answer.suggestions.forEach((suggestion, index) => line.append(
    index ? ', ' : '',
    el('a', { href: suggestionHref(suggestion.word, suggestion.suggestion) }, suggestion.suggestion),
    ` (${count(suggestion.articles)})`));
  line.append(' ?');
  return line;
}

export function results(answer, { articleHref, pageHref, suggestionHref }) {
  const list = el('ol', { class: 'hits', start: answer.offset + 1 });
  for (const hit of answer.hits) {
    const partial = hit.match === 'partial';
    const item = el('li', { class: partial ? 'hit partial' : 'hit', 'data-id': hit.id },
      el('h3', {}, el('a', { href: articleHref(hit.id) }, hit.title || '(sans titre)')),
      metadata(hit),
      partial && el('p', { class: 'missing' }, `Correspondance partielle : sans « ${hit.missing.join(' », « ')} »`),
      el('p', { class: 'snippet' }, highlighted(hit.snippet.text, hit.snippet.highlights)));
    if (hit.duplicates.length) {
      const folded = el('details', { class: 'duplicates' },
        el('summary', {}, `${count(hit.duplicates.length)} ${hit.duplicates.length > 1 ? 'versions proches repliées' : 'version proche repliée'}`));
      // Their titles are fetched when the list is opened, not for every page of results.
      folded.addEventListener('toggle', () => {
        if (folded.open && !folded.querySelector('ul')) folded.append(articleLinks(hit.duplicates, articleHref));
      });
      item.append(folded);
    }
    list.append(item);
  }
  const pages = el('nav', { class: 'paging', 'aria-label': 'Pages de résultats' });
  const end = answer.offset + answer.hits.length;
  if (answer.offset > 0) {
    pages.append(el('a', { href: pageHref(Math.max(0, answer.offset - answer.limit)), rel: 'prev' }, '← Précédents'));
  }
  pages.append(el('span', {}, answer.hits.length ? `${count(answer.offset + 1)}–${count(end)} sur ${count(answer.total_distinct)}` : ''));
  if (end < answer.total_distinct) {
    pages.append(el('a', { href: pageHref(end), rel: 'next' }, 'Suivants →'));
  }
  return [suggestions(answer, suggestionHref), list, pages].filter(Boolean);
}

const FACET_TITLES = { category: 'Catégories', author: 'Auteurs', source: 'Sources' };
const FACET_SHOWN = 8;

/** The facet lists as filters: each value toggles its filter (several combine). */
export function facets(answer, chosen, toggle) {
  const blocks = [];
  for (const name of ['category', 'author', 'source']) {
    const values = (answer.facets[name] || []).filter((facet) => facet.value !== null);
    if (!values.length) continue;
    const list = el('ul', { class: 'facet-values' });
    values.forEach((facet, index) => {
      const active = chosen[name].includes(facet.value);
      const button = el('button', {
        type: 'button', class: 'facet', 'aria-pressed': String(active),
        'data-facet': name, 'data-value': facet.value,
        onclick: () => toggle(name, facet.value),
      }, el('span', { class: 'value' }, facet.value), el('span', { class: 'count' }, count(facet.count)));
      list.append(el('li', index >= FACET_SHOWN && !active ? { class: 'more', hidden: true } : {}, button));
    });
    const block = el('section', { class: 'facet-block', 'data-facet': name },
      el('h2', {}, FACET_TITLES[name]), list);
    if (values.length > FACET_SHOWN) {
      const more = el('button', {
        type: 'button', class: 'link', 'aria-expanded': 'false',
        onclick: () => {
          const open = more.getAttribute('aria-expanded') !== 'true';
          more.setAttribute('aria-expanded', String(open));
          more.textContent = open ? 'moins' : `tous (${count(values.length)})`;
          list.querySelectorAll('li.more').forEach((item) => { item.hidden = !open; });
        },
      }, `tous (${count(values.length)})`);
      block.append(more);
    }
    blocks.push(block);
  }
  return blocks;
}

/** The active filters as removable chips. */
export function chips(filters, remove) {
  const labels = { category: 'Catégorie', author: 'Auteur', source: 'Source', period: 'Période' };
  return filters.map(({ kind, value, label }) => el('button', {
    type: 'button', class: 'chip', 'data-facet': kind,
    'aria-label': `Retirer le filtre ${labels[kind]} : ${label}`,
    onclick: () => remove(kind, value),
  }, `${labels[kind]} : `, el('strong', {}, label), ' ×'));
}

/** One article in full: its metadata and link, its text with the query's words marked, its near-duplicates and similar articles. */
export function article(view, similar, { articleHref, back }) {
  const url = safeUrl(view.url);
  const body = el('div', { class: 'body' });
  // Paragraphs are separated by blank lines; the marks' offsets count characters over the
  // whole body, so each paragraph takes those inside it, shifted to its start.
  const marks = view.body_highlights || [];
  let start = 0;
  view.body.split(/(\n\s*\n)/).forEach((piece, index) => {
    const length = Array.from(piece).length;
    if (index % 2 === 0) {
      const inside = marks
        .filter(([from, to]) => from >= start && to <= start + length)
        .map(([from, to]) => [from - start, to - start]);
      body.append(el('p', {}, highlighted(piece, inside)));
    }
    start += length;
  });
  const parts = [
    el('p', {}, el('a', { href: back, class: 'back' }, '← Retour aux résultats')),
    el('h2', {}, view.title || '(sans titre)'),
    metadata(view),
    url ? el('p', {}, el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, 'Lire sur le site d’origine')) : null,
    body,
  ];
  if (view.duplicates.length) {
    parts.push(el('section', { class: 'related' }, el('h3', {}, 'Versions proches'),
      articleLinks(view.duplicates, articleHref)));
  }
  if (similar && similar.hits.length) {
    parts.push(el('section', { class: 'related similar' }, el('h3', {}, 'Articles similaires'),
      el('ul', {}, similar.hits.map((hit) => el('li', {},
        el('a', { href: articleHref(hit.id) }, hit.title || '(sans titre)'), ' ',
        el('span', { class: 'muted' }, frenchDate(hit.date)))))));
  }
  return parts;
}
