// Zhenwu page behaviour: CSRF header on htmx requests, ECharts for elements that carry their data as JSON.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

function zhenwuCharts(root) {
  if (typeof echarts === 'undefined') { return; }
  (root || document).querySelectorAll('[data-chart]').forEach(function (el) {
    if (el.dataset.chartReady) { return; }
    el.dataset.chartReady = '1';
    var chart = echarts.init(el);
    chart.setOption(JSON.parse(el.dataset.chart));
    window.addEventListener('resize', function () { chart.resize(); });
  });
}
document.addEventListener('DOMContentLoaded', function () { zhenwuCharts(document); });
document.addEventListener('htmx:afterSettle', function (event) { zhenwuCharts(event.target); });
