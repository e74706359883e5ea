// jest setupFile of the mini-program project: the globals a page and TDesign expect inside WeChat
// (`wx`, `getApp`, `Page`), as jest.fn()s the tests can drive and inspect — after the habit of
// Tencent/tdesign-miniprogram's script/test/setup.js. `Component` and `Behavior` come from
// miniprogram-simulate when a test loads it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { installWx } from './wx-mock';

const tdesign = resolve(__dirname, '../../miniprogram/miniprogram_npm/tdesign-miniprogram/button/button.js');
if (!existsSync(tdesign)) {
  throw new Error(
    'miniprogram/miniprogram_npm/tdesign-miniprogram is missing: run `npm install` (or `node scripts/copy-ui-lib.mjs`) to copy the TDesign components before the mini-program tests.',
  );
}

installWx();

// The first page of a test file compiles every WXML file of the mini-program and loads TDesign:
// seconds on a busy machine, past jest's default 5 s.
jest.setTimeout(20000);
