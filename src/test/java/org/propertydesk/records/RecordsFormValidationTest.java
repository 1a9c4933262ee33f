package org.propertydesk.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.propertydesk.support.Html.errorAt;
import static org.propertydesk.support.Html.errorAtId;
import static org.propertydesk.support.Users.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.records.RecordsFixtures.SiteRef;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A form with a mistake comes back as it was typed, with the reason next to the field, and saves nothing.
 * Messages are the Chinese texts people see by default (messages_zh_CN.properties).
 */
@WebIntegrationTest
class RecordsFormValidationTest {

    static final String REQUIRED = "必填。";

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    Dates dates;

    RecordsFixtures fixtures;
    SiteRef site;
    PropertyDeskUser frontDesk;
    PropertyDeskUser admin;

    @BeforeEach
    void aSiteWithItsFrontDesk() {
        fixtures = new RecordsFixtures(context);
        site = fixtures.site();
        frontDesk = Users.frontDesk(site.id());
        admin = Users.admin();
    }

    // ---- site form ------------------------------------------------------------------------------------------------

    @Test
    void aSiteNeedsACodeAndAName() throws Exception {
        long before = fixtures.allSites();

        submit(admin, post("/records/sites").param("code", " ").param("name", "").param("propertyType", "RESIDENTIAL"))
                .andExpect(status().isOk())
                .andExpect(view().name("records/site-form"))
                .andExpect(errorAt("code", REQUIRED))
                .andExpect(errorAt("name", REQUIRED));

        assertThat(fixtures.allSites()).isEqualTo(before);
    }

    @Test
    void aSiteCodeIsLettersDigitsDashesAndUnderscoresOnly() throws Exception {
        long before = fixtures.allSites();

        submit(admin, post("/records/sites").param("code", "朝阳 1!").param("name", "朝阳花园").param("propertyType", "RESIDENTIAL"))
                .andExpect(status().isOk())
                .andExpect(errorAt("code", "只能包含字母、数字、横线和下划线。"));

        assertThat(fixtures.allSites()).isEqualTo(before);
    }

    @Test
    void twoSitesCannotShareACodeWhateverItsCase() throws Exception {
        long before = fixtures.allSites();

        submit(admin, post("/records/sites").param("code", site.code().toLowerCase()).param("name", "另一个花园")
                        .param("propertyType", "RESIDENTIAL"))
                .andExpect(status().isOk())
                .andExpect(errorAt("code", "该项目编码已被使用。"))
                .andExpect(content().string(containsString("value=\"另一个花园\""))); // what was fine is kept

        assertThat(fixtures.allSites()).isEqualTo(before);
    }

    // ---- building form --------------------------------------------------------------------------------------------

    @Test
    void aBuildingCodeIsUniqueOnItsSite() throws Exception {
        submit(admin, post("/records/sites/{id}/buildings", site.id()).param("code", "1").param("units", "1,2"))
                .andExpect(status().is3xxRedirection());
        long before = fixtures.buildingsAt(site.id());

        submit(admin, post("/records/sites/{id}/buildings", site.id()).param("code", "1"))
                .andExpect(status().isOk())
                .andExpect(view().name("records/sites"))
                .andExpect(errorAtId("bcode" + site.id(), "该项目下已有此楼栋编号。"));

        assertThat(fixtures.buildingsAt(site.id())).isEqualTo(before);
    }

    @Test
    void theSameBuildingCodeMayExistOnAnotherSite() throws Exception {
        SiteRef other = fixtures.site();
        submit(admin, post("/records/sites/{id}/buildings", other.id()).param("code", "1")).andExpect(status().is3xxRedirection());

        submit(admin, post("/records/sites/{id}/buildings", site.id()).param("code", "1")).andExpect(status().is3xxRedirection());

        assertThat(fixtures.buildingsAt(site.id())).isEqualTo(1);
    }

    @Test
    void aBuildingHasAtLeastOneFloor() throws Exception {
        submit(admin, post("/records/sites/{id}/buildings", site.id()).param("code", "2").param("floors", "0"))
                .andExpect(status().isOk())
                .andExpect(errorAtId("bfloors" + site.id(), "不能小于 1。"));

        assertThat(fixtures.buildingsAt(site.id())).isZero();
    }

    @Test
    void aBuildingsFloorsAreAWholeNumber() throws Exception {
        submit(admin, post("/records/sites/{id}/buildings", site.id()).param("code", "2").param("floors", "十"))
                .andExpect(status().isOk())
                .andExpect(errorAtId("bfloors" + site.id(), "请输入整数。"));

        assertThat(fixtures.buildingsAt(site.id())).isZero();
    }

    // ---- house form -----------------------------------------------------------------------------------------------

    @Test
    void aHouseNeedsARoom() throws Exception {
        submit(frontDesk, newHouse("3", "2", ""))
                .andExpect(status().isOk())
                .andExpect(view().name("records/house-form"))
                .andExpect(errorAt("roomNo", REQUIRED));

        assertThat(fixtures.housesAt(site.id())).isZero();
    }

    @Test
    void aHouseCodeIsUniqueOnItsSiteAndTheMessageIsAtTheRoom() throws Exception {
        fixtures.house(site.id(), "3", "2", "1502");

        submit(frontDesk, newHouse("3", "2", "1502"))
                .andExpect(status().isOk())
                .andExpect(errorAt("roomNo", "该项目下已有房屋 3-2-1502。"));

        assertThat(fixtures.housesAt(site.id())).isEqualTo(1);
    }

    @Test
    void aHousesAreaCannotBeNegative() throws Exception {
        submit(frontDesk, newHouse("3", "2", "1503").param("area", "-5"))
                .andExpect(status().isOk())
                .andExpect(errorAt("area", "不能小于 0.01。"));

        assertThat(fixtures.housesAt(site.id())).isZero();
    }

    @Test
    void aHousesAreaIsANumber() throws Exception {
        submit(frontDesk, newHouse("3", "2", "1503").param("area", "八十九"))
                .andExpect(status().isOk())
                .andExpect(errorAt("area", "请输入数字。"));

        assertThat(fixtures.housesAt(site.id())).isZero();
    }

    @Test
    void aHousesWarrantyCannotEndBeforeTheHandover() throws Exception {
        submit(frontDesk, newHouse("3", "2", "1504").param("handoverDate", "2024-06-01").param("warrantyEnd", "2024-05-31"))
                .andExpect(status().isOk())
                .andExpect(errorAt("warrantyEnd", "保修截止日期不能早于交房日期。"));

        assertThat(fixtures.housesAt(site.id())).isZero();
    }

    @Test
    void frontDeskCannotCreateHousesOnSitesTheyDoNotServe() throws Exception {
        SiteRef other = fixtures.site();

        submit(frontDesk, post("/records/houses").param("siteId", String.valueOf(other.id())).param("buildingCode", "1")
                        .param("roomNo", "101").param("use", "RESIDENTIAL").param("status", "VACANT"))
                .andExpect(status().isOk())
                .andExpect(errorAt("siteId", "您不负责此项目。"));

        assertThat(fixtures.housesAt(other.id())).isZero();
    }

    @Test
    void editingAHouseWithABadAreaChangesNothing() throws Exception {
        long house = fixtures.house(site.id(), "3", "2", "1505");

        submit(frontDesk, post("/records/houses/{id}", house).param("area", "-1").param("use", "OFFICE").param("status", "VACANT"))
                .andExpect(status().isOk())
                .andExpect(view().name("records/house-form"))
                .andExpect(errorAt("area", "不能小于 0.01。"));

        House unchanged = context.getBean(HouseRepository.class).findById(house).orElseThrow();
        assertThat(unchanged.getUse()).isEqualTo(HouseUse.RESIDENTIAL);
        assertThat(unchanged.getArea()).isEqualByComparingTo("89.50");
    }

    // ---- customer form --------------------------------------------------------------------------------------------

    @Test
    void aCustomerNeedsAName() throws Exception {
        submit(frontDesk, newCustomer("  ", RecordsFixtures.uniqueMobile()))
                .andExpect(status().isOk())
                .andExpect(view().name("records/customer-form"))
                .andExpect(errorAt("name", REQUIRED));

        assertThat(fixtures.customersAt(site.id())).isZero();
    }

    @Test
    void aCustomersPhoneNumberMustLookLikeOne() throws Exception {
        submit(frontDesk, newCustomer("王芳", "138abc"))
                .andExpect(status().isOk())
                .andExpect(errorAt("phones[0]", "电话号码无效：应为 5 到 15 位数字，可含空格、+ 和 -。"));

        assertThat(fixtures.customersAt(site.id())).isZero();
    }

    @Test
    void aCustomerNeedsAtLeastOnePhoneNumber() throws Exception {
        submit(frontDesk, newCustomer("王芳", ""))
                .andExpect(status().isOk())
                .andExpect(errorAt("phones[0]", "请至少填写一个电话号码。"));

        assertThat(fixtures.customersAt(site.id())).isZero();
    }

    @Test
    void aCustomersEmailAddressMustBeOne() throws Exception {
        submit(frontDesk, newCustomer("王芳", RecordsFixtures.uniqueMobile()).param("email", "wang.at.example"))
                .andExpect(status().isOk())
                .andExpect(errorAt("email", "邮箱地址格式不正确。"));

        assertThat(fixtures.customersAt(site.id())).isZero();
    }

    @Test
    void aCustomersBirthdayIsInThePast() throws Exception {
        submit(frontDesk, newCustomer("王芳", RecordsFixtures.uniqueMobile()).param("birthday", dates.today().plusDays(1).toString()))
                .andExpect(status().isOk())
                .andExpect(errorAt("birthday", "须为过去的日期。"));

        assertThat(fixtures.customersAt(site.id())).isZero();
    }

    @Test
    void aBirthdayThatIsNotADateIsRefusedAtTheField() throws Exception {
        submit(frontDesk, newCustomer("王芳", RecordsFixtures.uniqueMobile()).param("birthday", "1990-13-45"))
                .andExpect(status().isOk())
                .andExpect(errorAt("birthday", "请按 年-月-日 格式输入日期。"));

        assertThat(fixtures.customersAt(site.id())).isZero();
    }

    @Test
    void editingACustomerWithABadEmailChangesNothing() throws Exception {
        String phone = RecordsFixtures.uniqueMobile();
        long customer = fixtures.customer(site.id(), "王芳", phone);

        submit(frontDesk, post("/records/customers/{id}", customer).param("siteId", String.valueOf(site.id()))
                        .param("type", "PERSON").param("valueTier", "ORDINARY").param("name", "王芳芳")
                        .param("phones[0]", phone).param("email", "not-an-email"))
                .andExpect(status().isOk())
                .andExpect(errorAt("email", "邮箱地址格式不正确。"));

        assertThat(context.getBean(CustomerRepository.class).findById(customer).orElseThrow().getName()).isEqualTo("王芳");
    }

    // ---- occupancy form (on the customer page) --------------------------------------------------------------------

    @Test
    void aHouseMustBeWrittenInHouseNotation() throws Exception {
        long customer = fixtures.customer(site.id(), "李娜");

        submit(frontDesk, moveIn(customer, "3--1502"))
                .andExpect(status().isOk())
                .andExpect(view().name("records/customer"))
                .andExpect(errorAt("houseCode", "请按“楼栋-单元-室号”填写，如 3-2-1502；无单元则为“楼栋-室号”，如 A-1502。"));

        assertThat(fixtures.occupanciesOf(customer)).isZero();
    }

    @Test
    void anUnknownHouseIsNamedInTheMessage() throws Exception {
        long customer = fixtures.customer(site.id(), "李娜");

        submit(frontDesk, moveIn(customer, "99-9-9999"))
                .andExpect(status().isOk())
                .andExpect(errorAt("houseCode", "此项目下没有房屋 99-9-9999。"));

        assertThat(fixtures.occupanciesOf(customer)).isZero();
    }

    @Test
    void movingInNeedsAHouse() throws Exception {
        long customer = fixtures.customer(site.id(), "李娜");

        submit(frontDesk, moveIn(customer, ""))
                .andExpect(status().isOk())
                .andExpect(errorAt("houseCode", REQUIRED));

        assertThat(fixtures.occupanciesOf(customer)).isZero();
    }

    @Test
    void aHouseWrittenAsPeopleSayItIsFound() throws Exception {
        long customer = fixtures.customer(site.id(), "李娜");
        fixtures.house(site.id(), "3", "2", "1502");

        submit(frontDesk, moveIn(customer, "3栋2单元1502室"))
                .andExpect(redirectedUrl("/records/customers/" + customer));

        assertThat(fixtures.occupanciesOf(customer)).isEqualTo(1);
    }

    // ---- communication form ---------------------------------------------------------------------------------------

    @Test
    void aCommunicationNeedsASummary() throws Exception {
        long customer = fixtures.customer(site.id(), "张伟");

        submit(frontDesk, post("/records/customers/{id}/communications", customer).param("channel", "CALL")
                        .param("direction", "INBOUND").param("summary", "   "))
                .andExpect(status().isOk())
                .andExpect(view().name("records/customer"))
                .andExpect(errorAt("summary", REQUIRED));

        assertThat(fixtures.communicationsOf(customer)).isZero();
    }

    // ---- house history form ---------------------------------------------------------------------------------------

    @Test
    void aHouseHistoryEntryNeedsText() throws Exception {
        long house = fixtures.house(site.id(), "3", "2", "0101");

        submit(frontDesk, history(house, dates.today(), ""))
                .andExpect(status().isOk())
                .andExpect(view().name("records/house"))
                .andExpect(errorAt("text", REQUIRED));

        assertThat(fixtures.historyOf(house)).isZero();
    }

    @Test
    void aHouseHistoryEntryCannotBeDatedInTheFuture() throws Exception {
        long house = fixtures.house(site.id(), "3", "2", "0101");

        submit(frontDesk, history(house, dates.today().plusDays(1), "外墙渗水，已报保修"))
                .andExpect(status().isOk())
                .andExpect(errorAt("entryDate", "不能晚于今天。"));

        assertThat(fixtures.historyOf(house)).isZero();
    }

    @Test
    void aHouseHistoryEntryDatedTodayIsKept() throws Exception {
        long house = fixtures.house(site.id(), "3", "2", "0101");

        submit(frontDesk, history(house, dates.today(), "外墙渗水，已报保修"))
                .andExpect(redirectedUrl("/records/houses/" + house));

        assertThat(fixtures.historyOf(house)).isEqualTo(1);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private ResultActions submit(PropertyDeskUser user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).with(as(user)));
    }

    private MockHttpServletRequestBuilder newHouse(String building, String unit, String room) {
        return post("/records/houses").param("siteId", String.valueOf(site.id())).param("buildingCode", building)
                .param("unitCode", unit).param("roomNo", room).param("use", "RESIDENTIAL").param("status", "VACANT");
    }

    private MockHttpServletRequestBuilder newCustomer(String name, String phone) {
        return post("/records/customers").param("siteId", String.valueOf(site.id())).param("type", "PERSON")
                .param("valueTier", "ORDINARY").param("name", name).param("phones[0]", phone);
    }

    private MockHttpServletRequestBuilder moveIn(long customer, String houseCode) {
        return post("/records/customers/{id}/occupancies", customer).param("siteId", String.valueOf(site.id()))
                .param("houseCode", houseCode).param("role", "OWNER").param("startDate", dates.today().toString());
    }

    private MockHttpServletRequestBuilder history(long house, LocalDate date, String text) {
        return post("/records/houses/{id}/history", house).param("kind", "WARRANTY").param("entryDate", date.toString())
                .param("text", text);
    }
}
