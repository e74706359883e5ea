/**
 * Bytes of the built mini-program, per package (main and each subpackage of app.json): code,
 * templates, styles, config and assets under miniprogram/, including the copied UI-library set in
 * miniprogram/miniprogram_npm (scripts/copy-ui-lib.mjs). TypeScript counts as the JavaScript it
 * compiles to (esbuild transform, unminified); WXSS counts without its comments when the project
 * has the upload minify its styles (project.config.json `setting.minifyWXSS`, as ours does);
 * declaration files, tsconfig.json and dotfiles are not uploaded and not counted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';

export const MINIPROGRAM_DIR = path.resolve(__dirname, '../../miniprogram');
const PROJECT_CONFIG = path.resolve(__dirname, '../../project.config.json');

/** Whether the upload minifies WXSS (DevTools and miniprogram-ci read this setting). */
function projectMinifiesWxss(): boolean {
  const config = JSON.parse(fs.readFileSync(PROJECT_CONFIG, 'utf8')) as { setting?: { minifyWXSS?: boolean } };
  return config.setting?.minifyWXSS === true;
}

/** A style sheet without its comments: what a minifying upload leaves of them. */
export const withoutCssComments = (css: string): string => css.replace(/\/\*[\s\S]*?\*\//g, '');
/** The bench's goal for the main package (the platform's limit is 2 MB). */
export const MAIN_PACKAGE_GOAL_BYTES = 600 * 1024;
const UI_LIB = 'miniprogram_npm/tdesign-miniprogram';

export interface PackageSize {
  name: string;
  /** The package root relative to the mini-program ('' for the main package). */
  root: string;
  bytes: number;
  files: number;
  /** Bytes by kind: js (TS compiled), wxml, wxss, json, wxs, other. */
  byKind: Record<string, number>;
}

export interface MiniprogramSize {
  main: PackageSize;
  subpackages: PackageSize[];
  total: number;
  /** Bytes of the copied UI library (part of the main package). */
  uiLibBytes: number;
  /** Copied UI-library components that no page or component references, with their bytes. */
  unreferencedComponents: Array<{ name: string; bytes: number }>;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    // node_modules (the package DevTools' 构建 npm reads) is never uploaded.
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

function kindOf(file: string): string {
  const ext = path.extname(file).slice(1);
  if (ext === 'ts' || ext === 'js') return 'js';
  return ['wxml', 'wxss', 'json', 'wxs'].includes(ext) ? ext : 'other';
}

/** Bytes as uploaded: TS compiled to JS; null for files that are not uploaded. */
export function uploadedBytes(file: string, minifyWxss = projectMinifiesWxss()): number | null {
  const base = path.basename(file);
  if (base === 'tsconfig.json' || base.endsWith('.d.ts')) return null;
  if (minifyWxss && file.endsWith('.wxss')) return Buffer.byteLength(withoutCssComments(fs.readFileSync(file, 'utf8')));
  if (file.endsWith('.ts')) {
    const { code } = transformSync(fs.readFileSync(file, 'utf8'), { loader: 'ts', format: 'cjs', target: 'es2019', sourcefile: file });
    return Buffer.byteLength(code);
  }
  return fs.statSync(file).size;
}

interface AppJson {
  subPackages?: Array<{ root: string; name?: string }>;
  subpackages?: Array<{ root: string; name?: string }>;
}

export function measureMiniprogram(dir = MINIPROGRAM_DIR): MiniprogramSize {
  const app = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')) as AppJson;
  const subs = (app.subPackages ?? app.subpackages ?? []).map((s) => ({
    name: s.name ?? s.root,
    root: s.root.replace(/^\/+/, '').replace(/\/?$/, '/'),
  }));
  const empty = (name: string, root: string): PackageSize => ({ name, root, bytes: 0, files: 0, byKind: {} });
  const main = empty('main', '');
  const subpackages = subs.map((s) => empty(s.name, s.root));
  const minifyWxss = projectMinifiesWxss();
  let uiLibBytes = 0;
  const componentBytes = new Map<string, number>();
  for (const file of walk(dir)) {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    const bytes = uploadedBytes(file, minifyWxss);
    if (bytes === null) continue;
    const pkg = subpackages.find((s) => rel.startsWith(s.root)) ?? main;
    pkg.bytes += bytes;
    pkg.files++;
    const kind = kindOf(file);
    pkg.byKind[kind] = (pkg.byKind[kind] ?? 0) + bytes;
    if (rel.startsWith(`${UI_LIB}/`)) {
      uiLibBytes += bytes;
      const top = rel.slice(UI_LIB.length + 1).split('/')[0];
      componentBytes.set(top, (componentBytes.get(top) ?? 0) + bytes);
    }
  }
  const referenced = referencedComponents(dir);
  const components = [...componentBytes.keys()].filter((c) => fs.existsSync(path.join(dir, UI_LIB, c, `${c}.json`)));
  return {
    main,
    subpackages,
    total: main.bytes + subpackages.reduce((n, s) => n + s.bytes, 0),
    uiLibBytes,
    unreferencedComponents: components.filter((c) => !referenced.has(c)).map((name) => ({ name, bytes: componentBytes.get(name) ?? 0 })),
  };
}

/** UI-library components reachable from the app's and pages' usingComponents (transitively). */
function referencedComponents(dir: string): Set<string> {
  const seen = new Set<string>();
  const queue: string[] = [];
  const visit = (jsonFile: string) => {
    let using: Record<string, string>;
    try {
      using = (JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as { usingComponents?: Record<string, string> }).usingComponents ?? {};
    } catch {
      return;
    }
    for (const target of Object.values(using)) {
      const abs = target.startsWith('/') ? path.join(dir, target) : path.resolve(path.dirname(jsonFile), target);
      const rel = path.relative(path.join(dir, UI_LIB), abs).split(path.sep);
      if (rel[0] === '..' || rel.length < 1) continue;
      if (!seen.has(rel[0])) {
        seen.add(rel[0]);
        queue.push(`${abs}.json`);
      }
    }
  };
  for (const file of walk(dir)) {
    if (file.endsWith('.json') && !path.relative(dir, file).startsWith('miniprogram_npm')) visit(file);
  }
  while (queue.length) visit(queue.shift() as string);
  return seen;
}
