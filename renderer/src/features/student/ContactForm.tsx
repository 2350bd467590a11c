/** Adding or editing a guardian or other contact: who, relationship, legal authority, how to reach them, limits. */
import { Paper, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { contactFields, type ContactFields } from '../../../../electron/shared/schemas/students.ts';
import type { StudentRecord } from '../../../../electron/shared/schemas/record.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { placeError } from '../../lib/forms.ts';
import { plainResolver } from '../../lib/resolver.ts';
import { AUTHORITY_LABEL, blank } from './format.ts';
import { CheckField, confirmDiscard, ErrorAlert, FormActions, formKeys, unprefix } from './kit.tsx';
import { useDirtyReport, useRecord } from './record-context.ts';

type Contact = StudentRecord['contacts'][number];
const FIELDS = Object.keys(contactFields.shape) as (keyof ContactFields)[];
const AUTHORITIES = (Object.keys(AUTHORITY_LABEL) as (keyof typeof AUTHORITY_LABEL)[]).map((value) => ({ value, label: AUTHORITY_LABEL[value] }));

export function ContactForm({ contact, onDone }: { contact?: Contact; onDone(): void }) {
  const { studentId, changed } = useRecord();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm<ContactFields>({
    resolver: plainResolver(contactFields),
    mode: 'onTouched',
    defaultValues: {
      firstName: contact?.firstName ?? '',
      lastName: contact?.lastName ?? '',
      phone: blank(contact?.phone),
      email: blank(contact?.email),
      preferredLanguage: blank(contact?.preferredLanguage),
      relationship: contact?.relationship ?? '',
      legalAuthority: contact?.legalAuthority ?? 'parent',
      courtOrderOnFile: contact?.courtOrderOnFile ?? false,
      noContact: contact?.noContact ?? false,
      noAccess: contact?.noAccess ?? false,
      note: blank(contact?.note),
    },
  });
  useDirtyReport(formState.isDirty);
  const errors = formState.errors;
  const cancel = () => confirmDiscard(formState.isDirty) && onDone();
  const save = handleSubmit(async (values) => {
    setFailure(null);
    const result = contact
      ? await call('contacts:update', { studentId, contactId: contact.contactId, contact: values })
      : await call('contacts:add', { studentId, contact: values });
    if (!result.ok) return setFailure(placeError(unprefix(result.error, 'contact.'), setError, FIELDS));
    onDone();
    await changed(`${values.firstName.trim()} ${values.lastName.trim()} ${contact ? 'updated' : 'added'}.`);
  });
  const label = contact ? `Edit ${contact.firstName} ${contact.lastName}` : 'Add a guardian or contact';

  return (
    <Paper withBorder p="md" maw={560}>
      <form onSubmit={save} noValidate aria-label={label} onKeyDown={formKeys(() => void save(), cancel)}>
        <Stack gap="sm">
          <Text fw={600} fz="sm">
            {label}
          </Text>
          {contact && contact.otherStudents.length > 0 ? (
            <Text fz="sm" c="dimmed">
              {contact.firstName} is also listed for {contact.otherStudents.map((o) => o.name).join(', ')}. Name, phone, email and language change for every
              student; relationship, authority and limits only for this one.
            </Text>
          ) : null}
          <TextInput label="First name" withAsterisk autoFocus error={errors.firstName?.message} {...register('firstName')} />
          <TextInput label="Last name" withAsterisk error={errors.lastName?.message} {...register('lastName')} />
          <TextInput label="Relationship" withAsterisk description="For example: mother, grandfather, foster parent, caseworker." error={errors.relationship?.message} {...register('relationship')} />
          <Controller
            control={control}
            name="legalAuthority"
            render={({ field, fieldState }) => (
              <Select
                label="Legal authority"
                withAsterisk
                description="Who may sign releases and make decisions for the student."
                data={AUTHORITIES}
                allowDeselect={false}
                value={field.value}
                onChange={(v) => field.onChange(v)}
                onBlur={field.onBlur}
                ref={field.ref}
                error={fieldState.error?.message}
              />
            )}
          />
          <TextInput label="Phone" type="tel" maw={280} error={errors.phone?.message} {...register('phone')} />
          <TextInput label="Email" type="email" error={errors.email?.message} {...register('email')} />
          <TextInput label="Preferred language" maw={280} error={errors.preferredLanguage?.message} {...register('preferredLanguage')} />
          <CheckField control={control} name="courtOrderOnFile" label="Court order on file" description="Required for a court-ordered legal representative." />
          <CheckField control={control} name="noContact" label="No contact" description="Shown as a warning at the top of the record." />
          <CheckField control={control} name="noAccess" label="No access" description="Shown as a warning at the top of the record." />
          <Textarea label="Note" autosize minRows={2} error={errors.note?.message} {...register('note')} />
          <ErrorAlert error={failure} title={contact ? 'The contact was not updated' : 'The contact was not added'} />
          <FormActions submitLabel={contact ? 'Save contact' : 'Add contact'} submitting={formState.isSubmitting} onCancel={cancel} />
        </Stack>
      </form>
    </Paper>
  );
}
