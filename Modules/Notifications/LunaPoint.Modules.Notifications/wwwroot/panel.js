// The operator panel: live alerts from /api/v1/alerts/live (SignalR, reconnecting by itself), a beep for
// watchlist matches, acknowledgement through REST, the pause banner. Cards come from panel-cards.js.
"use strict";

(() => {
  const root = document.querySelector('[data-panel]');
  if (!root || !window.signalR || !window.lunaPointPanel) return;
  const { card, showAck, prepare, localTime } = window.lunaPointPanel;
  const list = root.querySelector('[data-alerts]');
  const canAcknowledge = root.dataset.canAcknowledge === 'true';
  const shown = Number(root.dataset.shown) || 50;
  const liveState = root.querySelector('[data-live-state]');
  const empty = root.querySelector('[data-empty]');
  const unacknowledged = root.querySelector('[data-unacknowledged]');
  const paused = root.querySelector('[data-paused]');

  const findCard = (id) => list.querySelector(`[data-alert-id="${CSS.escape(String(id))}"]`);

  const refreshCounts = () => {
    const open = list.querySelectorAll('.alert-card.unacknowledged').length;
    unacknowledged.textContent = open === 0 ? '' : `${open} unacknowledged`;
    empty.hidden = list.children.length > 0;
  };

  // Newest first by when it happened; an alert already shown is only updated (a reconnect re-lists some).
  const place = (alert) => {
    const existing = findCard(alert.id);
    if (existing) {
      if (alert.acknowledgement) showAck(existing, alert.acknowledgement);
      return false;
    }
    const node = card(alert, canAcknowledge);
    const at = Date.parse(alert.occurredAt);
    const later = [...list.children].find((c) => Date.parse(c.dataset.occurredAt) < at);
    list.insertBefore(node, later ?? null);
    while (list.children.length > shown * 2) list.lastElementChild.remove();
    return true;
  };

  // Sound: a short beep made with WebAudio. Browsers keep audio suspended until the user interacts with
  // the page, so the context is created (or resumed) on the first click or key press.
  const mutedKey = 'lunapoint.panel.muted';
  const soundToggle = root.querySelector('[data-sound-toggle]');
  let muted = localStorage.getItem(mutedKey) === 'true';
  let audio = null;
  const showSound = () => {
    soundToggle.textContent = muted ? 'Sound off' : 'Sound on';
    soundToggle.setAttribute('aria-pressed', muted ? 'true' : 'false');
  };
  const unlockAudio = () => {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    audio = audio ?? new Context();
    if (audio.state === 'suspended') audio.resume().catch(() => {});
  };
  ['pointerdown', 'keydown'].forEach((type) => document.addEventListener(type, unlockAudio, { once: true, capture: true }));
  soundToggle.addEventListener('click', () => {
    muted = !muted;
    localStorage.setItem(mutedKey, muted ? 'true' : 'false');
    showSound();
  });
  showSound();
  const beep = () => {
    if (muted || !audio || audio.state !== 'running') return;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.4);
  };

  const showPause = (pause) => {
    paused.hidden = !pause.paused;
    if (pause.paused) {
      paused.textContent = `Alerts are paused${pause.by ? ` by ${pause.by}` : ''}${pause.until ? ` until ${localTime(pause.until)}` : ' until resumed'}.`;
    }
  };

  // Acknowledge: the comment goes with the antiforgery token (lunaPoint.api); 409 means someone was first.
  list.addEventListener('submit', async (event) => {
    const form = event.target.closest('[data-ack-form]');
    if (!form) return;
    event.preventDefault();
    const item = form.closest('[data-alert-id]');
    const error = form.querySelector('[data-ack-error]');
    const button = form.querySelector('button');
    button.disabled = true;
    error.textContent = '';
    const comment = form.elements.comment.value.trim();
    try {
      const response = await window.lunaPoint.api(`/api/v1/alerts/${encodeURIComponent(item.dataset.alertId)}/acknowledge`, {
        method: 'POST', body: comment ? { comment } : {},
      });
      const body = await response.json().catch(() => ({}));
      if (response.ok) {
        showAck(item, body);
      } else {
        error.textContent = body.detail || body.title || `Not acknowledged (${response.status}).`;
        button.disabled = false;
      }
    } catch {
      error.textContent = 'Not acknowledged: the server could not be reached.';
      button.disabled = false;
    }
    refreshCounts();
  });

  // After a reconnect (or the first connect) the list is read again: alerts raised while the panel was
  // not connected are filled in, and acknowledgements made meanwhile are shown.
  const catchUp = async () => {
    try {
      const response = await fetch(`/api/v1/alerts?pageSize=${shown}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (response.ok) (await response.json()).items.forEach(place);
      const pause = await fetch('/api/v1/notifications/pause', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (pause.ok) showPause(await pause.json());
    } catch {
      // Offline again: the next reconnect tries once more.
    }
    refreshCounts();
  };

  const connection = new window.signalR.HubConnectionBuilder()
    // negotiate (and long polling, where WebSockets are blocked) are POSTs with the session cookie: the API
    // wants the antiforgery token on those, as on every change a console session sends.
    .withUrl('/api/v1/alerts/live', { headers: { RequestVerificationToken: window.lunaPoint.token() } })
    .withAutomaticReconnect([0, 2000, 5000, 10000, 30000])
    .configureLogging(window.signalR.LogLevel.None)
    .build();
  connection.on('alertRaised', (alert) => {
    if (place(alert) && alert.trigger === 'watchlistMatch') beep();
    refreshCounts();
  });
  connection.on('alertAcknowledged', (ack) => {
    const item = findCard(ack.alertId);
    if (item) showAck(item, ack);
    refreshCounts();
  });
  connection.on('pauseChanged', showPause);
  connection.onreconnecting(() => { liveState.textContent = 'Reconnecting…'; });
  connection.onreconnected(() => { liveState.textContent = 'Live'; catchUp(); });
  connection.onclose(() => { liveState.textContent = 'Disconnected: reload the page.'; });

  const start = async (delay) => {
    try {
      await connection.start();
      liveState.textContent = 'Live';
      await catchUp();
    } catch {
      liveState.textContent = 'Not connected: retrying…';
      setTimeout(() => start(Math.min(delay * 2, 30000)), delay);
    }
  };

  prepare(list);
  refreshCounts();
  start(2000);
})();
