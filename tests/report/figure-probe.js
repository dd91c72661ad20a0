// Appended (in a test copy only; the report itself has no script) to a trialsim report: once the page
// has loaded, draws every figure image on a canvas and counts the pixels that are not near-white,
// as the browser decoded and laid it out. Results go into a pre element (id figure-probe), one line per figure:
// "ID complete=BOOL natural=WxH shown=WxH ink=N pixels=N".
window.addEventListener('load', () => {
  const lines = [];
  for (const figure of document.querySelectorAll('figure')) {
    const img = figure.querySelector('img');
    if (!img) { lines.push(`${figure.id} missing-image`); continue; }
    let ink = 0, pixels = 0;
    if (img.complete && img.naturalWidth > 0) {
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const context = canvas.getContext('2d');
      context.drawImage(img, 0, 0);
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      pixels = canvas.width * canvas.height;
      for (let i = 0; i < data.length; i += 4)
        if (data[i + 3] > 0 && (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235)) ink++;
    }
    const box = img.getBoundingClientRect();
    lines.push(`${figure.id} complete=${img.complete} natural=${img.naturalWidth}x${img.naturalHeight} shown=${Math.round(box.width)}x${Math.round(box.height)} ink=${ink} pixels=${pixels}`);
  }
  const pre = document.createElement('pre');
  pre.id = 'figure-probe';
  pre.textContent = lines.join('\n');
  document.body.appendChild(pre);
});
