// Compile-time check that the hand-written client types of typings/api.d.ts equal the server's
// (the inputs need none: api.d.ts takes them from the schemas with `z.input`).
// Compiled by the root tsconfig (which has Node's types), never by the mini-program's, and never
// shipped: it only holds types. When the server changes a shape, `npm run typecheck` fails here.
import type { z } from 'zod';
import type { MemberPage as ServerMemberPage, MemberView as ServerMemberView } from '../cloudfunctions/core/app/account/actions';
import type { HolderView as ServerHolderView } from '../cloudfunctions/core/app/account/holders';
import type { ScopeLevel as ServerScopeLevel } from '../cloudfunctions/core/domain/role-grants';
import type { SelfView as ServerSelfView } from '../cloudfunctions/core/app/account/user';
import type { FormOptions as ServerFormOptions } from '../cloudfunctions/core/app/account/options';
import type {
  CommunityListItem as ServerCommunityListItem,
  CommunityStats as ServerCommunityStats,
  StreetListItem as ServerStreetListItem,
} from '../cloudfunctions/core/app/community/actions';
import type { OutreachStats as ServerOutreachStats } from '../cloudfunctions/core/app/outreach/stats';
import type { RequestStats as ServerRequestStats } from '../cloudfunctions/core/app/requests/stats';
import type { AppError as ServerAppError, ErrorCode as ServerErrorCode, Result } from '../cloudfunctions/core/app/result';
import type { Page as ServerPage } from '../cloudfunctions/core/app/schemas';
import type { MessageView as ServerMessageView } from '../cloudfunctions/core/app/messages/message';
import type { SubscribeMoment as ServerSubscribeMoment } from '../cloudfunctions/core/app/messages/templates';
import type { RoleGrant as ServerRoleGrant } from '../cloudfunctions/core/app/scope';
import type { Role as ServerRole, UserStatus as ServerUserStatus } from '../cloudfunctions/core/domain/roles';
import type * as Client from './api';
import type * as AdminClient from './admin';
import type {
  CompoundView as ServerCompoundView,
  RulesView as ServerRulesView,
  StructureView as ServerStructureView,
} from '../cloudfunctions/core/app/admin/read';
import type { firmsInput } from '../cloudfunctions/core/app/admin/firms';
import type { ImportCounts as ServerImportCounts } from '../cloudfunctions/core/app/admin/import';
import type { OverviewView as ServerOverviewView } from '../cloudfunctions/core/app/admin/overview';
import type { RowError as ServerRowError } from '../cloudfunctions/core/app/admin/import-rows';
import type {
  assignFirmInput,
  createCommunityInput,
  createCompoundInput,
  registerFirmInput,
  rulesPatch,
  exportLedgerInput,
} from '../cloudfunctions/core/app/admin/schemas';
import type { RulesConfig as ServerRulesConfig } from '../cloudfunctions/core/domain/rules-config';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

export type ApiContract = [
  Expect<Equal<Client.ErrorCode, ServerErrorCode>>,
  // The client's reasons are the server's plus the transport's own (a call that got no answer).
  Expect<Equal<Omit<Client.AppError, 'reason'>, Omit<ServerAppError, 'reason'>>>,
  Expect<Equal<Exclude<Client.AppError['reason'], Client.TransportReason>, ServerAppError['reason']>>,
  Expect<Equal<Extract<Client.ApiResult<number>, { ok: true }>, Extract<Result<number>, { ok: true }>>>,
  Expect<Result<number> extends Client.ApiResult<number> ? true : false>,
  Expect<Equal<Client.Page<string>, ServerPage<string>>>,
  Expect<Equal<Client.Role, ServerRole>>,
  Expect<Equal<Client.RoleGrant, ServerRoleGrant>>,
  Expect<Equal<Client.UserStatus, ServerUserStatus>>,
  Expect<Equal<Client.SelfView, ServerSelfView>>,
  Expect<Equal<Client.FormOptions, ServerFormOptions>>,
  Expect<Equal<Client.MemberView, ServerMemberView>>,
  Expect<Equal<Client.MemberPage, ServerMemberPage>>,
  Expect<Equal<Client.HolderView, ServerHolderView>>,
  Expect<Equal<Client.ScopeLevel, ServerScopeLevel>>,
  Expect<Equal<Client.CommunityListItem, ServerCommunityListItem>>,
  Expect<Equal<Client.StreetListItem, ServerStreetListItem>>,
  Expect<Equal<Client.RequestStats, ServerRequestStats>>,
  Expect<Equal<Client.OutreachStats, ServerOutreachStats>>,
  Expect<Equal<Client.CommunityStats, ServerCommunityStats>>,
  Expect<Equal<Client.MessageItem, ServerMessageView>>,
  Expect<Equal<Client.SubscribeMoment, ServerSubscribeMoment>>,
  Expect<Equal<AdminClient.StructureView, ServerStructureView>>,
  Expect<Equal<AdminClient.CompoundView, ServerCompoundView>>,
  Expect<Equal<AdminClient.RulesView, ServerRulesView>>,
  Expect<Equal<AdminClient.OverviewView, ServerOverviewView>>,
  Expect<Equal<AdminClient.RulesConfig, ServerRulesConfig>>,
  Expect<Equal<AdminClient.RulesPatch, z.input<typeof rulesPatch>>>,
  Expect<Equal<AdminClient.ImportResult, { created: ServerImportCounts; errors: ServerRowError[] }>>,
  Expect<Equal<AdminClient.CreateCommunityInput, z.input<typeof createCommunityInput>>>,
  Expect<Equal<AdminClient.CreateCompoundInput, z.input<typeof createCompoundInput>>>,
  Expect<Equal<AdminClient.RegisterFirmInput, z.input<typeof registerFirmInput>>>,
  Expect<Equal<AdminClient.AssignFirmInput, z.input<typeof assignFirmInput>>>,
  Expect<Equal<AdminClient.ExportLedgerInput, z.input<typeof exportLedgerInput>>>,
  Expect<Equal<AdminClient.FirmsInput, z.input<typeof firmsInput>>>,
];
