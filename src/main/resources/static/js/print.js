// A button with data-print prints the page (a code slip, a QR poster); the Content-Security-Policy forbids an inline onclick.
document.addEventListener('click', function (event) {
    if (event.target.closest('[data-print]')) {
        window.print();
    }
});
