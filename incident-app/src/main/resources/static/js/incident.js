// One incident: milestones with the durations between them, the timeline with an "as known at" slider, roles,
// tasks, response metrics, the forms a responder needs, and the postmortem preview.
import {api} from './api.js';
import {myName} from './me.js';
import {
    between, duration, el, isoDuration, localInputToInstant, replace, severityBadge, showError, statusPill, time,
    words
} from './dom.js';

const MILESTONES = [
    ['IMPACT_STARTED', 'Impact started'], ['DETECTED', 'Detected'], ['DECLARED', 'Declared'],
    ['ACKNOWLEDGED', 'Acknowledged'], ['MITIGATED', 'Mitigated'], ['RESOLVED', 'Resolved'],
    ['IMPACT_ENDED', 'Impact ended']
];
const MILESTONE_KINDS = new Set(['IMPACT_STARTED', 'DETECTED', 'DECLARED', 'ACKNOWLEDGED', 'MITIGATED', 'RESOLVED',
    'REOPENED', 'CLOSED']);
const METRICS = [
    ['timeToDetect', 'Time to detect'], ['timeToAcknowledge', 'Time to acknowledge'],
    ['timeToLeader', 'Time to a leader'], ['timeToFirstUpdate', 'Time to first update'],
    ['timeToMitigate', 'Time to mitigate'], ['timeToResolve', 'Time to resolve'],
    ['timeToMitigateFromImpact', 'Mitigated after impact began'],
    ['timeToResolveFromImpact', 'Resolved after impact began'], ['impactDuration', 'Impact duration'],
    ['longestUpdateGap', 'Longest gap between updates']
];

export async function renderIncident(view, id) {
    const path = `/api/incidents/${encodeURIComponent(id)}`;
    const state = {incident: null, timeline: null, stamps: [], position: null, closed: false};
    const head = el('section', {className: 'incident-head', id: 'incident-head'});
    const milestones = el('ol', {className: 'milestones', id: 'milestones', 'aria-label': 'Milestones'});
    const entries = el('ol', {className: 'timeline', id: 'timeline'});
    const slider = el('input', {type: 'range', id: 'known-at', min: 0, max: 0, value: 0,
        'aria-label': 'Show the timeline as known at'});
    const sliderLabel = el('output', {id: 'known-at-label', for: 'known-at'});
    const side = el('aside', {className: 'side'});
    const error = el('p', {className: 'error', role: 'alert', hidden: true});

    replace(view,
        el('p', {className: 'back'}, el('a', {href: '#/', text: '← All incidents'})),
        error, head, milestones,
        el('div', {className: 'columns'},
            el('section', {className: 'panel timeline-panel'},
                el('div', {className: 'panel-head'},
                    el('h2', {text: 'Timeline'}),
                    el('div', {className: 'slider'}, el('label', {for: 'known-at', text: 'As known at'}), slider,
                        sliderLabel)),
                entries),
            side));

    slider.addEventListener('input', () => {
        state.position = Number(slider.value) >= state.stamps.length ? null : Number(slider.value);
        clearTimeout(state.sliderTimer);
        state.sliderTimer = setTimeout(loadTimeline, 120);
        showSliderLabel();
    });

    function showSliderLabel() {
        replace(sliderLabel, state.position === null ? 'now'
            : time(state.stamps[state.position]));
    }

    async function loadIncident() {
        try {
            state.incident = await api(path);
            error.hidden = true;
            return true;
        } catch (failure) {
            if (failure.status === 404) {
                replace(head, el('h1', {text: 'Waiting for the incident…'}),
                    el('p', {className: 'hint', text: 'It was recorded; the views catch up in a moment.'}));
                return false;
            }
            showError(error, failure);
            return false;
        }
    }

    async function fetchTimeline() {
        const knownAt = state.position === null ? '' : `?knownAt=${encodeURIComponent(state.stamps[state.position])}`;
        try {
            return await api(`${path}/timeline${knownAt}`);
        } catch (failure) {
            showError(error, failure);
            return null;
        }
    }

    function showTimeline(timeline) {
        if (!timeline) {
            return;
        }
        if (state.position === null) {
            state.timeline = timeline;
            state.stamps = recordedStamps(timeline.entries);
            slider.max = state.stamps.length;
            slider.value = state.stamps.length;
            showSliderLabel();
        }
        renderTimeline(entries, timeline, state.position !== null);
    }

    async function loadTimeline() {
        showTimeline(await fetchTimeline());
    }

    /** Fetches first, then renders every part in one go, so the page never shows half an update. */
    async function loadAll() {
        const [found, timeline] = await Promise.all([loadIncident(), fetchTimeline()]);
        if (!found) {
            return false;
        }
        renderHead(head, state.incident);
        renderMilestones(milestones, state.incident);
        showTimeline(timeline);
        renderSide(side, state.incident, path, write);
        loadMetrics(side, path);
        return true;
    }

    /** Sends a write, then refreshes until the read models show it (they are eventually consistent). */
    async function write(target, request, feedback) {
        if (!myName()) {
            showError(feedback, 'Enter your name at the top of the page first: it is recorded as who did it.');
            return false;
        }
        const before = state.incident ? state.incident.lastChangedAt : null;
        const entriesBefore = state.timeline ? state.timeline.entries.length : 0;
        try {
            await api(`${path}${target}`, {method: 'POST', body: request});
        } catch (failure) {
            showError(feedback, failure);
            return false;
        }
        for (let attempt = 0; attempt < 40; attempt++) {
            await new Promise(resolve => setTimeout(resolve, 250));
            const incident = await api(path).catch(() => null);
            const timeline = await api(`${path}/timeline`).catch(() => null);
            if (incident && timeline && incident.lastChangedAt !== before
                && timeline.entries.length !== entriesBefore) {
                break;
            }
        }
        state.position = null;
        await loadAll();
        return true;
    }

    // Every second until the read models have the incident (right after it was declared), then every 10 seconds.
    let shown = await loadAll();
    let stopped = false;
    let timer;
    const refresh = async () => {
        if (!shown) {
            shown = await loadAll();
        } else if (state.position === null && !document.querySelector('.side form :focus')) {
            await loadIncident();
            if (state.incident) {
                renderHead(head, state.incident);
                renderMilestones(milestones, state.incident);
            }
            await loadTimeline();
            // The metrics read model may have caught up after the others: its panel follows too.
            await loadMetrics(side, path);
        }
        if (!stopped) {
            timer = setTimeout(refresh, shown ? 10000 : 1000);
        }
    };
    timer = setTimeout(refresh, shown ? 10000 : 1000);
    return () => {
        stopped = true;
        clearTimeout(timer);
    };
}

/** Every moment something of the timeline was recorded (entries and their amendments), oldest first. */
function recordedStamps(entries) {
    const stamps = new Map();
    const add = instant => {
        if (instant) {
            const ms = new Date(instant).getTime();
            const known = stamps.get(ms);
            if (!known || instant > known) stamps.set(ms, instant);
        }
    };
    for (const entry of entries) {
        add(entry.recordedAt);
        entry.revisions.forEach(revision => add(revision.replacedAt));
    }
    return [...stamps.entries()].sort((a, b) => a[0] - b[0]).map(([, instant]) => instant);
}

function renderHead(head, incident) {
    const leader = incident.roles.find(role => role.role === 'LEADER');
    replace(head,
        el('div', {className: 'title-line'},
            severityBadge(incident.severity),
            el('h1', {id: 'incident-title', text: incident.title}),
            statusPill(incident.status),
            incident.drill ? el('span', {className: 'badge drill', text: 'drill'}) : null),
        el('p', {className: 'facts'},
            el('span', {}, 'Declared ', time(incident.declaredAt), ' by ', el('strong', {text: incident.declaredBy})),
            el('span', {}, 'Found by ', words(incident.detectedBy).toLowerCase()),
            el('span', {}, 'Leader ', el('strong', {id: 'incident-leader', text: leader ? leader.person : 'nobody yet'})),
            incident.services.length ? el('span', {}, 'Services ',
                incident.services.map(service => el('span', {className: 'chip', text: service}))) : null,
            incident.customersAffected !== null ? el('span', {}, `${incident.customersAffected} customers affected`)
                : null));
}

function renderMilestones(list, incident) {
    const times = {...incident.milestones, DECLARED: incident.declaredAt};
    let previous = null;
    replace(list, MILESTONES.map(([key, label]) => {
        const at = times[key];
        const gap = at && previous ? between(previous, at) : null;
        if (at) previous = at;
        return el('li', {className: `milestone ${at ? 'reached' : 'pending'}`, dataset: {milestone: key}},
            gap !== null ? el('span', {className: 'gap', title: 'since the milestone before', text: `+${duration(gap)}`})
                : el('span', {className: 'gap'}),
            el('span', {className: 'dot'}),
            el('span', {className: 'label', text: label}),
            time(at));
    }));
}

function renderTimeline(list, timeline, past) {
    if (timeline.entries.length === 0) {
        replace(list, el('li', {className: 'empty', text: past ? 'Nothing had been recorded yet at that time.'
                : 'Nothing recorded yet.'}));
        return;
    }
    let lastMilestone = null;
    replace(list, timeline.entries.map(entry => {
        const milestone = MILESTONE_KINDS.has(entry.kind);
        const sinceMilestone = milestone && lastMilestone ? between(lastMilestone, entry.occurredAt) : null;
        if (milestone) lastMilestone = entry.occurredAt;
        const lag = between(entry.occurredAt, entry.recordedAt);
        const classes = ['entry', `kind-${entry.kind}`, milestone ? 'is-milestone' : '',
            entry.visibility === 'PUBLIC' ? 'is-public' : 'is-internal', entry.pinned ? 'is-pinned' : '',
            entry.amended ? 'is-amended' : '', entry.redacted ? 'is-redacted' : ''].filter(Boolean).join(' ');
        return el('li', {className: classes, dataset: {kind: entry.kind, id: entry.id}},
            el('div', {className: 'when'}, time(entry.occurredAt, true),
                sinceMilestone !== null ? el('span', {className: 'since', title: 'since the milestone before',
                    text: `+${duration(sinceMilestone)}`}) : null),
            el('div', {className: 'marker', 'aria-hidden': 'true'}),
            el('div', {className: 'body'},
                el('div', {className: 'meta'},
                    el('span', {className: 'kind', text: words(entry.kind)}),
                    entry.actor ? el('span', {className: 'actor', text: entry.actor}) : null,
                    el('span', {className: `badge vis vis-${entry.visibility}`, text: words(entry.visibility)}),
                    entry.pinned ? el('span', {className: 'badge pinned', text: 'Pinned'}) : null,
                    entry.amended ? el('span', {className: 'badge amended', text: 'Amended'}) : null,
                    entry.redacted ? el('span', {className: 'badge redacted', text: 'Redacted'}) : null,
                    lag > 60000 ? el('span', {className: 'lag', title: `recorded ${entry.recordedAt} (UTC)`,
                        text: `recorded ${duration(lag)} later`}) : null),
                entry.redacted ? el('p', {className: 'text redacted-text', text: 'Content removed.'})
                    : el('p', {className: 'text', text: entry.text || ''}),
                entry.links.length ? el('ul', {className: 'links'}, entry.links.map(link =>
                    el('li', {}, el('a', {href: safeUrl(link), rel: 'noopener noreferrer', target: '_blank',
                        text: link})))) : null,
                entry.revisions.length ? el('details', {className: 'revisions'},
                    el('summary', {text: `${entry.revisions.length} earlier version${entry.revisions.length > 1
                        ? 's' : ''}`}),
                    el('ul', {}, entry.revisions.map(revision => el('li', {},
                        time(revision.occurredAt), ' ',
                        el('span', {text: revision.text === null ? '(removed)' : revision.text}),
                        el('span', {className: 'sub', text: ` — changed by ${revision.amendedBy}`
                            + (revision.reason ? `: ${revision.reason}` : '')}))))) : null));
    }));
}

/** Only web links become clickable (no javascript: or data: URLs from typed text). */
function safeUrl(link) {
    try {
        const url = new URL(link);
        return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '#';
    } catch (notAUrl) {
        return '#';
    }
}

function renderSide(side, incident, path, write) {
    const open = ['DECLARED', 'ACKNOWLEDGED', 'MITIGATED'].includes(incident.status);
    const forms = [];
    const form = (id, title, fields, submitText, toRequest, target) => {
        const feedback = el('p', {className: 'error', role: 'alert', hidden: true});
        const button = el('button', {type: 'submit', className: 'primary', text: submitText});
        const node = el('form', {id, className: 'action'},
            el('h3', {text: title}), fields, feedback, el('div', {className: 'buttons'}, button));
        node.addEventListener('submit', async event => {
            event.preventDefault();
            feedback.hidden = true;
            button.disabled = true;
            try {
                await write(target, toRequest(node.elements), feedback);
            } finally {
                button.disabled = false;
            }
        });
        forms.push(node);
    };
    if (incident.status === 'DECLARED') {
        form('ack-form', 'Acknowledge', el('p', {className: 'hint', text: 'You are on it.'}), 'Acknowledge',
            () => ({by: myName()}), '/acknowledgements');
    }
    if (incident.status !== 'CLOSED') {
        form('update-form', 'Post a status update', [
            el('textarea', {name: 'text', required: true, rows: 3, maxlength: 5000,
                placeholder: 'What we know, what we do, when the next update comes'}),
            el('label', {}, 'Visible to ', el('select', {name: 'visibility'},
                el('option', {value: 'INTERNAL', text: 'responders only'}),
                el('option', {value: 'PUBLIC', text: 'customers too (public)'})))
        ], 'Post update', fields => ({author: myName(), text: fields.text.value, visibility: fields.visibility.value}),
        '/updates');
        form('note-form', 'Add a note', [
            el('textarea', {name: 'text', required: true, rows: 2, maxlength: 5000,
                placeholder: 'Something that happened (may be earlier)'}),
            el('label', {}, 'Happened at ', el('input', {name: 'occurredAt', type: 'datetime-local', step: 1}))
        ], 'Add note', fields => ({author: myName(), text: fields.text.value,
            occurredAt: localInputToInstant(fields.occurredAt.value)}), '/notes');
        form('role-form', 'Assign a role', el('div', {className: 'row'},
            el('select', {name: 'role'}, ['LEADER', 'COMMUNICATOR', 'SCRIBE'].map(role =>
                el('option', {value: role, text: words(role)}))),
            el('input', {name: 'person', required: true, maxlength: 100, placeholder: 'person'})),
        'Assign', fields => ({role: fields.role.value, person: fields.person.value.trim(), by: myName()}), '/roles');
    }
    if (incident.status === 'DECLARED' || incident.status === 'ACKNOWLEDGED') {
        form('mitigate-form', 'Mitigate', el('input', {name: 'summary', required: true, maxlength: 1000,
            placeholder: 'How the impact was stopped'}), 'Mark mitigated',
        fields => ({by: myName(), summary: fields.summary.value}), '/mitigation');
    }
    if (open) {
        form('resolve-form', 'Resolve', el('input', {name: 'summary', required: true, maxlength: 1000,
            placeholder: 'Why it is over'}), 'Mark resolved',
        fields => ({by: myName(), summary: fields.summary.value}), '/resolution');
    }

    const tasks = [...incident.openTasks, ...incident.completedTasks];
    replace(side,
        el('section', {className: 'panel', id: 'roles'}, el('h2', {text: 'Roles'}),
            incident.roles.length === 0 ? el('p', {className: 'hint', text: 'Nobody holds a role yet.'})
                : el('dl', {className: 'roles'}, incident.roles.map(role => [
                    el('dt', {text: words(role.role)}),
                    el('dd', {}, el('span', {text: role.person}), ' since ', time(role.since, true))]))),
        el('section', {className: 'panel', id: 'tasks'}, el('h2', {text: 'Tasks'}),
            tasks.length === 0 ? el('p', {className: 'hint', text: 'No tasks.'})
                : el('ul', {className: 'tasks'}, tasks.map(task => el('li', {className: task.completedAt ? 'done' : ''},
                    el('span', {className: 'check', text: task.completedAt ? '✓' : '○'}),
                    el('span', {text: task.title}),
                    el('span', {className: 'sub', text: ` — ${task.assignee}`}))))),
        forms.length ? el('section', {className: 'panel actions', id: 'actions'}, el('h2', {text: 'Respond'}), forms)
            : null,
        el('section', {className: 'panel', id: 'incident-metrics', hidden: true}),
        postmortemPanel(incident, path));
}

async function loadMetrics(side, path) {
    const panel = side.querySelector('#incident-metrics');
    try {
        const metrics = await api(`${path}/metrics`);
        replace(panel, el('h2', {text: 'Response metrics'}),
            el('dl', {className: 'metrics'}, METRICS.map(([key, label]) => [
                el('dt', {text: label}),
                el('dd', {dataset: {metric: key}, text: duration(isoDuration(metrics[key]))})])),
            metrics.customerFirst ? el('p', {className: 'warn', text: 'A customer told us first.'}) : null);
        panel.hidden = false;
    } catch (failure) {
        panel.hidden = true;
    }
}

function postmortemPanel(incident, path) {
    const output = el('pre', {className: 'markdown', id: 'postmortem-text', hidden: true});
    const feedback = el('p', {className: 'hint', id: 'postmortem-message', hidden: true});
    const download = el('a', {className: 'button', id: 'postmortem-download', hidden: true,
        text: 'Download Markdown'});
    const preview = el('button', {type: 'button', id: 'postmortem-open', text: 'Preview postmortem'});
    preview.addEventListener('click', async () => {
        feedback.hidden = true;
        try {
            const markdown = await api(`${path}/postmortem`, {headers: {Accept: 'text/markdown'}});
            output.textContent = markdown;
            output.hidden = false;
            if (download.href) URL.revokeObjectURL(download.href);
            download.href = URL.createObjectURL(new Blob([markdown], {type: 'text/markdown'}));
            download.download = `postmortem-${incident.id}.md`;
            download.hidden = false;
        } catch (failure) {
            output.hidden = true;
            download.hidden = true;
            feedback.hidden = false;
            feedback.textContent = failure.status === 404 && failure.code === 'NOT_FOUND'
                ? 'This server has no postmortem view.' : `No postmortem to show: ${failure.message}`;
        }
    });
    return el('section', {className: 'panel', id: 'postmortem'},
        el('h2', {text: 'Postmortem'}),
        el('p', {className: 'hint', text: `Status: ${words(incident.postmortem)}`}),
        el('div', {className: 'buttons'}, preview, download), feedback, output);
}
