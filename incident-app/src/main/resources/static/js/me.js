// Who is using the page: the name typed at the top, kept in the browser, recorded as who did each thing.
const input = document.getElementById('me');
const KEY = 'incident-timeline.me';

input.value = localStorage.getItem(KEY) || '';
input.addEventListener('input', () => localStorage.setItem(KEY, input.value.trim()));

/** The name given at the top of the page, '' if none. */
export function myName() {
    return input.value.trim();
}
