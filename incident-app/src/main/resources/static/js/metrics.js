// The metrics dashboard: time to acknowledge / mitigate / resolve by severity, the weekly trend, and the share of
// incidents customers found before we did. Charts by Chart.js (from its WebJar); every figure is also in a table.
import {api} from './api.js';
import {duration, el, isoDuration, replace, showError} from './dom.js';

const SEVERITY_COLOURS = {SEV1: '#b42318', SEV2: '#dc6803', SEV3: '#b54708', SEV4: '#1d4ed8', SEV5: '#667085'};
const DISTRIBUTIONS = [['timeToAcknowledge', 'Time to acknowledge'], ['timeToMitigate', 'Time to mitigate'],
    ['timeToResolve', 'Time to resolve']];
const TABLE_METRICS = [['timeToDetect', 'Detect'], ['timeToAcknowledge', 'Acknowledge'], ['timeToLeader', 'Leader'],
    ['timeToFirstUpdate', 'First update'], ['timeToMitigate', 'Mitigate'], ['timeToResolve', 'Resolve'],
    ['impactDuration', 'Impact'], ['longestUpdateGap', 'Update gap']];
const PERIODS = [['30', 'Last 30 days'], ['90', 'Last 90 days'], ['365', 'Last year'], ['', 'All time']];

let days = '90';

export async function renderMetrics(view) {
    const charts = [];
    const body = el('div', {className: 'dashboard', id: 'dashboard'});
    const error = el('p', {className: 'error', role: 'alert', hidden: true});
    const period = el('select', {name: 'period', id: 'metrics-period'}, PERIODS.map(([value, text]) =>
        el('option', {value, text, selected: value === days})));
    period.addEventListener('change', () => { days = period.value; load(); });
    replace(view,
        el('section', {className: 'page-head'}, el('h1', {text: 'Response metrics'}),
            el('label', {}, 'Period ', period)),
        el('p', {className: 'hint', text: 'Incidents declared in the period, drills left out. Medians and 90th '
                + 'percentiles; only incidents whose clock started and stopped count.'}),
        error, body);

    async function load() {
        charts.splice(0).forEach(chart => chart.destroy());
        const query = new URLSearchParams();
        if (days) query.set('from', new Date(Date.now() - Number(days) * 86400000).toISOString());
        try {
            const [overall, bySeverity, byWeek] = await Promise.all(['', 'severity', 'week'].map(groupBy =>
                api(`/api/metrics?${query}${groupBy ? `&groupBy=${groupBy}` : ''}`)));
            error.hidden = true;
            render(body, overall, bySeverity, byWeek, charts);
        } catch (failure) {
            showError(error, failure);
            replace(body);
        }
    }

    await load();
    return () => charts.splice(0).forEach(chart => chart.destroy());
}

function render(body, overall, bySeverity, byWeek, charts) {
    const all = overall.groups[0] || {incidents: 0, customerFirst: 0, customerFirstShare: 0, metrics: {}};
    const median = (group, metric) => minutes(group.metrics[metric] && group.metrics[metric].p50);
    const p90 = (group, metric) => minutes(group.metrics[metric] && group.metrics[metric].p90);
    const canvas = id => el('canvas', {id, role: 'img'});

    replace(body,
        el('div', {className: 'tiles'},
            tile('Incidents', String(all.incidents), 'tile-incidents'),
            tile('Median time to acknowledge', figure(all, 'timeToAcknowledge'), 'tile-ack'),
            tile('Median time to mitigate', figure(all, 'timeToMitigate'), 'tile-mitigate'),
            tile('Median time to resolve', figure(all, 'timeToResolve'), 'tile-resolve'),
            tile('Found by customers first', `${Math.round(all.customerFirstShare * 100)}%`
                + ` (${all.customerFirst} of ${all.incidents})`, 'tile-customer-first')),
        el('div', {className: 'chart-grid'},
            DISTRIBUTIONS.map(([metric, label]) => el('section', {className: 'panel chart'},
                el('h2', {text: `${label} by severity`}), canvas(`chart-${metric}`))),
            el('section', {className: 'panel chart wide'}, el('h2', {text: 'Per week'}), canvas('chart-trend')),
            el('section', {className: 'panel chart'}, el('h2', {text: 'Who found it first'}),
                canvas('chart-customer-first'))),
        el('section', {className: 'panel'}, el('h2', {text: 'By severity (median / 90th percentile)'}),
            el('table', {className: 'figures', id: 'metrics-table'},
                el('thead', {}, el('tr', {}, el('th', {text: 'Severity'}), el('th', {text: 'Incidents'}),
                    TABLE_METRICS.map(([, label]) => el('th', {text: label})))),
                el('tbody', {}, bySeverity.groups.map(group => el('tr', {dataset: {group: group.key}},
                    el('th', {scope: 'row'}, el('span', {className: `badge sev sev-${group.key}`, text: group.key})),
                    el('td', {className: 'num', text: String(group.incidents)}),
                    TABLE_METRICS.map(([metric]) => el('td', {className: 'num', text: spread(group, metric)})))),
                bySeverity.groups.length ? null : el('tr', {}, el('td', {colSpan: TABLE_METRICS.length + 2,
                    className: 'empty', text: 'No incidents in this period.'}))))));

    const Chart = window.Chart;
    if (!Chart) {
        body.querySelectorAll('.chart').forEach(section => section.append(el('p', {className: 'hint',
            text: 'Charts could not be loaded; the figures are in the table below.'})));
        return;
    }
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.color = '#475467';
    const minuteAxis = {beginAtZero: true, title: {display: true, text: 'minutes'}};
    for (const [metric, label] of DISTRIBUTIONS) {
        const groups = bySeverity.groups;
        charts.push(new Chart(document.getElementById(`chart-${metric}`), {
            type: 'bar',
            data: {
                labels: groups.map(group => group.key),
                datasets: [
                    {label: 'median', data: groups.map(group => median(group, metric)),
                        backgroundColor: groups.map(group => SEVERITY_COLOURS[group.key] || '#475467')},
                    {label: '90th percentile', data: groups.map(group => p90(group, metric)),
                        backgroundColor: groups.map(group => `${SEVERITY_COLOURS[group.key] || '#475467'}66`)}
                ]
            },
            options: {responsive: true, maintainAspectRatio: false, scales: {y: minuteAxis},
                plugins: {tooltip: {callbacks: {label: item => `${item.dataset.label}: ${label.toLowerCase()} `
                            + duration(item.raw * 60000)}}}}
        }));
    }
    const weeks = byWeek.groups;
    charts.push(new Chart(document.getElementById('chart-trend'), {
        data: {
            labels: weeks.map(group => group.key),
            datasets: [
                {type: 'bar', label: 'incidents', data: weeks.map(group => group.incidents), yAxisID: 'count',
                    backgroundColor: '#d0d5dd'},
                {type: 'line', label: 'median time to resolve (min)', data: weeks.map(group =>
                    median(group, 'timeToResolve')), yAxisID: 'time', borderColor: '#1d4ed8',
                    backgroundColor: '#1d4ed8', tension: 0.2, spanGaps: true},
                {type: 'line', label: 'median time to acknowledge (min)', data: weeks.map(group =>
                    median(group, 'timeToAcknowledge')), yAxisID: 'time', borderColor: '#dc6803',
                    backgroundColor: '#dc6803', tension: 0.2, spanGaps: true}
            ]
        },
        options: {responsive: true, maintainAspectRatio: false, scales: {
            count: {position: 'left', beginAtZero: true, ticks: {precision: 0}, title: {display: true,
                text: 'incidents'}},
            time: {position: 'right', beginAtZero: true, grid: {drawOnChartArea: false},
                title: {display: true, text: 'minutes'}}}}
    }));
    charts.push(new Chart(document.getElementById('chart-customer-first'), {
        type: 'doughnut',
        data: {
            labels: ['a customer, before us', 'we did'],
            datasets: [{data: [all.customerFirst, all.incidents - all.customerFirst],
                backgroundColor: ['#b42318', '#12b76a']}]
        },
        options: {responsive: true, maintainAspectRatio: false, plugins: {legend: {position: 'bottom'}}}
    }));
}

function tile(label, value, id) {
    return el('div', {className: 'tile', id}, el('div', {className: 'value', text: value}),
        el('div', {className: 'label', text: label}));
}

function figure(group, metric) {
    const summary = group.metrics[metric];
    return summary && summary.count ? duration(isoDuration(summary.p50)) : '—';
}

function spread(group, metric) {
    const summary = group.metrics[metric];
    return summary && summary.count
        ? `${duration(isoDuration(summary.p50))} / ${duration(isoDuration(summary.p90))}` : '—';
}

function minutes(iso) {
    const ms = isoDuration(iso);
    return ms === null ? null : Math.round(ms / 600) / 100;
}
