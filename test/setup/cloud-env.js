/**
 * The CloudBase environment id compiled into the test builds of the weapp (TARO_APP_CLOUD_ENV,
 * config/cloud.ts), unless the build's environment names one. The production-path harness
 * (test/production) starts its loopback CloudBase server under the same id, so the fileIDs the
 * emulated wx.cloud answers are in the functions' own environment. Shaped like a real env id.
 * Plain CommonJS: read by the jest global setup too.
 */
const HARNESS_CLOUD_ENV = 'xqcs-test-4f6a8b';

/** What the global setup builds with: the environment's own value wins. */
function buildCloudEnv(env = process.env) {
  return (env.TARO_APP_CLOUD_ENV || '').trim() || HARNESS_CLOUD_ENV;
}

/**
 * The subscribe-message template ids compiled into the test weapp build (SUBSCRIBE_TEMPLATES, the
 * setting the notify function reads too), shaped like console ids. The harness gives the notify
 * function the same JSON.
 */
const HARNESS_SUBSCRIBE_TEMPLATES = { staffTodo: 'tmpl-staff-todo-harness', residentProgress: 'tmpl-resident-progress-harness' };

function buildSubscribeTemplates(env = process.env) {
  return (env.SUBSCRIBE_TEMPLATES || '').trim() || JSON.stringify(HARNESS_SUBSCRIBE_TEMPLATES);
}

module.exports = { HARNESS_CLOUD_ENV, HARNESS_SUBSCRIBE_TEMPLATES, buildCloudEnv, buildSubscribeTemplates };
