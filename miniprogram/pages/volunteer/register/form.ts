// The volunteer registration form's rules as plain functions: what is wrong with it (in Chinese,
// per field) and what is sent. The server checks again (volunteer.register); its INVALID_INPUT
// issues come back onto the same fields.
import type { RegisterVolunteerInput } from '../../../services/volunteer';

export interface VolunteerForm {
  realName: string;
  phone: string;
  /** Skills as typed: separated by commas, 、 or spaces. */
  skills: string;
  isPartyMember: boolean;
  /** 共青团员 (optional: counted with party members as the backbone of volunteering). */
  isYouthLeagueMember?: boolean;
}

export type VolunteerField = 'realName' | 'phone' | 'skills';
export type VolunteerErrors = Partial<Record<VolunteerField, string>>;

export const MAX_SKILLS = 10;
export const MAX_SKILL_LENGTH = 20;
const MOBILE = /^1[3-9]\d{9}$/;

/** The skills of the typed text: split, trimmed, without repeats. */
export function parseSkills(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、;；\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** What is wrong with the form, per field, in Chinese. */
export function validateVolunteer(form: VolunteerForm): VolunteerErrors {
  const errors: VolunteerErrors = {};
  const name = form.realName.trim();
  if (!name) errors.realName = '请输入真实姓名';
  else if (name.length > 20) errors.realName = '姓名不能超过 20 个字';
  const phone = form.phone.trim();
  if (!phone) errors.phone = '请输入手机号';
  else if (!/^\d{11}$/.test(phone)) errors.phone = '请输入 11 位手机号';
  else if (!MOBILE.test(phone)) errors.phone = '手机号格式不正确，请检查';
  const skills = parseSkills(form.skills);
  if (skills.length > MAX_SKILLS) errors.skills = `最多填写 ${MAX_SKILLS} 项技能`;
  else if (skills.some((s) => s.length > MAX_SKILL_LENGTH)) errors.skills = `每项技能不能超过 ${MAX_SKILL_LENGTH} 个字`;
  return errors;
}

/** The volunteer.register payload of a valid form. */
export function toVolunteerInput(form: VolunteerForm): RegisterVolunteerInput {
  const { realName, phone, skills, isPartyMember, isYouthLeagueMember } = form;
  const input = { realName: realName.trim(), phone: phone.trim(), skills: parseSkills(skills), isPartyMember };
  return isYouthLeagueMember ? { ...input, isYouthLeagueMember } : input;
}

/** The field a server issue shows on. */
export const volunteerFieldOf = (path: string) => (['realName', 'phone', 'skills'] as const).find((f) => f === path);
