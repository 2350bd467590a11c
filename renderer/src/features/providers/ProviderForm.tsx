/** A provider's details: who they are, what they offer, how families pay and reach them, whom to call, and when she last checked. */
import { Button, Checkbox, Group, NumberInput, Paper, Radio, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { DELIVERIES, DELIVERY_LABELS, PAYMENTS, PAYMENT_LABELS, PROVIDER_KIND_LABELS, type Delivery, type Payment } from '../../../../electron/shared/domain/providers/types.ts';
import { isoDate, plainText, requiredText } from '../../../../electron/shared/schemas/common.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { todayIso } from '../../lib/dates.ts';
import { placeError } from '../../lib/forms.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { BillingError } from '../billing/kit.tsx';
import { CheckField, DateField, FormActions, confirmDiscard, formKeys, unprefix } from '../student/kit.tsx';
import { ContactsFields } from './ContactsFields.tsx';
import { splitList, type ProviderView } from './words.ts';

const age = z.number().int().min(0).max(99).nullable();
const providerForm = z
  .object({
    kind: z.enum(['agency', 'person']),
    name: requiredText(200),
    services: plainText(2000),
    minAge: age,
    maxAge: age,
    languages: plainText(1000),
    payment: z.array(z.enum(PAYMENTS as [Payment, ...Payment[]])),
    delivery: z.array(z.enum(DELIVERIES as [Delivery, ...Delivery[]])),
    location: plainText(300),
    contacts: z.array(z.object({ name: plainText(120), role: plainText(120), phone: plainText(40), email: plainText(200) })).max(10),
    acceptingReferrals: z.boolean(),
    waitlistWeeks: z.number().int().min(0).max(520).nullable(),
    medicaidProviderId: plainText(20),
    notes: plainText(20_000),
    lastVerifiedOn: z.string().refine((s) => isoDate.safeParse(s).success, { message: 'Last verified must be a real date (MM/DD/YYYY).' }).nullable(),
  })
  .superRefine((v, ctx) => {
    if ((v.minAge === null) !== (v.maxAge === null)) ctx.addIssue({ code: 'custom', path: [v.minAge === null ? 'minAge' : 'maxAge'], message: 'Give both ends of the age range, or neither.' });
    if (v.minAge !== null && v.maxAge !== null && v.maxAge < v.minAge) ctx.addIssue({ code: 'custom', path: ['maxAge'], message: 'The oldest age is below the youngest: check the ages.' });
  });
export type ProviderFormValues = z.infer<typeof providerForm>;
const FIELDS = ['kind', 'name', 'services', 'languages', 'payment', 'delivery', 'location', 'contacts', 'waitlistWeeks', 'medicaidProviderId', 'notes', 'lastVerifiedOn'] as const;

function initial(p: ProviderView | null): ProviderFormValues {
  if (!p) {
    return { kind: 'agency', name: '', services: '', minAge: null, maxAge: null, languages: '', payment: [], delivery: [], location: '', contacts: [], acceptingReferrals: true, waitlistWeeks: null, medicaidProviderId: '', notes: '', lastVerifiedOn: todayIso() };
  }
  const f = p.fields;
  return { ...f, services: f.services.join(', '), languages: f.languages.join(', '), minAge: f.ages?.min ?? null, maxAge: f.ages?.max ?? null, medicaidProviderId: f.medicaidProviderId ?? '', contacts: f.contacts.map((c) => ({ ...c })) };
}

export function ProviderForm({ provider, onSaved, onCancel }: { provider: ProviderView | null; onSaved(id: string, name: string): void; onCancel(): void }) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const form = useForm<ProviderFormValues>({ resolver: plainResolver(providerForm), mode: 'onTouched', defaultValues: initial(provider) });
  const { register, control, handleSubmit, setError, setValue, formState } = form;
  const cancel = () => confirmDiscard(formState.isDirty) && onCancel();

  const save = handleSubmit(async (v) => {
    setFailure(null);
    const { minAge, maxAge, ...rest } = v;
    const fields = {
      ...rest,
      name: v.name.trim(),
      services: splitList(v.services),
      languages: splitList(v.languages),
      ages: minAge !== null && maxAge !== null ? { min: minAge, max: maxAge } : null,
      // A contact row left blank is a row she added and did not use.
      contacts: v.contacts.filter((c) => [c.name, c.role, c.phone, c.email].some((x) => x.trim())),
      medicaidProviderId: v.medicaidProviderId.trim() || null,
    };
    const result = await call('providers:save', { ...(provider ? { id: provider.id } : {}), fields });
    if (!result.ok) return setFailure(placeError(unprefix(result.error, 'fields.'), setError, FIELDS));
    form.reset(v);
    onSaved(result.value.id, fields.name);
  });

  return (
    <Paper withBorder p="md" maw={760}>
      <form noValidate aria-label="Provider details" onSubmit={(e) => void save(e)} onKeyDown={formKeys(() => void save(), cancel)}>
        <Stack gap="sm">
          <Controller
            control={control}
            name="kind"
            render={({ field }) => (
              <Radio.Group label="Kind of provider" value={field.value} onChange={field.onChange}>
                <Group gap="lg" mt={4}>
                  {(['agency', 'person'] as const).map((k) => (
                    <Radio key={k} value={k} label={PROVIDER_KIND_LABELS[k]} />
                  ))}
                </Group>
              </Radio.Group>
            )}
          />
          <TextInput label="Name" withAsterisk maw={480} autoFocus={!provider} error={formState.errors.name?.message} {...register('name')} />
          <TextInput label="Services" description="Separate with commas, for example: individual therapy, family therapy" error={formState.errors.services?.message} {...register('services')} />
          <Group gap="md" align="flex-start">
            {(['minAge', 'maxAge'] as const).map((name) => (
              <Controller
                key={name}
                control={control}
                name={name}
                render={({ field, fieldState }) => (
                  <NumberInput label={name === 'minAge' ? 'Youngest age served' : 'Oldest age served'} w={180} min={0} max={99} allowNegative={false} allowDecimal={false} value={field.value ?? ''} onChange={(x) => field.onChange(typeof x === 'number' ? x : null)} onBlur={field.onBlur} error={fieldState.error?.message} />
                )}
              />
            ))}
          </Group>
          <TextInput label="Languages" description="Separate with commas, for example: English, Spanish, Hmong" error={formState.errors.languages?.message} {...register('languages')} />
          <Controller
            control={control}
            name="payment"
            render={({ field }) => (
              <Checkbox.Group label="How families pay" value={field.value} onChange={field.onChange}>
                <Group gap="lg" mt={4}>
                  {PAYMENTS.map((p) => (
                    <Checkbox key={p} value={p} label={PAYMENT_LABELS[p]} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
          />
          <Controller
            control={control}
            name="delivery"
            render={({ field }) => (
              <Checkbox.Group label="Where and how sessions happen" value={field.value} onChange={field.onChange}>
                <Group gap="lg" mt={4}>
                  {DELIVERIES.map((d) => (
                    <Checkbox key={d} value={d} label={DELIVERY_LABELS[d]} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
          />
          <TextInput label="Location" description="Town or address, as you would tell a family" maw={480} error={formState.errors.location?.message} {...register('location')} />
          <Group gap="md" align="flex-end">
            <CheckField control={control} name="acceptingReferrals" label="Accepting referrals" />
            <Controller
              control={control}
              name="waitlistWeeks"
              render={({ field, fieldState }) => (
                <NumberInput label="Waitlist (weeks)" description="Leave empty if not known" w={180} min={0} max={520} allowNegative={false} allowDecimal={false} value={field.value ?? ''} onChange={(x) => field.onChange(typeof x === 'number' ? x : null)} onBlur={field.onBlur} error={fieldState.error?.message} />
              )}
            />
          </Group>
          <TextInput label="Medicaid provider ID" w={220} error={formState.errors.medicaidProviderId?.message} {...register('medicaidProviderId')} />
          <ContactsFields control={control} register={register} errors={formState.errors} />
          <Group gap="sm" align="flex-end">
            <DateField control={control} name="lastVerifiedOn" label="Last verified" description="When you last confirmed these details with them" />
            <Button variant="default" onClick={() => setValue('lastVerifiedOn', todayIso(), { shouldDirty: true, shouldValidate: true })}>
              Verified today
            </Button>
          </Group>
          <Textarea label="Notes" autosize minRows={2} error={formState.errors.notes?.message} {...register('notes')} />
          <BillingError error={failure} title="The provider was not saved" />
          <FormActions submitLabel={provider ? 'Save provider' : 'Add provider'} submitting={formState.isSubmitting} onCancel={cancel} />
        </Stack>
      </form>
    </Paper>
  );
}
