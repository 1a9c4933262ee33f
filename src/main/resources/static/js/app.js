// Behaviour shared by every page; pages carry no inline scripts (the Content-Security-Policy forbids them).
(function () {
    'use strict';

    // htmx requests carry the CSRF token from the layout's meta tags.
    document.addEventListener('htmx:configRequest', function (event) {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header && token.content) {
            event.detail.headers[header.content] = token.content;
        }
    });

    // Buttons and forms with data-confirm ask before they act.
    document.addEventListener('submit', function (event) {
        var form = event.target;
        var message = form.getAttribute('data-confirm');
        if (message && !window.confirm(message)) {
            event.preventDefault();
        }
    }, true);

    // A checkbox with data-toggle-target hides the element it names while checked (e.g. "all sites" hides the site list).
    function syncToggles() {
        document.querySelectorAll('[data-toggle-target]').forEach(function (box) {
            var target = document.querySelector(box.getAttribute('data-toggle-target'));
            if (target) {
                target.classList.toggle('d-none', box.checked);
            }
        });
    }
    document.addEventListener('change', function (event) {
        if (event.target.matches('[data-toggle-target]')) {
            syncToggles();
        }
    });
    document.addEventListener('DOMContentLoaded', syncToggles);

    // Selects with data-autosubmit submit their form on change (filters).
    document.addEventListener('change', function (event) {
        if (event.target.matches('[data-autosubmit]') && event.target.form) {
            event.target.form.requestSubmit();
        }
    });
})();

// A search box with data-filter-select narrows the options of the select it names (the category picker).
document.addEventListener('input', function (event) {
    var box = event.target;
    if (!box.matches('[data-filter-select]')) {
        return;
    }
    var select = document.querySelector(box.getAttribute('data-filter-select'));
    if (!select) {
        return;
    }
    var term = box.value.trim().toLowerCase();
    Array.prototype.forEach.call(select.options, function (option) {
        option.hidden = term !== '' && option.text.toLowerCase().indexOf(term) === -1 && option.value.toLowerCase().indexOf(term) === -1;
    });
});

// A button with data-fill-target copies its data-fill-text into that field (reply templates at intake).
document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-fill-target]');
    if (!button) {
        return;
    }
    var field = document.querySelector(button.getAttribute('data-fill-target'));
    if (field) {
        field.value = button.getAttribute('data-fill-text');
        field.focus();
    }
});

// A form that posts is sent once: its buttons are disabled just after the click, so a double click or an impatient
// second click on a slow upload does not create the same request twice.
document.addEventListener('submit', function (event) {
    var form = event.target;
    if (event.defaultPrevented || (form.method || '').toLowerCase() !== 'post' || form.hasAttribute('hx-post')) {
        return;
    }
    window.setTimeout(function () {
        form.querySelectorAll('button[type="submit"], button:not([type])').forEach(function (button) {
            button.disabled = true;
        });
    }, 0);
});

// File inputs with data-max-files / data-max-bytes refuse too many or too large files before anything is sent,
// so a large photo does not cost the agent the whole form. The server checks again.
document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input.matches('input[type="file"][data-max-files]')) {
        return;
    }
    var maxFiles = parseInt(input.getAttribute('data-max-files'), 10);
    var maxBytes = parseInt(input.getAttribute('data-max-bytes'), 10);
    var tooMany = input.files.length > maxFiles;
    var tooLarge = Array.prototype.some.call(input.files, function (file) { return file.size > maxBytes; });
    var message = tooMany ? input.getAttribute('data-too-many') : (tooLarge ? input.getAttribute('data-too-large') : '');
    input.setCustomValidity(message);
    input.classList.toggle('is-invalid', message !== '');
    var feedback = input.parentElement.querySelector('.file-feedback');
    if (feedback) {
        feedback.textContent = message;
    }
    if (message) {
        input.value = '';
    }
});

// A button with data-copy-target copies the value of the field it names (a survey's owner link) to the clipboard and
// says so with its data-copied-text for two seconds; where the clipboard is not available, it selects the text instead.
document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy-target]');
    if (!button) {
        return;
    }
    var field = document.querySelector(button.getAttribute('data-copy-target'));
    if (!field) {
        return;
    }
    field.focus();
    field.select();
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () {
            var label = button.textContent;
            button.textContent = button.getAttribute('data-copied-text') || label;
            setTimeout(function () { button.textContent = label; }, 2000);
        });
    }
});
