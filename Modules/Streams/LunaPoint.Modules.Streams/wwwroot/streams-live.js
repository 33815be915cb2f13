// Live figures of streams, from Detection's /api/v1/streams/{id}/stats: the live page's view and table,
// and the preview thumbnails and one-line summaries on the streams list. A static file: the console's
// CSP allows no inline script.
//
// Detection answers 404 for a stream it does not analyse (disabled, workers off, not started yet), and
// the browser logs every 404 as an error. So nothing of Detection's is asked for until the stream's own
// record (always there) says it is in progress; a 404 after that (the stream was just stopped) puts the
// view back to waiting.
(() => {
  const fmt = (v) => (v === null || v === undefined ? '–' : String(v));
  const latency = (l) => (l && l.samples > 0 ? `${fmt(l.p50)} / ${fmt(l.p95)}` : '–');
  const api = (id) => `/api/v1/streams/${encodeURIComponent(id)}`;

  const getJson = async (url) => {
    try {
      const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      return response.ok ? await response.json() : null;
    } catch {
      return null;
    }
  };

  const isAnalysed = async (id) => {
    const stream = await getJson(api(id));
    return stream !== null && stream.enabled && stream.status === 'in_progress';
  };

  // Calls step(analysed) now and then every periodMs; step returns whether the stream is (still) analysed.
  const watch = (id, analysed, periodMs, step) => {
    let known = analysed;
    const tick = async () => {
      if (!known) known = await isAnalysed(id);
      known = await step(known);
      setTimeout(tick, periodMs);
    };
    tick();
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
    const show = (on) => {
      image.hidden = !on;
      empty.hidden = on;
    };
    // A refused view (too many viewers, the stream gone) shows the message instead of a broken picture.
    image.addEventListener('error', () => {
      image.removeAttribute('src');
      show(false);
    });
    watch(id, live.dataset.analysed === 'true', 2000, async (analysed) => {
      const s = analysed ? await getJson(`${api(id)}/stats`) : null;
      fillTable(live, s);
      if (s === null) {
        image.removeAttribute('src');
        show(false);
      } else if (!image.getAttribute('src')) {
        image.src = `${api(id)}/live.mjpeg`;
        show(true);
      }
      return s !== null;
    });
  }

  document.querySelectorAll('[data-stats-for]').forEach((cell) => {
    const id = cell.dataset.statsFor;
    const thumb = document.querySelector(`img[data-preview-of="${CSS.escape(id)}"]`);
    let loading = false;
    if (thumb) {
      thumb.addEventListener('load', () => { loading = false; thumb.hidden = false; });
      thumb.addEventListener('error', () => { loading = false; thumb.hidden = true; });
    }
    watch(id, cell.dataset.analysed === 'true', 3000, async (analysed) => {
      const s = analysed ? await getJson(`${api(id)}/stats`) : null;
      cell.textContent = s
        ? `${s.analysedFps} fps analysed, ${s.droppedPercent} % dropped, ${s.activeTracks} track(s), ${s.bestShotsSent} best shot(s)`
        : 'not analysed';
      // The first analysed frame is always drawn, and is drawn before the second is counted.
      if (thumb && s && s.framesAnalysed > 1 && !loading) {
        loading = true;
        thumb.src = `${api(id)}/preview.jpg?t=${Date.now()}`;
      } else if (thumb && !s) {
        thumb.hidden = true;
      }
      return s !== null;
    });
  });
})();
