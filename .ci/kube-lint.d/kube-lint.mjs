// Validates the Kubernetes manifests of a directory (default config/kubernetes), offline:
//  1. every YAML document parses (duplicate keys refused);
//  2. every object against the JSON schema of its kind (kubernetes-models: Kubernetes 1.33's OpenAPI schemas;
//     @kubernetes-models/keda: KEDA 2.10.1's CRD schemas): types, enums, formats, required fields;
//  3. every object strictly against the TypeScript types generated from the same schemas, so that a field the
//     API does not define (a typo) is refused, as `kubectl apply --validate=strict` would (the JSON schemas
//     above allow unknown fields, as the Kubernetes API's own do);
//  4. kustomization.yaml and the kafka trigger's metadata (free-form strings in KEDA's CRD) against small
//     schemas of our own (schemas/);
//  5. what ties the manifests to each other and to the project: selectors, names, ports, probes, the
//     ConfigMap's keys (docs/configuration.md), the ScaledObject against the ConfigMap, the JVM options
//     against the Dockerfile, the grace period against worker.shutdown.timeout.
// Run from the repository root (.ci/kube-lint does). Exit code 0 when valid, 1 with one line per problem.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import YAML from "yaml";
import ts from "typescript";
import Ajv from "ajv";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const dir = process.argv[2] || "config/kubernetes";
const problems = [];
const problem = (where, message) => problems.push(`${where}: ${message}`);

// --- 1. Parse ------------------------------------------------------------------------------------------
const KUSTOMIZATION = "kustomization.yaml";
if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
  console.error(`kube-lint: ${dir} is not a directory`);
  process.exit(1);
}
const yamlFiles = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();

function parseAll(file) {
  const text = fs.readFileSync(path.join(dir, file), "utf8");
  // YAML 1.1, as kubectl reads it (0440 is octal, yes/no are booleans).
  const docs = YAML.parseAllDocuments(text, { version: "1.1", uniqueKeys: true, prettyErrors: true });
  const out = [];
  docs.forEach((doc, i) => {
    for (const e of [...doc.errors, ...doc.warnings]) {
      problem(`${dir}/${file}`, `YAML: ${e.message.split("\n")[0]}`);
    }
    if (doc.errors.length > 0) return;
    const value = doc.toJS({ maxAliasCount: 0 });
    if (value !== null && value !== undefined) out.push({ file, index: i, value });
  });
  return out;
}

const kustomizationDocs = yamlFiles.includes(KUSTOMIZATION) ? parseAll(KUSTOMIZATION) : [];
if (!yamlFiles.includes(KUSTOMIZATION)) problem(dir, `no ${KUSTOMIZATION}`);
const docs = yamlFiles.filter((f) => f !== KUSTOMIZATION).flatMap(parseAll);
const where = (d, p = "") => `${dir}/${d.file}${d.index > 0 ? `#${d.index}` : ""} ${kindOf(d.value)}${p ? ` ${p}` : ""}`;
function kindOf(v) {
  return v && typeof v === "object" ? `${v.kind ?? "?"}/${v.metadata?.name ?? "?"}` : "(not an object)";
}

// --- 4a. kustomization.yaml ----------------------------------------------------------------------------
const ajv = new Ajv({ allErrors: true, strict: true });
const ownSchema = (name) => ajv.compile(JSON.parse(fs.readFileSync(path.join(here, "schemas", name), "utf8")));
// "/spec/containers/0/name" -> "spec.containers[0].name", as the strict check below writes paths.
const jsonPath = (pointer) =>
  (pointer || "")
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((acc, s) => (/^[0-9]+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), "");
const ajvProblems = (at, validate, value) => {
  if (!validate(value)) {
    for (const e of validate.errors) {
      const extra = e.params?.additionalProperty ? ` '${e.params.additionalProperty}'` : "";
      const at2 = jsonPath(e.instancePath);
      problem(at2 ? `${at} ${at2}` : at, `${e.message}${extra}`);
    }
  }
};
if (kustomizationDocs.length === 1) {
  const k = kustomizationDocs[0].value;
  ajvProblems(`${dir}/${KUSTOMIZATION}`, ownSchema("kustomization.schema.json"), k);
  const listed = Array.isArray(k.resources) ? k.resources : [];
  for (const r of listed) {
    if (typeof r === "string" && !fs.existsSync(path.join(dir, r))) {
      problem(`${dir}/${KUSTOMIZATION}`, `resources: ${r} does not exist`);
    }
  }
  for (const f of yamlFiles) {
    if (f !== KUSTOMIZATION && !listed.includes(f)) {
      problem(`${dir}/${KUSTOMIZATION}`, `resources: ${f} is not listed (kubectl apply -k would leave it out)`);
    }
  }
} else if (yamlFiles.includes(KUSTOMIZATION)) {
  problem(`${dir}/${KUSTOMIZATION}`, "must hold exactly one document");
}

// --- 2. JSON schemas of the kinds ------------------------------------------------------------------------
// apiVersion -> the package and folder whose models hold its kinds.
function modelLocation(apiVersion) {
  if (typeof apiVersion !== "string" || !/^([a-z0-9.-]+\/)?v[0-9]+((alpha|beta)[0-9]+)?$/.test(apiVersion)) return null;
  return { pkg: apiVersion.startsWith("keda.sh/") ? "@kubernetes-models/keda" : "kubernetes-models", sub: apiVersion };
}
function modelFile(v) {
  const loc = modelLocation(v.apiVersion);
  if (!loc || typeof v.kind !== "string" || !/^[A-Z][A-Za-z0-9]*$/.test(v.kind)) return null;
  const spec = `${loc.pkg}/${loc.sub}/${v.kind}`;
  let resolved;
  try {
    resolved = require.resolve(path.join(here, "node_modules", loc.pkg, loc.sub, `${v.kind}.js`));
  } catch {
    return null;
  }
  return { spec, js: resolved };
}

const typed = [];
const schemaProblems = new Set();
for (const d of docs) {
  const v = d.value;
  if (typeof v !== "object" || Array.isArray(v)) {
    problem(where(d), "a document must be a mapping");
    continue;
  }
  for (const field of ["apiVersion", "kind"]) {
    if (typeof v[field] !== "string") problem(where(d), `${field} is missing`);
  }
  if (typeof v.metadata?.name !== "string") problem(where(d), "metadata.name is missing");
  const m = modelFile(v);
  if (!m) {
    problem(where(d), `no schema for apiVersion ${v.apiVersion}, kind ${v.kind} (a misspelt kind or apiVersion?)`);
    continue;
  }
  const mod = await import(pathToFileURL(m.js.replace(/\.js$/, ".mjs")).href);
  const Model = mod[v.kind];
  try {
    new Model(v).validate();
  } catch (e) {
    schemaProblems.add(d);
    const errors = e.errors ?? [{ instancePath: "", message: e.message }];
    for (const err of errors) {
      const p = jsonPath(err.instancePath) || "(root)";
      const detail = err.params?.allowedValues ? ` (${err.params.allowedValues.join(", ")})` : "";
      problem(where(d, p), `${err.message ?? err.keyword}${detail}`);
    }
  }
  typed.push({ d, m });
}

// --- 3. Strict: the TypeScript types of the same schemas, with excess-property checks ----------------------
// Each object becomes a typed object literal, one property a line, so that a diagnostic's line is a path.
function emit(value, p, out, indent, prefix, suffix) {
  const pad = "  ".repeat(indent);
  if (Array.isArray(value) && value.length > 0) {
    out.push({ path: p, text: `${pad}${prefix}[` });
    value.forEach((item, i) => emit(item, `${p}[${i}]`, out, indent + 1, "", ","));
    out.push({ path: p, text: `${pad}]${suffix}` });
  } else if (value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length > 0) {
    out.push({ path: p, text: `${pad}${prefix}{` });
    for (const [k, v] of Object.entries(value)) {
      emit(v, p ? `${p}.${k}` : k, out, indent + 1, `${JSON.stringify(k)}: `, ",");
    }
    out.push({ path: p, text: `${pad}}${suffix}` });
  } else {
    const text = Array.isArray(value) ? "[]" : value && typeof value === "object" ? "{}" : JSON.stringify(value);
    out.push({ path: p, text: `${pad}${prefix}${text}${suffix}` });
  }
}

const virtualName = path.join(here, "__manifests__.ts");
const lines = [];
typed.forEach(({ d, m }, i) => {
  const iface = `I${d.value.kind}`;
  lines.push({ doc: null, path: "", text: `import type { ${iface} as T${i} } from ${JSON.stringify(m.spec)};` });
});
typed.forEach(({ d }, i) => {
  const start = lines.length;
  emit(d.value, "", lines, 0, `export const doc${i}: T${i} = `, ";");
  for (let j = start; j < lines.length; j++) lines[j].doc = d;
});
const source = lines.map((l) => l.text).join("\n") + "\n";
const options = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  baseUrl: here,
};
const host = ts.createCompilerHost(options);
const readFile = host.readFile.bind(host);
const getSourceFile = host.getSourceFile.bind(host);
host.readFile = (f) => (path.resolve(f) === virtualName ? source : readFile(f));
host.fileExists = ((fileExists) => (f) => path.resolve(f) === virtualName || fileExists(f))(host.fileExists.bind(host));
host.getSourceFile = (f, lang, ...rest) =>
  path.resolve(f) === virtualName ? ts.createSourceFile(f, source, lang, true) : getSourceFile(f, lang, ...rest);
const program = ts.createProgram([virtualName], options, host);
const checker = program.getTypeChecker();
const sourceFile = program.getSourceFile(virtualName);
const lineOf = (node) => lines[sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line];
const strictProblems = new Set();
// Every property of every object literal must be a property of the type the schema gives that place (or
// fall under an index signature, as labels do). The compiler's own diagnostics stop at the first mismatch
// of a document; this walk reports every unknown field.
(function walk(node) {
  if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent)) {
    const type = checker.getContextualType(node.parent);
    const name = node.name.text;
    const candidates = (type?.isUnion() ? type.types : type ? [type] : []).filter(
      (t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)),
    );
    // Only where the schema expects an object: a value of the wrong type is the JSON schemas' finding.
    const open = candidates.some((t) => t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown));
    const objects = candidates.filter((t) => t.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection));
    if (objects.length > 0 && !open) {
      const known = objects.some(
        (t) => checker.getPropertyOfType(t, name) || checker.getIndexInfoOfType(t, ts.IndexKind.String),
      );
      if (!known) {
        const fields = [...new Set(objects.flatMap((t) => checker.getPropertiesOfType(t).map((p) => p.name)))];
        const l = lineOf(node);
        strictProblems.add(l.doc);
        problem(where(l.doc, l.path), `unknown field (the schema knows: ${fields.sort().join(", ")})`);
      }
    }
  }
  ts.forEachChild(node, walk);
})(sourceFile);
// The compiler's diagnostics: module resolution always; type errors only for a document nothing else faulted
// (the JSON schemas and the walk above report those in full).
for (const diag of ts.getPreEmitDiagnostics(program)) {
  const text = ts.flattenDiagnosticMessageText(diag.messageText, " ").replace(/IIoK8sApi|IIoK8sApimachineryPkgApis/g, "");
  if (!diag.file || path.resolve(diag.file.fileName) !== virtualName) {
    problem("kube-lint", `TypeScript: ${text}`);
    continue;
  }
  const l = lines[diag.file.getLineAndCharacterOfPosition(diag.start ?? 0).line];
  if (!l.doc) {
    problem("kube-lint", `TypeScript: ${text}`);
    continue;
  }
  if (strictProblems.has(l.doc) || schemaProblems.has(l.doc)) continue;
  problem(where(l.doc, l.path || "(root)"), text);
}

// --- 4b. The kafka trigger's metadata ----------------------------------------------------------------------
const kafkaMetadata = ownSchema("keda-kafka-trigger.schema.json");
const scaledObjects = docs.filter((d) => d.value?.kind === "ScaledObject");
for (const so of scaledObjects) {
  (so.value.spec?.triggers ?? []).forEach((t, i) => {
    if (t?.type === "kafka") ajvProblems(where(so, `spec.triggers[${i}].metadata`), kafkaMetadata, t.metadata ?? {});
  });
}

// --- 5. How the manifests fit together and fit the project -----------------------------------------------
const byKind = (kind) => docs.filter((d) => d.value?.kind === kind);
const selects = (selector, labels) =>
  !!selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels?.[k] === v);

// docs/configuration.md, generated from the code: key -> { env, default }.
const reference = new Map();
for (const row of fs.readFileSync("docs/configuration.md", "utf8").split("\n")) {
  const m = row.match(/^\| `([a-z0-9.*-]+)` \| `([A-Z0-9_*]+)` \| [^|]* \| ([^|]*) \|/);
  if (m) reference.set(m[1], { env: m[2], default: m[3].trim().replace(/^`(.*)`$/, "$1") });
}
const envOfKey = (key) =>
  "PAIRING_WORKER_" + key.toUpperCase().replace(/_/g, "__").replace(/-/g, "___").replace(/\./g, "_");
const knownEnv = new Set([...reference.keys()].filter((k) => !k.includes("*")).map(envOfKey));

function parseProperties(text) {
  const out = new Map();
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith("!")) continue;
    const i = line.search(/[=:]/);
    out.set((i < 0 ? line : line.slice(0, i)).trim(), i < 0 ? "" : line.slice(i + 1).trim());
  }
  return out;
}
function seconds(duration) {
  const m = String(duration).match(/^(\d+)(ms|s|m|h|d)$/);
  if (!m) return NaN;
  return Number(m[1]) * { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 }[m[2]];
}

const statefulSets = byKind("StatefulSet");
const configMaps = byKind("ConfigMap");
const services = byKind("Service");
if (statefulSets.length !== 1) problem(dir, `expected one StatefulSet, found ${statefulSets.length}`);
if (scaledObjects.length !== 1) problem(dir, `expected one ScaledObject, found ${scaledObjects.length}`);

// The worker's settings as a pod of this StatefulSet sees them: the mounted worker.properties.
let settings = new Map();
const setting = (key) => settings.get(key) ?? reference.get(key)?.default;

for (const sts of statefulSets) {
  const spec = sts.value.spec ?? {};
  const podLabels = spec.template?.metadata?.labels ?? {};
  const pod = spec.template?.spec ?? {};
  if (!selects(spec.selector?.matchLabels, podLabels)) {
    problem(where(sts, "spec.selector"), "matchLabels must select the pod template's labels");
  }
  if (spec.replicas !== undefined) {
    problem(where(sts, "spec.replicas"), "leave replicas to KEDA (each kubectl apply would reset them)");
  }
  const governing = services.find((s) => s.value.metadata?.name === spec.serviceName);
  if (!governing) problem(where(sts, "spec.serviceName"), `no Service named ${spec.serviceName}`);
  else {
    if (governing.value.spec?.clusterIP !== "None") problem(where(governing, "spec.clusterIP"), "the StatefulSet's Service must be headless (None)");
    if (!selects(governing.value.spec?.selector, podLabels)) problem(where(governing, "spec.selector"), "does not select the StatefulSet's pods");
  }
  const containers = pod.containers ?? [];
  const worker = containers.find((c) => c.name === "worker") ?? containers[0];
  if (!worker) continue;
  const wAt = `spec.template.spec.containers[${containers.indexOf(worker)}]`;
  // The configuration file.
  const configMount = (worker.volumeMounts ?? []).find((vm) => vm.mountPath === "/config");
  const configVolume = (pod.volumes ?? []).find((v) => v.name === configMount?.name);
  const cm = configMaps.find((c) => c.value.metadata?.name === configVolume?.configMap?.name);
  if (!cm) problem(where(sts, wAt), "mount a ConfigMap of this directory at /config (the image's CMD reads /config/worker.properties)");
  else if (typeof cm.value.data?.["worker.properties"] !== "string") problem(where(cm, "data"), "no worker.properties");
  else {
    settings = parseProperties(cm.value.data["worker.properties"]);
    for (const key of settings.keys()) {
      if (!reference.has(key) && !key.startsWith("kafka.")) {
        problem(where(cm, "data.worker.properties"), `${key} is not a key of docs/configuration.md (the worker refuses unknown keys)`);
      }
    }
    if (settings.has("pingone.client.secret")) {
      problem(where(cm, "data.worker.properties"), "pingone.client.secret in a ConfigMap: use a Secret and pingone.client.secret.file");
    }
    if (settings.has("kafka.group.id")) problem(where(cm, "data.worker.properties"), "kafka.group.id is refused: use worker.group.id");
  }
  // The secret: a file of a mounted Secret, and only one of the two ways.
  const secretFile = setting("pingone.client.secret.file");
  const env = worker.env ?? [];
  if (env.some((e) => e.name === "PAIRING_WORKER_PINGONE_CLIENT_SECRET") && secretFile && secretFile !== "not set") {
    problem(where(sts, `${wAt}.env`), "set only one of PAIRING_WORKER_PINGONE_CLIENT_SECRET and pingone.client.secret.file");
  }
  if (secretFile && secretFile !== "not set") {
    const mount = (worker.volumeMounts ?? []).find((vm) => secretFile.startsWith(vm.mountPath.replace(/\/?$/, "/")));
    const volume = (pod.volumes ?? []).find((v) => v.name === mount?.name);
    if (!volume?.secret) problem(where(sts, `${wAt}.volumeMounts`), `pingone.client.secret.file ${secretFile} is not in a mounted Secret`);
  }
  // Environment variables the worker reads: known keys only (others are ignored with a warning).
  for (const [i, e] of env.entries()) {
    if (e.name?.startsWith("PAIRING_WORKER_") && !e.name.startsWith("PAIRING_WORKER_KAFKA_") && !knownEnv.has(e.name)) {
      problem(where(sts, `${wAt}.env[${i}]`), `${e.name} names no key of docs/configuration.md`);
    }
  }
  const instanceId = env.find((e) => e.name === "PAIRING_WORKER_WORKER_INSTANCE_ID");
  if (instanceId?.valueFrom?.fieldRef?.fieldPath !== "metadata.name") {
    problem(where(sts, `${wAt}.env`), "PAIRING_WORKER_WORKER_INSTANCE_ID must come from the pod's metadata.name (the stable instance ID)");
  }
  // The JVM options: the image's (config/jvm.options through bin/pairing-worker), which the memory limit rests on.
  for (const name of ["JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "PAIRING_WORKER_JVM_OPTIONS"]) {
    if (env.some((e) => e.name === name)) {
      problem(where(sts, `${wAt}.env`), `${name} overrides the image's JVM options (config/jvm.options), which the memory limit rests on`);
    }
  }
  if (worker.command) {
    problem(where(sts, `${wAt}.command`), "replaces the image's entrypoint, bin/pairing-worker (its JVM options and class-data archive)");
  }
  const dockerfile = fs.readFileSync("Dockerfile", "utf8");
  for (const name of ["MALLOC_ARENA_MAX"]) {
    const m = dockerfile.match(new RegExp(`^ENV ${name}=(?:"([^"]*)"|(\\S+))`, "m"));
    const image = m ? (m[1] ?? m[2]) : undefined;
    const set = env.find((e) => e.name === name);
    if (set && set.value !== image) {
      problem(where(sts, `${wAt}.env`), `${name} "${set.value}" differs from the Dockerfile's "${image}" (the memory limit rests on those)`);
    }
  }
  // Ports and probes.
  const metricsPort = (worker.ports ?? []).find((p) => p.name === "metrics");
  if (!metricsPort) problem(where(sts, `${wAt}.ports`), "no port named metrics");
  else if (String(metricsPort.containerPort) !== String(setting("metrics.port"))) {
    problem(where(sts, `${wAt}.ports`), `metrics is ${metricsPort.containerPort} but metrics.port is ${setting("metrics.port")}`);
  }
  for (const [probe, wanted] of [["startupProbe", "/health/live"], ["livenessProbe", "/health/live"], ["readinessProbe", "/health/ready"]]) {
    const get = worker[probe]?.httpGet;
    if (!get) problem(where(sts, `${wAt}.${probe}`), `missing (httpGet ${wanted})`);
    else {
      if (get.path !== wanted) problem(where(sts, `${wAt}.${probe}.httpGet.path`), `${get.path}: the worker serves ${wanted}`);
      const named = (worker.ports ?? []).some((p) => p.name === get.port || p.containerPort === get.port);
      if (!named) problem(where(sts, `${wAt}.${probe}.httpGet.port`), `${get.port} is no port of the container`);
    }
  }
  for (const s of services) {
    for (const [i, p] of (s.value.spec?.ports ?? []).entries()) {
      if (typeof p.targetPort === "string" && !(worker.ports ?? []).some((cp) => cp.name === p.targetPort)) {
        problem(where(s, `spec.ports[${i}].targetPort`), `${p.targetPort} is no port of the worker container`);
      }
    }
  }
  // Stopping: the grace period must outlast the worker's own bound.
  const shutdown = seconds(setting("worker.shutdown.timeout"));
  const grace = pod.terminationGracePeriodSeconds ?? 30;
  if (!(grace > shutdown + 15)) {
    problem(where(sts, "spec.template.spec.terminationGracePeriodSeconds"), `${grace}s must exceed worker.shutdown.timeout (${shutdown}s) + 15 s`);
  }
  // Memory: a limit, and not below the measured peak RSS (docs/benchmarks.md, "Memory": ~250 MB).
  const limit = worker.resources?.limits?.memory;
  const bytes = (q) => {
    const m = String(q ?? "").match(/^(\d+)(Ki|Mi|Gi|K|M|G)?$/);
    return m ? Number(m[1]) * ({ Ki: 1024, Mi: 2 ** 20, Gi: 2 ** 30, K: 1e3, M: 1e6, G: 1e9 }[m[2]] ?? 1) : NaN;
  };
  if (!(bytes(limit) >= 300e6)) problem(where(sts, `${wAt}.resources.limits.memory`), `${limit}: needs a limit with headroom above the measured ~250 MB peak RSS`);
  if (!worker.resources?.requests?.cpu) problem(where(sts, `${wAt}.resources.requests.cpu`), "missing");
}

for (const pdb of byKind("PodDisruptionBudget")) {
  const labels = statefulSets[0]?.value.spec?.template?.metadata?.labels;
  if (!selects(pdb.value.spec?.selector?.matchLabels, labels)) problem(where(pdb, "spec.selector"), "does not select the StatefulSet's pods");
}

for (const so of scaledObjects) {
  const ref = so.value.spec?.scaleTargetRef ?? {};
  const target = statefulSets.find((s) => s.value.metadata?.name === ref.name);
  if (ref.kind !== "StatefulSet" || ref.apiVersion !== "apps/v1" || !target) {
    problem(where(so, "spec.scaleTargetRef"), "must name this directory's StatefulSet (apiVersion apps/v1, kind StatefulSet)");
  }
  const min = so.value.spec?.minReplicaCount ?? 0;
  const max = so.value.spec?.maxReplicaCount;
  if (typeof max !== "number" || max < Math.max(min, 1)) problem(where(so, "spec.maxReplicaCount"), "set it (the commands topic's partition count), not below minReplicaCount");
  (so.value.spec?.triggers ?? []).forEach((t, i) => {
    if (t?.type !== "kafka") return;
    const md = t.metadata ?? {};
    for (const [field, key] of [["bootstrapServers", "kafka.bootstrap.servers"], ["consumerGroup", "worker.group.id"], ["topic", "worker.topic.commands"]]) {
      if (md[field] !== undefined && md[field] !== setting(key)) {
        problem(where(so, `spec.triggers[${i}].metadata.${field}`), `${md[field]} differs from the worker's ${key} (${setting(key)})`);
      }
    }
  });
}

// --- Report -----------------------------------------------------------------------------------------------
const versionOf = (pkg) => JSON.parse(fs.readFileSync(path.join(here, "node_modules", pkg, "package.json"), "utf8")).version;
if (problems.length > 0) {
  for (const p of problems) console.error(p);
  console.error(`kube-lint: ${problems.length} problem(s) in ${dir}`);
  process.exit(1);
}
console.log(
  `kube-lint: ${dir}: ${docs.length} objects in ${yamlFiles.length - 1} manifests and ${KUSTOMIZATION} valid ` +
    `(Kubernetes 1.33 schemas, kubernetes-models ${versionOf("kubernetes-models")}; KEDA 2.10.1 CRD, ` +
    `@kubernetes-models/keda ${versionOf("@kubernetes-models/keda")}; strict via TypeScript ${ts.version})`,
);
