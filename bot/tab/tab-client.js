// Shared by the tab's pages (no build step, no framework): Teams SSO, JSON calls, DOM helpers.

window.bpc40 = (() => {
  /** Inside Teams the page is framed (web, desktop) or hosted by the mobile app's native interface. */
  const inTeams = window.top !== window.self || Boolean(window.nativeInterface);
  let tokenPromise = null;

  /**
   * teams-js is loaded only inside Teams: at load it fetches Microsoft's list of valid
   * origins from a CDN, which a plain browser (local mode) has no reason to reach.
   */
  function loadTeamsJs() {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = "/tab/assets/teams-js.js";
      script.onload = resolve;
      script.onerror = () => reject(new Error("teams-js introuvable"));
      document.head.append(script);
    });
  }

  async function teamsToken() {
    if (!inTeams) return null;
    await loadTeamsJs();
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("Teams ne répond pas")), 8000));
    await Promise.race([window.microsoftTeams.app.initialize(), timeout]);
    return window.microsoftTeams.authentication.getAuthToken();
  }

  /** The token is asked once per page; Teams caches and renews it. */
  function token() {
    tokenPromise ??= teamsToken().catch(() => null);
    return tokenPromise;
  }

  /** Calls the tab's API; throws an Error with the server's French message on refusal. */
  async function api(path, options = {}) {
    const bearer = await token();
    const headers = { ...(options.headers ?? {}) };
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    const response = await fetch(path, { ...options, headers });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error ?? `Erreur ${response.status}`);
    return body;
  }

  /** `h("p", { class: "x" }, "texte", child)`: text is always text, never HTML. */
  function h(tag, attrs = {}, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
      if (value === false || value === null || value === undefined) continue;
      el.setAttribute(name, value === true ? "" : String(value));
    }
    el.append(...children.flat().filter((c) => c !== null && c !== undefined));
    return el;
  }

  const SVG = "http://www.w3.org/2000/svg";
  function s(tag, attrs = {}, ...children) {
    const el = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
    el.append(...children);
    return el;
  }

  /** Shows a French message where screen readers hear it. */
  function announce(text) {
    const status = document.getElementById("status");
    if (status) status.textContent = text;
  }

  return { api, h, s, announce, inTeams };
})();
