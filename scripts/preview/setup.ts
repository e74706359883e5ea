// jest setupFile of the preview: what the backend needs that jsdom's globals lack. The use cases run
// in the same jsdom realm as the pages (wx.request answers them in-process), and jsdom's window has
// no structuredClone.
import { deserialize, serialize } from 'node:v8';

const g = globalThis as { structuredClone?: <T>(value: T) => T };
g.structuredClone ??= <T>(value: T): T => deserialize(serialize(value)) as T;
