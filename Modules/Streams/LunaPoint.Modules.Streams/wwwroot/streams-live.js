// Live figures of streams, from Detection's /api/v1/streams/{id}/stats: the live page's table and the
// one-line summaries on the streams list. A static file: the console's CSP allows no inline script.
(() => {
  const fmt = (v) => (v === null || v === undefined ? '–' : String(v));
  const latency = (l) => (l && l.samples > 0 ? `${fmt(l.p50)} / ${fmt(l.p95)}` : '–');

  const fetchStats = async (id) => {
    const response = await fetch(`/api/v1/streams/${encodeURIComponent(id)}/stats`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    return response.ok ? response.json() : null;
  };

  const fillTable = (root, s) => {
    const values = {
      inputFps: s ? s.inputFps : null,
      analysedFps: s ? s.analysedFps : null,
      dropped: s ? `${s.framesDropped} of ${s.framesOffered} (${s.droppedPercent} %)` : null,
      activeTracks: s ? s.activeTracks : null,
      tracksStarted: s ? s.tracksStarted : null,
      bestShotsSent: s ? s.bestShotsSent : null,
      frameSize: s && s.frameWidth ? `${s.frameWidth}x${s.frameHeight}` : null,
    };
    root.querySelectorAll('[data-stat]').forEach((cell) => {
      const key = cell.dataset.stat;
      cell.textContent = key.startsWith('latency.') ? latency(s && s.latencyMs[key.slice(8)]) : fmt(values[key]);
    });
  };

  const live = document.querySelector('[data-live-stream]');
  if (live) {
    const id = live.dataset.liveStream;
    const image = live.querySelector('.live-view');
    const empty = live.querySelector('.live-empty');
    image.addEventListener('error', () => { image.hidden = true; empty.hidden = false; });
    const tick = async () => {
      try { fillTable(live, await fetchStats(id)); } catch { fillTable(live, null); }
    };
    tick();
    setInterval(tick, 2000);
  }

  const summaries = document.querySelectorAll('[data-stats-for]');
  if (summaries.length > 0) {
    const tick = () => summaries.forEach(async (cell) => {
      try {
        const s = await fetchStats(cell.dataset.statsFor);
        cell.textContent = s
          ? `${s.analysedFps} fps analysed, ${s.droppedPercent} % dropped, ${s.activeTracks} track(s), ${s.bestShotsSent} best shot(s)`
          : 'not analysed';
      } catch { cell.textContent = 'not analysed'; }
    });
    tick();
    setInterval(tick, 3000);
  }

  document.querySelectorAll('img[data-preview-of]').forEach((thumb) => {
    const base = `/api/v1/streams/${encodeURIComponent(thumb.dataset.previewOf)}/preview.jpg`;
    thumb.addEventListener('error', () => { thumb.hidden = true; });
    thumb.addEventListener('load', () => { thumb.hidden = false; });
    const refresh = () => { thumb.src = `${base}?t=${Date.now()}`; };
    refresh();
    setInterval(refresh, 3000);
  });
})();
