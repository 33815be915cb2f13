// Watchlist pages: paint each list's colour swatch from its data attribute (the CSP forbids inline styles).
(() => {
  for (const swatch of document.querySelectorAll('[data-swatch]')) {
    if (/^#[0-9a-fA-F]{6}$/.test(swatch.dataset.swatch)) {
      swatch.style.backgroundColor = swatch.dataset.swatch;
    }
  }
})();
