package org.propertydesk.records;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A column of the import and export files. The headers are part of the file format, not translations: a file written
 * in Chinese or English must keep importing whatever language the reader's screen is in, so both are fixed here, with
 * the variants people commonly type.
 */
enum ImportColumn {
    SITE_CODE("site_code", "项目编码", "site", "项目代码", "小区编码"),
    HOUSE("house", "房号", "house_code", "房屋", "房屋编号"),
    FLOOR("floor", "楼层"),
    AREA("area", "面积", "建筑面积"),
    USE("use", "用途", "house_use"),
    STATUS("status", "状态", "房屋状态"),
    HANDOVER_DATE("handover_date", "交房日期"),
    WARRANTY_END("warranty_end", "保修截止", "保修截止日期"),
    NAME("name", "姓名", "名称", "客户姓名", "客户名称"),
    TYPE("type", "类型", "customer_type", "客户类型"),
    PHONES("phones", "电话", "phone", "电话号码", "手机", "手机号"),
    EMAIL("email", "邮箱", "电子邮箱"),
    ID_NUMBER("id_number", "证件号", "证件号码", "身份证号"),
    VALUE_TIER("value_tier", "价值等级"),
    ROLE("role", "身份", "住户身份"),
    START_DATE("start_date", "入住日期"),
    PRIMARY_CONTACT("primary_contact", "主要联系人", "primary");

    private final String englishHeader;
    private final String chineseHeader;
    private final List<String> accepted;

    ImportColumn(String englishHeader, String chineseHeader, String... aliases) {
        this.englishHeader = englishHeader;
        this.chineseHeader = chineseHeader;
        this.accepted = Stream.concat(Stream.of(englishHeader, chineseHeader), Stream.of(aliases))
                .map(ImportColumn::normalise).toList();
    }

    String englishHeader() {
        return englishHeader;
    }

    String chineseHeader() {
        return chineseHeader;
    }

    /** The header written in templates and exports for a reader of this language. */
    String header(Locale locale) {
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? chineseHeader : englishHeader;
    }

    /** Both headers, for messages that must make sense whichever language the file was written in. */
    String bothHeaders() {
        return chineseHeader + " / " + englishHeader;
    }

    boolean matches(String header) {
        return accepted.contains(normalise(header));
    }

    /** "Site code", "SITE_CODE", "site-code" and "项目编码*" (a required mark copied from the page) are one header. */
    private static String normalise(String header) {
        return header == null ? "" : header.replaceAll("[\\s_\\-*＊]", "").toLowerCase(Locale.ROOT);
    }
}
