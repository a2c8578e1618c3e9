// The console's one browser module. Pages are rendered on the server; this module only turns
// forms marked `data-api="METHOD /api/path"` into API calls (JSON, or a chosen CSV file as
// text/csv) with the session's CSRF token, then follows `data-then` (a URL, or "reload") or
// shows what the server answered in the form's output area: a problem's field errors, or a
// report (`data-render`: import, reminders, invite, inviteDryRun, webhookSecret, erasure). A report
// shown before a reload is kept in sessionStorage and shown again once the page is back, so the
// row-by-row report stays visible.
// A field's value may come from another element (`data-from`: one list on the page that many
// forms send), and a form may say what a 409 means to its reader (`data-conflict`).
// It also keeps the delivery progress of a round's emails up to date (pollDelivery).
// A field outside its form (form="id", e.g. a question's comment next to its answer) is sent too.

const csrfToken = () => document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
const lang = document.documentElement.lang || 'en';

const allWords = {
  en: {
    working: 'Working…',
    row: 'Row',
    field: 'Field',
    problem: 'Problem',
    imported: 'Imported',
    focalPoints: 'Focal points in the round',
    skipped: 'Rows skipped',
    invited: 'Invitations sent',
    country: 'Country',
    email: 'Email',
    remind: 'Reminder',
    why: 'Why not',
    yes: 'yes',
    no: 'no',
    queued: 'Reminders queued',
    wouldSend: 'Would send',
    failed: 'The request failed; check the connection and try again.',
    rowsCaption: 'Rows with a problem',
    remindersCaption: 'Who would get a reminder',
    reload: 'Reload the page',
    wouldInvite: 'Would be emailed',
    inviteCaption: 'Who would get an invitation',
    name: 'Name',
    language: 'Language',
    erasedCaption: 'What was erased',
    erasedWhat: 'Records',
    erasedCount: 'Erased',
    erasedKinds: {
      focalPoints: 'Focal points',
      partnerContacts: 'Partners’ contacts',
      declarations: 'Partners’ declarations',
      links: 'Links',
      introductions: 'Introductions',
      messages: 'Emails',
      clientAddresses: 'Client addresses',
    },
    nowNamed: 'From now on the kept records name this person',
    accountKept: 'An organizer account has this address: it was not erased (disable it on the Accounts page).',
    secret: 'Signing secret (shown only now: copy it into the receiver; reload the page to see the deliveries)',
  },
  fr: {
    working: 'En cours…',
    row: 'Ligne',
    field: 'Champ',
    problem: 'Problème',
    imported: 'Importés',
    focalPoints: 'Points focaux du cycle',
    skipped: 'Lignes ignorées',
    invited: 'Invitations envoyées',
    country: 'Pays',
    email: 'Courriel',
    remind: 'Rappel',
    why: 'Pourquoi pas',
    yes: 'oui',
    no: 'non',
    queued: 'Rappels mis en file',
    wouldSend: 'Seraient envoyés',
    failed: 'La requête a échoué ; vérifiez la connexion et réessayez.',
    rowsCaption: 'Lignes en erreur',
    remindersCaption: 'Qui recevrait un rappel',
    reload: 'Recharger la page',
    wouldInvite: 'Recevraient un courriel',
    inviteCaption: 'Qui recevrait une invitation',
    name: 'Nom',
    language: 'Langue',
    erasedCaption: 'Ce qui a été effacé',
    erasedWhat: 'Enregistrements',
    erasedCount: 'Effacés',
    erasedKinds: {
      focalPoints: 'Points focaux',
      partnerContacts: 'Contacts des partenaires',
      declarations: 'Déclarations des partenaires',
      links: 'Liens',
      introductions: 'Mises en relation',
      messages: 'Courriels',
      clientAddresses: 'Adresses client',
    },
    nowNamed: 'Désormais, les enregistrements conservés nomment cette personne',
    accountKept:
      'Un compte d’organisateur a cette adresse : il n’a pas été effacé (désactivez-le dans la page Comptes).',
    secret:
      'Secret de signature (affiché seulement maintenant : copiez-le dans le récepteur ; rechargez la page pour voir les envois)',
  },
  es: {
    working: 'En curso…',
    row: 'Fila',
    field: 'Campo',
    problem: 'Problema',
    imported: 'Importados',
    focalPoints: 'Puntos focales de la ronda',
    skipped: 'Filas omitidas',
    invited: 'Invitaciones enviadas',
    country: 'País',
    email: 'Correo',
    remind: 'Recordatorio',
    why: 'Por qué no',
    yes: 'sí',
    no: 'no',
    queued: 'Recordatorios en cola',
    wouldSend: 'Se enviarían',
    failed: 'La solicitud falló; compruebe la conexión e inténtelo de nuevo.',
    rowsCaption: 'Filas con un problema',
    remindersCaption: 'Quién recibiría un recordatorio',
    reload: 'Recargar la página',
    wouldInvite: 'Recibirían un correo',
    inviteCaption: 'Quién recibiría una invitación',
    name: 'Nombre',
    language: 'Idioma',
    erasedCaption: 'Lo que se borró',
    erasedWhat: 'Registros',
    erasedCount: 'Borrados',
    erasedKinds: {
      focalPoints: 'Puntos focales',
      partnerContacts: 'Contactos de socios',
      declarations: 'Declaraciones de socios',
      links: 'Enlaces',
      introductions: 'Presentaciones',
      messages: 'Correos',
      clientAddresses: 'Direcciones de cliente',
    },
    nowNamed: 'A partir de ahora, los registros conservados nombran a esta persona',
    accountKept: 'Una cuenta de organizador tiene esta dirección: no se borró (desactívela en la página Cuentas).',
    secret: 'Secreto de firma (solo se muestra ahora: cópielo en el receptor; recargue la página para ver los envíos)',
  },
};
const w = allWords[lang] ?? allWords.en;

/** An element with text (never HTML from the server). */
function el(tag, text, attrs = {}) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

function table(caption, headers, rows) {
  const t = el('table');
  t.append(el('caption', caption));
  const head = el('tr');
  for (const h of headers) head.append(el('th', h, { scope: 'col' }));
  t.append(el('thead'), el('tbody'));
  t.tHead.append(head);
  for (const r of rows) {
    const tr = el('tr');
    for (const c of r) tr.append(el('td', c));
    t.tBodies[0].append(tr);
  }
  return t;
}

/** Sets a.b.0.c: a numeric key makes an array (rows of a repeated group, e.g. contacts.0.name). */
function setPath(target, dotted, value) {
  const keys = dotted.split('.');
  let o = target;
  keys.slice(0, -1).forEach((k, i) => (o = o[k] ??= /^\d+$/.test(keys[i + 1]) ? [] : {}));
  o[keys[keys.length - 1]] = value;
}

/** Drops the holes left by rows the user left empty (contacts.1 with nothing typed). */
function compact(value) {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined && v !== null).map(compact);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]));
  return value;
}

/**
 * The form's fields as the API's JSON: data-type number, list (";"-separated), date (end of that
 * day, UTC), json, fields (a JSON object whose members become fields); data-array checkboxes.
 */
function formJson(form) {
  const body = {};
  for (const input of form.elements) {
    if (
      !input.name ||
      input.disabled ||
      input.type === 'file' ||
      input.type === 'submit' ||
      input.dataset.query !== undefined
    )
      continue;
    const type = input.dataset.type;
    // A field of an optional row (data-with names the row's key field) counts only when that field is filled.
    if (input.dataset.with !== undefined && !form.elements.namedItem(input.dataset.with)?.value.trim()) continue;
    if (input.type === 'checkbox') {
      if (input.dataset.array !== undefined) {
        const list = body[input.name] ?? [];
        if (input.checked) list.push(type === 'json' ? JSON.parse(input.value) : input.value);
        body[input.name] = list;
      } else setPath(body, input.name, input.checked);
      continue;
    }
    if (input.type === 'radio' && !input.checked) continue;
    const value = (
      input.dataset.from ? (document.getElementById(input.dataset.from)?.value ?? '') : input.value
    ).trim();
    if (value === '' && input.dataset.keepEmpty === undefined) continue;
    if (type === 'number') setPath(body, input.name, Number(value));
    else if (type === 'list')
      setPath(
        body,
        input.name,
        value
          .split(/[;\n]/)
          .map((s) => s.trim())
          .filter(Boolean),
      );
    else if (type === 'date') setPath(body, input.name, `${value}T23:59:59.000Z`);
    else if (type === 'json') setPath(body, input.name, JSON.parse(value));
    // A choice that sets several fields at once (a questionnaire: formId and formVersion).
    else if (type === 'fields') Object.assign(body, JSON.parse(value));
    else setPath(body, input.name, value);
  }
  return compact(body);
}

/** `meaning`: what the page says this problem means (data-conflict), with a way to reload. */
function problemView(problem, meaning) {
  const box = el('div');
  box.append(el('p', problem.title ?? w.failed, { class: 'error-title' }));
  if (meaning) {
    const p = el('p', meaning + ' ');
    p.append(el('a', w.reload, { href: location.pathname + location.search }));
    box.append(p);
  }
  if (problem.detail) box.append(el('p', problem.detail));
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  if (errors.length) {
    const withRows = errors.some((e) => e.row !== undefined);
    box.append(
      table(
        withRows ? w.rowsCaption : w.problem,
        withRows ? [w.row, w.field, w.problem] : [w.field, w.problem],
        errors.map((e) =>
          withRows ? [e.row ?? '', e.field ?? '', e.message ?? ''] : [e.field ?? '', e.message ?? ''],
        ),
      ),
    );
  }
  return box;
}

const renderers = {
  import(result) {
    const box = el('div');
    box.append(
      el(
        'p',
        `${w.imported}: ${result.imported}.${result.focalPoints === undefined ? '' : ` ${w.focalPoints}: ${result.focalPoints}.`}`,
      ),
    );
    if (result.skipped?.length) {
      box.append(el('p', `${w.skipped}: ${result.skipped.length + (result.skippedOmitted ?? 0)}`));
      box.append(
        table(
          w.rowsCaption,
          [w.row, w.field, w.problem],
          result.skipped.map((e) => [e.row, e.field, e.message]),
        ),
      );
    }
    return box;
  },
  invite(result) {
    return el('p', `${w.invited}: ${result.invited}`);
  },
  inviteDryRun(result) {
    const box = el('div');
    box.append(el('p', `${w.wouldInvite}: ${result.wouldInvite}`));
    if (result.focalPoints?.length)
      box.append(
        table(
          w.inviteCaption,
          [w.country, w.name, w.email, w.language],
          result.focalPoints.map((f) => [f.country, f.name, f.email, f.language]),
        ),
      );
    return box;
  },
  /** A webhook's new secret: shown once, never kept (no reload, nothing in sessionStorage). */
  webhookSecret(result) {
    const box = el('div');
    const line = el('p');
    line.append(el('code', result.secret));
    box.append(el('p', w.secret), line);
    return box;
  },
  /** An erasure by address: what it erased, the pseudonym that now stands for the person. */
  erasure(result) {
    const e = result.erased;
    const box = el('div');
    box.append(
      table(
        w.erasedCaption,
        [w.erasedWhat, w.erasedCount],
        Object.entries(w.erasedKinds).map(([k, label]) => [label, e[k] ?? 0]),
      ),
    );
    box.append(el('p', `${w.nowNamed}: ${e.pseudonym}`));
    if (e.accountKept) box.append(el('p', w.accountKept));
    return box;
  },
  reminders(result) {
    const box = el('div');
    const sending = result.decisions.filter((d) => d.remind).length;
    box.append(el('p', result.dryRun ? `${w.wouldSend}: ${sending}` : `${w.queued}: ${result.queued}`));
    box.append(
      table(
        w.remindersCaption,
        [w.country, w.email, w.remind, w.why],
        result.decisions.map((d) => [d.country, d.email, d.remind ? w.yes : w.no, d.why ?? '']),
      ),
    );
    return box;
  },
};

function outputOf(form) {
  return document.getElementById(form.dataset.output ?? '') ?? form.querySelector('.form-output');
}

function show(output, content) {
  if (!output) return;
  output.replaceChildren(content);
  output.focus();
}

/** The form's path, with the query parameters its `data-query` checkboxes add (name=true when ticked). */
function pathOf(form) {
  const [method, path] = form.dataset.api.split(' ');
  const url = new URL(path, location.origin);
  for (const box of form.querySelectorAll('input[data-query]')) if (box.checked) url.searchParams.set(box.name, 'true');
  return [method, url.pathname + url.search];
}

async function send(form) {
  const [method, path] = pathOf(form);
  // The page's language, so that the service's problems (titles, field errors) answer in it too.
  const headers = { 'X-CSRF-Token': csrfToken(), 'Accept-Language': lang };
  let body;
  const file = form.querySelector('input[type="file"]');
  if (file) {
    headers['Content-Type'] = 'text/csv';
    body = file.files[0] ? await file.files[0].text() : '';
  } else if (method !== 'GET' && method !== 'DELETE') {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(formJson(form));
  }
  return fetch(path, { method, headers, body, credentials: 'same-origin' });
}

async function onSubmit(event) {
  const form = event.target.closest('form[data-api]');
  if (!form) return;
  event.preventDefault();
  if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
  const output = outputOf(form);
  const buttons = form.querySelectorAll('button');
  for (const b of buttons) b.disabled = true;
  form.setAttribute('aria-busy', 'true');
  try {
    const res = await send(form);
    const text = await res.text();
    const answer = text ? JSON.parse(text) : {};
    if (!res.ok) return show(output, problemView(answer, res.status === 409 ? form.dataset.conflict : undefined));
    const render = renderers[form.dataset.render];
    const then = form.dataset.then;
    if (render && output) {
      const view = render(answer);
      if (then === 'reload') {
        sessionStorage.setItem(`report:${location.pathname}:${output.id}`, view.outerHTML);
      } else return show(output, view);
    }
    if (then === 'reload') return location.reload();
    if (then) return location.assign(safeNext(then));
    show(output, el('p', '✓'));
  } catch {
    show(output, el('p', w.failed));
  } finally {
    for (const b of buttons) b.disabled = false;
    form.removeAttribute('aria-busy');
  }
}

/** Only paths on this site: a `next` taken from the address bar must not send anyone elsewhere. */
function safeNext(target) {
  if (target === 'next') {
    const next = new URLSearchParams(location.search).get('next') ?? '';
    return /^\/console(\/|$)/.test(next) ? next : '/console/rounds';
  }
  return target.startsWith('/') && !target.startsWith('//') ? target : '/console/rounds';
}

/** A report kept across the reload (built above from text nodes only, so safe to put back). */
function restoreReports() {
  for (const output of document.querySelectorAll('.form-output[id]')) {
    const key = `report:${location.pathname}:${output.id}`;
    const saved = sessionStorage.getItem(key);
    if (saved === null) continue;
    sessionStorage.removeItem(key);
    output.innerHTML = saved;
    output.focus();
  }
}

/**
 * Delivery progress (`data-poll-status`: the round's status URL): while emails wait and a relay
 * is configured, the counts and the progress bar the server rendered are refreshed every few
 * seconds from latestEmails, for at most ten minutes.
 */
function pollDelivery() {
  const box = document.querySelector('[data-poll-status]');
  if (!box || box.dataset.waiting === '0') return;
  const started = Date.now();
  const tick = async () => {
    try {
      const res = await fetch(box.dataset.pollStatus, { credentials: 'same-origin' });
      if (res.ok) {
        const counts = (await res.json()).latestEmails ?? {};
        for (const span of box.querySelectorAll('[data-count]'))
          span.textContent = String(counts[span.dataset.count] ?? 0);
        const bar = box.querySelector('progress');
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        if (bar) {
          bar.max = Math.max(total, 1);
          bar.value = total - (counts.queued ?? 0);
        }
        box.dataset.waiting = String(counts.queued ?? 0);
        if (!counts.queued) return;
      }
    } catch {
      // The next tick tries again.
    }
    if (Date.now() - started < 600_000) setTimeout(tick, 2000);
  };
  setTimeout(tick, 1000);
}

document.addEventListener('submit', onSubmit);
restoreReports();
pollDelivery();
document.body.dataset.ready = 'true';
