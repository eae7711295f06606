// Small DOM helpers. Text people typed only ever reaches the page as text nodes (never innerHTML).

/** Creates an element: el('a', {href: '#', className: 'x', on: {click: f}}, 'text', child, [more]). */
export function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
        if (value === undefined || value === null || value === false) {
            continue;
        }
        if (key === 'className') {
            node.className = value;
        } else if (key === 'text') {
            node.textContent = value;
        } else if (key === 'on') {
            for (const [event, handler] of Object.entries(value)) {
                node.addEventListener(event, handler);
            }
        } else if (key === 'dataset') {
            Object.assign(node.dataset, value);
        } else if (key in node && typeof value !== 'string') {
            node[key] = value;
        } else {
            node.setAttribute(key, value === true ? '' : String(value));
        }
    }
    append(node, children);
    return node;
}

function append(node, children) {
    for (const child of children) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        if (Array.isArray(child)) {
            append(node, child);
        } else if (child instanceof Node) {
            node.appendChild(child);
        } else {
            node.appendChild(document.createTextNode(String(child)));
        }
    }
}

/** Replaces a node's children. */
export function replace(node, ...children) {
    node.replaceChildren();
    append(node, children);
    return node;
}

const dateTime = new Intl.DateTimeFormat(undefined, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit'
});
const timeOnly = new Intl.DateTimeFormat(undefined, {
    month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'
});

/** A time in the viewer's zone, with the UTC instant on hover; short: without the year, 24-hour clock. */
export function time(instant, short = false) {
    if (!instant) {
        return el('span', {className: 'none', text: '—'});
    }
    const date = new Date(instant);
    return el('time', {
        datetime: instant,
        title: `${instant} (UTC)`,
        text: (short ? timeOnly : dateTime).format(date)
    });
}

/** A duration in milliseconds, as people say it: 45s, 12m, 1h 05m, 2d 3h. */
export function duration(ms) {
    if (ms === null || ms === undefined || Number.isNaN(ms)) {
        return '—';
    }
    const sign = ms < 0 ? '−' : '';
    let seconds = Math.round(Math.abs(ms) / 1000);
    if (seconds < 60) {
        return `${sign}${seconds}s`;
    }
    let minutes = Math.floor(seconds / 60);
    seconds %= 60;
    if (minutes < 60) {
        return `${sign}${minutes}m${seconds ? ` ${String(seconds).padStart(2, '0')}s` : ''}`;
    }
    let hours = Math.floor(minutes / 60);
    minutes %= 60;
    if (hours < 48) {
        return `${sign}${hours}h ${String(minutes).padStart(2, '0')}m`;
    }
    const days = Math.floor(hours / 24);
    hours %= 24;
    return `${sign}${days}d ${hours}h`;
}

/** Milliseconds of an ISO-8601 duration as Java writes it (PT1H2M3.5S, PT-5S, PT48H); null for null. */
export function isoDuration(text) {
    if (!text) {
        return null;
    }
    const match = /^(-)?P(?:(-?\d+)D)?(?:T(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?\d+(?:\.\d+)?)S)?)?$/.exec(text);
    if (!match) {
        return null;
    }
    const [, negative, d, h, m, s] = match;
    const ms = ((Number(d || 0) * 24 + Number(h || 0)) * 60 + Number(m || 0)) * 60000 + Number(s || 0) * 1000;
    return negative ? -ms : ms;
}

/** Milliseconds between two instants (strings), or null if either is missing. */
export function between(from, to) {
    return from && to ? new Date(to) - new Date(from) : null;
}

/** A value typed into a datetime-local input (the viewer's zone), as an ISO instant; null if empty. */
export function localInputToInstant(value) {
    return value ? new Date(value).toISOString() : null;
}

/** Words for an enum constant: STATUS_UPDATE → Status update. */
export function words(constant) {
    if (!constant) {
        return '';
    }
    const text = constant.toLowerCase().replaceAll('_', ' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A severity badge, coloured by severity. */
export function severityBadge(severity) {
    return el('span', {className: `badge sev sev-${severity}`, text: severity, title: 'severity'});
}

/** A status pill. */
export function statusPill(status) {
    return el('span', {className: `status status-${status}`, text: words(status)});
}

/** Shows a problem (ApiError or any error) in an element. */
export function showError(target, failure) {
    target.hidden = false;
    target.textContent = failure && failure.code && failure.code.startsWith && !failure.code.startsWith('HTTP_')
        ? `${failure.message} (${failure.code})` : String(failure && failure.message ? failure.message : failure);
}
