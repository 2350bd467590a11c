/**
 * A box to sign in with a finger, a pen or the mouse. Strokes are kept as
 * points (CSS pixels) and drawn as curves through the midpoints, so a quick
 * signature stays smooth; a pen's pressure widens the line. The canvas is
 * sized in device pixels and redrawn when its size or the screen's pixel
 * ratio changes, so the ink stays sharp. What it hands back is a PNG cropped
 * to the ink on a transparent background, ready to print over a signature line.
 *
 * Written on pointer events rather than taken from a library: it is small,
 * and it needs nothing a dependency would add beyond what the browser gives.
 */
import { Box, Button, Group, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useId, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';

interface Point {
  x: number;
  y: number;
  /** Line width at this point, CSS pixels. */
  w: number;
}
type Stroke = Point[];

const HEIGHT = 150;
const INK = '#14213d';
const MOUSE_WIDTH = 2.4;
/** The exported picture has twice the on-screen resolution: sharp when printed over a 300-point line. */
const EXPORT_SCALE = 2;

interface Props {
  /** Who signs, as on the line: "Student", "Parent or guardian". */
  signer: string;
  error?: string | null;
  /** A base64 PNG after each stroke; null when cleared. */
  onChange(pngBase64: string | null): void;
}

const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, w: (a.w + b.w) / 2 });

/** Segment k of a stroke (k ≥ 1): a curve from the previous midpoint, bent by point k-1, to the next midpoint. */
function drawSegment(ctx: CanvasRenderingContext2D, s: Stroke, k: number): void {
  const prev = s[k - 1]!;
  const from = k === 1 ? prev : mid(s[k - 2]!, prev);
  const to = mid(prev, s[k]!);
  ctx.lineWidth = (from.w + to.w) / 2;
  ctx.beginPath();
  ctx.moveTo(from.x, from.y);
  ctx.quadraticCurveTo(prev.x, prev.y, to.x, to.y);
  ctx.stroke();
}

/** The end of a stroke: from the last midpoint to the last point, or a dot for a tap. */
function drawTail(ctx: CanvasRenderingContext2D, s: Stroke): void {
  const last = s[s.length - 1]!;
  if (s.length === 1) {
    ctx.beginPath();
    ctx.arc(last.x, last.y, last.w / 2, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  const from = mid(s[s.length - 2]!, last);
  ctx.lineWidth = last.w;
  ctx.beginPath();
  ctx.moveTo(from.x, from.y);
  ctx.lineTo(last.x, last.y);
  ctx.stroke();
}

function inkStyle(ctx: CanvasRenderingContext2D): void {
  ctx.strokeStyle = INK;
  ctx.fillStyle = INK;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
}

function drawAll(ctx: CanvasRenderingContext2D, strokes: Stroke[]): void {
  inkStyle(ctx);
  for (const s of strokes) {
    for (let k = 1; k < s.length; k++) drawSegment(ctx, s, k);
    drawTail(ctx, s);
  }
}

/** The strokes drawn again on a canvas just big enough for them, with room for the line's width. */
function trimmedPng(strokes: Stroke[]): string | null {
  const points = strokes.flat();
  if (points.length === 0) return null;
  const pad = Math.max(...points.map((p) => p.w)) / 2 + 2;
  const minX = Math.min(...points.map((p) => p.x)) - pad;
  const minY = Math.min(...points.map((p) => p.y)) - pad;
  const width = Math.max(...points.map((p) => p.x)) + pad - minX;
  const height = Math.max(...points.map((p) => p.y)) + pad - minY;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * EXPORT_SCALE);
  canvas.height = Math.ceil(height * EXPORT_SCALE);
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(EXPORT_SCALE, 0, 0, EXPORT_SCALE, -minX * EXPORT_SCALE, -minY * EXPORT_SCALE);
  drawAll(ctx, strokes);
  return canvas.toDataURL('image/png').slice('data:image/png;base64,'.length);
}

export function SignaturePad({ signer, error, onChange }: Props) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const strokes = useRef<Stroke[]>([]);
  const active = useRef<{ pointerId: number; rect: DOMRect } | null>(null);
  const [hasInk, setHasInk] = useState(false);
  const labelId = useId();
  const hintId = useId();
  const statusId = useId();

  /** Matches the canvas's pixels to its size on screen at the current pixel ratio, then draws the strokes again. */
  const fit = useCallback(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(canvas.clientWidth * dpr);
    canvas.height = Math.round(HEIGHT * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawAll(ctx, strokes.current);
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    fit();
    const resized = new ResizeObserver(() => fit());
    // Watching device pixels makes the observer fire when only the pixel ratio
    // changes (the window moves to another screen, or the page is zoomed). The
    // size itself is taken from devicePixelRatio: under an emulated ratio the
    // observer's device-pixel size was seen to stay at one pixel per CSS pixel.
    try {
      resized.observe(canvas, { box: 'device-pixel-content-box' });
    } catch {
      resized.observe(canvas);
    }
    return () => resized.disconnect();
  }, [fit]);

  function pointAt(e: PointerEvent, rect: DOMRect): Point {
    // Held inside the box: a stroke that wanders past its edge is drawn along the edge.
    const x = Math.min(Math.max(e.clientX - rect.left, 0), rect.width);
    const y = Math.min(Math.max(e.clientY - rect.top, 0), rect.height);
    // A pen reports pressure; a mouse reports 0.5 while pressed, and touch a fixed value: both get the plain width.
    const w = e.pointerType === 'pen' && e.pressure > 0 ? 1.2 + e.pressure * 2.6 : MOUSE_WIDTH;
    return { x, y, w };
  }

  function down(e: ReactPointerEvent<HTMLCanvasElement>) {
    if (active.current || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const rect = e.currentTarget.getBoundingClientRect();
    active.current = { pointerId: e.pointerId, rect };
    strokes.current.push([pointAt(e.nativeEvent, rect)]);
  }

  function move(e: ReactPointerEvent<HTMLCanvasElement>) {
    const now = active.current;
    const ctx = e.currentTarget.getContext('2d');
    if (!now || now.pointerId !== e.pointerId || !ctx) return;
    const stroke = strokes.current[strokes.current.length - 1]!;
    inkStyle(ctx);
    // Coalesced events carry the points the browser merged between frames: without them a fast stroke turns into corners.
    const events = typeof e.nativeEvent.getCoalescedEvents === 'function' ? e.nativeEvent.getCoalescedEvents() : [];
    for (const ev of events.length > 0 ? events : [e.nativeEvent]) {
      const p = pointAt(ev, now.rect);
      const last = stroke[stroke.length - 1]!;
      if (Math.hypot(p.x - last.x, p.y - last.y) < 0.75) continue;
      stroke.push(p);
      drawSegment(ctx, stroke, stroke.length - 1);
    }
  }

  function up(e: ReactPointerEvent<HTMLCanvasElement>) {
    const now = active.current;
    if (!now || now.pointerId !== e.pointerId) return;
    active.current = null;
    const ctx = e.currentTarget.getContext('2d');
    const stroke = strokes.current[strokes.current.length - 1]!;
    if (ctx) {
      inkStyle(ctx);
      drawTail(ctx, stroke);
    }
    setHasInk(true);
    onChange(trimmedPng(strokes.current));
  }

  function clear() {
    strokes.current = [];
    active.current = null;
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (canvas && ctx) {
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.restore();
    }
    setHasInk(false);
    onChange(null);
  }

  return (
    <Stack gap={4}>
      <Text id={labelId} fz="sm" fw={500}>
        Signature of {signer}
      </Text>
      <Text id={hintId} fz="xs" c="dimmed">
        Sign with a finger, pen or mouse
      </Text>
      <Box
        pos="relative"
        bg="white"
        style={{ border: `1px solid ${error ? 'var(--mantine-color-error)' : 'var(--mantine-color-gray-5)'}`, borderRadius: 'var(--mantine-radius-sm)' }}
      >
        {/* The line to sign on, as on paper; it is not part of the picture. */}
        <Box aria-hidden pos="absolute" left={16} right={16} bottom={34} style={{ borderBottom: '1px solid var(--mantine-color-gray-5)', pointerEvents: 'none' }} />
        <Text aria-hidden pos="absolute" left={18} bottom={38} fz="lg" c="gray.6" style={{ pointerEvents: 'none', lineHeight: 1 }}>
          ×
        </Text>
        <canvas
          ref={canvasRef}
          role="img"
          aria-labelledby={labelId}
          aria-describedby={`${hintId} ${statusId}`}
          // touch-action: none keeps a finger drawing instead of scrolling the page.
          style={{ display: 'block', width: '100%', height: HEIGHT, touchAction: 'none', cursor: 'crosshair', position: 'relative' }}
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onPointerCancel={up}
          onLostPointerCapture={up}
        />
      </Box>
      <Group gap="sm">
        <Button size="xs" variant="default" onClick={clear} disabled={!hasInk} aria-label={`Clear the signature of ${signer}`}>
          Clear
        </Button>
        <Text id={statusId} fz="xs" c="dimmed" aria-live="polite">
          {hasInk ? 'Signed. Clear it to sign again.' : 'Not signed yet.'}
        </Text>
      </Group>
      {error ? (
        <Text fz="xs" c="red.9" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
