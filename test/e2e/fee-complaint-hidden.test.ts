/**
 * Story 3: a resident's complaint about fees (擅自涨价、乱收费, illegal-fee) is about the estate's
 * property company, which must never see it: the company's user finds it neither in their list
 * (which does show the resident's other report of the same estate) nor by opening its page.
 */
import { person } from './support/browser';
import { useStory } from './support/story';
import { HSJY, open, report, ROUTES, signIn, USERS } from './support/app';

const STORY = '3-fee-complaint-hidden';
jest.setTimeout(90_000);

const stage = useStory(STORY);

test('a 乱收费 complaint is invisible to the estate’s property company', async () => {
  const { story, browser } = stage;
  const resident = await person(browser, story.url, STORY, 'resident', { geolocation: HSJY.at });
  const property = await person(browser, story.url, STORY, 'property');

  await signIn(resident, story.url, USERS.resident);
  const feeDescription = '物业今年擅自把停车费从每月60元涨到120元，没有公示也没有业主大会表决。';
  const feeNo = await report(resident, story.url, { estate: HSJY.sceneCode, category: 'illegal-fee', description: feeDescription });
  await resident.see('县住建局');
  await resident.shot('fee-submitted');
  await resident.page.getByText('查看办理进度').click();
  await resident.see('擅自涨价、乱收费(含停车费)');
  const feeId = new URL(resident.page.url().replace('/#/', '/')).searchParams.get('id');
  expect(feeId).toBeTruthy();

  // A report of the same estate that is the company's business, for contrast.
  const dogNo = await report(resident, story.url, { estate: HSJY.sceneCode, category: 'dog', description: '2号楼有住户每天晚上遛狗不拴绳，小孩很害怕。' });

  // The property company's user: the list of their estates' tickets.
  await signIn(property, story.url, USERS.property);
  await property.see('安居物业');
  await property.shot('home');
  await property.page.locator('.staff-count--new').click();
  await property.see(dogNo);
  await property.notSee(feeNo);
  await property.notSee('擅自涨价、乱收费(含停车费)');
  await property.shot('queue-without-fee-complaint');

  // Opening the fee complaint's page directly (e.g. a forwarded link) is refused, and nothing of it is shown.
  await open(property.page, story.url, ROUTES.staffTicket(feeId as string));
  await property.see('该工单涉及本物业服务企业自身，按规定不向本企业公开');
  await property.notSee(feeDescription);
  await property.notSee(feeNo);
  await property.shot('detail-refused');
});
