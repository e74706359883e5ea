// The registration form's rules, as plain functions: what the person typed, what is wrong with it
// (in Chinese, per field), and what is sent. The server checks again (account.register); its
// INVALID_INPUT issues come back onto the same fields.
import type { CommunityListItem, CompoundItem, RegisterInput } from '../../../typings/api';
import { textFieldError, type FieldErrors } from '../../utils/form-fields';

/** The form as typed and picked. */
export interface RegistrationForm {
  communityId: string;
  compoundId: string;
  name: string;
  phone: string;
  building: string;
  room: string;
  isPartyMember: boolean;
  /** Consent to the privacy guide (用户隐私保护指引), required before anything is sent. */
  agreed: boolean;
}

export type RegistrationField = keyof RegistrationForm;

export const EMPTY_FORM: RegistrationForm = {
  communityId: '',
  compoundId: '',
  name: '',
  phone: '',
  building: '',
  room: '',
  isPartyMember: false,
  agreed: false,
};

/** Maximum lengths of the text fields (the server's registerInput). */
export const MAX_LENGTH = { name: 20, building: 20, room: 20 } as const;

const MOBILE = /^1[3-9]\d{9}$/;

/** What is wrong with the form, per field, in Chinese. */
export function validateRegistration(form: RegistrationForm): FieldErrors<RegistrationField> {
  const errors: FieldErrors<RegistrationField> = {};
  if (!form.communityId) errors.communityId = '请选择所在社区';
  if (!form.compoundId) errors.compoundId = '请选择所在小区';
  const name = textFieldError(form.name, '请输入姓名', MAX_LENGTH.name, '姓名');
  if (name) errors.name = name;
  const phone = form.phone.trim();
  if (!phone) errors.phone = '请输入手机号';
  else if (!/^\d{11}$/.test(phone)) errors.phone = '请输入 11 位手机号';
  else if (!MOBILE.test(phone)) errors.phone = '手机号格式不正确，请检查';
  const building = textFieldError(form.building, '请输入楼栋，如 3 栋', MAX_LENGTH.building, '楼栋');
  if (building) errors.building = building;
  const room = textFieldError(form.room, '请输入房号，如 2 单元 301', MAX_LENGTH.room, '房号');
  if (room) errors.room = room;
  if (!form.agreed) errors.agreed = '请阅读并同意《用户隐私保护指引》';
  return errors;
}

/** The account.register payload of a valid form. */
export function toRegisterInput(form: RegistrationForm): RegisterInput {
  return {
    name: form.name.trim(),
    phone: form.phone.trim(),
    communityId: form.communityId,
    compoundId: form.compoundId,
    building: form.building.trim(),
    room: form.room.trim(),
    isPartyMember: form.isPartyMember,
  };
}

const FIELDS: readonly RegistrationField[] = ['communityId', 'compoundId', 'name', 'phone', 'building', 'room', 'isPartyMember'];

/** The field a server issue shows on (the consent is never sent, so never one). */
export const registrationFieldOf = (path: string) => FIELDS.find((f) => f === path);

/** The compounds of the chosen community only. */
export function compoundsOf(communities: readonly CommunityListItem[], communityId: string): CompoundItem[] {
  return communities.find((c) => c.communityId === communityId)?.compounds ?? [];
}

/** Picker options of the compounds of the chosen community. */
export function compoundOptions(communities: readonly CommunityListItem[], communityId: string): Array<{ label: string; value: string }> {
  return compoundsOf(communities, communityId).map((k) => ({ label: k.name, value: k.compoundId }));
}

/** The form after choosing a community: a compound of another community is cleared. */
export function chooseCommunity(form: RegistrationForm, communities: readonly CommunityListItem[], communityId: string): RegistrationForm {
  const compounds = compoundsOf(communities, communityId);
  const keep = compounds.some((k) => k.compoundId === form.compoundId);
  // A community with a single compound needs no second choice.
  const compoundId = keep ? form.compoundId : compounds.length === 1 ? compounds[0].compoundId : '';
  return { ...form, communityId, compoundId };
}
