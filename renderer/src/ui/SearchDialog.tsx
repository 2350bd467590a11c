/** Search everything (Ctrl+K): students, guardians, notes; results as she types; arrows and Enter to open. */
import { Kbd, Mark, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { ChannelOutput } from '../../../electron/shared/contract.ts';
import { call } from '../lib/api.ts';
import { formatDay } from '../lib/dates.ts';
import { useNavigate } from '../lib/navigation.ts';

type Result = ChannelOutput<'search:query'>['results'][number];

const KIND_WORDS: Record<Result['kind'], string> = { student: 'Student', contact: 'Guardian or contact', note: 'Case note', addendum: 'Addendum' };

/** The index marks matches with « »; turned into <mark> elements here (never HTML from data). */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/([«»])/);
  let inside = false;
  const out: React.ReactNode[] = [];
  parts.forEach((part, i) => {
    if (part === '«') inside = true;
    else if (part === '»') inside = false;
    else if (part) out.push(inside ? <Mark key={i}>{part}</Mark> : <span key={i}>{part}</span>);
  });
  return <>{out}</>;
}

export function SearchDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 120);
  const [results, setResults] = useState<Result[]>([]);
  const [active, setActive] = useState(0);
  const [searched, setSearched] = useState('');

  useEffect(() => {
    let stale = false;
    if (!debounced.trim()) {
      setResults([]);
      setSearched('');
      return;
    }
    void call('search:query', { text: debounced, limit: 20 }).then((r) => {
      if (stale) return;
      setResults(r.ok ? r.value.results : []);
      setSearched(debounced);
      setActive(0);
    });
    return () => {
      stale = true;
    };
  }, [debounced]);

  function open(result: Result | undefined) {
    if (!result?.studentId) return;
    navigate({ area: 'caseload', studentId: result.studentId, tab: result.kind === 'note' || result.kind === 'addendum' ? 'notes' : result.kind === 'contact' ? 'household' : 'overview' });
    setText('');
    onClose();
  }

  function onKey(e: KeyboardEvent) {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, results.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Enter') open(results[active]);
    else return;
    e.preventDefault();
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Search" size="lg" yOffset="10vh" closeButtonProps={{ "aria-label": "Close search" }}>
      <Stack gap="sm">
        <TextInput
          data-autofocus
          label="Students, guardians and notes"
          placeholder="Type a name or a word from a note"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={onKey}
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls="search-results"
          aria-activedescendant={results.length ? `search-result-${active}` : undefined}
        />
        <div id="search-results" role="listbox" aria-label="Search results">
          {results.map((r, i) => (
            <UnstyledButton
              key={`${r.kind}-${r.refId}`}
              id={`search-result-${i}`}
              role="option"
              aria-selected={i === active}
              onClick={() => open(r)}
              onMouseEnter={() => setActive(i)}
              w="100%"
              p="xs"
              style={{ borderRadius: 4, background: i === active ? 'var(--mantine-color-blue-0)' : undefined }}
            >
              <Text fz="xs" c="dimmed">
                {KIND_WORDS[r.kind]}
                {r.studentName && r.kind !== 'student' ? ` · ${r.studentName}` : ''}
              </Text>
              <Text fz="sm" fw={600}>
                {r.title.replace(/\d{4}-\d{2}-\d{2}/, (day) => formatDay(day))}
              </Text>
              {r.kind === 'note' || r.kind === 'addendum' ? (
                <Text fz="sm">
                  <Snippet text={r.snippet} />
                </Text>
              ) : null}
            </UnstyledButton>
          ))}
        </div>
        <Text fz="sm" c="dimmed" aria-live="polite">
          {searched && results.length === 0 ? `Nothing found for “${searched}”.` : ''}
        </Text>
        <Text fz="xs" c="dimmed">
          <Kbd>↑</Kbd> <Kbd>↓</Kbd> to move, <Kbd>Enter</Kbd> to open, <Kbd>Esc</Kbd> to close
        </Text>
      </Stack>
    </Modal>
  );
}
