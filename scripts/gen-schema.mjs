// Generates the compact Kubernetes schema the engine validates manifests with, from the .d.ts files of
// kubernetes-models and @kubernetes-models/apimachinery (read with the TypeScript compiler API, never imported).
// Usage: node scripts/gen-schema.mjs [--force]   (npm run build calls ensureSchema(): it skips a fresh output)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// Loaded only when the schema is generated: a build with a fresh schema does not pay for the compiler.
let ts;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MODELS = path.join(ROOT, 'node_modules/kubernetes-models');
const MACHINERY = path.join(ROOT, 'node_modules/@kubernetes-models/apimachinery');
// Inside server/src so that tsc (resolveJsonModule) compiles the import and copies the file to out/; gitignored.
export const OUTPUT = path.join(ROOT, 'server/src/engine/schema/generated/k8s-schema.json');

/** All .d.ts files but the package indexes and the compiled validators (`_schemas`). */
function declarationFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '_schemas' || entry.name === 'node_modules' ? [] : declarationFiles(full);
    return entry.name.endsWith('.d.ts') && entry.name !== 'index.d.ts' ? [full] : [];
  });
}

/**
 * A short, stable id per model file: `apps/v1/Deployment`, `v1/Container`, `meta/v1/ObjectMeta`. Real paths on both
 * sides: the compiler resolves imports through symlinks (a linked node_modules), the file list does not.
 */
const realPaths = new Map();
const realPath = (p) => realPaths.get(p) ?? realPaths.set(p, fs.realpathSync(p)).get(p);
function typeId(fileName) {
  const real = realPath(fileName);
  const inModels = path.relative(realPath(MODELS), real);
  const rel = inModels.startsWith('..') ? path.relative(realPath(MACHINERY), real).replace(/^apis\//, '') : inModels;
  return rel.replace(/\.d\.ts$/, '').split(path.sep).join('/');
}

/**
 * The .d.ts files say `number` for integers and floats alike; the packages' compiled Ajv validators
 * (`_schemas/<Name>.js`) are the only place that tells them apart, as `#/properties/<p>/type … {type:"number"}`.
 * Every other `number` is an integer (the 1.36 spec has three float fields, all in JSONSchemaProps).
 */
function floatProperties() {
  const floats = new Set();
  for (const dir of [MODELS, MACHINERY]) {
    const schemas = path.join(dir, '_schemas');
    for (const file of fs.readdirSync(schemas).filter((f) => f.endsWith('.js'))) {
      const text = fs.readFileSync(path.join(schemas, file), 'utf8');
      if (!text.includes('type:"number"')) continue;
      const re = /schemaPath:"#\/properties\/([^/"]+)\/type",keyword:"type",params:\{type:"number"\}/g;
      for (let m = re.exec(text); m; m = re.exec(text)) floats.add(`${file.replace(/\.js$/, '')}.${m[1]}`);
    }
  }
  return floats;
}

/** The first sentence of a JSDoc text, for hovers: up to the first ". " before a capital, or the first paragraph. */
export function firstSentence(text) {
  const paragraph = text.trim().split(/\n\s*\n/)[0].replace(/\s+/g, ' ');
  // Not after "e.g." or "i.e.", which start no sentence.
  const m = /^(.+?(?<!\b(?:e\.g|i\.e))[.!?])(?=\s+[A-Z`"(])/.exec(paragraph);
  return (m ? m[1] : paragraph).trim();
}

function docOf(node) {
  const jsDoc = ts.getJSDocCommentsAndTags(node).find(ts.isJSDoc);
  const text = jsDoc ? ts.getTextOfJSDocComment(jsDoc.comment) ?? '' : '';
  return text ? firstSentence(text) : '';
}

function propertyName(member) {
  const name = member.name;
  return ts.isStringLiteral(name) || ts.isIdentifier(name) ? name.text : undefined;
}

export function generate() {
  ts = createRequire(import.meta.url)('typescript');
  const files = [...declarationFiles(MODELS), ...declarationFiles(MACHINERY)];
  const program = ts.createProgram(files, { noEmit: true, skipLibCheck: true, noResolve: false, types: [] });
  const checker = program.getTypeChecker();
  const floats = floatProperties();
  const kinds = {};
  const types = {};
  const pending = [];

  /** The alias the package exports an interface under (`IIoK8sApiCoreV1Container` → `IoK8sApiCoreV1Container`). */
  function exportedAlias(decl) {
    for (const statement of decl.getSourceFile().statements) {
      if (!ts.isExportDeclaration(statement) || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
      for (const el of statement.exportClause.elements) {
        if ((el.propertyName ?? el.name).text === decl.name.text) return el.name.text.replace(/^I/, '');
      }
    }
    return decl.name.text;
  }

  function declarationOf(typeName) {
    let symbol = checker.getSymbolAtLocation(typeName);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    return symbol?.declarations?.[0];
  }

  /**
   * A type node → the schema's type expression (see server/src/engine/schema/types.ts). `floatKey` names the
   * property for floatProperties(); `inlineId` is the id an anonymous object type here gets.
   */
  function typeExpr(node, floatKey, inlineId) {
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword: return 'string';
      case ts.SyntaxKind.BooleanKeyword: return 'boolean';
      case ts.SyntaxKind.NumberKeyword: return floats.has(floatKey) ? 'number' : 'integer';
      case ts.SyntaxKind.AnyKeyword: case ts.SyntaxKind.UnknownKeyword: return 'any';
      case ts.SyntaxKind.ParenthesizedType: return typeExpr(node.type, floatKey, inlineId);
      case ts.SyntaxKind.ArrayType: return { a: typeExpr(node.elementType, floatKey, inlineId) };
      case ts.SyntaxKind.LiteralType:
        if (ts.isStringLiteral(node.literal)) return { e: [node.literal.text] };
        break;
      case ts.SyntaxKind.UnionType: {
        const members = node.types;
        if (members.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))) return { e: members.map((t) => t.literal.text) };
        if (members.some((t) => t.kind === ts.SyntaxKind.StringKeyword)) return 'string';
        break;
      }
      case ts.SyntaxKind.TypeLiteral: {
        const index = node.members.find(ts.isIndexSignatureDeclaration);
        if (index && node.members.length === 1) return { m: typeExpr(index.type, floatKey, inlineId) };
        // An object type written in place (StatefulSetSpec.volumeClaimTemplates' items): a type of its own.
        if (!index) {
          types[inlineId] = null;
          types[inlineId] = members(node.members, floatKey.split('.')[0], false, inlineId);
          return `#${inlineId}`;
        }
        break;
      }
      case ts.SyntaxKind.TypeReference: {
        if (ts.isIdentifier(node.typeName) && node.typeName.text === 'Array') return { a: typeExpr(node.typeArguments[0], floatKey, inlineId) };
        const decl = declarationOf(node.typeName);
        if (decl && ts.isTypeAliasDeclaration(decl)) {
          if (decl.name.text === 'IQuantity') return 'quantity';
          if (decl.name.text === 'IIntOrString') return 'int-or-string';
          return typeExpr(decl.type, floatKey, inlineId);
        }
        if (decl && ts.isInterfaceDeclaration(decl)) {
          // Empty interfaces (JSON, RawExtension, FieldsV1, JSONSchemaPropsOrBool…) hold any JSON value.
          if (decl.members.length === 0) return 'any';
          const id = typeId(decl.getSourceFile().fileName);
          if (!(id in types)) {
            types[id] = null;
            pending.push([id, decl]);
          }
          return `#${id}`;
        }
        break;
      }
    }
    throw new Error(`gen-schema: no schema for type "${node.getText()}" (${node.getSourceFile().fileName})`);
  }

  /** An object type's properties, each [type, description], and the names of those it requires. */
  function members(list, alias, isRoot, id) {
    const properties = {};
    const required = [];
    for (const member of list) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      const name = propertyName(member);
      if (!name) continue;
      // A kind's own apiVersion/kind literals are what picked this schema: the kinds table judges them.
      if (isRoot && (name === 'apiVersion' || name === 'kind')) {
        properties[name] = ['string', docOf(member)];
        continue;
      }
      properties[name] = [typeExpr(member.type, `${alias}.${name}`, `${id}.${name}`), docOf(member)];
      if (!member.questionToken) required.push(name);
    }
    return { p: properties, ...(required.length ? { r: required } : {}) };
  }

  function describe(id, decl, isRoot) {
    types[id] = { d: docOf(decl), ...members(decl.members, exportedAlias(decl), isRoot, id) };
  }

  for (const file of files) {
    const source = program.getSourceFile(file);
    for (const statement of source.statements) {
      if (!ts.isInterfaceDeclaration(statement)) continue;
      const literal = (key) => {
        const member = statement.members.find((m) => ts.isPropertySignature(m) && propertyName(m) === key);
        return member?.type && ts.isLiteralTypeNode(member.type) && ts.isStringLiteral(member.type.literal) ? member.type.literal.text : undefined;
      };
      const apiVersion = literal('apiVersion');
      const kind = literal('kind');
      if (!apiVersion || !kind) continue;
      const id = typeId(file);
      (kinds[apiVersion] ??= {})[kind] = id;
      types[id] = null;
      describe(id, statement, true);
    }
  }
  while (pending.length) {
    const [id, decl] = pending.pop();
    describe(id, decl, false);
  }
  const sorted = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  for (const v of Object.keys(kinds)) kinds[v] = sorted(kinds[v]);
  return { source: sourceVersions(), kinds: sorted(kinds), types: sorted(types) };
}

function sourceVersions() {
  const version = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  return `kubernetes-models@${version(MODELS)} @kubernetes-models/apimachinery@${version(MACHINERY)}`;
}

/** Regenerates the schema unless it is newer than the model packages and this script. Returns what it did. */
export function ensureSchema({ force = false } = {}) {
  const inputs = [path.join(MODELS, 'package.json'), path.join(MACHINERY, 'package.json'), fileURLToPath(import.meta.url)];
  const outTime = fs.existsSync(OUTPUT) ? fs.statSync(OUTPUT).mtimeMs : 0;
  if (!force && inputs.every((f) => fs.statSync(f).mtimeMs < outTime)) return 'fresh';
  const schema = generate();
  fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
  fs.writeFileSync(OUTPUT, JSON.stringify(schema));
  return `${Object.keys(schema.types).length} types, ${Object.values(schema.kinds).reduce((n, k) => n + Object.keys(k).length, 0)} kinds`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const done = ensureSchema({ force: process.argv.includes('--force') });
  console.error(`gen-schema: ${done} → ${path.relative(ROOT, OUTPUT)} (${fs.statSync(OUTPUT).size} bytes, ${Date.now() - started} ms)`);
}
