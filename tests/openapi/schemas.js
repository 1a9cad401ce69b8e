// The response schemas of server/src/openapi.json as ajv validators, made closed: an
// object schema that lists its properties and says nothing of others gets
// additionalProperties: false here, so a field the server sends but the document does not
// describe fails like a missing required one. The document itself stays open (the contract
// lets the API gain fields); where a response really is open the document says so with
// additionalProperties, and that is kept.
'use strict';

const Ajv = require('ajv');
const addFormats = require('ajv-formats');

// OpenAPI 3.0 schema keywords that JSON Schema lacks: annotations only (deprecated, readOnly
// and writeOnly are JSON Schema's too). nullable is
// ajv's own (it adds "null" to type and insists that type is given, as OpenAPI 3.0 does).
const ANNOTATIONS = ['example', 'externalDocs', 'xml'];

function pointer(doc, ref) {
  if (!ref.startsWith('#/')) throw new Error(`only local references are supported: ${ref}`);
  return ref.slice(2).split('/').reduce((node, key) => {
    const k = key.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === undefined || !(k in node)) throw new Error(`unresolved reference ${ref}`);
    return node[k];
  }, doc);
}

// A response object with its $ref (#/components/responses/...) followed.
function response(doc, r) {
  return r && r.$ref ? pointer(doc, r.$ref) : r;
}

// The schema with every $ref replaced by a copy of its target, every allOf of object schemas
// merged into one object schema, and every object that lists properties closed.
function closed(doc, schema, seen = []) {
  if (schema === null || typeof schema !== 'object') return schema;
  if (schema.$ref) {
    if (seen.includes(schema.$ref)) throw new Error(`recursive schema ${schema.$ref}: not supported here`);
    return closed(doc, pointer(doc, schema.$ref), [...seen, schema.$ref]);
  }
  const out = { ...schema };
  if (out.allOf) {
    const parts = out.allOf.map((p) => closed(doc, p, seen));
    delete out.allOf;
    if (parts.every((p) => p.type === 'object' && !p.nullable)) {
      // One object with the properties and required fields of all parts: closing each part
      // alone would make each refuse the others' fields.
      out.type = 'object';
      out.properties = {};
      const required = new Set();
      for (const p of parts) {
        for (const [name, s] of Object.entries(p.properties || {})) {
          out.properties[name] = name in out.properties ? { allOf: [out.properties[name], s] } : s;
        }
        for (const r of p.required || []) required.add(r);
        if (p.additionalProperties !== undefined && p.additionalProperties !== false) out.additionalProperties = p.additionalProperties;
      }
      if (required.size) out.required = [...required];
    } else {
      out.allOf = parts;
    }
  }
  for (const key of ['items', 'not']) if (out[key]) out[key] = closed(doc, out[key], seen);
  for (const key of ['anyOf', 'oneOf']) if (out[key]) out[key] = out[key].map((p) => closed(doc, p, seen));
  if (out.properties) {
    out.properties = Object.fromEntries(Object.entries(out.properties).map(([k, s]) => [k, closed(doc, s, seen)]));
  }
  if (out.additionalProperties && typeof out.additionalProperties === 'object') {
    out.additionalProperties = closed(doc, out.additionalProperties, seen);
  }
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

// Validators for every (path, status, media type) the document declares, compiled once.
class ResponseSchemas {
  constructor(doc) {
    this.doc = doc;
    this.ajv = new Ajv({ strict: true, strictRequired: true, allErrors: true, verbose: true });
    addFormats(this.ajv);
    for (const k of ANNOTATIONS) this.ajv.addKeyword({ keyword: k });
    this.cache = new Map();
  }

  // The declared responses of GET path: {status key: response object}.
  responses(path) {
    const op = this.doc.paths[path] && this.doc.paths[path].get;
    if (!op) throw new Error(`the document has no GET ${path}`);
    return op.responses;
  }

  // Which declared response a status answers: the exact code, else its range (4XX), else
  // default. null when none does.
  statusKey(path, status) {
    const r = this.responses(path);
    for (const k of [String(status), `${String(status)[0]}XX`, 'default']) if (k in r) return k;
    return null;
  }

  // Every (path, status key, media type) the document declares.
  declared() {
    const out = [];
    for (const path of Object.keys(this.doc.paths)) {
      for (const [key, r] of Object.entries(this.responses(path))) {
        const types = Object.keys(response(this.doc, r).content || {});
        for (const type of types.length ? types : ['']) out.push(`${path} ${key} ${type}`);
      }
    }
    return out;
  }

  // The media types the response of path for statusKey may have.
  mediaTypes(path, key) {
    return Object.keys(response(this.doc, this.responses(path)[key]).content || {});
  }

  validator(path, key, type) {
    const id = `${path} ${key} ${type}`;
    if (!this.cache.has(id)) {
      const content = response(this.doc, this.responses(path)[key]).content || {};
      if (!content[type] || !content[type].schema) throw new Error(`${id}: no schema declared`);
      this.cache.set(id, this.ajv.compile(closed(this.doc, content[type].schema)));
    }
    return this.cache.get(id);
  }
}

// ajv's errors in a form a person can act on: where, what, and the value found there (the
// first 20; a drift usually repeats on every element of a list).
function describe(errors, limit = 20) {
  const lines = errors.slice(0, limit).map((e) => {
    if (e.keyword === 'additionalProperties') {
      return `  ${e.instancePath || '(the body)'} has "${e.params.additionalProperty}", which the document does not describe (${e.schemaPath})`;
    }
    if (e.keyword === 'required') return `  ${e.instancePath || '(the body)'} ${e.message} (${e.schemaPath})`;
    let found = JSON.stringify(e.data);
    if (found && found.length > 160) found = `${found.slice(0, 160)}…`;
    return `  ${e.instancePath || '(the body)'} ${e.message} (${e.schemaPath}); found ${found}`;
  });
  if (errors.length > limit) lines.push(`  … and ${errors.length - limit} more`);
  return lines.join('\n');
}

module.exports = { ResponseSchemas, closed, describe, pointer };
