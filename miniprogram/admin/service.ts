// The admin subpackage's calls — admin: setting up and overseeing a city, and roles by invitation (shared API.md §6, docs/API.md).
import type { ApiResult, HolderView, ListMembersInput, Page } from '../../typings/api';
import type {
  AssignFirmInput,
  Assigned,
  CompoundView,
  CreateCommunityInput,
  CreateCompoundInput,
  FirmRow,
  FirmsInput,
  ImportResult,
  InvitableRole,
  Invitation,
  OverviewView,
  Redeemed,
  RegisterFirmInput,
  RulesPatch,
  RulesView,
  StructureView,
} from '../../typings/admin';
import { call } from '../services/transport';

/** The place whose role holders to list: exactly one of a street, community or compound. */
export type HoldersInput = Pick<ListMembersInput, 'streetId' | 'communityId' | 'compoundId' | 'role' | 'cursor' | 'limit'>;

/** 街道、社区与小区（本人管辖范围；平台管理员不指定街道时只有各街道） */
export function structure(streetId?: string): Promise<ApiResult<StructureView>> {
  return call('admin', 'structure', streetId ? { streetId } : {});
}

/** 物业服务企业（分页，可按名称开头查找） */
export function firms(input: FirmsInput = {}): Promise<ApiResult<Page<FirmRow>>> {
  return call('admin', 'firms', input);
}

/** 新建街道 */
export function createStreet(input: { name: string; district: string }): Promise<ApiResult<{ streetId: string }>> {
  return call('admin', 'createStreet', input);
}

/** 新建社区 */
export function createCommunity(input: CreateCommunityInput): Promise<ApiResult<{ communityId: string }>> {
  return call('admin', 'createCommunity', input);
}

/** 新建小区（含楼栋） */
export function createCompound(input: CreateCompoundInput): Promise<ApiResult<{ compoundId: string }>> {
  return call('admin', 'createCompound', input);
}

/** 导入街道、社区、小区和楼栋（任一行有误则全部不导入） */
export function importStructure(fileId: string): Promise<ApiResult<ImportResult>> {
  return call('admin', 'importStructure', { fileId });
}

/** 登记物业服务企业 */
export function registerFirm(input: RegisterFirmInput): Promise<ApiResult<{ firmId: string }>> {
  return call('admin', 'registerFirm', input);
}

/** 小区及其物业服务历史 */
export function compound(compoundId: string): Promise<ApiResult<CompoundView>> {
  return call('admin', 'compound', { compoundId });
}

/** 指定小区的物业服务企业（自某日起） */
export function assignFirm(input: AssignFirmInput): Promise<ApiResult<Assigned>> {
  return call('admin', 'assignFirm', input);
}

/** 社区规则参数（现行） */
export function rules(communityId: string): Promise<ApiResult<RulesView>> {
  return call('admin', 'rules', { communityId });
}

/** 修改社区规则参数 */
export function setRules(communityId: string, patch: RulesPatch): Promise<ApiResult<{ communityId: string; rules: RulesView['rules'] }>> {
  return call('admin', 'setRules', { communityId, rules: patch });
}

/** 全市（各街道）或某街道（各社区）概览 */
export function overview(input: { level: 'city' | 'street'; streetId?: string }): Promise<ApiResult<OverviewView>> {
  return call('admin', 'overview', input);
}

/** 生成角色邀请码 */
export function invite(role: InvitableRole, scopeId: string): Promise<ApiResult<Invitation>> {
  return call('account', 'invite', { role, scopeId });
}

/** 使用邀请码 */
export function redeem(code: string, name?: string): Promise<ApiResult<Redeemed>> {
  return call('account', 'redeem', name ? { code, name } : { code });
}

/** 撤销角色 */
/** 某街道、社区或小区内本人可撤销的角色持有人（姓名、手机号脱敏） */
export function holders(input: HoldersInput): Promise<ApiResult<Page<HolderView>>> {
  return call('account', 'listMembers', { holders: true, ...input });
}

export function revokeRole(input: { userId: string; role: string; scopeId: string }): Promise<ApiResult<{ userId: string }>> {
  return call('account', 'revokeRole', input);
}
