// The page's entry point: routes (#/, #/incidents/{id}, #/metrics), the responder's name, the declare dialog.
import {api, signIn, SIGN_IN_REQUIRED} from './api.js';
import {localInputToInstant, showError} from './dom.js';
import {renderList} from './list.js';
import {renderIncident} from './incident.js';
import {renderMetrics} from './metrics.js';
import {myName} from './me.js';

const view = document.getElementById('view');
let leave = () => {};

const routes = [
    [/^#?\/?$/, 'incidents', () => renderList(view)],
    [/^#\/incidents\/([^/?]+)$/, 'incidents', match => renderIncident(view, decodeURIComponent(match[1]))],
    [/^#\/metrics$/, 'metrics', () => renderMetrics(view)]
];

async function route() {
    leave();
    leave = () => {};
    const hash = location.hash || '#/';
    for (const [pattern, section, render] of routes) {
        const match = pattern.exec(hash);
        if (match) {
            document.querySelectorAll('[data-nav]').forEach(link =>
                link.classList.toggle('active', link.dataset.nav === section));
            leave = (await render(match)) || (() => {});
            return;
        }
    }
    view.replaceChildren(Object.assign(document.createElement('p'), {textContent: 'There is no such page.'}));
}

window.addEventListener('hashchange', route);

// Signing in: the server answered 401, so ask for an API token, keep it for this tab and load the page again.
const signInDialog = document.getElementById('sign-in-dialog');
document.addEventListener(SIGN_IN_REQUIRED, () => {
    if (!signInDialog.open) {
        signInDialog.showModal();
        document.getElementById('sign-in-token').focus();
    }
});
document.getElementById('sign-in-form').addEventListener('submit', event => {
    event.preventDefault();
    signIn(document.getElementById('sign-in-token').value.trim());
    signInDialog.close();
    route();
});

route();

// Declaring an incident.
const dialog = document.getElementById('declare-dialog');
const form = document.getElementById('declare-form');
const error = form.querySelector('.error');

document.getElementById('declare-open').addEventListener('click', () => {
    error.hidden = true;
    dialog.showModal();
    form.elements.title.focus();
});
document.getElementById('declare-cancel').addEventListener('click', () => dialog.close());

form.addEventListener('submit', async event => {
    event.preventDefault();
    error.hidden = true;
    if (!myName()) {
        showError(error, 'Enter your name at the top of the page first: it is recorded as who declared it.');
        return;
    }
    const fields = form.elements;
    const body = {
        title: fields.title.value.trim(),
        severity: fields.severity.value,
        detectedBy: fields.detectedBy.value,
        services: fields.services.value.split(',').map(service => service.trim()).filter(Boolean),
        impactStartedAt: localInputToInstant(fields.impactStartedAt.value),
        detectedAt: localInputToInstant(fields.detectedAt.value),
        drill: fields.drill.checked,
        declaredBy: myName()
    };
    const submit = document.getElementById('declare-submit');
    submit.disabled = true;
    try {
        const created = await api('/api/incidents', {method: 'POST', body});
        form.reset();
        dialog.close();
        location.hash = `#/incidents/${encodeURIComponent(created.id)}`;
    } catch (failure) {
        showError(error, failure);
    } finally {
        submit.disabled = false;
    }
});
