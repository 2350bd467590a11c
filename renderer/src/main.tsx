import '@mantine/core/styles.css';
import { createTheme, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';

// One accent colour, calm defaults; dark mode follows the system.
const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif',
});

// Mantine's default "dimmed" grey and its light-variant text colours (alert
// titles, the active navigation item) fall below WCAG AA contrast on their
// backgrounds; darker shades pass.
const TINTED = ['blue', 'red', 'green', 'teal', 'gray'] as const;
const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Field errors in Mantine's red-6 are 3.3:1 on white; red-9 reads at 5.6:1.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(TINTED.map((c) => [`--mantine-color-${c}-light-color`, `var(--mantine-color-${c}-9)`])),
    ...Object.fromEntries(TINTED.map((c) => [`--mantine-color-${c}-light-hover`, `var(--mantine-color-${c}-1)`])),
    // Even the darkest yellow and orange are too pale on their tints: use ink.
    '--mantine-color-yellow-light-color': 'var(--mantine-color-dark-7)',
    '--mantine-color-orange-light-color': 'var(--mantine-color-dark-7)',
    // Green and teal at their darkest shade still miss 4.5:1 on their own tint.
    '--mantine-color-green-light-color': '#1e6b30',
    '--mantine-color-teal-light-color': '#075e45',
    '--mantine-primary-color-light-color': 'var(--mantine-color-blue-9)',
  },
  dark: {},
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariables}>
      <App />
    </MantineProvider>
  </StrictMode>,
);
