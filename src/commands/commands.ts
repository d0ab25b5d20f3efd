/**
 * The ribbon's function file (commands.html). The button only opens the task pane, so nothing runs
 * here but Office's start: a file of its own instead of an inline script, which the
 * Content-Security-Policy of deploy/nginx.conf does not allow.
 */
void Office.onReady(() => undefined);
