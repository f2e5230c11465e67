/**
 * 隐私政策: what the mini-program collects, why, who sees it, where it is kept and how to have it
 * corrected or deleted. In the main package (reachable before any sign-in) and linked from the report
 * page, next to the purpose notes of the phone and photo fields. The same items must be declared in
 * the MP console's 用户隐私保护指引 (location, photos/album, phone number typed by the user).
 */
import { Text, View } from '@tarojs/components';
import { withTextScale } from '../../ui/withTextScale';
import './index.css';

export const PRIVACY_UPDATED = '2026年12月5日';

interface Section {
  heading: string;
  paragraphs: string[];
}

export const PRIVACY_SECTIONS: readonly Section[] = [
  {
    heading: '一、我们收集哪些信息，用来做什么',
    paragraphs: [
      '位置信息：您上报问题时，经您同意获取当前位置，用于标注问题发生的地点、推荐附近的小区；工作人员到场时用于到场打卡核验。不上传位置也可以上报（以小区位置代替）。',
      '照片：您主动拍摄或选择的现场照片，用于帮助处置人员了解现场情况、核实处置结果。',
      '联系电话（选填）：仅用于处置人员联系您核实情况。',
      '问题描述：您填写的文字，用于派单和处置。',
      '微信身份标识：用于识别您的身份、让您查看自己上报的问题，以及在您同意后发送办理进度的订阅消息。',
    ],
  },
  {
    heading: '二、谁能看到这些信息',
    paragraphs: [
      '您的联系电话、照片和问题描述只对负责处置该问题的网格员、社区/街道和相关部门工作人员可见（您同意公示的照片和描述除外，见下条）。',
      '其他居民、物业公司（涉及物业自身行为的投诉）和公开页面看不到您的姓名、电话和身份标识；只有在您勾选“允许在业主群公示照片和问题描述”后，照片和（问题办结后）问题描述才会在业主群的公示中出现；公示不含您的姓名、电话和身份标识，描述中的手机号、身份证号会自动隐去。问题办结后，公示中还会展示处置单位的办理结果和整改后照片。',
      '您选择“对处置人员隐藏我的姓名”后，处置人员也看不到您的姓名。',
    ],
  },
  {
    heading: '三、信息的保存',
    paragraphs: [
      '信息保存在中华人民共和国境内的腾讯云开发（CloudBase）服务中，仅本小程序的云函数可以读写。',
      '上传后未用于任何上报的照片在一天后自动删除。问题办结后的记录按政务服务档案要求保存。',
      '文字和图片会经过微信内容安全服务检查，以防违法违规内容。',
    ],
  },
  {
    heading: '四、您的权利',
    paragraphs: [
      '您可以随时在“我的上报”中查看自己上报的问题和处理过程。',
      '如需更正或删除您的联系电话等个人信息，或撤回位置等授权（可在微信“设置—隐私”中关闭），可通过小区公告栏公布的社区联系电话与我们联系，我们将在15个工作日内处理。',
    ],
  },
  {
    heading: '五、未成年人',
    paragraphs: ['未满14周岁的未成年人请在监护人陪同下使用。'],
  },
];

function PrivacyPage() {
  return (
    <View className='privacy'>
      <Text className='privacy__title'>小区吹哨隐私政策</Text>
      <Text className='privacy__text muted'>更新日期：{PRIVACY_UPDATED}</Text>
      <Text className='privacy__text'>
        “小区吹哨”用于居民上报小区问题、相关单位按“社区吹哨、部门报到”机制处置。我们只收集处置问题所必需的信息，并说明每一项的用途。
      </Text>
      {PRIVACY_SECTIONS.map((section) => (
        <View className='privacy__section' key={section.heading}>
          <Text className='privacy__heading'>{section.heading}</Text>
          {section.paragraphs.map((p) => (
            <Text className='privacy__text' key={p}>
              {p}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

// Large-text mode (issue 18 §6): the WeChat font-size setting scales the page (ui/TextScale).
export default withTextScale(PrivacyPage);
