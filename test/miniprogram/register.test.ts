import { mockBackend, renderPage, type MockBackend, type PageHandle } from './harness';
import { ok, STREETS, streetStep, user } from './fixtures';
import { installWx } from './wx-mock';

let page: PageHandle | undefined;
let backend: MockBackend;

beforeEach(() => {
  installWx();
  backend = mockBackend({
    ...streetStep,
    'account.register': (data) => ok(user({ ...data, status: 'pending', roles: [] })),
  });
});
afterEach(() => page?.detach());

/** Fills the whole form correctly, as a resident of 江津花园 would. */
async function fillForm(p: PageHandle): Promise<void> {
  await p.pick('所在街道', '胜利街道');
  await p.pick('所在社区', '红星社区');
  await p.pick('所在小区', '江津花园');
  await p.type('姓名', '赵志远');
  await p.type('手机号', '13907160006');
  await p.type('楼栋', '6栋');
  await p.type('房号', '601');
  await p.tap('我已阅读并同意');
}

test('shows the pending state after a successful registration', async () => {
  page = await renderPage('pages/register/index');
  await fillForm(page);
  await page.tap('提交注册');

  expect(backend.calls('account.register')).toEqual([
    {
      name: '赵志远',
      phone: '13907160006',
      communityId: 'cm_hongxing',
      compoundId: 'cp_jiangjin',
      building: '6栋',
      room: '601',
      isPartyMember: false,
    },
  ]);
  expect(page.text()).toContain('注册信息审核中，请耐心等待社区审核');
  expect(page.queryByText('提交注册')).toBeNull();

  await page.tap('返回我的');
  expect(wx.switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/mine/index' }));
});

test('shows a Chinese message under the phone field when the number has 10 digits and does not call the service', async () => {
  page = await renderPage('pages/register/index');
  await fillForm(page);
  await page.type('手机号', '1390716000');
  await page.tap('提交注册');

  expect(page.fieldError('手机号')).toBe('请输入 11 位手机号');
  expect(page.fieldError('姓名')).toBe('');
  expect(backend.calls('account.register')).toEqual([]);
});

test('shows what is missing under each field of an empty form', async () => {
  page = await renderPage('pages/register/index');
  await page.tap('提交注册');

  expect(page.fieldError('所在街道')).toBe('请选择所在街道');
  expect(page.fieldError('所在社区')).toBe('请选择所在社区');
  expect(page.fieldError('所在小区')).toBe('请选择所在小区');
  expect(page.fieldError('姓名')).toBe('请输入姓名');
  expect(page.fieldError('手机号')).toBe('请输入手机号');
  expect(page.fieldError('楼栋')).toBe('请输入楼栋，如 3 栋');
  expect(page.fieldError('房号')).toBe('请输入房号，如 2 单元 301');
  expect(page.text()).toContain('请阅读并同意《用户隐私保护指引》');
  expect(backend.calls('account.register')).toEqual([]);
});

test('clears a field’s message once it is corrected', async () => {
  page = await renderPage('pages/register/index');
  await page.tap('提交注册');
  expect(page.fieldError('姓名')).toBe('请输入姓名');

  await page.type('姓名', '赵志远');
  expect(page.fieldError('姓名')).toBe('');
  expect(page.fieldError('手机号')).toBe('请输入手机号');
});

test('does not register without consent to the privacy guide', async () => {
  page = await renderPage('pages/register/index');
  await fillForm(page);
  await page.tap('我已阅读并同意'); // unticks it
  await page.tap('提交注册');

  expect(page.text()).toContain('请阅读并同意《用户隐私保护指引》');
  expect(backend.calls('account.register')).toEqual([]);
});

test('asks for the street first: the first call lists the streets, not the whole city', async () => {
  page = await renderPage('pages/register/index');
  expect(backend.calls('community.streets')).toEqual([{}]);
  expect(backend.calls('community.list')).toEqual([]);

  await page.tap(page.field('所在社区'));
  expect(page.fieldError('所在社区')).toBe('请先选择所在街道');
  expect(page.queryByText('红星社区')).toBeNull();

  await page.pick('所在街道', '胜利街道');
  expect(backend.calls('community.list')).toEqual([{ streetId: 'st_shengli' }]);
  expect(page.fieldError('所在社区')).toBe('');
});

test('offers only the communities of the chosen street, then only the compounds of the chosen community', async () => {
  page = await renderPage('pages/register/index');
  await page.pick('所在街道', '胜利街道');
  await page.tap(page.field('所在社区'));
  expect(page.queryByText('红星社区')).not.toBeNull();
  expect(page.queryByText('文化社区')).toBeNull();
  await page.tap('取消');

  await page.pick('所在社区', '红星社区');
  await page.tap(page.field('所在小区'));
  expect(page.queryByText('江津花园')).not.toBeNull();
  expect(page.queryByText('万寿园小区')).not.toBeNull();
  expect(page.queryByText('太湖港小区')).toBeNull();
});

test('another street replaces the community and compound; a street of one community chooses it', async () => {
  page = await renderPage('pages/register/index');
  await page.pick('所在街道', '胜利街道');
  await page.pick('所在社区', '红星社区');
  await page.pick('所在小区', '江津花园');

  // 中山街道 has a single community with a single compound: both are chosen for the person.
  await page.pick('所在街道', '中山街道');
  expect(page.field('所在社区').textContent).toContain('文化社区');
  expect(page.field('所在小区').textContent).toContain('太湖港小区');

  // 胜利街道's one community is chosen again; of its two compounds, none yet.
  await page.pick('所在街道', '胜利街道');
  expect(page.field('所在社区').textContent).toContain('红星社区');
  expect(page.field('所在小区').textContent).not.toContain('太湖港小区');
  expect(page.field('所在小区').textContent).toContain('请选择');
});

test('chooses the street and its community for the person when the city has only one street', async () => {
  backend.answer('community.streets', ok(STREETS.filter((s) => s.streetId === 'st_shengli')));
  page = await renderPage('pages/register/index');

  expect(backend.calls('community.list')).toEqual([{ streetId: 'st_shengli' }]);
  expect(page.field('所在街道').textContent).toContain('胜利街道');
  expect(page.field('所在社区').textContent).toContain('红星社区');
  expect(page.field('所在小区').textContent).toContain('请选择');
});

test('shows under the street why its communities could not be read, and reads them again on the next pick', async () => {
  page = await renderPage('pages/register/index');
  backend.answer('community.list', { ok: false, error: { code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后重试' } });
  await page.pick('所在街道', '胜利街道');
  expect(page.fieldError('所在街道')).toBe('服务暂时不可用，请稍后重试');

  backend.answer('community.list', streetStep['community.list']);
  await page.pick('所在街道', '中山街道');
  expect(page.fieldError('所在街道')).toBe('');
  expect(page.field('所在社区').textContent).toContain('文化社区');
});

test('reads the same street again when it is picked again after its communities failed to load', async () => {
  page = await renderPage('pages/register/index');
  backend.answer('community.list', { ok: false, error: { code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后重试' } });
  await page.pick('所在街道', '胜利街道');
  expect(page.fieldError('所在街道')).toBe('服务暂时不可用，请稍后重试');
  // Nothing was chosen: the community field asks for the street, never claims the street has none.
  await page.tap(page.field('所在社区'));
  expect(page.fieldError('所在社区')).toBe('请先选择所在街道');

  backend.answer('community.list', streetStep['community.list']);
  await page.pick('所在街道', '胜利街道');
  expect(backend.calls('community.list')).toEqual([{ streetId: 'st_shengli' }, { streetId: 'st_shengli' }]);
  expect(page.fieldError('所在街道')).toBe('');
  expect(page.field('所在社区').textContent).toContain('红星社区');
});

test('asks for the community before the compound', async () => {
  page = await renderPage('pages/register/index');
  await page.tap(page.field('所在小区'));

  expect(page.fieldError('所在小区')).toBe('请先选择所在社区');
  expect(page.queryByText('江津花园')).toBeNull();
});

test('maps server issues onto the fields', async () => {
  backend.answer('account.register', {
    ok: false,
    error: {
      code: 'INVALID_INPUT',
      message: '输入有误，请检查后重试',
      issues: [
        { path: ['phone'], message: '请输入 11 位手机号' },
        { path: ['room'], message: '不能超过 20 个字' },
      ],
    },
  });
  page = await renderPage('pages/register/index');
  await fillForm(page);
  await page.tap('提交注册');

  expect(backend.calls('account.register')).toHaveLength(1);
  expect(page.fieldError('手机号')).toBe('请输入 11 位手机号');
  expect(page.fieldError('房号')).toBe('不能超过 20 个字');
  expect(page.fieldError('姓名')).toBe('');
  expect(page.text()).not.toContain('注册信息审核中');
});

test('shows the message of a server issue it cannot place on a field', async () => {
  backend.answer('account.register', {
    ok: false,
    error: { code: 'INVALID_INPUT', message: '输入有误，请检查后重试', issues: [{ path: [], message: '存在无法识别的字段：nickname' }] },
  });
  page = await renderPage('pages/register/index');
  await fillForm(page);
  await page.tap('提交注册');

  expect(page.text()).toContain('存在无法识别的字段：nickname');
});

test('shows the conflict message when the caller is already registered', async () => {
  backend.answer('account.register', {
    ok: false,
    error: { code: 'CONFLICT', message: '您已注册，无需重复注册', reason: 'ALREADY_REGISTERED' },
  });
  page = await renderPage('pages/register/index');
  await fillForm(page);
  await page.tap('提交注册');

  expect(page.text()).toContain('您已注册，无需重复注册');
  expect(page.text()).not.toContain('注册信息审核中');
  expect(page.getByText('提交注册')).toBeTruthy();
});

test('shows an error with a retry button when the streets fail to load', async () => {
  backend.answer('community.streets', { ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后重试' } });
  page = await renderPage('pages/register/index');
  expect(page.text()).toContain('网络异常，请稍后重试');
  expect(page.queryByText('提交注册')).toBeNull();

  backend.answer('community.streets', ok(STREETS));
  await page.tap('重试');
  expect(page.getByText('提交注册')).toBeTruthy();
});

test('says so when there is no community to choose', async () => {
  backend.answer('community.streets', ok([]));
  page = await renderPage('pages/register/index');

  expect(page.text()).toContain('暂无可选的社区');
  expect(page.queryByText('提交注册')).toBeNull();
});

test('sends party membership when the person says so', async () => {
  page = await renderPage('pages/register/index');
  await fillForm(page);
  await page.tap('中共党员');
  await page.tap('提交注册');

  expect(backend.calls('account.register')[0]).toMatchObject({ isPartyMember: true });
});
