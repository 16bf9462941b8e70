/*
 * Convoca's service worker for the check-in desk and the bus boarding lists (decision 0013).
 * Served at /checkin-sw.js with scope /i/. Only the desk pages and their script, style sheet and
 * QR decoder are kept: network first, the kept copy when the network is gone or too slow.
 * Everything else passes through untouched. Registrants live in IndexedDB, not here.
 */
/* global self, caches, fetch, URL, Response, setTimeout, clearTimeout */
'use strict';
var CACHE = 'convoca-checkin-v1';
var ASSETS = [
  '/static/checkin-desk.js',
  '/static/checkin.css',
  '/static/styles.css',
  '/static/vendor/jsqr.js',
];
var DESK_PAGE =
  /^\/i\/[^/]+\/editions\/[^/]+\/events\/[0-9a-f-]{36}\/desk(\/bus\/[0-9a-f-]{36})?$/i;

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(function (cache) {
        return cache.addAll(ASSETS);
      })
      .then(function () {
        return self.skipWaiting();
      }),
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(self.clients.claim());
});

/** The network, given up on after a few seconds (a weak signal hangs rather than fails). */
function fetchWithin(request, ms) {
  return new Promise(function (resolve, reject) {
    var timer = setTimeout(function () {
      reject(new Error('timeout'));
    }, ms);
    fetch(request).then(
      function (res) {
        clearTimeout(timer);
        resolve(res);
      },
      function (error) {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function networkFirst(request, key, keep) {
  return caches.open(CACHE).then(function (cache) {
    return fetchWithin(request, 4000).then(
      function (res) {
        if (keep && res.ok && !res.redirected) cache.put(key, res.clone());
        return res;
      },
      function () {
        return cache.match(key).then(function (hit) {
          return hit || Response.error();
        });
      },
    );
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && DESK_PAGE.test(url.pathname)) {
    // A page showing a search's results is not kept: the plain desk page is.
    var keep = !url.searchParams.has('q');
    event.respondWith(networkFirst(request, url.pathname, keep));
  } else if (ASSETS.indexOf(url.pathname) >= 0) {
    event.respondWith(networkFirst(request, url.pathname, true));
  }
});
