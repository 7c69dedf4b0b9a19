/**
 * Monaco with only what the editor needs: the editor core and its features, the YAML tokenizer,
 * and monaco-yaml with the Kubernetes v1.34 schema given inline (no schema is fetched at run time).
 * Reached only through a dynamic import, so the page's first paint never waits for Monaco.
 */
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
import 'monaco-editor/esm/vs/editor/editor.all';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import { configureMonacoYaml, type JSONSchema } from 'monaco-yaml';
// As text: parsed once here, and TypeScript does not infer a type for 650 kB of JSON.
import kubernetesSchemaText from '../schema/kubernetes-v1.34.json?raw';
import YamlWorker from './yaml.worker?worker';

self.MonacoEnvironment = {
  getWorker: (_moduleId: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
};

/** The options monaco-yaml (through monaco-worker-manager 2.0) passes to `createWebWorker`. */
interface LegacyWorkerOptions {
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}

/**
 * Monaco 0.54's `createWebWorker` takes the worker itself (`{ worker }`), but monaco-yaml 5.5.1
 * still passes `{ moduleId, label, createData }`, so its worker never starts and every request
 * fails with "Missing requestHandler or method". This hands it the YAML worker the way Monaco's
 * own JSON language does: a first message that is ignored, then the create data.
 */
const monacoForYaml: typeof monaco = {
  ...monaco,
  editor: {
    ...monaco.editor,
    createWebWorker: (options: LegacyWorkerOptions) =>
      monaco.editor.createWebWorker({
        worker: Promise.resolve(new YamlWorker()).then((worker) => {
          worker.postMessage('ignore');
          worker.postMessage(options.createData);
          return worker;
        }),
        host: options.host,
        keepIdleModels: options.keepIdleModels,
      }),
  },
};

configureMonacoYaml(monacoForYaml, {
  enableSchemaRequest: false,
  // kubectl reads manifests as YAML 1.1 (sigs.k8s.io/yaml): `yes` is a boolean there.
  yamlVersion: '1.1',
  hoverSchemaSource: false,
  schemas: [{ uri: 'https://kubelab.local/schemas/kubernetes-v1.34.json', fileMatch: ['**/*.yaml', '**/*.yml', '**/*.json'], schema: JSON.parse(kubernetesSchemaText) as JSONSchema }],
});

/** The lab's dark palette (App.css), so the editor sits in the page like the terminal does. */
monaco.editor.defineTheme('kubelab-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#0d1117', 'editorGutter.background': '#0d1117' },
});

/** The light palette's twin, for the light page theme. */
monaco.editor.defineTheme('kubelab-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#ffffff', 'editorGutter.background': '#ffffff' },
});

export { monaco };
