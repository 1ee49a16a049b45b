/*
 * The lecture video player: HLS through hls.js where Media Source Extensions exist
 * (Chromium, Firefox), the browser's own HLS on Safari and iOS. Labels come from the
 * server-rendered template in data-* attributes, so they follow the page's language.
 *
 * The root element ([data-lms-player]) dispatches "lms:timeupdate" events with
 * {position, duration, played, rate} at least every 5 s while playing and on pause,
 * seeked and ended, and exposes element.lmsPlayer.seek(seconds) and
 * element.lmsPlayer.reportNow(), which reports a playing video's position at once.
 */
(function () {
  "use strict";

  var REPORT_INTERVAL_MS = 5000;
  var SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2];
  var STORAGE_KEYS = { dataSaver: "lms.player.dataSaver", captions: "lms.player.captions", rate: "lms.player.rate" };

  // A paused video this close to its end counts as finished, so Play starts it again.
  var AT_END_SECONDS = 0.5;

  function playQuietly(video) {
    var playing = video.play();
    if (playing && playing.catch) { playing.catch(function () { /* autoplay blocked: the button stays "Play" */ }); }
  }

  // Show the button's SVG icon named `name` and hide its others.
  function showIcon(button, name) {
    var icons = button.querySelectorAll("[data-icon]");
    for (var i = 0; i < icons.length; i += 1) {
      if (icons[i].getAttribute("data-icon") === name) {
        icons[i].removeAttribute("hidden");
      } else {
        icons[i].setAttribute("hidden", "");
      }
    }
  }

  function readSetting(key) {
    try { return window.localStorage.getItem(key); } catch (error) { return null; }
  }

  function writeSetting(key, value) {
    try { window.localStorage.setItem(key, value); } catch (error) { /* private mode: keep the default */ }
  }

  function clock(seconds) {
    var total = Math.max(0, Math.floor(seconds || 0));
    var hours = Math.floor(total / 3600);
    var minutes = Math.floor((total % 3600) / 60);
    var secs = total % 60;
    var tail = (hours ? String(minutes).padStart(2, "0") : String(minutes)) + ":" + String(secs).padStart(2, "0");
    return hours ? hours + ":" + tail : tail;
  }

  // Safari and iOS play HLS themselves and should; Chromium exposes navigator.userAgentData
  // and gets hls.js even where it has native HLS, so the quality menu can drive its levels.
  function prefersNativeHls(video) {
    return Boolean(video.canPlayType("application/vnd.apple.mpegurl")) && !navigator.userAgentData;
  }

  function Player(root) {
    this.root = root;
    this.video = root.querySelector("video");
    this.controls = {
      play: root.querySelector('[data-action="play"]'),
      mute: root.querySelector('[data-action="mute"]'),
      fullscreen: root.querySelector('[data-action="fullscreen"]'),
      seek: root.querySelector('[data-control="seek"]'),
      volume: root.querySelector('[data-control="volume"]'),
      rate: root.querySelector('[data-control="rate"]'),
      quality: root.querySelector('[data-control="quality"]'),
      captions: root.querySelector('[data-control="captions"]'),
      dataSaver: root.querySelector('[data-control="data-saver"]'),
      time: root.querySelector('[data-output="time"]'),
      error: root.querySelector("[data-player-error]")
    };
    this.transcript = root.querySelector("[data-transcript]");
    this.transcriptLines = this.transcript ? Array.prototype.slice.call(this.transcript.querySelectorAll("li")) : [];
    this.activeLine = null;
    this.hls = null;
    this.source = "auto";
    this.lastReport = 0;
    this.startPosition = parseFloat(root.dataset.start || "0") || 0;
    this.resumePending = this.startPosition > 0;
    this.knownDuration = parseFloat(root.dataset.duration || "0") || 0;
  }

  Player.prototype.label = function (name) {
    return this.root.dataset["label" + name] || "";
  };

  Player.prototype.init = function () {
    var self = this;
    var video = this.video;
    this.controls.dataSaver.checked = readSetting(STORAGE_KEYS.dataSaver) === "1";

    if (!prefersNativeHls(video) && window.Hls && window.Hls.isSupported()) {
      this.attachHls();
    } else {
      this.native = true;
      this.loadNative(this.controls.dataSaver.checked ? this.lowestRung() : "auto", this.startPosition);
    }
    if (this.controls.dataSaver.checked) {
      this.applyDataSaver(true);
    }

    var savedRate = parseFloat(readSetting(STORAGE_KEYS.rate) || "1");
    this.setRate(SPEEDS.indexOf(savedRate) >= 0 ? savedRate : 1);
    var savedCaptions = readSetting(STORAGE_KEYS.captions);
    if (savedCaptions && this.controls.captions.querySelector('option[value="' + savedCaptions + '"]')) {
      this.setCaptions(savedCaptions);
    } else {
      this.setCaptions("off");
    }

    this.bindControls();
    this.bindMediaEvents();
    this.bindKeyboard();

    this.root.lmsPlayer = {
      seek: function (seconds) { self.seek(seconds); },
      reportNow: function () { self.reportNow(); },
      get position() { return video.currentTime; },
      get duration() { return self.duration(); },
      get played() { return self.playedRanges(); },
      get level() { return self.currentRungName(); },
      get firstRung() { return self.firstRung || ""; }
    };
  };

  Player.prototype.attachHls = function () {
    var self = this;
    var Hls = window.Hls;
    // Start on the lowest rung with a cautious bandwidth guess, and let hls.js climb.
    // The worker stays off because the site's Content-Security-Policy allows no blob: workers.
    var hls = new Hls({
      enableWorker: false,
      startLevel: 0,
      abrEwmaDefaultEstimate: 300000,
      capLevelToPlayerSize: true,
      startPosition: this.startPosition > 0 ? this.startPosition : -1,
      maxBufferLength: 30
    });
    this.hls = hls;
    hls.on(Hls.Events.ERROR, function (event, data) {
      if (!data.fatal) { return; }
      if (data.type === Hls.ErrorTypes.NETWORK_ERROR) {
        hls.startLoad();
      } else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
        hls.recoverMediaError();
      } else {
        self.showError();
      }
    });
    hls.once(Hls.Events.FRAG_LOADED, function (event, data) {
      var level = hls.levels[data.frag.level];
      self.firstRung = level ? Math.min(level.width, level.height) + "p" : "";
    });
    hls.loadSource(this.root.dataset.src);
    hls.attachMedia(this.video);
  };

  Player.prototype.loadNative = function (choice, position) {
    var option = this.controls.quality.querySelector('option[value="' + choice + '"]');
    var url = choice === "auto" || !option ? this.root.dataset.src : option.dataset.url;
    var video = this.video;
    var wasPlaying = !video.paused;
    this.source = choice;
    video.src = url;
    video.addEventListener("loadedmetadata", function restore() {
      video.removeEventListener("loadedmetadata", restore);
      if (position > 0) { video.currentTime = position; }
      if (wasPlaying) { playQuietly(video); }
    });
  };

  Player.prototype.lowestRung = function () {
    var options = this.controls.quality.querySelectorAll("option[data-height]");
    return options.length ? options[0].value : "auto";
  };

  Player.prototype.levelIndexFor = function (choice) {
    if (!this.hls || choice === "auto") { return -1; }
    var option = this.controls.quality.querySelector('option[value="' + choice + '"]');
    var height = option ? parseInt(option.dataset.height, 10) : 0;
    var levels = this.hls.levels || [];
    for (var i = 0; i < levels.length; i += 1) {
      if (Math.min(levels[i].width, levels[i].height) === height) { return i; }
    }
    return -1;
  };

  Player.prototype.setQuality = function (choice) {
    this.controls.quality.value = choice;
    var position = this.video.currentTime || this.startPosition;
    // Read before loadSource, which resets the element to paused.
    var wasPlaying = !this.video.paused;
    if (choice === "audio") {
      // The sound-only rung is its own playlist: switch the source, keeping the position.
      if (this.hls) {
        this.hls.loadSource(this.root.dataset.audioSrc);
        this.hls.startLoad(position);
        this.restorePosition(position, wasPlaying);
      } else {
        this.loadNative("audio", position);
      }
      this.source = "audio";
      return;
    }
    if (this.hls) {
      if (this.source === "audio") {
        this.source = "auto";
        this.hls.loadSource(this.root.dataset.src);
        this.hls.startLoad(position);
        this.restorePosition(position, wasPlaying);
        this.pendingQuality = choice;
        return;
      }
      this.hls.currentLevel = this.levelIndexFor(choice);
      this.source = choice;
    } else if (this.native) {
      this.loadNative(choice, position);
    }
  };

  Player.prototype.restorePosition = function (position, wasPlaying) {
    var video = this.video;
    var self = this;
    this.hls.once(window.Hls.Events.MANIFEST_PARSED, function () {
      video.currentTime = position;
      if (self.pendingQuality) {
        self.hls.currentLevel = self.levelIndexFor(self.pendingQuality);
        self.pendingQuality = null;
      }
      if (self.controls.dataSaver.checked) { self.hls.autoLevelCapping = 0; }
      if (wasPlaying) { playQuietly(video); }
    });
  };

  Player.prototype.applyDataSaver = function (enabled) {
    writeSetting(STORAGE_KEYS.dataSaver, enabled ? "1" : "0");
    var quality = this.controls.quality;
    Array.prototype.forEach.call(quality.options, function (option) {
      // Data saver allows the lowest rung and sound only.
      option.disabled = enabled && option.dataset.height && option.index !== 1;
    });
    quality.querySelector('option[value="auto"]').disabled = enabled;
    if (this.hls) {
      this.hls.autoLevelCapping = enabled ? 0 : -1;
    }
    if (enabled && quality.value !== "audio") {
      this.setQuality(this.lowestRung());
    } else if (!enabled && quality.value !== "audio") {
      this.setQuality("auto");
    }
  };

  Player.prototype.setRate = function (rate) {
    this.video.playbackRate = rate;
    this.video.defaultPlaybackRate = rate;
    this.controls.rate.value = String(rate);
    writeSetting(STORAGE_KEYS.rate, String(rate));
  };

  Player.prototype.stepRate = function (direction) {
    var index = SPEEDS.indexOf(this.video.playbackRate);
    if (index < 0) { index = 1; }
    var next = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, index + direction))];
    this.setRate(next);
  };

  Player.prototype.setCaptions = function (language) {
    var tracks = this.video.textTracks;
    for (var i = 0; i < tracks.length; i += 1) {
      tracks[i].mode = tracks[i].language === language ? "showing" : "disabled";
    }
    this.controls.captions.value = language;
    writeSetting(STORAGE_KEYS.captions, language);
  };

  Player.prototype.toggleCaptions = function () {
    var options = this.controls.captions.options;
    if (this.controls.captions.value !== "off") {
      this.setCaptions("off");
    } else if (options.length > 1) {
      this.setCaptions(options[1].value);
    }
  };

  Player.prototype.applyResume = function () {
    var video = this.video;
    if (!this.resumePending || this.startPosition <= 0 || video.readyState === 0) { return; }
    this.resumePending = false;
    if (video.currentTime < this.startPosition - 0.5) {
      video.currentTime = Math.min(this.startPosition, this.duration() || this.startPosition);
    }
  };

  Player.prototype.duration = function () {
    var duration = this.video.duration;
    return isFinite(duration) && duration > 0 ? duration : this.knownDuration;
  };

  Player.prototype.seek = function (seconds) {
    var target = Math.max(0, Math.min(this.duration() || seconds, seconds));
    if (this.video.readyState === 0) {
      this.startPosition = target;
      this.resumePending = target > 0;
      if (this.hls && this.hls.levels && this.hls.levels.length) {
        this.hls.startLoad(target);
      } else if (this.hls) {
        // hls.js starts loading at config.startPosition once the playlist is parsed, and a
        // startLoad before that left it loading nothing.
        this.hls.config.startPosition = target;
      }
      return;
    }
    this.video.currentTime = target;
  };

  Player.prototype.playedRanges = function () {
    var ranges = [];
    var played = this.video.played;
    for (var i = 0; i < played.length; i += 1) {
      ranges.push([Math.round(played.start(i) * 100) / 100, Math.round(played.end(i) * 100) / 100]);
    }
    return ranges;
  };

  Player.prototype.currentRungName = function () {
    if (this.source === "audio") { return "audio"; }
    if (this.hls && this.hls.levels && this.hls.currentLevel >= 0) {
      var level = this.hls.levels[this.hls.currentLevel];
      return level ? Math.min(level.width, level.height) + "p" : "";
    }
    return this.source;
  };

  Player.prototype.report = function (force) {
    var now = Date.now();
    if (!force && now - this.lastReport < REPORT_INTERVAL_MS) { return; }
    this.lastReport = now;
    this.root.dispatchEvent(new CustomEvent("lms:timeupdate", {
      bubbles: true,
      detail: {
        position: this.video.currentTime,
        duration: this.duration(),
        played: this.playedRanges(),
        rate: this.video.playbackRate
      }
    }));
  };

  // A paused video reported its position on pause or seeked already, and one that has not
  // loaded or not yet applied its resume position has no position worth saving.
  Player.prototype.reportNow = function () {
    if (this.video.paused || this.video.readyState === 0 || this.resumePending) { return; }
    this.report(true);
  };

  Player.prototype.updateTime = function () {
    var position = this.video.currentTime;
    var duration = this.duration();
    this.controls.time.textContent = clock(position) + " / " + clock(duration);
    this.controls.seek.max = String(Math.floor(duration));
    this.controls.seek.value = String(Math.floor(position));
    this.controls.seek.setAttribute("aria-valuetext",
      this.label("Time").replace("{position}", clock(position)).replace("{duration}", clock(duration)));
    this.followTranscript(position);
  };

  Player.prototype.followTranscript = function (position) {
    var active = null;
    for (var i = 0; i < this.transcriptLines.length; i += 1) {
      var line = this.transcriptLines[i];
      if (position >= parseFloat(line.dataset.start) && position < parseFloat(line.dataset.end)) {
        active = line;
        break;
      }
    }
    if (active === this.activeLine) { return; }
    if (this.activeLine) {
      this.activeLine.classList.remove("is-active");
      this.activeLine.removeAttribute("aria-current");
    }
    this.activeLine = active;
    if (active) {
      active.classList.add("is-active");
      active.setAttribute("aria-current", "true");
      // Scroll the panel only, never the page, so a reader's place on the page stays put.
      var list = active.parentNode;
      list.scrollTop = active.offsetTop - list.offsetTop - list.clientHeight / 3;
    }
  };

  Player.prototype.togglePlay = function () {
    var video = this.video;
    if (video.paused || video.ended) {
      // A video paused at its end, where a streamed video need not report `ended`, starts again.
      if (video.ended || (video.duration && video.currentTime >= video.duration - AT_END_SECONDS)) {
        video.currentTime = 0;
      }
      playQuietly(video);
    } else {
      this.video.pause();
    }
  };

  Player.prototype.toggleFullscreen = function () {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (this.root.requestFullscreen) {
      this.root.requestFullscreen();
    } else if (this.video.webkitEnterFullscreen) {
      this.video.webkitEnterFullscreen();
    }
  };

  Player.prototype.showError = function () {
    this.controls.error.textContent = this.label("Error");
    this.controls.error.hidden = false;
  };

  Player.prototype.bindControls = function () {
    var self = this;
    var c = this.controls;
    c.play.addEventListener("click", function () { self.togglePlay(); });
    c.mute.addEventListener("click", function () { self.video.muted = !self.video.muted; });
    c.fullscreen.addEventListener("click", function () { self.toggleFullscreen(); });
    c.seek.addEventListener("input", function () { self.seek(parseFloat(c.seek.value)); });
    c.volume.addEventListener("input", function () {
      self.video.volume = parseFloat(c.volume.value);
      self.video.muted = self.video.volume === 0;
    });
    c.rate.addEventListener("change", function () { self.setRate(parseFloat(c.rate.value)); });
    c.quality.addEventListener("change", function () { self.setQuality(c.quality.value); });
    c.captions.addEventListener("change", function () { self.setCaptions(c.captions.value); });
    c.dataSaver.addEventListener("change", function () { self.applyDataSaver(c.dataSaver.checked); });
    if (this.transcript) {
      this.transcript.addEventListener("click", function (event) {
        var button = event.target.closest("[data-seek]");
        if (!button) { return; }
        self.seek(parseFloat(button.dataset.seek));
        if (self.video.paused) { self.togglePlay(); }
      });
    }
  };

  Player.prototype.bindMediaEvents = function () {
    var self = this;
    var video = this.video;
    var c = this.controls;
    video.addEventListener("loadedmetadata", function () {
      self.applyResume();
      self.updateTime();
    });
    // A learner can press play before hls.js has applied its start position, and playback
    // would then begin at 0. The resume is applied again before the first frame plays.
    video.addEventListener("play", function () { self.applyResume(); });
    video.addEventListener("seeked", function () {
      if (video.currentTime >= self.startPosition - 0.5) { self.resumePending = false; }
    });
    video.addEventListener("timeupdate", function () {
      self.updateTime();
      if (!video.paused) { self.report(false); }
    });
    ["pause", "seeked", "ended"].forEach(function (name) {
      video.addEventListener(name, function () { self.report(true); });
    });
    video.addEventListener("play", function () {
      c.play.setAttribute("aria-label", self.label("Pause"));
      showIcon(c.play, "pause");
    });
    video.addEventListener("pause", function () {
      c.play.setAttribute("aria-label", self.label("Play"));
      showIcon(c.play, "play");
    });
    video.addEventListener("volumechange", function () {
      c.mute.setAttribute("aria-pressed", String(video.muted));
      c.mute.setAttribute("aria-label", video.muted ? self.label("Unmute") : self.label("Mute"));
      showIcon(c.mute, video.muted ? "muted" : "sound");
      c.volume.value = String(video.muted ? 0 : video.volume);
    });
    video.addEventListener("error", function () {
      if (!self.hls) { self.showError(); }
    });
    video.addEventListener("click", function () { self.togglePlay(); });
    document.addEventListener("fullscreenchange", function () {
      var full = document.fullscreenElement === self.root;
      c.fullscreen.setAttribute("aria-label", full ? self.label("ExitFullscreen") : self.label("Fullscreen"));
      showIcon(c.fullscreen, full ? "exit-fullscreen" : "enter-fullscreen");
    });
  };

  Player.prototype.bindKeyboard = function () {
    var self = this;
    this.root.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) { return; }
      var tag = event.target.tagName;
      // A focused select uses letter keys to jump between its options.
      if (tag === "SELECT" && event.key.length === 1 && event.key !== " ") { return; }
      // Selects and sliders keep their own arrow keys; the transcript's buttons keep Space.
      var ownsArrows = tag === "SELECT" || tag === "INPUT";
      var ownsSpace = ownsArrows || tag === "BUTTON" || tag === "A";
      var video = self.video;
      var handled = true;
      switch (event.key) {
        case " ":
          if (ownsSpace) { return; }
          self.togglePlay();
          break;
        case "k": case "K": self.togglePlay(); break;
        case "ArrowLeft": if (ownsArrows) { return; } self.seek(video.currentTime - 5); break;
        case "ArrowRight": if (ownsArrows) { return; } self.seek(video.currentTime + 5); break;
        case "j": case "J": self.seek(video.currentTime - 10); break;
        case "l": case "L": self.seek(video.currentTime + 10); break;
        case "ArrowUp": if (ownsArrows) { return; } video.volume = Math.min(1, video.volume + 0.1); break;
        case "ArrowDown": if (ownsArrows) { return; } video.volume = Math.max(0, video.volume - 0.1); break;
        case "m": case "M": video.muted = !video.muted; break;
        case "c": case "C": self.toggleCaptions(); break;
        case "f": case "F": self.toggleFullscreen(); break;
        case "<": self.stepRate(-1); break;
        case ">": self.stepRate(1); break;
        case "Home": if (ownsArrows) { return; } self.seek(0); break;
        case "End": if (ownsArrows) { return; } self.seek(self.duration()); break;
        default: handled = false;
      }
      if (handled) { event.preventDefault(); }
    });
  };

  function start() {
    var roots = document.querySelectorAll("[data-lms-player]");
    Array.prototype.forEach.call(roots, function (root) {
      if (root.lmsPlayer) { return; }
      new Player(root).init();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
