/**
 * Billable and non-billable minutes as stacked bars. The chart is a picture
 * with a name; the numbers themselves are in the table beside it, which is
 * what screen readers and printing use. Loaded on demand: the charting
 * library is only needed on this one tab.
 */
import { useMantineTheme } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { minutesWords } from './format.ts';

export interface ChartRow {
  label: string;
  billable: number;
  nonBillable: number;
}

/** Ticks on whole half-hours, hours or longer steps, so the axis reads "0.5 h, 1 h, 1.5 h" and never "0.7 h". */
function ticksFor(rows: readonly ChartRow[]): number[] {
  const most = Math.max(30, ...rows.map((r) => r.billable + r.nonBillable));
  const step = [30, 60, 120, 240, 480, 960].find((s) => most / s <= 6) ?? 1440;
  return Array.from({ length: Math.ceil(most / step) + 1 }, (_, i) => i * step);
}
const tickWords = (minutes: number) => (minutes === 0 ? '0' : `${minutes / 60} h`);

export default function TimeChart({ title, summary, rows, horizontal }: { title: string; summary: string; rows: readonly ChartRow[]; horizontal?: boolean }) {
  const theme = useMantineTheme();
  // Blue 8 (4.6:1 on white) and grey 6 (3.3:1) both meet the 3:1 asked of graphics;
  // the white edge between stacked segments keeps each one apart from the other.
  const billable = theme.colors.blue[8];
  const nonBillable = theme.colors.gray[6];
  const ink = theme.colors.dark[7];
  const data = rows.map((r) => ({ ...r }));
  const height = horizontal ? Math.max(160, 36 * rows.length + 70) : 240;
  const ticks = ticksFor(rows);
  const domain = [0, ticks[ticks.length - 1] ?? 30];
  const words = (value: unknown) => (typeof value === 'number' ? minutesWords(value) : String(value));

  return (
    <figure style={{ margin: 0 }}>
      <figcaption style={{ fontSize: 'var(--mantine-font-size-sm)', fontWeight: 600, marginBottom: 4 }}>{title}</figcaption>
      <BarChart
        responsive
        style={{ width: '100%', maxWidth: 560, height }}
        data={data}
        layout={horizontal ? 'vertical' : 'horizontal'}
        accessibilityLayer={false}
        role="img"
        title={title}
        desc={summary}
        margin={{ top: 12, right: 36, bottom: 4, left: 4 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={Boolean(horizontal)} horizontal={!horizontal} />
        {horizontal ? (
          <>
            <XAxis type="number" ticks={ticks} domain={domain} tickFormatter={tickWords} tick={{ fill: ink, fontSize: 12 }} />
            <YAxis type="category" dataKey="label" width={140} tick={{ fill: ink, fontSize: 12 }} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" tick={{ fill: ink, fontSize: 12 }} />
            <YAxis ticks={ticks} domain={domain} tickFormatter={tickWords} width={56} tick={{ fill: ink, fontSize: 12 }} />
          </>
        )}
        <Tooltip formatter={words} itemStyle={{ color: ink }} cursor={{ fill: theme.colors.gray[1] }} />
        <Legend formatter={(value: string) => <span style={{ color: ink }}>{value}</span>} />
        <Bar dataKey="billable" name="Billable" stackId="minutes" maxBarSize={56} fill={billable} stroke="#fff" strokeWidth={1} isAnimationActive={false} />
        <Bar dataKey="nonBillable" name="Not billable" stackId="minutes" maxBarSize={56} fill={nonBillable} stroke="#fff" strokeWidth={1} isAnimationActive={false} />
      </BarChart>
    </figure>
  );
}
