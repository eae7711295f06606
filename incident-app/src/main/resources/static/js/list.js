// The incident list: status, severity, service, age, leader, with filters.
import {api} from './api.js';
import {duration, el, replace, severityBadge, showError, statusPill, time, words} from './dom.js';

const filters = {status: '', severity: '', service: '', detectedBy: ''};
const OPEN = 'DECLARED,ACKNOWLEDGED,MITIGATED';

export async function renderList(view) {
    const rows = el('tbody');
    const error = el('p', {className: 'error', role: 'alert', hidden: true});
    const count = el('span', {className: 'count'});

    const select = (name, label, options) => el('label', {}, label, el('select', {
        name, on: {change: event => { filters[name] = event.target.value; load(); }}
    }, options.map(([value, text]) => el('option', {value, text, selected: filters[name] === value}))));

    const serviceInput = el('input', {name: 'service', value: filters.service, placeholder: 'any service',
        on: {change: event => { filters.service = event.target.value.trim(); load(); }}});

    replace(view,
        el('section', {className: 'page-head'},
            el('h1', {text: 'Incidents'}), count),
        el('form', {className: 'filters', on: {submit: event => event.preventDefault()}},
            select('status', 'Status', [['', 'All'], ['open', 'Open'], ['DECLARED', 'Declared'],
                ['ACKNOWLEDGED', 'Acknowledged'], ['MITIGATED', 'Mitigated'], ['RESOLVED', 'Resolved'],
                ['CLOSED', 'Closed']]),
            select('severity', 'Severity', [['', 'Any'], ['SEV1', 'SEV1'], ['SEV2', 'SEV2'], ['SEV3', 'SEV3'],
                ['SEV4', 'SEV4'], ['SEV5', 'SEV5']]),
            el('label', {}, 'Service', serviceInput),
            select('detectedBy', 'Found by', [['', 'Anyone'], ['ALERT', 'Alert'], ['CUSTOMER', 'Customer'],
                ['MONITORING', 'Monitoring'], ['MANUAL', 'Team']])),
        error,
        el('table', {className: 'incidents', id: 'incident-list'},
            el('thead', {}, el('tr', {},
                ['Severity', 'Incident', 'Status', 'Services', 'Age', 'Leader', 'Declared', 'Postmortem']
                    .map(title => el('th', {scope: 'col', text: title})))),
            rows));

    async function load() {
        const query = new URLSearchParams();
        const status = filters.status === 'open' ? OPEN : filters.status;
        if (status) query.set('status', status);
        if (filters.severity) query.set('severity', filters.severity);
        if (filters.service) query.set('service', filters.service);
        if (filters.detectedBy) query.set('detectedBy', filters.detectedBy);
        try {
            const incidents = await api(`/api/incidents?${query}`);
            error.hidden = true;
            count.textContent = `${incidents.length} shown`;
            replace(rows, incidents.length === 0
                ? el('tr', {}, el('td', {colSpan: 8, className: 'empty', text: 'No incidents match.'}))
                : incidents.map(row));
        } catch (failure) {
            showError(error, failure);
        }
    }

    await load();
    const timer = setInterval(load, 15000);
    return () => clearInterval(timer);
}

function row(incident) {
    const age = Date.now() - new Date(incident.declaredAt);
    return el('tr', {className: `incident-row sev-row-${incident.severity}`, dataset: {id: incident.id}},
        el('td', {}, severityBadge(incident.severity)),
        el('td', {className: 'title'},
            el('a', {href: `#/incidents/${encodeURIComponent(incident.id)}`, text: incident.title}),
            incident.drill ? el('span', {className: 'badge drill', text: 'drill'}) : null,
            el('div', {className: 'sub', text: `found by ${words(incident.detectedBy).toLowerCase()}`})),
        el('td', {}, statusPill(incident.status)),
        el('td', {}, incident.services.map(service => el('span', {className: 'chip', text: service}))),
        el('td', {className: 'num', text: duration(age)}),
        el('td', {text: incident.leader || '—'}),
        el('td', {}, time(incident.declaredAt)),
        el('td', {text: words(incident.postmortem)}));
}
