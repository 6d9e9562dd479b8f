import { createRequire } from 'node:module';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

/**
 * SVG → PNG with resvg and a bundled font (Nanum Gothic, SIL OFL 1.1: Hangul and Latin), never
 * the machine's fonts: a chart looks the same on a laptop, in CI and in the slim Docker image,
 * and Korean labels render as glyphs rather than empty boxes.
 */

// Resolved through node's resolver, so `dist/` and bundled builds find the package's files too.
const require = createRequire(import.meta.url);

export const CHART_FONT_FAMILY = 'NanumGothic';

export const CHART_FONT: NonNullable<ResvgRenderOptions['font']> = {
  fontFiles: [
    require.resolve('@expo-google-fonts/nanum-gothic/400Regular/NanumGothic_400Regular.ttf'),
    require.resolve('@expo-google-fonts/nanum-gothic/700Bold/NanumGothic_700Bold.ttf'),
  ],
  loadSystemFonts: false,
  defaultFontFamily: CHART_FONT_FAMILY,
};

/** Pixels per SVG unit in the PNG: sharp on high-density screens, still small to upload. */
export const CHART_SCALE = 2;

type ResvgModule = typeof import('@resvg/resvg-js');
let resvgModule: ResvgModule | undefined;

/**
 * The renderer, loaded at the first chart rather than at start: its native library is several MB
 * of resident memory that a process which never draws a chart should not carry. A synchronous
 * require keeps `svgToPng` synchronous for its callers.
 */
function loadResvg(): ResvgModule {
  resvgModule ??= require('@resvg/resvg-js') as ResvgModule;
  return resvgModule;
}

export function svgToPng(svg: string, scale = CHART_SCALE): Buffer {
  const { Resvg } = loadResvg();
  const resvg = new Resvg(svg, {
    font: CHART_FONT,
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    logLevel: 'off',
  });
  return resvg.render().asPng();
}
