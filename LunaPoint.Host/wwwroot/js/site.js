// LunaPoint console behaviour. The Content-Security-Policy allows scripts from this site's files only:
// pages never carry inline script or on* handlers, they mark elements with data attributes instead.
"use strict";

(() => {
    // <form data-confirm="Delete stream X?">: ask before submitting. The message is an attribute, read as
    // text, so a name containing quotes or markup stays text.
    document.addEventListener("submit", (event) => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement)) {
            return;
        }
        const message = form.dataset.confirm;
        if (message && !window.confirm(message)) {
            event.preventDefault();
        }
    }, true);

    // The same for a single button or link: <button data-confirm="...">.
    document.addEventListener("click", (event) => {
        const target = event.target instanceof Element ? event.target.closest("[data-confirm]:not(form)") : null;
        if (target && !window.confirm(target.dataset.confirm)) {
            event.preventDefault();
        }
    }, true);

    const token = () => document.querySelector('meta[name="request-verification-token"]')?.content ?? "";

    // window.lunaPoint.api(path, init): fetch for the console's own scripts. Sends the session cookie and
    // the antiforgery token the API requires of cookie sessions for POST/PUT/PATCH/DELETE, and JSON bodies.
    async function api(path, init = {}) {
        const headers = new Headers(init.headers ?? {});
        headers.set("RequestVerificationToken", token());
        headers.set("Accept", "application/json");
        let body = init.body;
        if (body !== undefined && !(body instanceof FormData) && typeof body !== "string") {
            body = JSON.stringify(body);
            headers.set("Content-Type", "application/json");
        }
        return fetch(path, { ...init, body, headers, credentials: "same-origin" });
    }

    window.lunaPoint = Object.freeze({ api, token });
})();
