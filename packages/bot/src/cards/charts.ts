import { text, type CardElement } from './card-kit.js';

/*
 * Teams draws these chart elements in Adaptive Cards ("Charts in Adaptive Cards", Microsoft
 * Learn). Hosts that do not know them render the element's `fallback`, so every chart here
 * carries the same facts as text: a person reads the numbers wherever the chart is not drawn.
 */

/**
 * The chart's title as a TextBlock (some hosts, the Agents Playground among them, do not draw a
 * chart's `title`), then the chart with its text fallback: a Container of TextBlocks with the
 * same figures, so no host shows it blank.
 */
function withFallback(chart: CardElement & { readonly title: string }, fallbackLines: readonly string[]): CardElement[] {
  return [
    text(`**${chart.title}**`, { spacing: 'Medium' }),
    { ...chart, fallback: { type: 'Container', items: fallbackLines.map((line) => text(line, { spacing: 'None' })) } },
  ];
}

export interface GaugeInput {
  readonly title: string;
  readonly value: number;
  readonly max: number;
  readonly subLabel: string;
  /** Coloured bands from 0 upwards, sizes summing to `max`. */
  readonly segments: readonly { readonly size: number; readonly legend: string; readonly color: 'good' | 'warning' | 'attention' | 'neutral' }[];
  readonly fallback: readonly string[];
}

export function gauge(input: GaugeInput): CardElement[] {
  return withFallback(
    { type: 'Chart.Gauge', title: input.title, min: 0, max: input.max, value: input.value, valueFormat: 'Fraction', subLabel: input.subLabel, showLegend: true, segments: input.segments },
    input.fallback,
  );
}

export interface LineInput {
  readonly title: string;
  readonly xAxisTitle: string;
  readonly yAxisTitle: string;
  readonly series: readonly { readonly legend: string; readonly values: readonly { readonly x: string; readonly y: number }[] }[];
  readonly fallback: readonly string[];
}

export function lineChart(input: LineInput): CardElement[] {
  return withFallback(
    { type: 'Chart.Line', title: input.title, xAxisTitle: input.xAxisTitle, yAxisTitle: input.yAxisTitle, colorSet: 'categorical', data: input.series.map((s) => ({ legend: s.legend, values: s.values })) },
    input.fallback,
  );
}

export interface DonutInput {
  readonly title: string;
  readonly slices: readonly { readonly legend: string; readonly value: number; readonly color: string }[];
  readonly fallback: readonly string[];
}

export function donutChart(input: DonutInput): CardElement[] {
  return withFallback({ type: 'Chart.Donut', title: input.title, data: input.slices.map((s) => ({ legend: s.legend, value: s.value, color: s.color })) }, input.fallback);
}
