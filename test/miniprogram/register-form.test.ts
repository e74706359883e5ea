import {
  chooseCommunity,
  EMPTY_FORM,
  registrationFieldOf,
  toRegisterInput,
  validateRegistration,
  type RegistrationForm,
} from '../../miniprogram/pages/register/form';
import { COMMUNITIES } from './fixtures';

const valid: RegistrationForm = {
  communityId: 'cm_hongxing',
  compoundId: 'cp_jiangjin',
  name: '赵志远',
  phone: '13907160006',
  building: '6栋',
  room: '601',
  isPartyMember: false,
  agreed: true,
};

describe('validateRegistration', () => {
  test('accepts a complete form', () => {
    expect(validateRegistration(valid)).toEqual({});
  });

  test.each([
    ['', '请输入手机号'],
    ['1390716000', '请输入 11 位手机号'],
    ['139071600061', '请输入 11 位手机号'],
    ['1390716000a', '请输入 11 位手机号'],
    ['12907160006', '手机号格式不正确，请检查'],
  ])('rejects the phone "%s" with "%s"', (phone, message) => {
    expect(validateRegistration({ ...valid, phone })).toEqual({ phone: message });
  });

  test('accepts a phone typed with spaces around it', () => {
    expect(validateRegistration({ ...valid, phone: ' 13907160006 ' })).toEqual({});
  });

  test('rejects a name of blanks and a name over 20 characters', () => {
    expect(validateRegistration({ ...valid, name: '   ' })).toEqual({ name: '请输入姓名' });
    expect(validateRegistration({ ...valid, name: '张'.repeat(21) })).toEqual({ name: '姓名不能超过 20 个字' });
    expect(validateRegistration({ ...valid, name: '张'.repeat(20) })).toEqual({});
  });

  test('names every missing field of an empty form', () => {
    expect(Object.keys(validateRegistration(EMPTY_FORM)).sort()).toEqual([
      'agreed',
      'building',
      'communityId',
      'compoundId',
      'name',
      'phone',
      'room',
    ]);
  });
});

test('toRegisterInput trims what was typed', () => {
  expect(toRegisterInput({ ...valid, name: ' 赵志远 ', building: ' 6栋', room: '601 ', isPartyMember: true })).toEqual({
    name: '赵志远',
    phone: '13907160006',
    communityId: 'cm_hongxing',
    compoundId: 'cp_jiangjin',
    building: '6栋',
    room: '601',
    isPartyMember: true,
  });
});

describe('registrationFieldOf', () => {
  test("puts the server's issues on the form's own fields", () => {
    expect(['phone', 'compoundId', 'name', 'isPartyMember'].map(registrationFieldOf)).toEqual([
      'phone',
      'compoundId',
      'name',
      'isPartyMember',
    ]);
  });

  test('places no issue about an unknown field', () => {
    expect(registrationFieldOf('nickname')).toBeUndefined();
    expect(registrationFieldOf('')).toBeUndefined();
  });

  test('does not place an issue on the consent checkbox, which the server never sees', () => {
    expect(registrationFieldOf('agreed')).toBeUndefined();
  });
});

describe('chooseCommunity', () => {
  test('clears a compound of another community', () => {
    expect(chooseCommunity({ ...valid }, COMMUNITIES, 'cm_wenhua').compoundId).toBe('cp_taihu');
    expect(chooseCommunity({ ...valid, communityId: 'cm_wenhua', compoundId: 'cp_taihu' }, COMMUNITIES, 'cm_hongxing').compoundId).toBe('');
  });

  test('keeps the compound when it belongs to the chosen community', () => {
    expect(chooseCommunity({ ...valid }, COMMUNITIES, 'cm_hongxing').compoundId).toBe('cp_jiangjin');
  });
});
