// monaco-yaml's language worker, re-exported so Vite bundles it as a worker of its own.
import 'monaco-yaml/yaml.worker.js';
