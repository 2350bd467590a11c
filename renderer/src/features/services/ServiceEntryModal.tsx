/**
 * The entry form in a window over whatever she was doing (Ctrl+N, "+ Service",
 * or "Log a service" on a record), so a half-written note underneath is not
 * lost. Closing asks first when something is typed.
 */
import { Button, Modal } from '@mantine/core';
import { useRef, useState } from 'react';
import { confirmDiscard } from '../student/kit.tsx';
import { ServiceEntryForm } from './ServiceEntryForm.tsx';

export function ServiceEntryModal({ opened, studentId, onClose }: { opened: boolean; studentId: string | null; onClose(): void }) {
  const dirty = useRef(false);
  return (
    <Modal
      opened={opened}
      onClose={() => confirmDiscard(dirty.current) && onClose()}
      title="Log a service"
      size={1120}
      yOffset="4vh"
      // Esc is the form's: it asks before throwing away what she typed, and leaves an open list alone.
      closeOnEscape={false}
      closeButtonProps={{ 'aria-label': 'Close the service entry' }}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {opened ? (
        <ServiceEntryForm
          studentId={studentId}
          inDialog
          onClose={onClose}
          onDirtyChange={(d) => {
            dirty.current = d;
          }}
          beforeLeaving={onClose}
        />
      ) : null}
    </Modal>
  );
}

/** "Log a service" for the student whose record is open. */
export function LogServiceButton({ studentId }: { studentId: string }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" onClick={() => setOpened(true)}>
        Log a service
      </Button>
      <ServiceEntryModal opened={opened} studentId={studentId} onClose={() => setOpened(false)} />
    </>
  );
}
