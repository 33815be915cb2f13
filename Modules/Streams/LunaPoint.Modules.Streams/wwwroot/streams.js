// Stream form: show the source example and hint of the chosen type. A static file, never inline
// script: the console's Content-Security-Policy allows scripts from 'self' only.
(() => {
  const type = document.querySelector('select[data-source-for]');
  if (!type) {
    return;
  }

  const source = document.getElementById(type.dataset.sourceFor);
  const hint = document.getElementById(type.dataset.hintFor);
  const update = () => {
    const option = type.selectedOptions[0];
    if (option && source && hint) {
      source.placeholder = option.dataset.placeholder || '';
      hint.textContent = option.dataset.hint || '';
    }
  };
  type.addEventListener('change', update);
  update();
})();
