/*
 * <iro-apex-chart>: the browser side of uk.iroinsight.dashboards.charts.ApexChart.
 *
 * The server sets one property, `options`: a JSON string of ApexCharts options (ChartOptions).
 * This element adds what JSON cannot carry or the server should not decide:
 *  - Lumo theming: font, text and grid colours read from the page's CSS custom properties, and any
 *    colour the server gave as `var(--lumo-...)` resolved to a concrete one (ApexCharts computes
 *    with colours, so it cannot take a var());
 *  - formatter functions built from the server's {decimals, prefix, suffix} specs;
 *  - HTML escaping of series names, categories and tooltip values: ApexCharts writes the legend
 *    and tooltips with innerHTML;
 *  - keyboard help appended to the accessible description (ApexCharts' own keyboard navigation:
 *    Tab to the chart, arrow keys between points, Enter chooses one);
 *  - a point's own `label` (a heatmap cell's "94.2 (2nd)") written in place of its formatted
 *    value, on the chart and in the tooltip;
 *  - one `iro-chart-click` event {seriesIndex, dataPointIndex} per click, tap or Enter.
 * A change of series only (or of series, categories, annotations and description) updates the
 * drawn chart in place; any other change draws it anew. Leaving the page destroys it.
 * data-chart-instances and data-chart-updates count both, for tests.
 */
import ApexCharts from 'apexcharts';

const CLICK_EVENT = 'iro-chart-click';
const KEYBOARD_HELP = 'Tab to the chart, then use the arrow keys to move between data points and Enter to choose one.';
const COLOUR_KEYS = new Set(['colors', 'color', 'fillColor', 'strokeColor', 'borderColor', 'background']);
const LINE_LIKE = new Set(['line', 'area', 'scatter']);
// One click gesture can raise dataPointSelection (mousedown), markerClick and click (mouseup).
const ONE_GESTURE_MS = 300;

const STYLE = `
iro-apex-chart {
  display: block;
  width: 100%;
  --apexcharts-focus-color: var(--lumo-body-text-color, #1f2933);
}
iro-apex-chart .apexcharts-canvas svg:focus-visible {
  outline: 2px solid var(--lumo-primary-color, #0072b2);
  outline-offset: 2px;
}
iro-apex-chart .apexcharts-keyboard-focused {
  stroke: var(--apexcharts-focus-color);
  stroke-width: 3;
  stroke-opacity: 1;
}
`;

function installStyle() {
  if (!document.getElementById('iro-apex-chart-style')) {
    const style = document.createElement('style');
    style.id = 'iro-apex-chart-style';
    style.textContent = STYLE;
    document.head.appendChild(style);
  }
}

function escapeHtml(value) {
  const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  return String(value ?? '').replace(/[&<>"']/g, (c) => entities[c]);
}

/** A formatter function from the server's {decimals, prefix, suffix}; html escapes the result. */
function formatter(spec, html) {
  const decimals = spec.decimals ?? 0;
  const number = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return (value) => {
    if (value === null || value === undefined || value === '') {
      return html ? 'no data' : '';
    }
    if (Number.isNaN(Number(value))) {
      // a category on the value axis (a heatmap's rows, a horizontal bar's names)
      return html ? escapeHtml(value) : String(value);
    }
    const text = (spec.prefix ?? '') + number.format(Number(value)) + (spec.suffix ?? '');
    return html ? escapeHtml(text) : text;
  };
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** base with over laid on top; arrays and plain values in over replace those in base. */
function merge(base, over) {
  const out = { ...base };
  for (const [key, value] of Object.entries(over)) {
    out[key] = isObject(value) && isObject(base[key]) ? merge(base[key], value) : value;
  }
  return out;
}

/** Replaces every colour given as a CSS custom property with the concrete colour it stands for. */
function resolveColours(value, resolve, key) {
  if (Array.isArray(value)) {
    return value.map((item) => resolveColours(item, resolve, key));
  }
  if (isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveColours(v, resolve, k)]));
  }
  return COLOUR_KEYS.has(key) && typeof value === 'string' && value.includes('var(') ? resolve(value) : value;
}

/** What changed between two option sets: none, series, data (drawn in place), or options (drawn anew). */
function change(before, after) {
  const json = (value) => JSON.stringify(value);
  if (json(before) === json(after)) {
    return 'none';
  }
  const withoutSeries = (o) => ({ ...o, series: undefined });
  if (json(withoutSeries(before)) === json(withoutSeries(after))) {
    return 'series';
  }
  const withoutData = (o) => {
    const rest = structuredClone(o);
    delete rest.series;
    delete rest.annotations;
    if (rest.xaxis) delete rest.xaxis.categories;
    if (rest.title) delete rest.title.text;
    if (rest.chart?.accessibility) delete rest.chart.accessibility.description;
    return rest;
  };
  return json(withoutData(before)) === json(withoutData(after)) ? 'data' : 'options';
}

class IroApexChart extends HTMLElement {
  constructor() {
    super();
    this._json = null;
    this._spec = null;
    this._chart = null;
    this._ready = Promise.resolve();
    this._lastChoice = -Infinity;
    this._instances = 0;
    this._updates = 0;
    // A property Flow set before this element was upgraded shadows the setter: move it across.
    if (Object.prototype.hasOwnProperty.call(this, 'options')) {
      const json = this.options;
      delete this.options;
      this.options = json;
    }
  }

  get options() {
    return this._json;
  }

  set options(json) {
    if (json === this._json) {
      return;
    }
    const before = this._spec;
    this._json = json;
    this._spec = json ? JSON.parse(json) : null;
    this._apply(before);
  }

  /** The ApexCharts instance, while the element is on the page. */
  get chart() {
    return this._chart;
  }

  connectedCallback() {
    installStyle();
    if (!this._probe) {
      this._probe = document.createElement('span');
      this._probe.hidden = true;
      this.append(this._probe);
    }
    if (!this._chart) {
      this._create();
    }
  }

  disconnectedCallback() {
    // Flow may move the element within one task; only a chart really gone is destroyed.
    queueMicrotask(() => {
      if (!this.isConnected) {
        this._destroy();
      }
    });
  }

  _apply(before) {
    if (!this.isConnected) {
      return;
    }
    if (!this._spec) {
      this._destroy();
      return;
    }
    if (!this._chart || !before) {
      this._create();
      return;
    }
    const kind = change(before, this._spec);
    if (kind === 'none') {
      return;
    }
    if (kind === 'options') {
      this._destroy();
      this._create();
      return;
    }
    const config = this._config();
    const chart = this._chart;
    this._ready = this._ready.then(() => {
      if (chart !== this._chart) {
        return undefined;
      }
      this._count('updates');
      if (kind === 'series') {
        return chart.updateSeries(config.series);
      }
      const annotations = config.annotations ?? {};
      return chart.updateOptions({
        series: config.series,
        xaxis: { categories: config.xaxis?.categories ?? [] },
        annotations: { yaxis: annotations.yaxis ?? [], xaxis: annotations.xaxis ?? [], points: annotations.points ?? [] },
        title: { text: config.title?.text },
        chart: { accessibility: { description: config.chart.accessibility.description } },
      });
    }).catch((error) => console.error('iro-apex-chart: update failed', error));
  }

  _create() {
    if (!this._spec || !this._probe) {
      return;
    }
    // Each instance draws into its own box, so a new one never meets an old one's teardown.
    const plot = document.createElement('div');
    this.insertBefore(plot, this._probe);
    const chart = new ApexCharts(plot, this._config());
    this._chart = chart;
    this._plot = plot;
    this._count('instances');
    this._ready = Promise.resolve(chart.render()).catch((error) => console.error('iro-apex-chart: render failed', error));
  }

  _destroy() {
    if (this._chart) {
      const chart = this._chart;
      const plot = this._plot;
      this._chart = null;
      this._plot = null;
      this._ready = this._ready.then(() => chart.destroy()).catch(() => undefined).then(() => plot.remove());
    }
  }

  _count(what) {
    const field = what === 'instances' ? '_instances' : '_updates';
    this[field] += 1;
    this.setAttribute(`data-chart-${what}`, String(this[field]));
  }

  /** A CSS colour (a var() included) as the concrete colour the page gives it. */
  _colour(css) {
    this._probe.style.color = '';
    this._probe.style.color = css;
    return this._probe.style.color ? getComputedStyle(this._probe).color : css;
  }

  _config() {
    const page = getComputedStyle(this);
    const font = page.getPropertyValue('--lumo-font-family').trim() || page.fontFamily;
    const text = this._colour('var(--lumo-body-text-color, #1f2933)');
    const grid = this._colour('var(--lumo-contrast-10pct, rgba(0, 0, 0, 0.1))');
    const spec = resolveColours(this._spec, (css) => this._colour(css));
    const type = spec.chart.type;

    const theme = {
      chart: {
        fontFamily: font,
        foreColor: text,
        background: 'transparent',
        toolbar: {
          show: false,
          tools: { download: true, selection: false, zoom: false, zoomin: false, zoomout: false, pan: false, reset: false },
        },
        zoom: { enabled: false },
        selection: { enabled: false },
        accessibility: { enabled: true, keyboard: { enabled: true, navigation: { enabled: true } } },
      },
      grid: { borderColor: grid },
      xaxis: { axisBorder: { color: grid }, axisTicks: { color: grid }, tooltip: { enabled: false } },
      // Room for long names on a category y axis (a horizontal bar's groups, a heatmap's authorities).
      yaxis: { labels: { maxWidth: 320 } },
      tooltip: { style: { fontFamily: font } },
      legend: { labels: { colors: text } },
      title: { style: { fontFamily: font, color: text, fontSize: '16px', fontWeight: 600 } },
      noData: { style: { color: text, fontFamily: font } },
    };
    const config = merge(theme, spec);

    const xFormat = spec.xaxis?.labels?.formatter;
    if (isObject(config.dataLabels?.formatter)) config.dataLabels.formatter = formatter(config.dataLabels.formatter, false);
    if (isObject(config.yaxis?.labels?.formatter)) config.yaxis.labels.formatter = formatter(config.yaxis.labels.formatter, false);
    if (isObject(xFormat)) config.xaxis.labels.formatter = formatter(xFormat, false);
    // ApexCharts hands a custom x formatter the position on a category axis, not the category.
    const xOf = formatter(isObject(xFormat) ? xFormat : {}, true);
    config.tooltip.x = {
      formatter: (value, point) => {
        const datum = spec.series[point?.seriesIndex]?.data?.[point?.dataPointIndex];
        const x = isObject(datum) ? datum.x : spec.xaxis?.categories?.[point?.dataPointIndex] ?? value;
        return typeof x === 'number' && isObject(xFormat) ? xOf(x) : escapeHtml(x);
      },
    };
    config.tooltip.y = {
      ...config.tooltip.y,
      formatter: isObject(config.tooltip.y?.formatter) ? formatter(config.tooltip.y.formatter, true) : (value) => escapeHtml(value),
      title: { formatter: (name) => (name ? `${escapeHtml(name)}: ` : '') },
    };
    config.legend.formatter = (name) => escapeHtml(name);

    // A point's own label replaces its formatted value (data labels are SVG text; tooltips are HTML).
    const labelOf = (point) => {
      const datum = spec.series[point?.seriesIndex]?.data?.[point?.dataPointIndex];
      return isObject(datum) && typeof datum.label === 'string' ? datum.label : null;
    };
    if (spec.series.some((series) => series.data?.some((datum) => isObject(datum) && typeof datum.label === 'string'))) {
      const valueLabel = typeof config.dataLabels?.formatter === 'function' ? config.dataLabels.formatter : (value) => String(value ?? '');
      config.dataLabels = { ...config.dataLabels, formatter: (value, point) => labelOf(point) ?? valueLabel(value, point) };
      const valueTip = config.tooltip.y.formatter;
      config.tooltip.y.formatter = (value, point) => {
        const label = labelOf(point);
        return label === null ? valueTip(value, point) : escapeHtml(label);
      };
    }

    const description = spec.chart.accessibility?.description ?? spec.title?.text ?? `${type} chart`;
    config.chart.accessibility.description = `${description} ${KEYBOARD_HELP}`;

    const choose = (event, context, point) => this._choose(point?.seriesIndex, point?.dataPointIndex);
    config.chart.events = {
      dataPointSelection: choose,
      markerClick: choose,
      // A line chart's shared tooltip follows the nearest x: a click anywhere in the plot chooses it.
      click: LINE_LIKE.has(type)
        ? (event, context, point) => {
          if (!event.target?.closest?.('.apexcharts-legend, .apexcharts-toolbar, .apexcharts-menu')) {
            choose(event, context, point);
          }
        }
        : undefined,
    };
    return config;
  }

  _choose(seriesIndex, dataPointIndex) {
    const series = Number(seriesIndex);
    const point = Number(dataPointIndex);
    if (!Number.isInteger(series) || !Number.isInteger(point) || series < 0 || point < 0) {
      return;
    }
    const now = performance.now();
    if (now - this._lastChoice < ONE_GESTURE_MS) {
      return;
    }
    this._lastChoice = now;
    this.dispatchEvent(new CustomEvent(CLICK_EVENT, { detail: { seriesIndex: series, dataPointIndex: point } }));
  }
}

customElements.define('iro-apex-chart', IroApexChart);
