// The dashboard's charts, drawn from the page's JSON block (labels already translated), and the period form showing
// only the fields the chosen preset uses. The same numbers are in the tables: without this script nothing is lost.
(function () {
    'use strict';

    function syncPeriodFields() {
        var period = document.getElementById('period');
        if (!period) {
            return;
        }
        document.querySelectorAll('[data-period-field]').forEach(function (field) {
            var shown = field.getAttribute('data-period-field') === period.value || field.querySelector('.is-invalid');
            field.classList.toggle('d-none', !shown);
        });
    }

    function options(spec) {
        var percent = spec.max === 100;
        var scales = spec.type === 'doughnut' ? {} : {
            x: {stacked: spec.stacked},
            y: {stacked: spec.stacked, beginAtZero: true, max: percent ? 100 : undefined,
                ticks: {precision: 0}}
        };
        return {
            responsive: true,
            maintainAspectRatio: false,
            spanGaps: true,
            scales: scales,
            plugins: {legend: {position: 'bottom', display: spec.type === 'doughnut' || spec.datasets.length > 1}}
        };
    }

    function dataset(series) {
        var set = {label: series.label, data: series.data};
        if (series.reference) {
            set.borderDash = [6, 4];
            set.pointRadius = 0;
            set.borderColor = '#6c757d';
            set.backgroundColor = '#6c757d';
            set.fill = false;
        }
        return set;
    }

    function drawCharts() {
        var block = document.getElementById('dashboard-data');
        if (!block || typeof window.Chart === 'undefined') {
            return;
        }
        var charts = JSON.parse(block.dataset.charts);
        document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
            var spec = charts[canvas.getAttribute('data-chart')];
            if (!spec || spec.labels.length === 0) {
                canvas.parentElement.classList.add('d-none');
                return;
            }
            new window.Chart(canvas, {
                type: spec.type,
                data: {labels: spec.labels, datasets: spec.datasets.map(dataset)},
                options: options(spec)
            });
        });
    }

    document.addEventListener('change', function (event) {
        if (event.target.id === 'period') {
            syncPeriodFields();
        }
    });
    document.addEventListener('DOMContentLoaded', function () {
        syncPeriodFields();
        drawCharts();
    });
})();
