// The operator panel's alert cards, built with textContent only: names, titles, comments and places come
// from watchlists, streams and operators, so they are never parsed as markup. Mirrors Pages/Panel/_AlertCard.
"use strict";

(() => {
  const colourPattern = /^#[0-9a-fA-F]{6}$/;

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  };

  const localTime = (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
  };

  const timeElement = (iso) => {
    const node = el('time', null, localTime(iso));
    node.dateTime = iso;
    return node;
  };

  // The list colour goes through a CSS custom property set from script: the CSP refuses style attributes.
  const applyColour = (card) => {
    const colour = card.dataset.color;
    if (colour && colourPattern.test(colour)) card.style.setProperty('--list-color', colour);
  };

  const image = (className, src, alt) => {
    const img = el('img', className);
    img.src = src;
    img.alt = alt;
    img.width = 112;
    img.height = 112;
    return img;
  };

  const fact = (facts, label, key, value) => {
    if (value === null || value === undefined || value === '') return;
    facts.append(el('dt', null, label));
    const dd = el('dd');
    dd.dataset.fact = key;
    if (value instanceof Node) dd.append(value); else dd.textContent = String(value);
    facts.append(dd);
  };

  const ackForm = () => {
    const form = el('form', 'alert-ack-form');
    form.dataset.ackForm = '';
    const input = el('input');
    Object.assign(input, { type: 'text', name: 'comment', maxLength: 1000, placeholder: 'Comment (optional)' });
    input.setAttribute('aria-label', 'Comment');
    const button = el('button', 'primary', 'Acknowledge');
    button.type = 'submit';
    const error = el('span', 'alert-ack-error');
    error.dataset.ackError = '';
    error.setAttribute('role', 'alert');
    form.append(input, button, error);
    return form;
  };

  // Shows an acknowledgement (who, when, comment) on a card and removes its form.
  const showAck = (card, ack) => {
    const line = card.querySelector('[data-ack]');
    line.replaceChildren('Acknowledged by ', el('strong', null, ack.by), ' at ', timeElement(ack.at), ack.comment ? `: ${ack.comment}` : '');
    line.hidden = false;
    card.classList.remove('unacknowledged');
    card.querySelector('[data-ack-form]')?.remove();
  };

  const card = (alert, canAcknowledge) => {
    const li = el('li', 'alert-card unacknowledged');
    li.dataset.alertId = alert.id;
    li.dataset.trigger = alert.trigger;
    li.dataset.occurredAt = alert.occurredAt;
    if (alert.listColor) li.dataset.color = alert.listColor;
    applyColour(li);

    const photos = el('div', 'alert-photos');
    if (alert.faceImageUrl) photos.append(image('alert-face', alert.faceImageUrl, 'Face seen'));
    if (alert.matchImageUrl) photos.append(image('alert-match', alert.matchImageUrl, `List photo of ${alert.faceName ?? ''}`));

    const body = el('div', 'alert-body');
    const title = el('h2', 'alert-title');
    if (alert.eventId) {
      const link = el('a', null, alert.title);
      link.href = `/events/${encodeURIComponent(alert.eventId)}`;
      title.append(link);
    } else {
      title.textContent = alert.title;
    }
    body.append(title);
    if (alert.faceName || alert.listName) {
      const person = el('p', 'alert-person');
      person.append(el('span', 'alert-name', alert.faceName ?? ''), ' ', el('span', 'alert-list', alert.listName ?? ''));
      body.append(person);
    }

    const facts = el('dl', 'alert-facts');
    fact(facts, 'Similarity', 'similarity', typeof alert.similarity === 'number' ? `${Math.round(alert.similarity * 100)} %` : null);
    fact(facts, 'Stream', 'stream', alert.streamName);
    fact(facts, 'Location', 'location', alert.location);
    fact(facts, 'Time', 'time', timeElement(alert.occurredAt));
    fact(facts, 'Rule', 'rule', alert.ruleName);
    body.append(facts);

    const ack = el('p', 'alert-ack');
    ack.dataset.ack = '';
    ack.hidden = true;
    body.append(ack);
    if (canAcknowledge) body.append(ackForm());
    li.append(photos, body);
    if (alert.acknowledgement) showAck(li, alert.acknowledgement);
    return li;
  };

  // Server-rendered cards: colours and local times.
  const prepare = (root) => {
    root.querySelectorAll('[data-alert-id]').forEach(applyColour);
    root.querySelectorAll('time[datetime]').forEach((t) => { t.textContent = localTime(t.dateTime); });
  };

  window.lunaPointPanel = Object.freeze({ card, showAck, prepare, localTime });
})();
