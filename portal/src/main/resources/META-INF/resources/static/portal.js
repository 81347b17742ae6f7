// A request's page follows the desk's work: its state and timeline are fetched again every few seconds.
(function () {
  var live = document.getElementById('live');
  if (!live) { return; }
  var url = live.getAttribute('data-refresh');
  var rounds = 0;
  var timer = setInterval(function () {
    if (++rounds > 300) { clearInterval(timer); return; }
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (answer) { return answer.ok ? answer.text() : null; })
      .then(function (html) {
        if (html !== null && html !== live.innerHTML && !live.contains(document.activeElement)) {
          live.innerHTML = html;
        }
      })
      .catch(function () { /* the next round tries again */ });
  }, 2000);
})();
