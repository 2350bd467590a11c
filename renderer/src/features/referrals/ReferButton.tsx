/** "Refer…" on the student record: the referral form in a window, with the student already chosen. */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from '../../lib/navigation.ts';
import { ReferralForm } from './ReferralForm.tsx';

export function ReferButton({ studentId }: { studentId: string }) {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const close = () => {
    setOpen(false);
    setSaved(null);
  };
  return (
    <>
      <Button size="xs" variant="default" onClick={() => setOpen(true)}>
        Refer…
      </Button>
      {open ? (
        <Modal opened onClose={close} title="Refer this student" size="lg" closeOnEscape={Boolean(saved)} closeButtonProps={{ 'aria-label': 'Close the referral' }}>
          {saved ? (
            <Stack gap="sm">
              <Text role="status">{saved}</Text>
              <Group gap="sm">
                <Button onClick={() => navigate({ area: 'referrals' })}>Open Referrals</Button>
                <Button variant="default" onClick={close}>
                  Close
                </Button>
              </Group>
            </Stack>
          ) : (
            <ReferralForm studentId={studentId} framed={false} onDone={(r) => (r ? setSaved(r.message) : close())} />
          )}
        </Modal>
      ) : null}
    </>
  );
}
