/*
 * Convoca check-in desk and bus boarding list (decision 0013).
 *
 * Keeps the event's registrants (no e-mails, ticket codes only as digests) and a queue of
 * check-ins in IndexedDB, so the desk goes on working when the network drops. Each check-in gets
 * a UUID here; the server stores it once however often it is sent. The page works without this
 * script as plain forms; the script takes over the results list, the live count and the camera.
 */
/* global window, document, navigator, indexedDB, crypto, fetch, setTimeout, setInterval, URLSearchParams, TextEncoder, BarcodeDetector, jsQR, caches */
(function () {
  'use strict';
  var configEl = document.getElementById('desk-config');
  if (!configEl || !window.indexedDB || !window.crypto || !crypto.randomUUID) return;
  var cfg = JSON.parse(configEl.textContent);
  var S = cfg.strings;
  var nonce = document.currentScript ? document.currentScript.nonce : '';
  var $ = function (id) {
    return document.getElementById(id);
  };
  var fmt = function (text, params) {
    return text.replace(/\{(\w+)\}/g, function (m, k) {
      return k in params ? String(params[k]) : m;
    });
  };
  var timeFormat = new Intl.DateTimeFormat(cfg.lang, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: cfg.timeZone,
  });
  var numberFormat = new Intl.NumberFormat(cfg.lang);
  var rosterKey = 'roster|' + cfg.eventId + '|' + (cfg.routeId || '');
  var stateKey = 'state|' + cfg.eventId + '|' + cfg.place;
  var deskKey = 'desk|' + cfg.eventId;

  /* ---------- IndexedDB: 'kv' (roster, last state, desk name) and 'queue' (ops in order) ---------- */
  var dbPromise;
  function openDb() {
    if (!dbPromise)
      dbPromise = new Promise(function (resolve, reject) {
        var req = indexedDB.open('convoca-checkin', 1);
        req.onupgradeneeded = function () {
          req.result.createObjectStore('kv');
          req.result.createObjectStore('queue', { autoIncrement: true });
        };
        req.onsuccess = function () {
          resolve(req.result);
        };
        req.onerror = function () {
          reject(req.error);
        };
      });
    return dbPromise;
  }
  /** Runs `fn(store)` in one transaction; resolves with the result of the request it returns. */
  function run(storeName, mode, fn) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(storeName, mode);
        var request = fn(t.objectStore(storeName));
        t.oncomplete = function () {
          resolve(request ? request.result : undefined);
        };
        t.onerror = t.onabort = function () {
          reject(t.error);
        };
      });
    });
  }
  var kvGet = function (k) {
    return run('kv', 'readonly', function (st) {
      return st.get(k);
    });
  };
  var kvPut = function (k, v) {
    return run('kv', 'readwrite', function (st) {
      return st.put(v, k);
    });
  };

  /* ---------- state ---------- */
  var roster = null; // [{ id, name, institution, status, codeHash, sample, key }]
  var server = { checkins: [], conflicts: [], counts: { checkedIn: 0, registered: 0 } };
  var queue = []; // [{ seq, op, id, ... , saved: Promise, inFlight }]
  var online = navigator.onLine;
  var authProblem = false;
  var syncing = false;
  var deskName = cfg.deskName;
  var lastAction = null;

  var searchKey = function (text) {
    return (text || '')
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase();
  };
  function setRoster(list) {
    roster = list.map(function (r) {
      return Object.assign({}, r, { key: searchKey(r.name + ' ' + (r.institution || '')) });
    });
  }

  /** Who counts as checked in here now: the server's list with this device's queue applied. */
  function active() {
    var map = new Map();
    server.checkins.forEach(function (c) {
      map.set(c.registrationId, { id: c.id, deskName: c.deskName, at: c.at, pending: false });
    });
    queue.forEach(function (o) {
      if (o.op === 'checkin' && o.place === cfg.place && !map.has(o.registrationId))
        map.set(o.registrationId, { id: o.id, deskName: o.deskName, at: o.at, pending: true });
      if (o.op === 'undo')
        map.forEach(function (v, k) {
          if (v.id === o.id) map.delete(k);
        });
    });
    return map;
  }

  /* ---------- drawing ---------- */
  var input = $('f-q');
  var results = $('desk-results');
  var last = $('desk-last');

  function button(text, label, onClick, secondary) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    if (secondary) b.className = 'secondary';
    b.addEventListener('click', onClick);
    return b;
  }

  function drawCount() {
    var map = active();
    var registered = server.counts.registered;
    $('desk-count').textContent = fmt(S.count, {
      checkedIn: numberFormat.format(map.size),
      registered: numberFormat.format(registered),
      what: S.what,
    });
    var connection = $('desk-connection');
    connection.hidden = false;
    var state = $('desk-online');
    state.textContent = authProblem ? S.signInAgain : online ? S.online : S.offline;
    state.className = online && !authProblem ? 'desk-online' : 'desk-online is-offline';
    var waiting = queue.length;
    $('desk-pending').textContent =
      '· ' +
      (waiting === 0 ? S.pendingNone : fmt(S.pending, { count: numberFormat.format(waiting) }));
    connection.setAttribute('data-pending', String(waiting));
    connection.setAttribute('data-online', online ? 'yes' : 'no');
  }

  function drawConflicts() {
    var list = $('desk-conflicts');
    if (!list) return;
    list.textContent = '';
    var items = server.conflicts.length
      ? server.conflicts.map(function (c) {
          return fmt(S.conflict, {
            name: c.name,
            firstDesk: c.firstDesk || '?',
            firstAt: c.firstAt ? timeFormat.format(new Date(c.firstAt)) : '',
            desk: c.deskName,
            at: timeFormat.format(new Date(c.at)),
          });
        })
      : [S.conflictsNone];
    items.forEach(function (text) {
      var li = document.createElement('li');
      li.textContent = text;
      list.appendChild(li);
    });
  }

  function matches(q) {
    var words = searchKey(q).split(/\s+/).filter(Boolean);
    if (words.length === 0) return cfg.mode === 'bus' ? roster.slice() : [];
    return roster.filter(function (r) {
      return words.every(function (w) {
        return r.key.indexOf(w) >= 0;
      });
    });
  }

  /** E-mails are not kept on the device: an e-mail is looked up by the server (online only). */
  var isEmail = function (q) {
    return q.indexOf('@') >= 0;
  };
  // A page the server drew for an e-mail search keeps its rows (plain forms) until the search changes.
  var serverQuery = input && isEmail(input.value) ? input.value : null;

  function drawResults() {
    if (!roster || !results) return;
    var q = input ? input.value : '';
    if (serverQuery !== null && q === serverQuery) return;
    serverQuery = null;
    var none = $('desk-none');
    if (none) none.remove();
    if (isEmail(q)) {
      results.textContent = '';
      var hint = document.createElement('li');
      hint.textContent = S.emailOnline;
      results.appendChild(hint);
      return;
    }
    var found = matches(q).slice(0, 60);
    var map = active();
    // Redrawn every few seconds: a keyboard user's place in the list is kept.
    var focused = document.activeElement;
    var focusRow =
      focused && results.contains(focused) && focused.closest('li')
        ? focused.closest('li').getAttribute('data-registration')
        : null;
    results.textContent = '';
    if (found.length === 0) {
      var li = document.createElement('li');
      li.textContent = q.trim() ? S.none : S.typeToSearch;
      results.appendChild(li);
    }
    found.forEach(function (r) {
      var done = map.get(r.id);
      var li = document.createElement('li');
      li.className = done ? 'desk-row done' : 'desk-row';
      li.setAttribute('data-registration', r.id);
      var name = document.createElement('span');
      name.className = 'desk-name';
      var strong = document.createElement('strong');
      strong.textContent = r.name;
      name.appendChild(strong);
      if (r.sample) name.appendChild(document.createTextNode(' (' + S.sample + ')'));
      if (r.institution) {
        var inst = document.createElement('span');
        inst.className = 'desk-inst';
        inst.textContent = ' · ' + r.institution;
        name.appendChild(inst);
      }
      var state = document.createElement('span');
      state.className = 'desk-state';
      state.textContent = done
        ? fmt(S.doneAt, { time: timeFormat.format(new Date(done.at)), desk: done.deskName })
        : S['status.' + r.status] || r.status;
      li.appendChild(name);
      li.appendChild(state);
      if (done)
        li.appendChild(
          button(
            S.undo,
            fmt(S.undoLabel, { name: r.name }),
            function () {
              undo(r, done.id);
            },
            true,
          ),
        );
      else if (r.status === 'confirmed' || r.status === 'offered')
        li.appendChild(
          button(S.checkIn, fmt(S.checkInLabel, { name: r.name }), function () {
            checkIn(r);
            if (input) input.focus();
          }),
        );
      results.appendChild(li);
      if (focusRow === r.id && li.querySelector('button')) li.querySelector('button').focus();
    });
  }

  function announce(text, undoFor) {
    if (!last) return;
    last.textContent = text + ' ';
    if (undoFor)
      last.appendChild(
        button(
          S.undo,
          fmt(S.undoLabel, { name: undoFor.r.name }),
          function () {
            undo(undoFor.r, undoFor.id);
            if (input) input.focus();
          },
          true,
        ),
      );
  }

  function draw() {
    drawCount();
    drawResults();
  }

  /* ---------- check in, undo ---------- */
  function enqueue(op) {
    op.eventId = cfg.eventId;
    queue.push(op);
    var stored = Object.assign({}, op);
    op.saved = run('queue', 'readwrite', function (st) {
      return st.add(stored);
    }).then(function (seq) {
      op.seq = seq;
    });
    op.saved.then(function () {
      drawCount();
      sync();
    });
    return op;
  }

  function checkIn(r) {
    var done = active().get(r.id);
    if (done) {
      announce(fmt(S.alreadyIn, { name: r.name, desk: done.deskName }));
      return;
    }
    var op = enqueue({
      op: 'checkin',
      id: crypto.randomUUID(),
      registrationId: r.id,
      place: cfg.place,
      stop: cfg.stop,
      deskName: deskName,
      at: new Date().toISOString(),
    });
    lastAction = { r: r, id: op.id };
    draw();
    announce(fmt(S.justDone, { name: r.name }), lastAction);
  }

  function undo(r, id) {
    var waiting = queue.find(function (o) {
      return o.op === 'checkin' && o.id === id && !o.inFlight;
    });
    if (waiting) {
      queue.splice(queue.indexOf(waiting), 1);
      waiting.saved.then(function () {
        return run('queue', 'readwrite', function (st) {
          return st.delete(waiting.seq);
        });
      });
    } else enqueue({ op: 'undo', id: id });
    draw();
    announce(fmt(S.justUndone, { name: r.name }));
  }

  /* ---------- the network ---------- */
  function setOnline(value) {
    online = value;
    drawCount();
  }

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(
      function (res) {
        if (res.redirected || res.status === 401 || res.status === 403) {
          authProblem = true;
          throw new Error('auth');
        }
        if (!res.ok) throw new Error(String(res.status));
        authProblem = false;
        return res.json();
      },
    );
  }

  function refreshState() {
    return getJson(cfg.urls.state).then(
      function (state) {
        server = state;
        kvPut(stateKey, state);
        setOnline(true);
        drawConflicts();
        drawResults();
      },
      function () {
        setOnline(false);
      },
    );
  }

  function refreshRoster() {
    return getJson(cfg.urls.roster).then(
      function (data) {
        setRoster(data.registrants);
        kvPut(rosterKey, data.registrants);
        setOnline(true);
        draw();
      },
      function () {
        setOnline(false);
      },
    );
  }

  function sync() {
    if (syncing || queue.length === 0 || !navigator.onLine) return Promise.resolve();
    syncing = true;
    var batch = queue.slice(0, 200);
    batch.forEach(function (o) {
      o.inFlight = true;
    });
    return Promise.all(
      batch.map(function (o) {
        return o.saved;
      }),
    )
      .then(function () {
        return fetch(cfg.urls.sync, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': cfg.csrf },
          body: JSON.stringify({
            items: batch.map(function (o) {
              return o.op === 'undo'
                ? { op: 'undo', id: o.id }
                : {
                    op: 'checkin',
                    id: o.id,
                    registrationId: o.registrationId,
                    place: o.place,
                    stop: o.stop,
                    deskName: o.deskName,
                    at: o.at,
                  };
            }),
          }),
        });
      })
      .then(function (res) {
        if (res.redirected || res.status === 401 || res.status === 403) {
          authProblem = true;
          throw new Error('auth');
        }
        if (!res.ok) throw new Error(String(res.status));
        authProblem = false;
        return res.json();
      })
      .then(function (body) {
        // Every item has an answer (recorded, duplicate, conflict, rejected, undone…): none is resent.
        var refused = body.results.filter(function (r) {
          return r.result === 'rejected';
        }).length;
        if (refused) announce(fmt(S.rejected, { count: numberFormat.format(refused) }));
        body.results.forEach(function (r) {
          var o = batch.find(function (b) {
            return b.id === r.id && b.op === r.op;
          });
          if (o && o.op === 'checkin' && o.place === cfg.place && r.result === 'recorded')
            server.checkins.push({
              id: o.id,
              registrationId: o.registrationId,
              deskName: o.deskName,
              at: o.at,
            });
          if (o && o.op === 'undo')
            server.checkins = server.checkins.filter(function (c) {
              return c.id !== o.id;
            });
        });
        queue = queue.filter(function (o) {
          return batch.indexOf(o) < 0;
        });
        return run('queue', 'readwrite', function (st) {
          batch.forEach(function (o) {
            st.delete(o.seq);
          });
        });
      })
      .then(
        function () {
          syncing = false;
          setOnline(true);
          return refreshState().then(function () {
            if (queue.length) return sync();
          });
        },
        function () {
          batch.forEach(function (o) {
            o.inFlight = false;
          });
          syncing = false;
          setOnline(false);
        },
      );
  }

  /* ---------- codes: typed, scanned or read by the camera ---------- */
  function codeOf(text) {
    var code = text
      .trim()
      .replace(/^CONVOCA-TICKET:/i, '')
      .toUpperCase();
    return /^[A-Z0-9]{10}$/.test(code) ? code : null;
  }

  function digest(code) {
    return crypto.subtle
      .digest('SHA-256', new TextEncoder().encode(cfg.eventId + ':' + code))
      .then(function (buf) {
        return Array.from(new Uint8Array(buf))
          .map(function (b) {
            return b.toString(16).padStart(2, '0');
          })
          .join('');
      });
  }

  /** A ticket code checks its holder in at once; anything else is a search. */
  function handleEntry(text) {
    var code = codeOf(text);
    if (!code || !roster) return Promise.resolve(false);
    return digest(code).then(function (hash) {
      var r = roster.find(function (x) {
        return x.codeHash === hash;
      });
      if (!r) {
        if (/^CONVOCA-TICKET:/i.test(text.trim())) announce(S.unknownCode);
        return false;
      }
      if (input) input.value = '';
      if (r.status === 'confirmed' || r.status === 'offered') checkIn(r);
      else announce(r.name + ': ' + (S['status.' + r.status] || r.status));
      drawResults();
      return true;
    });
  }

  var form = $('desk-search');
  if (form)
    form.addEventListener('submit', function (event) {
      // An e-mail goes to the server's search, as without the script (it needs the network).
      if (input && isEmail(input.value) && navigator.onLine) return;
      event.preventDefault();
      if (!input) return;
      handleEntry(input.value).then(function (done) {
        if (!done) drawResults();
        input.focus();
      });
    });
  if (input) input.addEventListener('input', drawResults);
  var deskField = $('f-desk');
  if (deskField)
    deskField.addEventListener('change', function () {
      deskName = deskField.value.trim().slice(0, 60) || cfg.deskName;
      kvPut(deskKey, deskName);
    });

  /* ---------- camera ---------- */
  var startButton = $('desk-camera-start');
  var stopButton = $('desk-camera-stop');
  var video = $('desk-video');
  var cameraMessage = $('desk-camera-message');
  var stream = null;
  var lastRead = { text: '', at: 0 };

  function decoder() {
    if ('BarcodeDetector' in window)
      return BarcodeDetector.getSupportedFormats().then(function (formats) {
        if (formats.indexOf('qr_code') >= 0) {
          var detector = new BarcodeDetector({ formats: ['qr_code'] });
          return function () {
            return detector.detect(video).then(function (codes) {
              return codes.length ? codes[0].rawValue : null;
            });
          };
        }
        return jsqrDecoder();
      });
    return jsqrDecoder();
  }

  function jsqrDecoder() {
    var ready =
      typeof jsQR === 'function'
        ? Promise.resolve()
        : new Promise(function (resolve, reject) {
            var script = document.createElement('script');
            script.src = '/static/vendor/jsqr.js';
            script.nonce = nonce;
            script.onload = resolve;
            script.onerror = reject;
            document.head.appendChild(script);
          });
    var canvas = document.createElement('canvas');
    var context = canvas.getContext('2d', { willReadFrequently: true });
    return ready.then(function () {
      return function () {
        var w = video.videoWidth;
        var h = video.videoHeight;
        if (!w || !h) return Promise.resolve(null);
        canvas.width = w;
        canvas.height = h;
        context.drawImage(video, 0, 0, w, h);
        var found = jsQR(context.getImageData(0, 0, w, h).data, w, h, {
          inversionAttempts: 'dontInvert',
        });
        return Promise.resolve(found ? found.data : null);
      };
    });
  }

  function stopCamera() {
    if (stream)
      stream.getTracks().forEach(function (t) {
        t.stop();
      });
    stream = null;
    video.hidden = true;
    stopButton.hidden = true;
    startButton.hidden = false;
    cameraMessage.textContent = '';
  }

  if (startButton && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    startButton.hidden = false;
    startButton.addEventListener('click', function () {
      navigator.mediaDevices
        .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
        .then(function (s) {
          stream = s;
          video.srcObject = s;
          video.hidden = false;
          startButton.hidden = true;
          stopButton.hidden = false;
          stopButton.focus();
          cameraMessage.textContent = S['camera.looking'];
          return video.play().then(decoder);
        })
        .then(function (read) {
          var tick = function () {
            if (!stream) return;
            read()
              .then(function (text) {
                var now = Date.now();
                if (text && (text !== lastRead.text || now - lastRead.at > 4000)) {
                  lastRead = { text: text, at: now };
                  return handleEntry(text);
                }
              })
              .catch(function () {})
              .then(function () {
                setTimeout(tick, 200);
              });
          };
          tick();
        })
        .catch(function () {
          stopCamera();
          cameraMessage.textContent = S['camera.unavailable'];
        });
    });
    stopButton.addEventListener('click', function () {
      stopCamera();
      startButton.focus();
    });
  }

  /* ---------- forgetting the device's copy ---------- */
  var forget = $('desk-forget');
  if (forget) {
    forget.hidden = false;
    forget.addEventListener('click', function () {
      if (queue.length) {
        announce(S['forget.pending']);
        return;
      }
      run('kv', 'readwrite', function (st) {
        return st.clear();
      }).then(function () {
        roster = [];
        if (window.caches) caches.delete('convoca-checkin-v1');
        draw();
        announce(S['forget.done']);
      });
    });
  }

  /* ---------- start ---------- */
  window.addEventListener('online', function () {
    setOnline(true);
    sync().then(refreshState);
  });
  window.addEventListener('offline', function () {
    setOnline(false);
  });
  setInterval(function () {
    if (!navigator.onLine) return setOnline(false);
    sync().then(refreshState);
  }, 10000);

  if (navigator.serviceWorker)
    navigator.serviceWorker.register(cfg.urls.sw, { scope: '/i/' }).catch(function () {});

  Promise.all([
    kvGet(rosterKey),
    kvGet(stateKey),
    kvGet(deskKey),
    run('queue', 'readonly', function (st) {
      return st.getAll();
    }),
    run('queue', 'readonly', function (st) {
      return st.getAllKeys();
    }),
  ]).then(function (stored) {
    if (stored[0]) setRoster(stored[0]);
    if (stored[1]) server = stored[1];
    var params = new URLSearchParams(window.location.search);
    if (stored[2] && !params.get('desk')) {
      deskName = stored[2];
      if (deskField) deskField.value = deskName;
    }
    var values = stored[3] || [];
    var keys = stored[4] || [];
    queue = values
      .map(function (v, i) {
        return Object.assign(v, { seq: keys[i], saved: Promise.resolve() });
      })
      .filter(function (v) {
        return v.eventId === cfg.eventId;
      });
    document.documentElement.setAttribute('data-desk-ready', 'local');
    drawCount();
    drawConflicts();
    if (roster) drawResults();
    if (!navigator.onLine) return setOnline(false);
    return Promise.all([refreshRoster(), refreshState()])
      .then(sync)
      .then(function () {
        document.documentElement.setAttribute('data-desk-ready', 'synced');
      });
  });
})();
