package org.propertydesk.affairs;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A column of a bill file from the finance system. Headers are part of the file format, not translations: a file
 * written in Chinese or English imports whatever language the screen is in, with the variants finance exports use.
 */
enum BillImportColumn {
    SITE_CODE("site_code", "项目编码", true, "site", "项目代码", "小区编码"),
    HOUSE("house", "房号", true, "house_code", "房屋", "房屋编号"),
    FEE_ITEM("fee_item", "收费项目", true, "item", "费用项目", "费项", "收费项目名称"),
    PERIOD("period", "账期", true, "billing_period", "所属期间", "期间", "计费周期", "所属月份"),
    AMOUNT_DUE("amount_due", "应收金额", true, "due", "应收", "应缴金额"),
    AMOUNT_PAID("amount_paid", "实收金额", false, "paid", "实收", "已缴金额"),
    DUE_DATE("due_date", "缴费截止日", true, "截止日期", "应缴日期", "到期日");

    private final String englishHeader;
    private final String chineseHeader;
    private final boolean required;
    private final List<String> accepted;

    BillImportColumn(String englishHeader, String chineseHeader, boolean required, String... aliases) {
        this.englishHeader = englishHeader;
        this.chineseHeader = chineseHeader;
        this.required = required;
        this.accepted = Stream.concat(Stream.of(englishHeader, chineseHeader), Stream.of(aliases))
                .map(BillImportColumn::normalise).toList();
    }

    public String getEnglishHeader() {
        return englishHeader;
    }

    public String getChineseHeader() {
        return chineseHeader;
    }

    public boolean isRequired() {
        return required;
    }

    String header(Locale locale) {
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? chineseHeader : englishHeader;
    }

    String bothHeaders() {
        return chineseHeader + " / " + englishHeader;
    }

    boolean matches(String header) {
        return accepted.contains(normalise(header));
    }

    /** "Amount due", "AMOUNT_DUE" and "应收金额*" (a required mark copied from the page) are one header. */
    private static String normalise(String header) {
        return header == null ? "" : header.replaceAll("[\\s_\\-*＊]", "").toLowerCase(Locale.ROOT);
    }
}
