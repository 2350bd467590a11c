/** Starting points for a usual visit: repeat the last entry, start from a template, or keep this one as a template. */
import { Button, Group, Popover, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ChannelOutput } from '../../../../electron/shared/contract.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { useCall } from '../../lib/use-call.ts';

type Template = ChannelOutput<'services:templates'>['templates'][number];

interface Props {
  onRepeatLast(): void;
  repeating: boolean;
  /** Repeating is for one student's entry; a group session is not repeated. */
  canRepeat: boolean;
  onApply(template: Template): void;
  /** The current values as a template, or null while nothing worth keeping is filled in. */
  templateFields(): Record<string, unknown> | null;
}

export function TemplateBar({ onRepeatLast, repeating, canRepeat, onApply, templateFields }: Props) {
  const [loaded, reload] = useCall('services:templates', {});
  const [chosen, setChosen] = useState<string | null>(null);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const templates = loaded.state === 'ready' ? loaded.value.templates : [];
  const current = templates.find((t) => t.id === chosen) ?? null;

  async function saveTemplate() {
    const fields = templateFields();
    if (!fields) return;
    setError(null);
    const result = await call('services:saveTemplate', { name, fields });
    if (!result.ok) return setError(result.error);
    await reload();
    setChosen(result.value.id);
    setNaming(false);
    setNote(`Template “${name.trim()}” saved.`);
    setName('');
  }

  async function deleteTemplate(t: Template) {
    if (!window.confirm(`Delete the template “${t.name}”? Entries made from it do not change.`)) return;
    const result = await call('services:deleteTemplate', { id: t.id });
    if (!result.ok) return setError(result.error);
    setChosen(null);
    await reload();
    setNote(`Template “${t.name}” deleted.`);
  }

  return (
    <Stack gap={4}>
      <Group gap="xs" align="flex-end" wrap="wrap">
        {canRepeat ? (
          <Button variant="default" size="sm" onClick={onRepeatLast} loading={repeating}>
            Repeat last entry
          </Button>
        ) : null}
        <Select
          label="Start from a template"
          placeholder={templates.length ? 'Choose a template' : 'No templates yet'}
          data={templates.map((t) => ({ value: t.id, label: t.name }))}
          value={chosen}
          disabled={templates.length === 0}
          onChange={(id) => {
            setChosen(id);
            setNote(null);
            const t = templates.find((x) => x.id === id);
            if (t) onApply(t);
          }}
          w={220}
          size="sm"
        />
        {current ? (
          <Button variant="subtle" size="sm" color="red" onClick={() => void deleteTemplate(current)}>
            Delete template
          </Button>
        ) : null}
        <Popover opened={naming} onChange={setNaming} trapFocus position="bottom-end" withArrow shadow="md">
          <Popover.Target>
            <Button variant="subtle" size="sm" onClick={() => setNaming((o) => !o)} aria-expanded={naming}>
              Save as template
            </Button>
          </Popover.Target>
          <Popover.Dropdown>
            <form
              aria-label="Save as template"
              onSubmit={(e) => {
                e.preventDefault();
                e.stopPropagation();
                void saveTemplate();
              }}
              onKeyDown={(e) => e.stopPropagation()}
            >
              <Stack gap="xs" w={260}>
                <TextInput label="Template name" description="Keeps the time, activity, contact, place and program; never the note." value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
                {templateFields() ? null : (
                  <Text fz="xs" c="red.9">
                    Fill in the activity or place of service first.
                  </Text>
                )}
                <Group gap="xs">
                  <Button type="submit" size="xs" disabled={!name.trim() || !templateFields()}>
                    Save template
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setNaming(false)}>
                    Cancel
                  </Button>
                </Group>
              </Stack>
            </form>
          </Popover.Dropdown>
        </Popover>
      </Group>
      <Text fz="xs" role="status" aria-live="polite" c={error ? 'red.9' : 'dimmed'}>
        {error ? error.message : (note ?? '')}
      </Text>
    </Stack>
  );
}
