// The page's state (held in its URL, so that a search can be bookmarked and shared, and back and
// forward work), the API requests it makes, and the rendering of their answers.

import * as render from './render.js';
import { drawTimeline } from './timeline.js';

const PAGE = 10;
/** Values per facet asked for: enough for every month of decades, or every day of a zoomed period. */
const FACET_LIMIT = 500;
/** A period chosen on the timeline this short or shorter is drawn per day. */
const DAYS_BY_DAY = 93;

const $ = (id) => document.getElementById(id);

/** The state as the URL says it. */
function readState() {
  const params = new URLSearchParams(location.search);
  return {
    q: params.get('q') || '',
    category: params.getAll('category'),
    author: params.getAll('author'),
    source: params.getAll('source'),
    since: params.get('since') || '',
    until: params.get('until') || '',
    sort: params.get('sort') || 'relevance',
    recency: params.get('recency') || '',
    offset: Math.max(0, Number(params.get('offset')) || 0),
    id: params.get('id') || '',
  };
}

function stateUrl(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of ['category', 'author', 'source']) state[name].forEach((value) => params.append(name, value));
  if (state.since) params.set('since', state.since);
  if (state.until) params.set('until', state.until);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.recency) params.set('recency', state.recency);
  if (state.offset) params.set('offset', state.offset);
  if (state.id) params.set('id', state.id);
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

let state = readState();
/** True while keystrokes follow one another: the first made a history entry, the next replace it. */
let typing = false;

/** Moves to `next`: a new history entry (`push`) or the current one replaced (while typing). */
function go(next, { push = true } = {}) {
  typing = typing && !push;
  state = next;
  const url = stateUrl(state);
  if (url !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](null, '', url);
  show();
}

/** Author and source filters are clauses of the query language (`author:("A" OR "B")`), put
 * before the text typed, so that an unclosed quote in it cannot swallow them. Without text,
 * the category and period filters are clauses too: they are then the whole query (an empty
 * query matches nothing). */
function filterClauses() {
  const quoted = (values) => `(${values.map((value) => `"${value.replaceAll('"', ' ')}"`).join(' OR ')})`;
  const clauses = ['author', 'source'].filter((name) => state[name].length).map((name) => `${name}:${quoted(state[name])}`);
  if (!state.q.trim()) {
    if (state.category.length) clauses.push(`category:${quoted(state.category)}`);
    if (state.since || state.until) clauses.push(`date:${state.since}..${state.until}`);
  }
  return clauses.join(' ');
}

function dateUnit() {
  if (!state.since || !state.until) return 'month';
  const start = Date.parse(`${state.since.padEnd(7, '-01').padEnd(10, '-01')}T00:00:00Z`);
  const end = Date.parse(`${state.until.padEnd(7, '-12').padEnd(10, '-28')}T00:00:00Z`);
  return (end - start) / 86400000 <= DAYS_BY_DAY ? 'day' : 'month';
}

let inFlight = null;

async function api(path, params) {
  inFlight?.abort();
  inFlight = new AbortController();
  const response = await fetch(`${path}?${params}`, { signal: inFlight.signal, headers: { accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) throw Object.assign(new Error(body.error), { column: body.column });
  return body;
}

function setStatus(text, error = false) {
  const status = $('status');
  status.textContent = text;
  status.classList.toggle('error', error);
}

async function show() {
  if (document.activeElement !== $('q')) $('q').value = state.q;
  $('sort').value = state.sort;
  $('recency').value = state.recency;
  if (state.id) return showArticle();
  $('article').hidden = true;
  $('search-view').hidden = false;
  renderChips();
  const clauses = filterClauses();
  const text = [clauses, state.q].filter(Boolean).join(' ');
  if (!text.trim()) return showStats();
  const params = new URLSearchParams({
    q: text, limit: PAGE, offset: state.offset, sort: state.sort,
    facets: 'category,date,author,source', 'facet-limit': FACET_LIMIT, 'facet-date': dateUnit(),
  });
  state.category.forEach((value) => params.append('category', value));
  if (state.since) params.set('since', state.since);
  if (state.until) params.set('until', state.until);
  if (state.recency) params.set('recency', state.recency);
  document.title = state.q ? `${state.q} — newsearch` : 'newsearch';
  let answer;
  try {
    answer = await api('/api/search', params);
  } catch (error) {
    if (error.name === 'AbortError') return;
    // A column counts in the text sent, where the filter clauses come first.
    const column = error.column ? error.column - (clauses ? Array.from(clauses).length + 1 : 0) : null;
    setStatus(column > 0 ? `${error.message.replace(/ at column \d+$/, '')} (colonne ${column})` : error.message, true);
    return;
  }
  setStatus(render.matchStatus(answer));
  const links = {
    articleHref: (id) => stateUrl({ ...state, id }),
    pageHref: (offset) => stateUrl({ ...state, offset }),
    suggestionHref: (word, suggestion) => stateUrl({ ...state, q: state.q.replace(word, suggestion), offset: 0 }),
  };
  $('results').replaceChildren(...render.results(answer, links));
  $('facets').replaceChildren(...render.facets(answer, state, toggleFacet));
  showTimeline(answer.facets.date || [], answer.facets.date_granularity);
}

async function showStats() {
  document.title = 'newsearch';
  $('results').replaceChildren();
  $('facets').replaceChildren();
  try {
    const stats = await api('/api/stats', new URLSearchParams());
    setStatus(`${render.count(stats.articles)} articles dans l’index`
      + (stats.oldest_date ? `, du ${render.frenchDate(stats.oldest_date)} au ${render.frenchDate(stats.newest_date)}` : '')
      + '. Tapez une recherche.');
    showTimeline(stats.months, 'month');
  } catch (error) {
    if (error.name !== 'AbortError') setStatus(error.message, true);
  }
}

function showTimeline(entries, unit) {
  $('timeline-section').hidden = false;
  $('timeline-unit').textContent = { day: '(par jour)', month: '(par mois)', year: '(par année)' }[unit] || '';
  const draw = () => drawTimeline($('timeline'), entries, unit, (since, until) => {
    go({ ...state, since, until, offset: 0 });
  });
  draw();
  redraw = draw;
}

let redraw = () => {};
window.addEventListener('resize', () => redraw());

async function showArticle() {
  $('search-view').hidden = true;
  $('timeline-section').hidden = true;
  const view = $('article');
  view.hidden = false;
  const id = encodeURIComponent(state.id);
  const words = [filterClauses(), state.q].filter(Boolean).join(' ');
  try {
    const article = await api(`/api/articles/${id}`, new URLSearchParams(words ? { q: words } : {}));
    document.title = `${article.title} — newsearch`;
    setStatus('');
    let similar = null;
    try {
      similar = await api(`/api/articles/${id}/similar`, new URLSearchParams({ limit: 5 }));
    } catch (error) {
      if (error.name === 'AbortError') return;
    }
    view.replaceChildren(...render.article(article, similar, {
      articleHref: (other) => stateUrl({ ...state, id: other }),
      back: stateUrl({ ...state, id: '' }),
    }).filter(Boolean));
    view.focus();
  } catch (error) {
    if (error.name !== 'AbortError') {
      view.replaceChildren();
      setStatus(error.message, true);
    }
  }
}

function toggleFacet(name, value) {
  const values = state[name].includes(value) ? state[name].filter((other) => other !== value) : [...state[name], value];
  go({ ...state, [name]: values, offset: 0 });
}

function renderChips() {
  const filters = ['category', 'author', 'source'].flatMap((kind) => state[kind].map((value) => ({ kind, value, label: value })));
  if (state.since || state.until) {
    const label = state.since === state.until ? render.frenchDate(state.since)
      : `${state.since ? render.frenchDate(state.since) : '…'} – ${state.until ? render.frenchDate(state.until) : '…'}`;
    filters.push({ kind: 'period', value: null, label });
  }
  $('active-filters').replaceChildren(...render.chips(filters, (kind, value) => {
    if (kind === 'period') go({ ...state, since: '', until: '', offset: 0 });
    else toggleFacet(kind, value);
  }));
}

// Searching as one types: one history entry per burst of keystrokes, not one per letter, and
// the request in flight is abandoned for the new one.
$('q').addEventListener('input', (event) => {
  const push = !typing;
  go({ ...state, q: event.target.value, offset: 0, id: '' }, { push });
  typing = true;
});
$('search').addEventListener('submit', (event) => {
  event.preventDefault();
  typing = false;
  if ($('q').value !== state.q || state.id) go({ ...state, q: $('q').value, offset: 0, id: '' });
});
$('sort').addEventListener('change', (event) => go({ ...state, sort: event.target.value, offset: 0 }));
$('recency').addEventListener('change', (event) => go({ ...state, recency: event.target.value, offset: 0 }));

// Links inside the page (results, paging, article view) change the state without a reload.
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href^="/"]');
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || link.target) return;
  event.preventDefault();
  const target = new URL(link.href);
  history.pushState(null, '', target.pathname + target.search);
  typing = false;
  state = readState();
  show();
  if (!state.id) window.scrollTo(0, 0);
});
window.addEventListener('popstate', () => {
  typing = false;
  state = readState();
  $('q').value = state.q;
  show();
});

$('q').value = state.q;
show();
