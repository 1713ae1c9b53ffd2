/** The loader a merchant's page runs inline: queues `HummDesk(...)` calls, and on `init` reads the
 * inbox's config (the snippet's preload) while widget.js loads. The snippet's tags load widget.js. */

/*
 * Readable form of LOADER_SCRIPT:
 *
 *   (function (w, name) {
 *     if (w[name]) return;                        // pasted twice, or widget.js ran first
 *     var queue = [];
 *     var hummDesk = (w[name] = function () {
 *       queue.push(arguments);                    // widget.js replays these in order
 *       var options = arguments[1];
 *       if (!hummDesk.s && arguments[0] == "init" && options && options.baseUrl) {
 *         hummDesk.s = 1;                         // the config is requested once
 *         // The inbox's config (answered from the snippet's preload), parsed while widget.js loads:
 *         // the launcher paints sooner.
 *         hummDesk.c = fetch(String(options.baseUrl).replace(/\/+$/, "") + "/widget/v1/inboxes/" + encodeURIComponent(options.websiteToken) + "/config")
 *           .then(function (response) {
 *             return response.json().then(function (body) {
 *               return { s: response.status, u: response.url, j: body };
 *             });
 *           })
 *           .catch(function () {});               // widget.js then asks again itself
 *       }
 *     });
 *     hummDesk.q = queue;
 *   })(window, "HummDesk");
 */
export const LOADER_SCRIPT =
  '!function(w,n){if(w[n])return;var q=[],h=w[n]=function(){q.push(arguments);var o=arguments[1];if(!h.s&&arguments[0]=="init"&&o&&o.baseUrl){h.s=1;h.c=fetch(String(o.baseUrl).replace(/\\/+$/,"")+"/widget/v1/inboxes/"+encodeURIComponent(o.websiteToken)+"/config").then(function(r){return r.json().then(function(j){return{s:r.status,u:r.url,j:j}})}).catch(function(){})}};h.q=q}(window,"HummDesk");';
