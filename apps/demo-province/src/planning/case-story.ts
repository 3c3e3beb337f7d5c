import { dimensions, type Dimension } from '@khu-siao/contracts';
import { expectedClassification } from './classification';
import type { Dice } from './dice';
import type { PlannedAssessment, PlannedLifePlan, PlannedMember, PlannedProgress, PlannedVisit } from './province-plan';

/** TPMAP-style indicators a household can fail, per dimension. */
const indicators: Record<Dimension, readonly string[]> = {
  health: ['คนในครัวเรือนเจ็บป่วยเรื้อรังไม่ได้รับการดูแล', 'เด็กแรกเกิดน้ำหนักน้อยกว่า 2,500 กรัม', 'กินอาหารไม่ถูกสุขลักษณะ'],
  livingConditions: ['บ้านไม่มั่นคงถาวร', 'ไม่มีน้ำสะอาดดื่มพอตลอดปี', 'ไม่มีห้องส้วมที่ถูกสุขลักษณะ'],
  education: ['เด็กอายุ 3–5 ปีไม่ได้รับบริการก่อนวัยเรียน', 'เด็กไม่ได้เรียนภาคบังคับ 9 ปี', 'คนอายุ 15–59 ปีอ่านเขียนภาษาไทยไม่ได้'],
  income: ['รายได้เฉลี่ยต่ำกว่า 38,000 บาทต่อคนต่อปี', 'คนอายุ 15–59 ปีไม่มีอาชีพและรายได้'],
  publicServices: ['ผู้สูงอายุไม่ได้รับเบี้ยยังชีพ', 'คนพิการไม่ได้รับเบี้ยความพิการ'],
};

const failureRates: Record<Dimension, number> = { health: 0.3, livingConditions: 0.35, education: 0.25, income: 0.6, publicServices: 0.2 };

const goals: Record<Dimension, { readonly goal: string; readonly action: string; readonly by: string }> = {
  health: { goal: 'สมาชิกได้รับการดูแลสุขภาพต่อเนื่อง', action: 'อสม. เยี่ยมบ้านและพาไปตรวจที่ รพ.สต.', by: 'โรงพยาบาลส่งเสริมสุขภาพตำบล' },
  livingConditions: { goal: 'บ้านมั่นคงและปลอดภัย', action: 'ซ่อมแซมหลังคาและผนังบ้าน', by: 'ที่ทำการปกครองอำเภอ' },
  education: { goal: 'เด็กได้เรียนครบภาคบังคับ', action: 'มอบทุนการศึกษาและอุปกรณ์การเรียน', by: 'สำนักงานเขตพื้นที่การศึกษา' },
  income: { goal: 'รายได้เกิน 38,000 บาทต่อคนต่อปี', action: 'ปลูกผักสวนครัวและเลี้ยงไก่ไข่', by: 'สำนักงานเกษตรอำเภอ' },
  publicServices: { goal: 'ได้รับสวัสดิการที่มีสิทธิ', action: 'ลงทะเบียนเบี้ยยังชีพและบัตรสวัสดิการแห่งรัฐ', by: 'องค์การบริหารส่วนตำบล' },
};

const passedAll = (): Record<Dimension, { indicatorsFailed: string[] }> => ({
  health: { indicatorsFailed: [] },
  livingConditions: { indicatorsFailed: [] },
  education: { indicatorsFailed: [] },
  income: { indicatorsFailed: [] },
  publicServices: { indicatorsFailed: [] },
});

export function assessmentOf(dice: Dice, key: string, members: readonly PlannedMember[], officialId: string, assessedOn: string, failed: readonly Dimension[], n: number): PlannedAssessment {
  const result = passedAll();
  for (const dimension of failed) result[dimension] = { indicatorsFailed: dice.sample(indicators[dimension], dice.int(1, 2)) };
  const incomePerHeadPerYear = failed.includes('income') ? dice.int(1_200, 3_790) * 1_000 : dice.int(3_800, 6_500) * 1_000;
  return {
    assessmentId: `${key}:a${n}`,
    assessedOn,
    assessorId: officialId,
    dimensions: result,
    incomePerHeadPerYear,
    expectedClassification: expectedClassification(members, failed, assessedOn),
  };
}

/** The dimensions a target household fails: each at its own rate, at least one (it is on the poor list). */
export function failedDimensions(dice: Dice): Dimension[] {
  const failed = dimensions.filter((dimension) => dice.chance(failureRates[dimension]));
  return failed.length > 0 ? failed : [dice.pick(dimensions)];
}

export function lifePlanOf(dice: Dice, key: string, officialId: string, failed: readonly Dimension[], drawnUpOn: string): PlannedLifePlan {
  return {
    planId: `${key}:plan`,
    drawnUpOn,
    officialId,
    goals: failed.slice(0, 3).map((dimension, index) => ({
      goalId: `g${index + 1}`,
      dimension,
      description: goals[dimension].goal,
      actions: [
        {
          actionId: `act-${index + 1}`,
          description: goals[dimension].action,
          responsible: { kind: 'agency' as const, name: goals[dimension].by },
          dueOn: dice.date('2022-06-01', '2022-09-30'),
        },
      ],
    })),
  };
}

/** Every action done (a graduate), or the first one under way. */
export function progressOf(dice: Dice, plan: PlannedLifePlan, graduating: boolean): PlannedProgress[] {
  const actions = plan.goals.flatMap((goal) => goal.actions);
  if (graduating) return actions.map((action) => ({ actionId: action.actionId, percentDone: 100, completed: true, recordedOn: dice.date('2022-07-01', '2022-09-30') }));
  // Plans are drawn up by the end of May: progress is recorded from June on (never before its plan).
  return [{ actionId: actions[0].actionId, percentDone: dice.pick([20, 40, 50, 60, 80]), completed: false, recordedOn: dice.date('2022-06-01', '2022-09-30') }];
}

/** Home visits along the four processes: pinpoint, then life compass, manage (some with a survival bag), care. */
export function visitsOf(dice: Dice, officialId: string, failed: readonly Dimension[], pinpointedOn: string, plan: PlannedLifePlan | null, graduatedOn: string | null): PlannedVisit[] {
  const visit = (visitedOn: string, processStep: PlannedVisit['processStep'], extra: Partial<PlannedVisit> = {}): PlannedVisit => ({
    officialIds: [officialId],
    visitedOn,
    processStep,
    dimensionsDiscussed: [...failed],
    needsFound: [],
    helpGiven: [],
    referrals: [],
    ...extra,
  });
  const visits = [visit(pinpointedOn, 'pinpoint', { needsFound: failed.map((dimension) => goals[dimension].goal) })];
  if (!plan) return visits;
  visits.push(visit(plan.drawnUpOn, 'lifeCompass'));
  if (dice.chance(0.45)) {
    visits.push(
      visit(dice.date('2022-04-01', '2022-06-30'), 'manage', {
        helpGiven: [{ kind: 'inKind', description: 'ถุงยังชีพ', value: 50_000 }],
        referrals: [goals[failed[0]].by],
      }),
    );
  }
  if (graduatedOn) visits.push(visit(graduatedOn, 'care', { helpGiven: [{ kind: 'advice', description: 'ติดตามการออมและรายได้' }] }));
  return visits;
}
