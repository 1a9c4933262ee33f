-- Reply templates (话术模板) the front desk starts from when answering inquiries.
insert into reply_template (category_id, title, body, language)
select c.id, t.title, t.body, t.language
from (values
    ('FEES', '物业费缴纳方式', '{customerName}您好，{site}的物业费可在物业服务中心前台、业主端或银行代扣缴纳，按季度收取。如需开具发票，请携带缴费凭证到前台办理。', 'zh-CN'),
    ('FEES', 'How to pay the service fee', 'Hello {customerName}, the service fee for {site} can be paid at the front desk, in the owner portal or by bank debit, quarterly. For an invoice, bring your receipt to the front desk.', 'en'),
    ('PARKING', '临时停车收费标准', '{customerName}您好，{site}临时停车首小时免费，之后每小时 5 元，单日最高 40 元。业主月卡可在前台办理。', 'zh-CN'),
    ('PARKING', 'Visitor parking charges', 'Hello {customerName}, visitor parking at {site} is free for the first hour, then 5 yuan per hour, at most 40 yuan a day. Owners can apply for a monthly pass at the front desk.', 'en'),
    ('DECORATION', '装修申请所需材料', '{customerName}您好，{house}装修前请携带房产证明、装修方案和施工单位资质到前台办理装修登记，审核通过后发放装修许可证。施工时间为工作日 8:00-12:00、14:00-18:00。', 'zh-CN'),
    ('DECORATION', 'Decoration permit', 'Hello {customerName}, before decorating {house} please bring proof of ownership, the decoration plan and the contractor''s licence to the front desk to register; the permit is issued once approved. Work hours are 8:00-12:00 and 14:00-18:00 on working days.', 'en'),
    ('OTHER', '通用答复', '{customerName}您好，感谢您的来电。您反映的情况我们已经记录，如有进一步需要请随时联系物业服务中心。', 'zh-CN'),
    ('OTHER', 'General answer', 'Hello {customerName}, thank you for calling. We have noted what you told us; contact the service centre any time if you need more.', 'en')
) as t(category_code, title, body, language)
join request_category c on c.code = t.category_code;
