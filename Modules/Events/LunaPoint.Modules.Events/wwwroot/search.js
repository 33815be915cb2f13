// Search by photo: a photo dropped on the drop zone is put into the form's file input and the form is
// sent, as if it had been chosen. Choosing a file sends the form too. No inline script (CSP script-src 'self').
(function () {
    'use strict';
    var form = document.getElementById('search-form');
    var zone = document.getElementById('drop-zone');
    var input = document.getElementById('search-photo');
    var name = document.getElementById('drop-name');
    if (!form || !zone || !input) {
        return;
    }

    function send(files) {
        if (!files || files.length === 0) {
            return;
        }
        if (name) {
            name.textContent = files[0].name;
        }
        form.requestSubmit ? form.requestSubmit() : form.submit();
    }

    ['dragenter', 'dragover'].forEach(function (type) {
        zone.addEventListener(type, function (event) {
            event.preventDefault();
            zone.classList.add('dragging');
        });
    });
    zone.addEventListener('dragleave', function () {
        zone.classList.remove('dragging');
    });
    zone.addEventListener('drop', function (event) {
        event.preventDefault();
        zone.classList.remove('dragging');
        if (event.dataTransfer && event.dataTransfer.files.length > 0) {
            input.files = event.dataTransfer.files;
            send(input.files);
        }
    });
    input.addEventListener('change', function () {
        send(input.files);
    });
}());
