// The timeline: the date facet drawn as an SVG histogram of matches per period, where dragging
// (or the arrow keys then Enter) over periods picks a period to filter to.

import { count, frenchDate } from './render.js';

const SVG = 'http://www.w3.org/2000/svg';
const HEIGHT = 150;
const AXIS = 22;
const TOP = 6;
/** Periods drawn at most: a facet of days over decades is cut rather than drawn by the thousand. */
const MAX_PERIODS = 3000;

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

const pad = (number) => String(number).padStart(2, '0');

/** The period after `key` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
export function nextPeriod(key, unit) {
  if (unit === 'year') return String(Number(key) + 1);
  if (unit === 'month') {
    const [year, month] = key.split('-').map(Number);
    return month === 12 ? `${year + 1}-01` : `${year}-${pad(month + 1)}`;
  }
  const day = new Date(`${key}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

const shortMonth = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: 'numeric', timeZone: 'UTC' });

function tickLabel(key, unit) {
  if (unit === 'year') return key;
  const [year, month, day] = key.split('-').map(Number);
  if (unit === 'month') return shortMonth.format(Date.UTC(year, month - 1, 1));
  return `${pad(day)}/${pad(month)}/${year}`;
}

/**
 * Draws `entries` (the date facet: `{value, count}`, newest first) per `unit` into `container`;
 * `onSelect(first, last)` receives the periods chosen. Every period between the first and the
 * last is drawn, empty ones included, so that time runs evenly along the axis.
 */
export function drawTimeline(container, entries, unit, onSelect) {
  const counts = new Map(entries.filter((entry) => entry.value !== null).map((entry) => [entry.value, entry.count]));
  const undated = entries.find((entry) => entry.value === null);
  if (!counts.size) {
    const text = document.createElement('p');
    text.className = 'muted';
    text.textContent = 'Aucun article daté parmi les résultats.';
    container.replaceChildren(text);
    return;
  }
  const keys = [...counts.keys()].sort();
  const periods = [keys[0]];
  while (periods[periods.length - 1] < keys[keys.length - 1] && periods.length < MAX_PERIODS) {
    periods.push(nextPeriod(periods[periods.length - 1], unit));
  }
  const highest = Math.max(...counts.values());
  const width = Math.max(container.clientWidth || 0, 280);
  const step = width / periods.length;
  const gap = step > 4 ? 1 : 0;
  const total = [...counts.values()].reduce((sum, value) => sum + value, 0);

  const bars = svg('g', { class: 'bars' });
  periods.forEach((key, index) => {
    const matches = counts.get(key) || 0;
    const height = matches ? Math.max(2, ((HEIGHT - AXIS - TOP) * matches) / highest) : 0;
    bars.append(svg('rect', {
      class: 'bar', 'data-period': key, 'data-count': matches,
      x: index * step + gap / 2, y: HEIGHT - AXIS - height,
      width: Math.max(step - gap, 0.5), height,
    }, svg('title', {}, `${frenchDate(key)} : ${count(matches)} article${matches > 1 ? 's' : ''}`)));
  });

  const ticks = svg('g', { class: 'ticks' });
  const every = Math.max(1, Math.ceil(80 / step));
  // A label needs about 70 pixels: none starts closer than that to the right edge.
  for (let index = 0; index < periods.length && index * step + 70 <= width; index += every) {
    const x = index * step;
    ticks.append(svg('line', { x1: x, x2: x, y1: HEIGHT - AXIS, y2: HEIGHT - AXIS + 4 }));
    const label = svg('text', { x: x + 2, y: HEIGHT - 6 });
    label.textContent = tickLabel(periods[index], unit);
    ticks.append(label);
  }

  const selection = svg('rect', { class: 'selection', y: 0, height: HEIGHT - AXIS, x: 0, width: 0, visibility: 'hidden' });
  const cursor = svg('rect', { class: 'cursor', y: 0, height: HEIGHT - AXIS, x: 0, width: step, visibility: 'hidden' });
  const picture = svg('svg', {
    class: 'timeline', width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`,
    role: 'slider', tabindex: 0,
    'aria-label': `Chronologie : ${count(total)} articles datés de ${frenchDate(periods[0])} à ${frenchDate(periods[periods.length - 1])}`
      + (undated && undated.count ? `, ${count(undated.count)} sans date` : '')
      + '. Flèches pour choisir une période, Maj pour l’étendre, Entrée pour filtrer.',
    'aria-valuemin': 0, 'aria-valuemax': periods.length - 1, 'aria-valuenow': 0,
  }, svg('line', { class: 'axis', x1: 0, x2: width, y1: HEIGHT - AXIS, y2: HEIGHT - AXIS }), bars, ticks, selection, cursor);

  // The periods between the anchor (where a drag or a keyboard selection started) and the end.
  let anchor = null;
  let end = 0;
  const show = (first, last) => {
    const [from, to] = first <= last ? [first, last] : [last, first];
    selection.setAttribute('x', from * step);
    selection.setAttribute('width', (to - from + 1) * step);
    selection.setAttribute('visibility', 'visible');
  };
  const choose = (first, last) => {
    const [from, to] = first <= last ? [first, last] : [last, first];
    onSelect(periods[from], periods[to]);
  };
  const at = (event) => {
    const box = picture.getBoundingClientRect();
    return Math.min(periods.length - 1, Math.max(0, Math.floor(((event.clientX - box.left) / box.width) * periods.length)));
  };
  picture.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    anchor = at(event);
    end = anchor;
    picture.setPointerCapture(event.pointerId);
    show(anchor, end);
    event.preventDefault();
  });
  picture.addEventListener('pointermove', (event) => {
    if (anchor === null) return;
    end = at(event);
    show(anchor, end);
  });
  picture.addEventListener('pointerup', (event) => {
    if (anchor === null) return;
    end = at(event);
    const first = anchor;
    anchor = null;
    choose(first, end);
  });
  picture.addEventListener('pointercancel', () => {
    anchor = null;
    selection.setAttribute('visibility', 'hidden');
  });

  let position = periods.length - 1;
  let keyboardAnchor = null;
  const moveCursor = () => {
    cursor.setAttribute('x', position * step);
    cursor.setAttribute('visibility', 'visible');
    picture.setAttribute('aria-valuenow', position);
    picture.setAttribute('aria-valuetext', `${frenchDate(periods[position])} : ${count(counts.get(periods[position]) || 0)} articles`);
    if (keyboardAnchor !== null) show(keyboardAnchor, position);
    else selection.setAttribute('visibility', 'hidden');
  };
  picture.addEventListener('focus', moveCursor);
  picture.addEventListener('blur', () => cursor.setAttribute('visibility', 'hidden'));
  picture.addEventListener('keydown', (event) => {
    const moves = { ArrowLeft: -1, ArrowRight: 1, Home: -Infinity, End: Infinity };
    if (event.key in moves) {
      if (event.shiftKey && keyboardAnchor === null) keyboardAnchor = position;
      if (!event.shiftKey) keyboardAnchor = null;
      position = Math.min(periods.length - 1, Math.max(0, position + moves[event.key]));
      moveCursor();
      event.preventDefault();
    } else if (event.key === 'Enter' || event.key === ' ') {
      choose(keyboardAnchor ?? position, position);
      event.preventDefault();
    } else if (event.key === 'Escape') {
      keyboardAnchor = null;
      moveCursor();
    }
  });
  container.replaceChildren(picture);
}
