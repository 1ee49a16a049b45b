/*
 * Sends the video player's played ranges to the course progress endpoint.
 *
 * The player (media/player.html) dispatches `lms:timeupdate` events whose detail contains
 * {position, duration, played: [[start, end], ...], rate}. Each event becomes a numbered
 * report. Reports wait in localStorage until the server has accepted them, so a dropped
 * connection or a closed tab loses nothing: they are sent again when the browser is back
 * online or the module is opened again. The server ignores numbers it has already seen.
 *
 * When the page is hidden or left, the player is first asked for a report of its current
 * position, so a reload mid-video does not lose the time played since the last report.
 * A browser requests the next page before it hides the current one, so that report can
 * reach the server after the reloaded page was rendered with the older position. The
 * reloaded page therefore resumes from the newest report still queued in this browser.
 */
(function () {
  "use strict";

  var SEND_EVERY_MS = 4000;
  // After a failed send the queue is retried this often, in case no `online` event comes.
  var RETRY_MS = 30000;
  var MAX_QUEUED_PER_TAB = 50;
  var STORAGE_PREFIX = "lms-progress:";
  // A queued report older than this is not used as the resume position: the learner may have
  // watched on another device since.
  var RESUME_FROM_QUEUE_MAX_AGE_MS = 10 * 60 * 1000;
  // The server's rules for resume positions: below RESTART_POSITION_SECONDS counts as not yet
  // started (courses/services/progress.py), and within FINISHED_MARGIN_SECONDS of the end as
  // watched through (courses/services/module_view.py).
  var RESTART_POSITION_SECONDS = 1;
  var FINISHED_MARGIN_SECONDS = 1;

  function newClientId() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    return "tab-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
  }

  // localStorage can be missing or full in private windows, and the queue then lives in memory.
  function Store(key) {
    this.key = key;
    this.memory = {};
  }
  Store.prototype.load = function () {
    try {
      var raw = window.localStorage.getItem(this.key);
      return raw ? JSON.parse(raw) : {};
    } catch (error) {
      return this.memory;
    }
  };
  Store.prototype.save = function (queues) {
    this.memory = queues;
    try {
      window.localStorage.setItem(this.key, JSON.stringify(queues));
    } catch (error) {
      /* Kept in memory only. */
    }
  };

  function Reporter(root, player) {
    this.root = root;
    this.player = player;
    this.url = root.getAttribute("data-progress-url");
    this.csrfToken = root.getAttribute("data-csrf-token");
    this.store = new Store(STORAGE_PREFIX + root.getAttribute("data-module-id"));
    this.client = newClientId();
    this.sequence = 0;
    this.sending = false;
    this.flushAgain = false;
    this.leaving = false;
    this.leftAtSequence = null;
    this.timer = null;

    player.addEventListener("lms:timeupdate", this.onTimeUpdate.bind(this));
    window.addEventListener("online", this.flush.bind(this, false));
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") {
        this.leave();
      }
    }.bind(this));
    window.addEventListener("pagehide", this.leave.bind(this));
    this.resumeFromQueue();
    // Reports left over from an earlier visit or a lost connection go out with the first send,
    // one interval from now: the previous page's keepalive request may still be carrying them.
    this.lastSentAt = Date.now();
    this.timer = window.setTimeout(this.flush.bind(this, false), SEND_EVERY_MS);
  }

  Reporter.prototype.onTimeUpdate = function (event) {
    var detail = event.detail || {};
    this.sequence += 1;
    this.enqueue({
      seq: this.sequence,
      at: Date.now(),
      position: Number(detail.position) || 0,
      played: Array.isArray(detail.played) ? detail.played : []
    });
    if (this.leaving) {
      // leave() sends the queue itself, with keepalive.
      return;
    }
    var wait = SEND_EVERY_MS - (Date.now() - this.lastSentAt);
    if (wait <= 0) {
      this.flush(false);
    } else if (!this.timer) {
      this.timer = window.setTimeout(this.flush.bind(this, false), wait);
    }
  };

  Reporter.prototype.newestQueuedReport = function () {
    var queues = this.store.load();
    var newest = null;
    Object.keys(queues).forEach(function (client) {
      (queues[client] || []).forEach(function (report) {
        if (typeof report.at === "number" && (!newest || report.at > newest.at)) {
          newest = report;
        }
      });
    });
    return newest;
  };

  // Start the player at the newest queued report's position when the server has not seen it yet.
  Reporter.prototype.resumeFromQueue = function () {
    var report = this.newestQueuedReport();
    if (!report || Date.now() - report.at > RESUME_FROM_QUEUE_MAX_AGE_MS) {
      return;
    }
    var position = Number(report.position) || 0;
    var duration = parseFloat(this.player.getAttribute("data-duration") || "0") || 0;
    var start = parseFloat(this.player.getAttribute("data-start") || "0") || 0;
    if (position < RESTART_POSITION_SECONDS || (duration && position >= duration - FINISHED_MARGIN_SECONDS)) {
      return;
    }
    if (Math.abs(position - start) < 0.5) {
      return;
    }
    if (this.player.lmsPlayer) {
      this.player.lmsPlayer.seek(position);
    } else {
      // The player has not started yet and reads its start position when it does.
      this.player.setAttribute("data-start", String(position));
    }
  };

  // Queue a report of the player's current position, then send the queue with keepalive,
  // which lets the request outlive the page.
  Reporter.prototype.leave = function () {
    var player = this.player.lmsPlayer;
    this.leaving = true;
    try {
      if (player && player.reportNow) {
        player.reportNow();
      }
    } finally {
      this.leaving = false;
    }
    // pagehide and visibilitychange both fire when a page is left, so the queue is sent
    // once unless a report was made since.
    if (this.sequence === this.leftAtSequence) {
      return;
    }
    this.leftAtSequence = this.sequence;
    this.flush(true);
  };

  Reporter.prototype.enqueue = function (report) {
    var queues = this.store.load();
    var queue = (queues[this.client] || []).concat([report]);
    // Played ranges are cumulative, so the newest reports carry everything the oldest did.
    queues[this.client] = queue.slice(-MAX_QUEUED_PER_TAB);
    this.store.save(queues);
  };

  Reporter.prototype.forget = function (client, upToSequence) {
    var queues = this.store.load();
    var remaining = (queues[client] || []).filter(function (report) {
      return report.seq > upToSequence;
    });
    if (remaining.length) {
      queues[client] = remaining;
    } else {
      delete queues[client];
    }
    this.store.save(queues);
  };

  Reporter.prototype.flush = function (leaving) {
    if (this.timer) {
      window.clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.sending && !leaving) {
      // Reports queued during a send go out as soon as it finishes.
      this.flushAgain = true;
      return;
    }
    var queues = this.store.load();
    var clients = Object.keys(queues).filter(function (client) {
      return queues[client] && queues[client].length;
    });
    if (!clients.length) {
      return;
    }
    this.lastSentAt = Date.now();
    this.sending = true;
    this.sendNext(clients, queues, leaving);
  };

  Reporter.prototype.sendNext = function (clients, queues, leaving) {
    var self = this;
    if (!clients.length) {
      self.sending = false;
      if (self.flushAgain) {
        self.flushAgain = false;
        self.flush(false);
      }
      return;
    }
    var client = clients.shift();
    var reports = queues[client];
    var lastSequence = reports[reports.length - 1].seq;
    fetch(self.url, {
      method: "POST",
      credentials: "same-origin",
      keepalive: leaving,
      headers: {"Content-Type": "application/json", "X-CSRFToken": self.csrfToken},
      body: JSON.stringify({client: client, reports: reports})
    }).then(function (response) {
      if (response.ok) {
        self.forget(client, lastSequence);
        return response.json().then(function (state) {
          self.show(state);
          self.sendNext(clients, queues, leaving);
        });
      }
      if (response.status >= 400 && response.status < 500 && response.status !== 429) {
        // The server rejected these reports for good; sending them again cannot help.
        self.forget(client, lastSequence);
        self.sendNext(clients, queues, leaving);
        return undefined;
      }
      self.retryLater();
      return undefined;
    }).catch(function () {
      // Offline or the server is unreachable: keep everything for the `online` event or the retry.
      self.retryLater();
    });
  };

  Reporter.prototype.retryLater = function () {
    this.sending = false;
    if (this.flushAgain && navigator.onLine) {
      // The browser came back online while the failed request was under way.
      this.flushAgain = false;
      this.flush(false);
      return;
    }
    this.flushAgain = false;
    if (!this.timer) {
      this.timer = window.setTimeout(this.flush.bind(this, false), RETRY_MS);
    }
  };

  Reporter.prototype.show = function (state) {
    var bar = document.querySelector("[data-watch-progress]");
    if (bar && typeof state.watch_percent === "number") {
      bar.value = state.watch_percent;
      bar.textContent = state.watch_percent + "%";
    }
    var watchState = document.querySelector("[data-watch-state]");
    var quizState = document.querySelector("[data-quiz-state]");
    var complete = document.querySelector("[data-module-complete]");
    if (state.module_complete) {
      [watchState, quizState].forEach(function (element) {
        if (element) { element.hidden = true; }
      });
      if (complete) { complete.hidden = false; }
    } else if (state.watch_complete) {
      if (watchState) { watchState.hidden = true; }
      if (quizState) { quizState.hidden = false; }
    }
    this.root.dispatchEvent(new CustomEvent("lms:progress", {detail: state}));
  };

  document.querySelectorAll("[data-progress-url]").forEach(function (root) {
    var player = root.querySelector("[data-lms-player]");
    if (player) {
      new Reporter(root, player);
    }
  });
})();
