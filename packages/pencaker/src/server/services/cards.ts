/**
 * The AK/1 card's rules: submitted → verified (Disnaker assigns the number) → active (issued; valid
 * `cardValidityMonths`) → expired, or ended when the holder is placed; rejected from submitted. While active the
 * holder reports every `reportIntervalMonths` ("still looking" or "employed at …"), reminded before it is due.
 */
import { problems, type RequestContext, type WorkSource } from '@kota-kit/core/server';
import type { CardReport } from '../../schemas/cards.js';
import type { CardStatus } from '../../schemas/vocabulary.js';
import { currentCard, findCard, latestCard, nextCardNumber, toCard } from '../queries/cards.js';
import type { CardRow, Ctx, Db } from '../tables.js';
import { requireOfficer, requireSeeker } from './access.js';
import { addDays, addMonths, today } from './dates.js';

export const cardStatusChanged = 'card.status-changed';
export const cardReportDue = 'card.report-due';

type Emit = (name: string, payload: unknown) => void;
const userOf = async (db: Db, seekerId: string) => (await db.selectFrom('pencaker_seekers').select('user_id').where('id', '=', seekerId).executeTakeFirst())?.user_id ?? null;
const announce = async (db: Db, emit: Emit, card: CardRow) =>
  emit(cardStatusChanged, { cardId: card.id, userId: await userOf(db, card.seeker_id), status: card.status, number: card.number });

export async function myCard(ctx: Ctx, c: RequestContext) {
  const { seeker } = await requireSeeker(ctx, c);
  const row = await latestCard(ctx.db, seeker.id);
  return row ? toCard(row) : null;
}

export async function applyForCard(ctx: Ctx, c: RequestContext) {
  const { seeker } = await requireSeeker(ctx, c);
  return ctx.unitOfWork(c, async (work) => {
    if (await currentCard(work.db, seeker.id)) throw problems.conflict('You already have an AK/1 card in progress or valid.');
    const row = await work.db.insertInto('pencaker_cards').values({ seeker_id: seeker.id, status: 'submitted', submitted_at: ctx.clock.now() }).returningAll().executeTakeFirstOrThrow();
    await work.audit({ action: 'card.apply', subjectType: 'card', subjectId: String(row.id), agencyId: ctx.options.agencyId, after: { status: row.status } });
    await announce(work.db, work.emit, row);
    return toCard(row);
  });
}

/** One officer step on a card in `from`; checked again inside the transaction so two officers never both act. */
async function officerStep(ctx: Ctx, c: RequestContext, id: number, action: string, from: CardStatus, change: (row: CardRow, db: Db) => Promise<Partial<CardRow>>) {
  requireOfficer(ctx, c);
  return ctx.unitOfWork(c, async (work) => {
    const before = await findCard(work.db, id);
    if (!before) throw problems.notFound(`No card ${id}.`);
    if (before.status !== from) throw problems.conflict(`The card is ${before.status}; this needs a ${from} card.`);
    const row = await work.db.updateTable('pencaker_cards').set(await change(before, work.db)).where('id', '=', id).where('status', '=', from).returningAll().executeTakeFirst();
    if (!row) throw problems.conflict('The card changed meanwhile; reload it.');
    await work.audit({ action: `card.${action}`, subjectType: 'card', subjectId: String(id), agencyId: ctx.options.agencyId, before: { status: before.status }, after: { status: row.status, number: row.number } });
    await announce(work.db, work.emit, row);
    return toCard(row);
  });
}

export const verifyCard = (ctx: Ctx, c: RequestContext, id: number) =>
  officerStep(ctx, c, id, 'verify', 'submitted', async (_row, db) => ({
    status: 'verified',
    number: await nextCardNumber(db, ctx.region.code, today(ctx).slice(0, 4)),
    verified_at: ctx.clock.now(),
    verified_by: ctx.access.user(c)?.id ?? null,
  }));

export const activateCard = (ctx: Ctx, c: RequestContext, id: number) =>
  officerStep(ctx, c, id, 'activate', 'verified', async () => {
    const day = today(ctx);
    return { status: 'active', activated_at: ctx.clock.now(), valid_until: addMonths(day, ctx.options.cardValidityMonths), next_report_due: addMonths(day, ctx.options.reportIntervalMonths) };
  });

export const rejectCard = (ctx: Ctx, c: RequestContext, id: number, reason: string) =>
  officerStep(ctx, c, id, 'reject', 'submitted', async () => ({ status: 'rejected', reject_reason: reason, ended_at: ctx.clock.now() }));

/** Ends the holder's current card as placed (a report "employed at …", or hired through Pencaker). */
export async function endCardAsPlaced(db: Db, emit: Emit, seekerId: string, employer: string, now: Date) {
  const row = await db
    .updateTable('pencaker_cards')
    .set({ status: 'ended', end_reason: 'placed', placed_at: employer, ended_at: now })
    .where('seeker_id', '=', seekerId)
    .where('status', 'in', ['verified', 'active'])
    .returningAll()
    .executeTakeFirst();
  await db.updateTable('pencaker_seeker_facts').set({ placed_at: now }).where('seeker_id', '=', seekerId).execute();
  if (row) await announce(db, emit, row);
  return row;
}

export async function reportOnCard(ctx: Ctx, c: RequestContext, report: CardReport) {
  const { seeker } = await requireSeeker(ctx, c);
  return ctx.unitOfWork(c, async (work) => {
    const card = await currentCard(work.db, seeker.id);
    if (!card || card.status !== 'active') throw problems.conflict('Only an active AK/1 card is reported on.');
    const now = ctx.clock.now();
    let row: CardRow | undefined;
    if (report.status === 'looking') {
      row = await work.db
        .updateTable('pencaker_cards')
        .set({ last_report_at: now, next_report_due: addMonths(today(ctx), ctx.options.reportIntervalMonths), reminded_for: null })
        .where('id', '=', card.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    } else {
      await work.db.updateTable('pencaker_cards').set({ last_report_at: now }).where('id', '=', card.id).execute();
      row = await endCardAsPlaced(work.db, work.emit, seeker.id, report.employer, now);
    }
    await work.audit({ action: 'card.report', subjectType: 'card', subjectId: String(card.id), agencyId: ctx.options.agencyId, after: { status: report.status } });
    return toCard(row!);
  });
}

const system: WorkSource = { actor: null };

/** The daily job: cards past their validity expire; holders whose report falls due soon are reminded once. */
export async function runCardJob(ctx: Ctx): Promise<{ expired: number; reminded: number }> {
  const day = today(ctx);
  return ctx.unitOfWork(system, async (work) => {
    const expired = await work.db
      .updateTable('pencaker_cards')
      .set({ status: 'expired', end_reason: 'expired', ended_at: ctx.clock.now() })
      .where('status', '=', 'active')
      .where('valid_until', '<', day)
      .returningAll()
      .execute();
    for (const row of expired) {
      await work.audit({ action: 'card.expire', subjectType: 'card', subjectId: String(row.id), agencyId: ctx.options.agencyId });
      await announce(work.db, work.emit, row);
    }
    const due = await work.db
      .selectFrom('pencaker_cards as c')
      .innerJoin('pencaker_seekers as s', 's.id', 'c.seeker_id')
      .select(['c.id', 'c.next_report_due', 's.user_id'])
      .where('c.status', '=', 'active')
      .where('c.next_report_due', '<=', addDays(day, ctx.options.reminderDaysBefore))
      .where((eb) => eb.or([eb('c.reminded_for', 'is', null), eb('c.reminded_for', '!=', eb.ref('c.next_report_due'))]))
      .execute();
    for (const row of due) {
      await work.db.updateTable('pencaker_cards').set({ reminded_for: row.next_report_due }).where('id', '=', row.id).execute();
      work.emit(cardReportDue, { cardId: row.id, userId: row.user_id, dueDate: row.next_report_due });
    }
    return { expired: expired.length, reminded: due.length };
  });
}
