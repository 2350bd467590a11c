/** The provider directory: search, filters, the table, and choosing providers to compare. */
import { Anchor, Badge, Button, Checkbox, Group, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useMemo, useState } from 'react';
import { DELIVERIES, DELIVERY_LABELS, PAYMENTS, PAYMENT_LABELS, type Delivery, type Payment } from '../../../../electron/shared/domain/providers/types.ts';
import { formatDay } from '../../lib/dates.ts';
import { acceptingWords, agesWords, deliveryWords, paymentWords, verdictWords, type ProviderView } from './words.ts';

const MAX_COMPARE = 20;
const folded = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

function matches(p: ProviderView, words: string): boolean {
  if (!words) return true;
  const f = p.fields;
  const text = folded([f.name, f.location, f.notes, ...f.services, ...f.languages, ...f.contacts.map((c) => c.name)].join(' '));
  return folded(words)
    .split(/\s+/)
    .every((w) => text.includes(w));
}

export function ProviderDirectory(props: { providers: ProviderView[]; selected: string[]; onSelect(ids: string[]): void; onOpen(id: string): void; onCompare(): void }) {
  const [search, setSearch] = useState('');
  const [acceptingOnly, setAcceptingOnly] = useState(false);
  const [payment, setPayment] = useState<Payment | null>(null);
  const [delivery, setDelivery] = useState<Delivery | null>(null);
  const [language, setLanguage] = useState<string | null>(null);
  const languages = useMemo(() => [...new Set(props.providers.flatMap((p) => p.fields.languages))].sort((a, b) => a.localeCompare(b)), [props.providers]);
  const rows = props.providers.filter(
    (p) =>
      matches(p, search.trim()) &&
      (!acceptingOnly || p.fields.acceptingReferrals) &&
      (!payment || p.fields.payment.includes(payment)) &&
      (!delivery || p.fields.delivery.includes(delivery)) &&
      (!language || p.fields.languages.includes(language)),
  );
  const count = props.selected.length;
  const toggle = (id: string, on: boolean) => props.onSelect(on ? [...props.selected, id] : props.selected.filter((x) => x !== id));

  if (props.providers.length === 0) {
    return <Text c="dimmed">No providers yet — Add provider to start your directory, then evaluate each one with the checklist.</Text>;
  }

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput label="Search providers" placeholder="Name, service, language, town" w={260} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Select label="Payment" placeholder="Any payment" clearable w={210} data={PAYMENTS.map((p) => ({ value: p, label: PAYMENT_LABELS[p] }))} value={payment} onChange={(v) => setPayment(v as Payment | null)} />
        <Select label="Where and how" placeholder="Any format" clearable w={190} data={DELIVERIES.map((d) => ({ value: d, label: DELIVERY_LABELS[d] }))} value={delivery} onChange={(v) => setDelivery(v as Delivery | null)} />
        <Select label="Language" placeholder="Any language" clearable searchable w={160} data={languages} value={language} onChange={setLanguage} />
        <Checkbox label="Accepting referrals only" checked={acceptingOnly} onChange={(e) => setAcceptingOnly(e.currentTarget.checked)} mb={8} />
      </Group>
      <Group gap="sm">
        <Button variant="default" disabled={count < 2 || count > MAX_COMPARE} onClick={props.onCompare}>
          Compare {count >= 2 ? `${count} providers` : 'providers'}
        </Button>
        <Text fz="sm" c="dimmed" role="status">
          {count === 0 ? `Tick 2 to ${MAX_COMPARE} providers to compare them side by side.` : count > MAX_COMPARE ? `${count} ticked: compare at most ${MAX_COMPARE}.` : `${count} ticked.`}
          {count > 0 ? (
            <>
              {' '}
              <Anchor component="button" type="button" fz="sm" onClick={() => props.onSelect([])}>
                Clear
              </Anchor>
            </>
          ) : null}
        </Text>
      </Group>
      <Text fz="sm" c="dimmed">
        Showing {rows.length} of {props.providers.length} providers
      </Text>
      <Table.ScrollContainer minWidth={1000}>
        <Table highlightOnHover verticalSpacing={6} fz="sm" aria-label="Provider directory">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <VisuallyHidden>Compare</VisuallyHidden>
              </Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Services</Table.Th>
              <Table.Th>Ages</Table.Th>
              <Table.Th>Languages</Table.Th>
              <Table.Th>Payment</Table.Th>
              <Table.Th>Where and how</Table.Th>
              <Table.Th>Referrals</Table.Th>
              <Table.Th>Last verified</Table.Th>
              <Table.Th>Latest verdict</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Checkbox aria-label={`Compare ${p.fields.name}`} checked={props.selected.includes(p.id)} onChange={(e) => toggle(p.id, e.currentTarget.checked)} />
                </Table.Td>
                <Table.Td>
                  <Anchor component="button" type="button" fw={600} fz="sm" ta="left" onClick={() => props.onOpen(p.id)}>
                    {p.fields.name}
                  </Anchor>
                  {p.fields.location ? (
                    <Text fz="xs" c="dimmed">
                      {p.fields.location}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{p.fields.services.join(', ') || '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{agesWords(p.fields.ages)}</Table.Td>
                <Table.Td>{p.fields.languages.join(', ') || '—'}</Table.Td>
                <Table.Td>{paymentWords(p.fields.payment)}</Table.Td>
                <Table.Td>{deliveryWords(p.fields.delivery)}</Table.Td>
                <Table.Td>{acceptingWords(p.fields)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {p.fields.lastVerifiedOn ? formatDay(p.fields.lastVerifiedOn) : 'Never'}
                  {p.stale ? (
                    <Badge display="block" mt={2} color="orange" variant="light" tt="none" size="sm">
                      Check again
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {verdictWords(p.latestVerdict)}
                  {p.latestEvaluatedOn ? (
                    <Text fz="xs" c="dimmed">
                      {formatDay(p.latestEvaluatedOn)}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length === 0 ? <Text c="dimmed">No provider matches these filters. Clear the search or a filter.</Text> : null}
    </Stack>
  );
}
