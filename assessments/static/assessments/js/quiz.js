// Progressive enhancement of the quiz form, which also works without this script. It saves
// each change at once and again before the page is left, counts down the time limit and
// moves focus to the error summary.
(function () {
  "use strict";

  var gettext = window.gettext || function (text) { return text; };
  var interpolate = window.interpolate || function (format, values) { return format.replace("%s", values[0]); };

  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }

  var form = document.getElementById("quiz-form");
  if (!form) {
    return;
  }
  var status = document.getElementById("autosave-status");
  var saveUrl = form.getAttribute("data-autosave-url");
  // Answers changed since the last save was sent, and the save under way, if any.
  var dirty = false;
  var saving = null;
  // How long leaving by another form on the page waits for the save before going anyway.
  var LEAVE_WAIT_MS = 4000;

  function showStatus(text) {
    if (status) {
      status.textContent = text;
    }
  }

  // The page language and the platform's time zone, not the browser's, so the time matches the
  // rest of the page (attempt deadlines and retry times are shown in Asia/Ulaanbaatar).
  function savedTime(date) {
    return date.toLocaleTimeString(document.documentElement.lang || undefined, {
      timeZone: "Asia/Ulaanbaatar", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false
    });
  }

  // Resolves true once the server has the answers, false when the save failed. `leaving`
  // sends with keepalive, so the request outlives the page that sent it. The form's own
  // CSRF token travels in the body.
  function save(leaving) {
    dirty = false;
    showStatus(gettext("Saving your answers…"));
    var request = fetch(saveUrl, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      keepalive: leaving,
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      if (response.status === 409) {
        return response.json().then(function (body) {
          window.location.assign(body.url);
          return false;
        });
      }
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      showStatus(interpolate(gettext("Answers saved at %s."), [savedTime(new Date())]));
      return true;
    }).catch(function () {
      dirty = true;
      showStatus(gettext("Your answers could not be saved. Check the connection; they stay on this page."));
      return false;
    }).then(function (saved) {
      saving = null;
      // One save at a time keeps an older answer from landing after a newer one.
      if (saved && dirty) {
        return save(false);
      }
      return saved;
    });
    saving = request;
    return request;
  }

  // Resolves when every answer given so far has reached the server or a save has failed.
  function settle() {
    if (saving) {
      return saving;
    }
    return dirty ? save(false) : Promise.resolve(true);
  }

  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("change", function () {
    dirty = true;
    if (!saving) {
      save(false);
    }
  });

  // Another form on the page, such as the language switcher in the header, leaves the page:
  // it waits for the save first, so the answer just ticked is there when the quiz reloads.
  document.addEventListener("submit", function (event) {
    var leavingForm = event.target;
    if (leavingForm === form || !(dirty || saving)) {
      return;
    }
    event.preventDefault();
    var button = event.submitter;
    var timeout = new Promise(function (resolve) { window.setTimeout(resolve, LEAVE_WAIT_MS); });
    Promise.race([settle(), timeout]).then(function () {
      // submit() skips the submit event and drops the clicked button, so its value is copied.
      if (button && button.name) {
        var copy = document.createElement("input");
        copy.type = "hidden";
        copy.name = button.name;
        copy.value = button.value;
        leavingForm.appendChild(copy);
      }
      HTMLFormElement.prototype.submit.call(leavingForm);
    });
  }, true);

  // Links and closing the tab cannot wait, so the last save goes out with keepalive. A save
  // still under way is sent again, because leaving the page cancels its request.
  function flush() {
    if (dirty || saving) {
      save(true);
    }
  }
  window.addEventListener("pagehide", flush);
  window.addEventListener("beforeunload", flush);

  // Disabling the buttons after the browser has read the clicked one keeps its name and
  // value in the submission while blocking a second click.
  form.addEventListener("submit", function () {
    // The submission carries every answer, so nothing is left to autosave.
    dirty = false;
    window.setTimeout(function () {
      form.querySelectorAll("button[type=submit]").forEach(function (button) { button.disabled = true; });
    }, 0);
  });

  var deadlineNote = document.getElementById("quiz-deadline");
  if (deadlineNote) {
    var deadline = new Date(deadlineNote.getAttribute("data-deadline"));
    var countdown = deadlineNote.querySelector(".quiz-countdown");
    var tick = function () {
      var seconds = Math.max(0, Math.round((deadline - new Date()) / 1000));
      var minutes = Math.floor(seconds / 60);
      var rest = String(seconds % 60).padStart(2, "0");
      countdown.textContent = interpolate(gettext("Time left: %s"), [minutes + ":" + rest]);
      if (seconds === 0) {
        window.clearInterval(interval);
        var confirm = document.createElement("input");
        confirm.type = "hidden";
        confirm.name = "confirm_unanswered";
        confirm.value = "1";
        form.appendChild(confirm);
        form.submit();
      }
    };
    var interval = window.setInterval(tick, 1000);
    tick();
  }
})();
