"""Reports copied from web pages: the headline told apart from breadcrumbs, menus, kickers and subtitles,
and the publication date read from the page's metadata. The pages are made up, each of a pattern seen on
real news and government sites."""

from __future__ import annotations

import pytest

from lib.reading import pages
from lib.reading.articles import read_articles
from lib.reading.bylines import is_byline
from lib.reading.dates import article_year, written_dates
from tests.samples import real_texts


def one(text: str):
    articles = read_articles(text, source_file="page.txt")
    assert len(articles) == 1
    return articles[0]


BODY = "近年来，某某高新区坚持党建引领，推动非公企业党组织应建尽建，新建党组织12个，覆盖率达到95%。"

PAGES = [
    (
        "breadcrumb, menu, title, date and source",
        "首页 新闻中心 政务公开 办事服务 互动交流\n当前位置：首页 > 基层党建 > 正文\n\n某某高新区：党建引领园区高质量发展\n\n"
        "发布时间：2023年08月15日 10:20 来源：某某日报 浏览次数：321\n\n" + BODY,
        "某某高新区：党建引领园区高质量发展",
        "",
        "2023-08-15",
    ),
    (
        "kicker with commas above the title, byline with a box",
        "弱冠之年再出发，某某经开区亮出党建新品牌，全力打造一流园区\n红领经开引领建设新征程\n□某报驻某区首席记者 王明\n"
        + BODY,
        "红领经开引领建设新征程",
        "弱冠之年再出发，某某经开区亮出党建新品牌，全力打造一流园区",
        None,
    ),
    (
        "title then a shorter subtitle, nothing else to go by",
        "某某保税区2025年非公企业党组织组建工作成效显著\n\n党建引领聚合力 强基增效促发展\n\n" + BODY,
        "某某保税区2025年非公企业党组织组建工作成效显著",
        "党建引领聚合力 强基增效促发展",
        None,
    ),
    (
        "a menu padded with spaces above the title, its last items set apart by spaces only",
        "要闻        |        城市远洋       |        直观中国       |         原创        |        视频       融播报      房产\n"
        "某某经开区：深化楼宇党建 激发楼宇经济新活力\n2022-11-14 18:09:55来源：某某在线\n\n" + BODY,
        "某某经开区：深化楼宇党建 激发楼宇经济新活力",
        "",
        "2022-11-14",
    ),
    (
        "a kicker of clauses above a short headline, no byline or date to go by",
        "某某区民营工委“片区建党”带“单位建党”取得双丰收，某某片区联合党委成立\n某某片区党员有了新“家”\n\n"
        + BODY,
        "某某片区党员有了新“家”",
        "某某区民营工委“片区建党”带“单位建党”取得双丰收，某某片区联合党委成立",
        None,
    ),
    (
        "a today widget and a contact bar above the headline, the report's date labelled below it",
        "2025年3月18日 星期二\n本站热线:0755-27400000 | 邮箱:news@example.com | QQ:12345678 | 设为首页 | 添加收藏\n"
        "某某新区首家工地党建服务中心启用\n\n发布日期: 2018-06-07 16:41 [某某网]\n\n" + BODY,
        "某某新区首家工地党建服务中心启用",
        "",
        "2018-06-07",
    ),
    (
        "a joint event's second name on the line under the headline (暨…)",
        "园区资讯\n某某出口加工区举办庆祝新中国成立70周年主题活动\n暨党支部主题教育第三次学习研讨\n"
        "暨党支部主题教育第三次学习研讨\n" + BODY,  # the page repeats it
        "某某出口加工区举办庆祝新中国成立70周年主题活动",
        "暨党支部主题教育第三次学习研讨",
        None,
    ),
    (
        "title then an advert line",
        "某某经开区：以高质量党建赋能园区高质量发展\n\n区块链专栏\n\n" + BODY,
        "某某经开区：以高质量党建赋能园区高质量发展",
        "区块链专栏",
        None,
    ),
    (
        "a dashed subtitle between the title and the date",
        "澎湃的红色动力 激荡的经济活力\n——某某高新区非公企业党建调查\n2023-06-09| 互联网| 查看: 5| 评论: 0\n"
        + BODY,
        "澎湃的红色动力 激荡的经济活力",
        "——某某高新区非公企业党建调查",
        "2023-06-09",
    ),
    (
        "title printed twice, date and site on one line, original-title line",
        "某某经开区成立产业园党建联盟\n\n某某经开区成立产业园党建联盟\n2021年12月26日 19:23 某某新闻\n\n原标题：某某经开区成立产业园党建联盟\n\n"
        + BODY,
        "某某经开区成立产业园党建联盟",
        "",
        "2021-12-26",
    ),
    (
        "author, source and date on the byline",
        "某某经济开发区：“三生融合”赋能非公企业党建\n\n作者:张明 李华 来源:某某新闻网 2022-06-22 12:32:59\n\n"
        + BODY,
        "某某经济开发区：“三生融合”赋能非公企业党建",
        "",
        "2022-06-22",
    ),
    (
        "a site's today widget is not the date",
        "今天是：2025年12月04日 星期四\n国家级某某经济技术开发区\n聚焦党建新赛道，某某经开区开启“赛马”新模式\n\n"
        + BODY,
        "聚焦党建新赛道，某某经开区开启“赛马”新模式",
        "国家级某某经济技术开发区",
        None,
    ),
    (
        "an e-paper: page label, page tools and the page's other headlines above the date, then the title",
        "第A02版：要闻\n本版新闻列表\n某某日报社旗下媒体: 某某网 | 某某日报 | 某某晚报\n"
        "某某社区为网格员配备便民服务包——~~~\n2024年5月6日 星期一\n上一版1   3下一版\n放大 缩小 默认\n"
        "红色引擎驱动园区发展\n" + BODY,
        "红色引擎驱动园区发展",
        "",
        "2024-05-06",
    ),
    (
        "an e-paper's page label with the paper's name and a Chinese page number, the date, then the title",
        "\n某某报三版:社区·广角\n\n2025年06月18日\n跨域融“新” 乐享园区嘉年华\n" + BODY,
        "跨域融“新” 乐享园区嘉年华",
        "",
        "2025-06-18",
    ),
    (
        "a government site's greeting ends with a bang, the title under it",
        "某某市人民政府门户网站欢迎您!\n\n某某高新区非公企业党建见实效\n\n发布日期:2022-06-20\n\n" + BODY,
        "某某高新区非公企业党建见实效",
        "",
        "2022-06-20",
    ),
    (
        "who posted the page, on a line between the title and the date",
        "某某经济开发区：党建引领企业发展\n信息发布者:某某网友\n2019-05-18 15:37:11   转载\n" + BODY,
        "某某经济开发区：党建引领企业发展",
        "",
        "2019-05-18",
    ),
    (
        "a photo caption that shares nothing with the report stands between the title and the byline",
        "某某高新区推进非公企业党组织应建尽建\n\n签约仪式合影留念\n\n本报记者 王明\n\n" + BODY,
        "某某高新区推进非公企业党组织应建尽建",
        "",
        None,
    ),
    (
        "the title and the page's metadata on one line",
        "|\n|\n某某片区产业链联合党委揭牌成立 | 来源:某某市人民政府 点击数:58次 更新时间:2025/9/7 10:54:53 |\n"
        + BODY,
        "某某片区产业链联合党委揭牌成立",
        "",
        "2025-09-07",
    ),
    (
        "a column tag in brackets before the headline goes to the kicker",
        "【园区党建】某某产业园，“红色引擎”马力全开！\n2023-05-06\n" + BODY,
        "某某产业园，“红色引擎”马力全开！",
        "园区党建",
        "2023-05-06",
    ),
    (
        "a company site's greeting above the breadcrumb and the headline",
        "欢迎登陆某某科技股份有限公司官网！\n您的位置:首页 > 企业党建\n热烈祝贺某某经济开发区党建联盟成立\n"
        "来源: 时间:2023/11/28\n" + BODY,
        "热烈祝贺某某经济开发区党建联盟成立",
        "",
        "2023-11-28",
    ),
    (
        "an e-paper's masthead and menu far above the headline, the byline right under it",
        "国内统一刊号:CN00-0000  http://www.example.cn  E-mail:news@example.cn\n\n点击某某日报\n\n关注某某热点\n\n"
        "示范带动 结对共建\n\n某某工业园区“一助一”推进党建工建\n\n通讯员 张明\n\n" + BODY,
        "某某工业园区“一助一”推进党建工建",
        "示范带动 结对共建",
        None,
    ),
    (
        "a scene caption between the headline and the byline",
        "某某产业园大力推进非公企业党建全覆盖\n\n··\n\n座谈会现场\n\n  某某网记者 王明 通讯员 李华 某某报道\n\n"
        + BODY,
        "某某产业园大力推进非公企业党建全覆盖",
        "",
        None,
    ),
    (
        "a metadata line whose fields are split by bars is not a headline and its metadata",
        "当前位置:首页 > 基层党建 > 正文\n【“某某”提升年】某某县:“链”上党建激发新动能\n"
        "发布日期:2023-08-22   |  来源:某某日报   | 字体大小:【\n\n" + BODY,
        "某某县:“链”上党建激发新动能",
        "“某某”提升年",
        "2023-08-22",
    ),
    (
        "a site name glued to the headline by a hyphen",
        "某某工业园区:“同心”党建联盟推动企业融合发展-今日精选\n\n某某网2023-05-19 12:11:18\n\n" + BODY,
        "某某工业园区:“同心”党建联盟推动企业融合发展",
        "",
        "2023-05-19",
    ),
    (
        "the page's keywords under the date, a long column tag in brackets, a toolbar with the source",
        "[在某某精神指引下——作示范 勇争先 谱新篇 ] 某某区:把支部建在产业链上\n"
        "排行榜 收藏 打印 发给朋友 举报 来源: 某某新闻网 发布者:某某小编\n"
        "热度199票  浏览50次 【共0条评论】【我要评论】 时间:2021年12月14日 09:03\n关键词:党建 产业链\n\n"
        + BODY,
        "某某区:把支部建在产业链上",
        "在某某精神指引下——作示范 勇争先 谱新篇",
        "2021-12-14",
    ),
    (
        "a document's file name and page number as the headline",
        "某某园区党建工作调研报告.doc_第1页\n\n2023-05-19\n\n" + BODY,
        "某某园区党建工作调研报告",
        "",
        "2023-05-19",
    ),
    (
        "an aggregator's 头条 column after a space at the end of the headline",
        "某某开发区:筑牢“红色堡垒” 赋能产业集群 环球今头条\n\n2023-05-19\n\n" + BODY,
        "某某开发区:筑牢“红色堡垒” 赋能产业集群",
        "",
        "2023-05-19",
    ),
    (
        "a column set off by a vertical bar before the headline",
        "热点头条丨某某示范区“红色服务官”激发项目建设热情\n\n2023-05-19\n\n" + BODY,
        "某某示范区“红色服务官”激发项目建设热情",
        "热点头条",
        "2023-05-19",
    ),
    (
        "a chapter number before a headline copied from a collection",
        "第18章 某某工业园区党建示范园区创建活动\n\n2023-05-19\n\n" + BODY,
        "某某工业园区党建示范园区创建活动",
        "",
        "2023-05-19",
    ),
    (
        "a date written day.month.year",
        "省委组织部调研新区非公经济党建工作\n\n17.06.2015  11:35\n\n" + BODY,
        "省委组织部调研新区非公经济党建工作",
        "",
        "2015-06-17",
    ),
    (
        "a date and its source on one line with a bar",
        "某网\n\n某某园区打造人才高地\n\n2023年11月30日10:00 | 来源:某网-北京频道\n\n" + BODY,
        "某某园区打造人才高地",
        "",
        "2023-11-30",
    ),
    (
        "a WeChat page: the headline, then the account's name right above the date",
        "查看原文\n其他\n\n坚持党建引领，新建党组织\n\n高新区委组织部 车谷引擎\n2024-10-25\n\n" + BODY,
        "坚持党建引领，新建党组织",
        "",
        "2024-10-25",
    ),
    (
        "a repost opening with its original headline and a scraper's debris after it",
        "原标题:某某高新区党建引领发展, f F) @) J3 P! {\n" + BODY,
        "某某高新区党建引领发展",
        "",
        None,
    ),
    (
        "a repost with a reading-time line above and its headline labelled below the text",
        "本篇文章262字,读完约1分钟\n\n"
        + BODY
        + "\n\n标题:“某县成立园区党建联盟”\n\n地址:http://www.x.com/1.html\n",
        "某县成立园区党建联盟",
        "",
        None,
    ),
    (
        "a column label right under the headline, then the page's region and date",
        "某某高新区:党建引领破难题 精准施策促发展\n高新区动态\n所属地区:江苏-某市\n发布日期:2025年08月11日\n"
        + BODY,
        "某某高新区:党建引领破难题 精准施策促发展",
        "",
        "2025-08-11",
    ),
    (
        "a column name set off by a middle dot before the headline",
        "点位观察·“甲”“乙”牵手\n\n2023-05-06\n\n" + BODY,
        "“甲”“乙”牵手",
        "点位观察",
        "2023-05-06",
    ),
    (
        "a paper's name in book marks before the headline, a bar left alone after it",
        "《西太湖》五星联建创五优 某某园区表彰首批星级党组织 |\n时间:2020-04-14 19:21:15 来源:某某新闻 |\n|\n"
        + BODY,
        "五星联建创五优 某某园区表彰首批星级党组织",
        "《西太湖》",
        "2020-04-14",
    ),
    (
        "a lone arrow above the body is no headline; a document's title in book marks stays in the headline",
        "<\n《园区党建工作条例》正式施行\n\n2021-07-01\n\n" + BODY,
        "《园区党建工作条例》正式施行",
        "",
        "2021-07-01",
    ),
    (
        "a lone arrow above a page with no headline is not its title: the body's first words stand in",
        "<\n" + BODY,
        BODY[:30],
        "",
        None,
    ),
    (
        "a column name of two parts set off by a bar",
        "红色记忆 · 奋进百年 | 某街道孕育新产业\n\n2021-07-01\n\n" + BODY,
        "某街道孕育新产业",
        "红色记忆 · 奋进百年",
        "2021-07-01",
    ),
    (
        "an e-paper's page label in digits, then a lead-in line ending with a dash above the headline",
        "某某日报 数字报纸\n\n00012版:政治\n\n当党建遇上IT,看某某软件园如何凝聚年轻的心——\n\n“硅谷”来了党建指导员\n\n"
        + BODY,
        "“硅谷”来了党建指导员",
        "当党建遇上IT,看某某软件园如何凝聚年轻的心——",
        None,
    ),
    (
        "a series name closed by its circled number before the headline",
        "推动发展调研行·某县篇④某县:园区党旗红\n\n2019-08-29\n\n" + BODY,
        "某县:园区党旗红",
        "推动发展调研行·某县篇④",
        "2019-08-29",
    ),
    (
        "a circled number at the end or inside a headline stays in it",
        "园区“十大工程”之①：红色引擎发力\n\n2019-08-29\n\n" + BODY,
        "园区“十大工程”之①：红色引擎发力",
        "",
        "2019-08-29",
    ),
    (
        "a long headline with a dot in it keeps it",
        "某区学习贯彻党的二十大精神专题研讨班·系列访谈\n\n2023-05-06\n\n" + BODY,
        "某区学习贯彻党的二十大精神专题研讨班·系列访谈",
        "",
        "2023-05-06",
    ),
    (
        "a label with nothing after it above the page",
        "时间:  \n某某园区成立党群服务中心\n\n2019-02-22\n\n" + BODY,
        "某某园区成立党群服务中心",
        "",
        "2019-02-22",
    ),
    (
        "the time a site archived the page is not its date: the date of the source line is",
        "归档时间:2024-02-26\n园区党建引领发展再上新台阶\n来源:某某日报   2023-04-06 16:25\n" + BODY,
        "园区党建引领发展再上新台阶",
        "",
        "2023-04-06",
    ),
    (
        "a zone's name alone above the headline is its kicker",
        "中国共产党新闻网>>党建\n分享\n\n大连某某经济技术开发区\n\n链上聚合力 融合促发展\n\n2025年11月20日13:36 来源:某某报\n\n"
        + BODY,
        "链上聚合力 融合促发展",
        "大连某某经济技术开发区",
        "2025-11-20",
    ),
    (
        "an organisation's name alone under the headline is its kicker, not the headline",
        "服务文创当先锋 美丽事业争一流\n\n杭州市西湖区某某文化创意中心党委\n\n" + BODY,
        "服务文创当先锋 美丽事业争一流",
        "杭州市西湖区某某文化创意中心党委",
        None,
    ),
    (
        "a zone's name alone, with no other heading line, stays the headline",
        "大连某某经济技术开发区\n\n2025-11-20\n\n" + BODY,
        "大连某某经济技术开发区",
        "",
        "2025-11-20",
    ),
    (
        "a date in Chinese numerals under the headline, as official documents write it",
        "园区党建引领发展再上新台阶\n二〇二三年五月六日\n" + BODY,
        "园区党建引领发展再上新台阶",
        "",
        "2023-05-06",
    ),
    (
        "an app feed's line of the site and how long ago it posted, above the headline",
        "某某日报 13小时前\n园区党建引领发展再上新台阶\n" + BODY,
        "园区党建引领发展再上新台阶",
        "",
        None,
    ),
    (
        "a short headline over a longer subtitle that echoes the lead: the line closer to the lead wins",
        "园企携手聚合力 结对共建开新局\n某某高新区坚持党建引领推动非公企业党组织应建尽建\n" + BODY,
        "某某高新区坚持党建引领推动非公企业党组织应建尽建",
        "园企携手聚合力 结对共建开新局",
        None,
    ),
]


@pytest.mark.parametrize(("case", "text", "title", "kicker", "date"), PAGES, ids=[p[0] for p in PAGES])
def test_web_page_headline_and_date(case, text, title, kicker, date):
    art = one(text)
    assert (art.title, art.kicker, art.date) == (title, kicker, date)
    assert art.body[0].text.startswith("近年来") and len(art.body) == 1  # no chrome left in the body


def test_an_exclaimed_sentence_not_above_a_date_stays_body():
    art = one("某某园区党建工作综述\n\n干劲十足！\n\n" + BODY)
    assert art.title == "某某园区党建工作综述" and [p.text for p in art.body][0] == "干劲十足！"


@pytest.mark.parametrize(
    ("page", "title", "date"),
    [
        (  # a label on each line, its value under it, below the headline
            "某某经济技术开发区党工委学习制度解读\n索引号\n610000123/2021-00010\n文号\n关键词\n发布机构\n"
            "经济开发区\n公开形式\n主动公开\n生成日期\n2021-11-23 19:11:29\n是否有效\n\n",
            "某某经济技术开发区党工委学习制度解读",
            "2021-11-23",
        ),
        (  # label:value cells on one line, separated by |, above the headline
            "索引号:abc/2023-240059 | 主题分类:综合政务 | 发布机构:经济开发区 |\n发文日期:2022-07-29 | ||\n"
            "名称:开发区:发挥党建引领作用,助力企业发展 |\n开发区:发挥党建引领作用,助力企业发展\n",
            "开发区:发挥党建引领作用,助力企业发展",
            "2022-07-29",
        ),
    ],
)
def test_a_disclosure_table_is_left_out_and_its_date_read(page, title, date):
    art = one(page + BODY)
    assert (art.title, art.date) == (title, date)
    assert art.body[0].text == BODY


def test_a_sentence_with_a_label_and_a_bar_is_text():
    # made up: a label word and a | in a sentence of the report is no disclosure table
    art = one("某某园区召开会议\n\n" + BODY + "\n园区名称:红帆驿站 | 已建成并投入使用，服务企业。")
    assert [p.text for p in art.body][
        -1
    ] == "园区名称：红帆驿站 | 已建成并投入使用，服务企业。"  # colon made full-width


def test_a_label_word_in_a_sentence_is_text():
    art = one("某某园区召开会议\n\n" + BODY + "\n责任部门\n各部门要落实责任。")
    assert [p.text for p in art.body] == [BODY, "各部门要落实责任。"]  # no value under a label in a table


def test_a_lead_sentence_without_its_full_stop_is_no_headline():
    lead = "近日,某某高新区举办建党100周年系列活动发布会暨某某党建主题公园开园仪式"
    art = one(f"某某党建主题公园开园\n\n{lead}\n\n" + BODY)
    assert art.title == "某某党建主题公园开园"
    assert art.body[0].text.startswith("近日")


def test_a_page_without_a_headline_starts_with_its_body():
    art = one(BODY + "\n\n" + BODY.replace("12", "15"))
    assert art.title == BODY[:30] and len(art.body) == 2


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("今日，某区召开庆祝中国共产党成立101周年表彰大会。", 2022),
        ("在建党100周年之际，某区表彰优秀党员。", 2021),
        ("在建党百年之际，某区表彰优秀党员。", 2021),  # Chinese numerals
        ("某区庆祝中国共产党成立一百零二周年。", 2023),
        ("迎接新中国成立七十周年，某区开展活动。", 2019),
        ("2019年以来，某区新建党组织20个；2020年制定2022—2024年计划。", 2020),
        ("2020年制定2022至2024年计划。", 2020),  # a span written with 至 too
        ("园区企业从2018年的89家增至2021年的167家。", 2021),  # 增至 a year: a figure's date, not a span's end
        ("在建党95周年之际，园区表彰党员，力争到2020年园区企业党组织全覆盖。", 2016),  # a goal's year
        ("2023年园区产值100亿元，预计2025年翻番。", 2023),
        ("到2020年底，园区已建成党群服务中心3个。", None),  # only a goal's year (or a past one: not told)
        ("没有年份。", None),
        # a national campaign or meeting dates a report: that year or later (dates.json "campaigns")
        ("园区深入开展“不忘初心、牢记使命”主题教育。", 2019),
        ("党史学习教育开展以来，园区为企业办实事50件。", 2021),
        ("黨史學習教育開展以來，園區為企業辦實事50件。", 2021),  # traditional characters
        ("园区党工委组织学习二十届三中全会精神。", 2024),
        ("园区深入学习十九届三中、四中、五中全会精神。", 2020),  # the latest plenum of a list
        ("2018年成立的联盟，在党史学习教育中为企业办实事。", 2021),  # a later campaign beats an earlier year
        ("园区2023年产值增长，党员学习“两学一做”。", 2023),  # an earlier campaign never lowers the year
        ("园区实施二十大工程。", None),  # twenty great projects, not the Party's 20th congress
        ("园区认真学习贯彻党的二十大精神。", 2022),
        # made up: a year's review is held after that year (dates.json "reviews"); a year's plan is not
        ("园区召开2020年度党组织书记抓基层党建述职评议会。", 2021),
        ("園區黨工委召開了2022年度綜合目標考核表彰大會。", 2023),  # traditional characters
        ("园区印发2024年度工作要点，2023年新建党组织12个。", 2024),  # its own year, not the next
        ("2024年度，园区新建党组织12个。", 2024),  # a year's figure, no review
    ],
)
def test_article_year_without_a_date(text, year):
    assert article_year(text) == year


def test_a_site_name_after_the_headline_is_kept_as_the_pages_source():
    art = one("以高质量党建引领高新区发展 | 某某新闻网\n\n" + BODY)
    assert (art.title, art.page_meta) == ("以高质量党建引领高新区发展", "网站：某某新闻网")


def _kind_pattern_by_pattern(line: str) -> str | None:
    stripped = line.strip()
    if not stripped or is_byline(stripped):
        return None
    return next((kind for p, kind in pages.load_rules().patterns if p.fullmatch(stripped)), None)


def test_the_one_pattern_of_all_clutter_rules_drops_no_line_a_rule_would_match():
    assert pages.load_rules().any_line is not None  # the shipped rules can be joined
    lines = [line for text in real_texts() for line in text.split("\n")] + [
        "当前位置：首页 > 基层党建 > 正文",
        "发布时间：2023年08月15日 10:20 来源：某某日报 浏览次数：321",
        "首页 新闻中心 政务公开 办事服务 互动交流",
        "12:30",
        "分享到：微信 微博",
        "本报记者 李争粉 特约通讯员 魏志强 沈丹萍",
    ]
    kinds = [pages.line_kind(line) for line in lines]
    assert kinds == [_kind_pattern_by_pattern(line) for line in lines]
    assert {"meta", "clutter"} <= set(kinds)


def test_a_byline_the_clutter_rules_match_is_text():
    """The byline test comes after the one pattern of all rules (most lines fail that at once), so it
    decides only for lines a rule matches: this byline is matched as a menu, and is still text."""
    line = "本报记者 李争粉 特约通讯员 魏志强 沈丹萍"
    assert pages.load_rules().any_line.fullmatch(line) and is_byline(line)
    assert pages.line_kind(line) is None


@pytest.mark.parametrize("text", ["一二三四年五月六日", "二〇二三年十三月六日", "二〇二三年"])
def test_chinese_numerals_that_are_no_date_give_none(text):
    # made up: digits that are no plausible year, a month past twelve, a year alone
    assert written_dates(text) == []
