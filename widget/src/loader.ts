/** The loader a merchant's page runs inline: queues `HummDesk(...)` calls and loads widget.js on `init`. */

/*
 * Readable form of LOADER_SCRIPT:
 *
 *   (function (w, d, name) {
 *     if (w[name]) return;                        // pasted twice, or widget.js already here
 *     var queue = [];
 *     var hummDesk = (w[name] = function () {
 *       queue.push(arguments);                    // widget.js replays these in order
 *       var options = arguments[1];
 *       if (!hummDesk.s && arguments[0] == "init" && options && options.baseUrl) {
 *         hummDesk.s = 1;                         // the script is requested once
 *         var base = String(options.baseUrl).replace(/\/+$/, "");
 *         var script = d.createElement("script");
 *         script.async = true;
 *         script.fetchPriority = "high";            // async scripts load at low priority by default
 *         script.src = base + "/widget.js";
 *         d.head.appendChild(script);
 *         // The inbox's config, fetched and parsed while widget.js loads: the launcher paints sooner.
 *         hummDesk.c = fetch(base + "/widget/v1/inboxes/" + encodeURIComponent(options.websiteToken) + "/config")
 *           .then(function (response) {
 *             return response.json().then(function (body) {
 *               return { s: response.status, u: response.url, j: body };
 *             });
 *           })
 *           .catch(function () {});               // widget.js then asks again itself
 *       }
 *     });
 *     hummDesk.q = queue;
 *   })(window, document, "HummDesk");
 */
export const LOADER_SCRIPT =
  '!function(w,d,n){if(w[n])return;var q=[],h=w[n]=function(){q.push(arguments);var o=arguments[1];if(!h.s&&arguments[0]=="init"&&o&&o.baseUrl){h.s=1;var b=String(o.baseUrl).replace(/\\/+$/,""),s=d.createElement("script");s.async=!0;s.fetchPriority="high";s.src=b+"/widget.js";d.head.appendChild(s);h.c=fetch(b+"/widget/v1/inboxes/"+encodeURIComponent(o.websiteToken)+"/config").then(function(r){return r.json().then(function(j){return{s:r.status,u:r.url,j:j}})}).catch(function(){})}};h.q=q}(window,document,"HummDesk");';
