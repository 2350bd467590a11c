/** The billing profile form's fields, in groups: the code and units, what can be billed, enrollment and claims. */
import { Checkbox, Fieldset, Group, Input, List, MultiSelect, NumberInput, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { Controller, useWatch, type Control, type FieldPathByValue } from 'react-hook-form';
import { ACTIVITIES, ACTIVITY_LABELS, CONTACT_MODES, CONTACT_MODE_LABELS, PLACE_OF_SERVICE_LABELS, POS_CODE } from '../../../../electron/shared/domain/billing/types.ts';
import { CheckField } from '../student/kit.tsx';
import { MODIFIER_SLOTS, byActivityOrder, byModeOrder, cap, placeLabel, ruleDescription, ruleLabel, type Profile, type ProfileValues, type RuleChoice } from './BillingProfilesModel.tsx';

type Ctl = Control<ProfileValues>;

/** A group of fields under a bold caption. */
export function FieldGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Fieldset
      variant="unstyled"
      legend={
        <Text fw={700} fz="md">
          {legend}
        </Text>
      }
    >
      <Stack gap="sm">{children}</Stack>
    </Fieldset>
  );
}

/** A row of small boxes under one label, read out as a group with its explanation. */
function BoxRow({ label, description, children }: { label: string; description: string; children: ReactNode }) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={`${id}-label`} aria-describedby={`${id}-description`}>
      <Input.Label id={`${id}-label`} labelElement="div">
        {label}
      </Input.Label>
      <Input.Description id={`${id}-description`} mb={6}>
        {description}
      </Input.Description>
      <Group gap="sm" align="flex-start">
        {children}
      </Group>
    </div>
  );
}

/** A whole number; an emptied box is NaN so the schema names the problem instead of saving 0. */
function WholeNumber(props: { control: Ctl; name: FieldPathByValue<ProfileValues, number>; label: string; description?: string; min: number; max: number }) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <NumberInput
          label={props.label}
          description={props.description}
          min={props.min}
          max={props.max}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          styles={{ wrapper: { width: 160 } }}
          value={field.value}
          onChange={(v) => field.onChange(typeof v === 'number' ? v : Number.NaN)}
          onBlur={field.onBlur}
          name={field.name}
          ref={field.ref}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}

/** A short code box (procedure code, modifier): typed in any case, kept in capitals. */
function CodeBox(props: { control: Ctl; name: FieldPathByValue<ProfileValues, string>; label: string; description?: string; maxLength: number; w: number; required?: boolean }) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <TextInput
          label={props.label}
          description={props.description}
          withAsterisk={props.required}
          maxLength={props.maxLength}
          styles={{ wrapper: { width: props.w } }}
          autoComplete="off"
          spellCheck={false}
          value={field.value}
          onChange={(e) => field.onChange(e.currentTarget.value.toUpperCase())}
          onBlur={field.onBlur}
          name={field.name}
          ref={field.ref}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}

export function CodeFields({ control, rules }: { control: Ctl; rules: readonly RuleChoice[] }) {
  const unitMinutes = useWatch({ control, name: 'unitMinutes' });
  const ruleOptions = rules.map((r) => ({ value: r.name, label: ruleLabel(r.name) }));
  const describe = (name: string | null) => {
    const rule = rules.find((r) => r.name === name);
    return rule ? ruleDescription(rule, unitMinutes) : '';
  };
  return (
    <FieldGroup legend="Code and units">
      <CodeBox control={control} name="procedureCode" label="Procedure code" description="The HCPCS code on every line, from the county’s code crosswalk." maxLength={12} w={160} required />
      <BoxRow label="Modifiers on every line" description="Up to four two-character codes, in the order the claim lists them. Leave a box empty for none.">
        {Array.from({ length: MODIFIER_SLOTS }, (_, i) => (
          <CodeBox key={i} control={control} name={`modifiers.${i}`} label={`Modifier ${i + 1}`} maxLength={2} w={96} />
        ))}
      </BoxRow>
      <BoxRow label="Modifier added for a contact mode" description="For example a telehealth modifier on video lines. Leave a box empty for none.">
        {CONTACT_MODES.map((m) => (
          <CodeBox key={m} control={control} name={`contactModeModifiers.${m}`} label={cap(CONTACT_MODE_LABELS[m])} maxLength={2} w={96} />
        ))}
      </BoxRow>
      <WholeNumber control={control} name="unitMinutes" label="Unit length (minutes)" description="Minutes in one billing unit." min={1} max={60} />
      <Controller
        control={control}
        name="roundingRule"
        render={({ field, fieldState }) => (
          <Select
            label="Rounding rule"
            description={describe(field.value)}
            data={ruleOptions}
            allowDeselect={false}
            maxDropdownHeight={360}
            maw={480}
            renderOption={({ option }) => (
              <Stack gap={0}>
                <Text fz="sm">{option.label}</Text>
                <Text fz="xs" c="dimmed">
                  {describe(option.value)}
                </Text>
              </Stack>
            )}
            value={field.value}
            onChange={(v) => v && field.onChange(v)}
            onBlur={field.onBlur}
            name={field.name}
            ref={field.ref}
            error={fieldState.error?.message}
          />
        )}
      />
    </FieldGroup>
  );
}

/** Ticked items of a fixed list, kept in the list's order. */
function TickList(props: { control: Ctl; name: 'billableActivities' | 'allowedContactModes'; label: string; description: string; options: { value: string; label: string }[]; order(picked: string[]): string[]; cols: number }) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <Checkbox.Group label={props.label} description={props.description} value={field.value} onChange={(v) => field.onChange(props.order(v))} error={fieldState.error?.message}>
          <SimpleGrid cols={props.cols} spacing="xs" verticalSpacing={6} mt={6}>
            {props.options.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      )}
    />
  );
}

const ACTIVITY_OPTIONS = ACTIVITIES.map((a) => ({ value: a, label: cap(ACTIVITY_LABELS[a]) }));
const MODE_OPTIONS = CONTACT_MODES.map((m) => ({ value: m, label: cap(CONTACT_MODE_LABELS[m]) }));
const KNOWN_PLACES = Object.keys(PLACE_OF_SERVICE_LABELS);

/** The allowed places of service: the named codes, any already chosen, and any two-digit code she types. */
function PlacesField({ control }: { control: Ctl }) {
  const [search, setSearch] = useState('');
  return (
    <Controller
      control={control}
      name="allowedPlacesOfService"
      render={({ field, fieldState }) => {
        const typed = search.trim();
        const codes = new Set([...KNOWN_PLACES, ...field.value]);
        const extra = POS_CODE.test(typed) && !codes.has(typed) ? [{ value: typed, label: `${typed} — add this code` }] : [];
        const data = [...[...codes].sort().map((c) => ({ value: c, label: placeLabel(c) })), ...extra];
        return (
          <MultiSelect
            label="Allowed places of service"
            description="A claim with a place of service the county does not allow for this code is denied. Type a two-digit code to add one that is not listed."
            data={data}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            nothingFoundMessage="No place of service matches. Type its two-digit code."
            maxDropdownHeight={300}
            value={field.value}
            onChange={(v) => {
              field.onChange([...v].sort());
              setSearch('');
            }}
            onBlur={field.onBlur}
            name={field.name}
            ref={field.ref}
            error={fieldState.error?.message}
          />
        );
      }}
    />
  );
}

export function WhatFields({ control }: { control: Ctl }) {
  return (
    <FieldGroup legend="What can be billed">
      <TickList
        control={control}
        name="billableActivities"
        label="Billable activities"
        description="Time logged as any other activity stays on the record but is not billed."
        options={ACTIVITY_OPTIONS}
        order={byActivityOrder}
        cols={3}
      />
      <CheckField control={control} name="billTravelMinutes" label="Bill travel minutes" description="Add an entry’s travel minutes to its billed minutes. Otherwise they are kept as non-billable time." />
      <CheckField control={control} name="billDocumentationMinutes" label="Bill documentation minutes" description="Add an entry’s documentation minutes to its billed minutes. Otherwise they are kept as non-billable time." />
      <PlacesField control={control} />
      <TickList control={control} name="allowedContactModes" label="Allowed contact modes" description="Entries made another way are not billed." options={MODE_OPTIONS} order={byModeOrder} cols={4} />
      <Controller
        control={control}
        name="midnight"
        render={({ field }) => (
          <Radio.Group label="Entries that run past midnight" value={field.value} onChange={(v) => field.onChange(v === 'refuse' ? 'refuse' : 'split')}>
            <Stack gap={6} mt={6}>
              <Radio value="split" label="Split into two days, each part on its own date" />
              <Radio value="refuse" label="Refuse them; enter each day as its own entry" />
            </Stack>
          </Radio.Group>
        )}
      />
    </FieldGroup>
  );
}

export function EnrollmentFields({ control, prerequisites }: { control: Ctl; prerequisites: Profile['prerequisites'] }) {
  const program = useWatch({ control, name: 'program' });
  return (
    <FieldGroup legend="Enrollment, authorization and claims">
      <WholeNumber
        control={control}
        name="preEnrollment.days"
        label="Days billable before enrollment"
        description="Coordination this many days before the enrollment date can be billed; 0 for none."
        min={0}
        max={365}
      />
      <CodeBox control={control} name="preEnrollment.modifier" label="Modifier for time before enrollment" description="Empty for none." maxLength={2} w={96} />
      <CheckField control={control} name="requiresPriorAuthorization" label="Prior authorization required" description="An entry needs a prior authorization (PA) on file that covers its date." />
      <WholeNumber
        control={control}
        name="authorizationWarningUnits"
        label="Warn when fewer than this many units remain"
        description="On the authorization an entry uses; 0 for no warning."
        min={0}
        max={10_000}
      />
      <CheckField control={control} name="requiresMedicaidId" label="Medicaid ID required" description="An entry is not billed until the student’s Medicaid ID is on the record." />
      <WholeNumber control={control} name="timelyFilingDays" label="Timely filing (days)" description="Days after the date of service that a claim can still be filed." min={1} max={3650} />
      {prerequisites.length > 0 ? <Prerequisites program={program} prerequisites={prerequisites} /> : null}
    </FieldGroup>
  );
}

/** Read-only: what the program needs on record before time is billed, and where those dates are entered. */
function Prerequisites({ program, prerequisites }: { program: string; prerequisites: Profile['prerequisites'] }) {
  const id = useId();
  return (
    <div>
      <Input.Label id={id} labelElement="div">
        Needed before any {program} time is billed
      </Input.Label>
      <Input.Description mb={6}>
        These come from the dates on the student’s {program} enrollment (Caseload → the student → Programs tab); enter the dates there. They are not changed here.
      </Input.Description>
      <List fz="sm" spacing={2} aria-labelledby={id}>
        {prerequisites.map((p) => (
          <List.Item key={p.key}>{cap(p.label)}</List.Item>
        ))}
      </List>
    </div>
  );
}
