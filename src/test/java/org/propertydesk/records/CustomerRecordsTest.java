package org.propertydesk.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propertydesk.support.Users.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.records.RecordsFixtures.SiteRef;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.support.BrowserSession;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The front desk's daily work on records: houses and who lives in them, the customer 360 page, what changed and who
 * changed it. Driven through the pages, as a front-desk agent of one site.
 */
@WebIntegrationTest
class CustomerRecordsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    Dates dates;

    @Autowired
    OccupancyRepository occupancies;

    @Autowired
    CustomerChangeRepository changes;

    RecordsFixtures fixtures;
    SiteRef site;
    PropertyDeskUser frontDesk;

    @BeforeEach
    void aSiteWithItsFrontDesk() {
        fixtures = new RecordsFixtures(context);
        site = fixtures.site();
        frontDesk = Users.frontDesk(site.id());
    }

    @Test
    void frontDeskCreatesAHouseAndRegistersItsOwnerFromTheHousePage() throws Exception {
        MvcResult created = mvc.perform(post("/records/houses").with(csrf()).with(as(frontDesk))
                        .param("siteId", id(site.id())).param("buildingCode", "3").param("unitCode", "2").param("roomNo", "1502")
                        .param("floor", "15").param("area", "89.5").param("use", "RESIDENTIAL").param("status", "OCCUPIED"))
                .andExpect(redirectedUrlPattern("/records/houses/*"))
                .andReturn();
        long house = idAtEndOf(created.getResponse().getRedirectedUrl());

        assertThat(page("/records/houses/" + house)).contains(site.name() + " 3-2-1502", "暂无住户记录。",
                "/records/customers/new?houseId=" + house);
        assertThat(page("/records/customers/new?houseId=" + house))
                .contains("新客户将登记为 " + site.name() + " 3-2-1502 的住户。")
                .contains("name=\"houseId\" value=\"" + house + "\"");

        String phone = RecordsFixtures.uniqueMobile();
        MvcResult registered = mvc.perform(post("/records/customers").with(csrf()).with(as(frontDesk))
                        .param("houseId", id(house)).param("siteId", id(site.id())).param("role", "OWNER")
                        .param("type", "PERSON").param("valueTier", "ORDINARY").param("name", "王建国").param("phones[0]", phone))
                .andExpect(redirectedUrlPattern("/records/customers/*"))
                .andReturn();
        long customer = idAtEndOf(registered.getResponse().getRedirectedUrl());
        String customerPage = mvc.perform(get("/records/customers/{id}", customer).with(as(frontDesk))
                        .with(BrowserSession.following(registered)))
                .andReturn().getResponse().getContentAsString();
        assertThat(customerPage).as("the next page confirms it").contains("客户 王建国 已创建。");

        assertThat(page("/records/houses/" + house)).contains("王建国", "业主", "主要联系人", PhoneNumbers.display(phone))
                .doesNotContain("暂无住户记录。");
        assertThat(page("/records/customers/" + customer)).contains(site.name() + " 3-2-1502");
    }

    @Test
    void theCustomerPageShowsHousesCoOccupantsCommunicationsAndChangeHistory() throws Exception {
        long house = fixtures.house(site.id(), "3", "2", "1502");
        long owner = fixtures.customerIn(house, "刘德明");
        long daughter = fixtures.customer(site.id(), "刘小红");
        fixtures.moveIn(daughter, site.id(), "3-2-1502", OccupancyRole.FAMILY_MEMBER, false);
        fixtures.communication(owner, "询问地下车位租金");

        assertThat(page("/records/customers/" + owner))
                .contains(site.name() + " 3-2-1502", "业主")                            // houses
                .contains("同住人", "刘小红", "3-2-1502 · 家庭成员", "/records/customers/" + daughter) // living with
                .contains("询问地下车位租金")                                             // communication log
                .contains("变更记录", "<strong>创建客户</strong>", "<strong>入住</strong>");      // change history
    }

    @Test
    void loggingACommunicationRecordsTheChannelAndTheAgent() throws Exception {
        long customer = fixtures.customer(site.id(), "张伟");

        mvc.perform(post("/records/customers/{id}/communications", customer).with(csrf()).with(as(frontDesk))
                        .param("channel", "WECHAT").param("direction", "OUTBOUND").param("summary", "通知周六停水"))
                .andExpect(redirectedUrl("/records/customers/" + customer));

        assertThat(page("/records/customers/" + customer)).contains("通知周六停水", "微信", "我方联系客户", frontDesk.displayName())
                .doesNotContain("暂无沟通记录。");
    }

    @Test
    void editingACustomerWritesOneChangeHistoryLinePerChangedField() throws Exception {
        String phone = RecordsFixtures.uniqueMobile();
        String secondPhone = RecordsFixtures.uniqueMobile();
        long customer = fixtures.customer(site.id(), "王芳", phone);

        mvc.perform(post("/records/customers/{id}", customer).with(csrf()).with(as(frontDesk))
                        .param("siteId", id(site.id())).param("type", "PERSON").param("valueTier", "ORDINARY")
                        .param("name", "王芳芳").param("phones[0]", phone).param("phones[1]", secondPhone)
                        .param("email", "wangfang@example.cn"))
                .andExpect(redirectedUrl("/records/customers/" + customer));

        List<CustomerChange> lines = changes.findByCustomer(customer, PageRequest.of(0, 50)).getContent();
        assertThat(lines).extracting(CustomerChange::getField, CustomerChange::getOldValue, CustomerChange::getNewValue)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("customer.name", "王芳", "王芳芳"),
                        org.assertj.core.groups.Tuple.tuple("customer.email", null, "wangfang@example.cn"),
                        org.assertj.core.groups.Tuple.tuple("customer.phones", phone, phone + ", " + secondPhone));
        assertThat(lines).filteredOn(line -> line.getField().startsWith("customer.") && !line.getField().startsWith("customer.change"))
                .as("only the changed fields").hasSize(3)
                .allSatisfy(line -> assertThat(line.getChangedBy()).isEqualTo(frontDesk.getUsername()));
        assertThat(page("/records/customers/" + customer)).contains("<del>王芳</del>", "王芳芳", "姓名/名称", "邮箱");
    }

    @Test
    void savingACustomerWithoutChangesWritesNoHistory() throws Exception {
        String phone = RecordsFixtures.uniqueMobile();
        long customer = fixtures.customer(site.id(), "赵丽", phone);
        long before = changes.findByCustomer(customer, PageRequest.of(0, 50)).getTotalElements();

        mvc.perform(post("/records/customers/{id}", customer).with(csrf()).with(as(frontDesk))
                        .param("siteId", id(site.id())).param("type", "PERSON").param("valueTier", "ORDINARY")
                        .param("name", "赵丽").param("phones[0]", phone))
                .andExpect(redirectedUrl("/records/customers/" + customer));

        assertThat(changes.findByCustomer(customer, PageRequest.of(0, 50)).getTotalElements()).isEqualTo(before);
    }

    @Test
    void movingOutEndsTheOccupancyAndKeepsItInTheHistory() throws Exception {
        long house = fixtures.house(site.id(), "3", "2", "1502");
        long customer = fixtures.customerIn(house, "孙悟");
        long occupancy = fixtures.occupancyId(customer, house);

        mvc.perform(post("/records/occupancies/{id}/move-out", occupancy).with(csrf()).with(as(frontDesk))
                        .param("customerId", id(customer)).param("endDate", dates.today().toString()))
                .andExpect(redirectedUrl("/records/customers/" + customer));

        Occupancy ended = occupancies.findById(occupancy).orElseThrow();
        assertThat(ended.getEndDate()).isEqualTo(dates.today());
        assertThat(ended.isCurrent()).isFalse();
        assertThat(ended.isPrimaryContact()).as("a former occupant is nobody's contact").isFalse();
        assertThat(page("/records/customers/" + customer)).contains("当前没有房屋。", "曾住房屋（1）", "<strong>迁出</strong>");
        assertThat(page("/records/houses/" + house)).as("the house still lists its former occupant").contains("孙悟",
                dates.today() + " – " + dates.today());
    }

    @Test
    void anOccupancyCanEndOnlyOnceAndNotBeforeItStarted() throws Exception {
        long house = fixtures.house(site.id(), "3", "2", "1503");
        long customer = fixtures.customerIn(house, "沙悟净");
        long occupancy = fixtures.occupancyId(customer, house);
        String customerPage = "http://localhost/records/customers/" + customer;

        MvcResult tooEarly = mvc.perform(post("/records/occupancies/{id}/move-out", occupancy).with(csrf()).with(as(frontDesk))
                        .header("Referer", customerPage).param("customerId", id(customer))
                        .param("endDate", dates.today().minusDays(1).toString()))
                .andExpect(redirectedUrl("/records/customers/" + customer))
                .andReturn();
        assertThat(flashError(tooEarly)).isEqualTo("occupancy.error.endBeforeStart");
        assertThat(occupancies.findById(occupancy).orElseThrow().isCurrent()).isTrue();

        mvc.perform(post("/records/occupancies/{id}/move-out", occupancy).with(csrf()).with(as(frontDesk))
                .param("customerId", id(customer))).andExpect(status().is3xxRedirection());
        MvcResult again = mvc.perform(post("/records/occupancies/{id}/move-out", occupancy).with(csrf()).with(as(frontDesk))
                        .header("Referer", customerPage).param("customerId", id(customer)))
                .andReturn();
        assertThat(flashError(again)).isEqualTo("occupancy.error.alreadyEnded");
    }

    @Test
    void theSameCustomerCannotHoldTheSameRoleInTheSameHouseTwice() throws Exception {
        long house = fixtures.house(site.id(), "3", "2", "1504");
        long customer = fixtures.customerIn(house, "猪悟能");

        MvcResult refused = mvc.perform(post("/records/customers/{id}/occupancies", customer).with(csrf()).with(as(frontDesk))
                        .header("Referer", "http://localhost/records/customers/" + customer)
                        .param("siteId", id(site.id())).param("houseCode", "3-2-1504").param("role", "OWNER")
                        .param("startDate", dates.today().toString()))
                .andExpect(redirectedUrl("/records/customers/" + customer))
                .andReturn();

        assertThat(flashError(refused)).isEqualTo("occupancy.error.duplicate");
        assertThat(fixtures.occupanciesOf(customer)).isEqualTo(1);
    }

    @Test
    void aHouseHasOnePrimaryContactAtATime() throws Exception {
        long house = fixtures.house(site.id(), "3", "2", "1505");
        long owner = fixtures.customerIn(house, "唐三藏");
        long tenant = fixtures.customer(site.id(), "白龙马");
        long tenancy = fixtures.moveIn(tenant, site.id(), "3-2-1505", OccupancyRole.TENANT, false);
        assertThat(primaryContactsOf(house)).as("moving in without the mark leaves it with the owner").containsExactly(owner);

        mvc.perform(post("/records/occupancies/{id}/primary", tenancy).with(csrf()).with(as(frontDesk)).param("customerId", id(tenant)))
                .andExpect(redirectedUrl("/records/customers/" + tenant));

        assertThat(primaryContactsOf(house)).containsExactly(tenant);

        long newcomer = fixtures.customer(site.id(), "小白");
        fixtures.moveIn(newcomer, site.id(), "3-2-1505", OccupancyRole.FAMILY_MEMBER, true);
        assertThat(primaryContactsOf(house)).as("moving in as primary contact takes over").containsExactly(newcomer);
    }

    @Test
    void addingAnotherOccupantFromTheHousePageKeepsTheExistingPrimaryContact() throws Exception {
        // The house page's "add occupant" registers family members and tenants too; the owner the front desk calls
        // must not silently lose the primary-contact mark because a relative was added.
        long house = fixtures.house(site.id(), "3", "2", "1506");
        long owner = fixtures.customerIn(house, "贾宝玉");

        mvc.perform(post("/records/customers").with(csrf()).with(as(frontDesk))
                        .param("houseId", id(house)).param("siteId", id(site.id())).param("role", "FAMILY_MEMBER")
                        .param("type", "PERSON").param("valueTier", "ORDINARY").param("name", "贾环")
                        .param("phones[0]", RecordsFixtures.uniqueMobile()))
                .andExpect(status().is3xxRedirection());

        assertThat(primaryContactsOf(house)).containsExactly(owner);
    }

    @Test
    void dispatchersReadTheCustomerPageButAreOfferedNoChanges() throws Exception {
        long house = fixtures.house(site.id(), "3", "2", "1507");
        long customer = fixtures.customerIn(house, "调度可见");

        String asDispatcher = page("/records/customers/" + customer, Users.withRole(Role.DISPATCHER, site.id()));

        assertThat(asDispatcher).contains("调度可见", site.name() + " 3-2-1507")
                .doesNotContain("/records/customers/" + customer + "/edit", "/move-out", "/communications\"");
        assertThat(page("/records/customers/" + customer)).contains("/records/customers/" + customer + "/edit", "/move-out");
    }

    @Test
    void frontDeskSeesOnlyTheLastFourCharactersOfAnIdNumberAndManagersSeeAll() throws Exception {
        long customer = fixtures.customerWithIdNumber(site.id(), "周芷若", "11010119900307123X");

        assertThat(page("/records/customers/" + customer)).contains("**************123X").doesNotContain("11010119900307123X");
        assertThat(page("/records/customers/" + customer, Users.manager(site.id()))).contains("11010119900307123X");
    }

    @Test
    void theEditFormDoesNotRevealTheFullIdNumberToFrontDesk() throws Exception {
        // The 360 page masks the number for front desk; the edit form must not hand it over in an input's value.
        long customer = fixtures.customerWithIdNumber(site.id(), "殷素素", "310101198001011234");

        assertThat(page("/records/customers/" + customer + "/edit")).doesNotContain("310101198001011234");
    }

    @Test
    void aSecondAgentSavingAStaleFormDoesNotSilentlyUndoTheFirstAgentsChange() throws Exception {
        // Two agents open the same customer's edit form; the first renames her, the second (form opened before that)
        // adds an email. The rename must survive: either the stale form is refused, or it does not overwrite it.
        String phone = RecordsFixtures.uniqueMobile();
        long customer = fixtures.customer(site.id(), "黄蓉", phone);
        String editForm = page("/records/customers/" + customer + "/edit");
        PropertyDeskUser secondAgent = Users.frontDesk(site.id());

        mvc.perform(withHiddenFieldsOf(editForm, post("/records/customers/{id}", customer)).with(csrf()).with(as(frontDesk))
                        .param("siteId", id(site.id())).param("type", "PERSON").param("valueTier", "ORDINARY")
                        .param("name", "郭黄蓉").param("phones[0]", phone))
                .andExpect(redirectedUrl("/records/customers/" + customer));
        mvc.perform(withHiddenFieldsOf(editForm, post("/records/customers/{id}", customer)).with(csrf()).with(as(secondAgent))
                .header("Referer", "http://localhost/records/customers/" + customer + "/edit")
                .param("siteId", id(site.id())).param("type", "PERSON").param("valueTier", "ORDINARY")
                .param("name", "黄蓉").param("phones[0]", phone).param("email", "huangrong@example.cn"));

        assertThat(context.getBean(CustomerRepository.class).findById(customer).orElseThrow().getName()).isEqualTo("郭黄蓉");
    }

    @Test
    void aCustomerHasAtMostFivePhoneNumbers() throws Exception {
        MockHttpServletRequestBuilder request = post("/records/customers").with(csrf()).with(as(frontDesk)).param("siteId", id(site.id()))
                .param("type", "PERSON").param("valueTier", "ORDINARY").param("name", "电话很多");
        for (int i = 0; i < 6; i++) {
            request.param("phones[" + i + "]", RecordsFixtures.uniqueMobile());
        }

        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(body).contains("最多 5 个电话号码。");
        assertThat(fixtures.customersAt(site.id())).isZero();
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private List<Long> primaryContactsOf(long house) {
        return occupancies.findCurrentByHouseIds(List.of(house)).stream().filter(Occupancy::isPrimaryContact)
                .map(o -> o.getCustomer().getId()).toList();
    }

    private String page(String url) throws Exception {
        return page(url, frontDesk);
    }

    private String page(String url, PropertyDeskUser user) throws Exception {
        return mvc.perform(get(url).with(as(user))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** A rendered form's hidden fields (a version, say), as the browser submits them with it. */
    private static MockHttpServletRequestBuilder withHiddenFieldsOf(String html, MockHttpServletRequestBuilder request) {
        Matcher hidden = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>").matcher(html);
        while (hidden.find()) {
            Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(hidden.group());
            Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(hidden.group());
            if (name.find() && !name.group(1).equals("_csrf")) {
                request.param(name.group(1), value.find() ? value.group(1) : "");
            }
        }
        return request;
    }

    private static String flashError(MvcResult result) {
        Object message = result.getFlashMap().get("flashError");
        assertThat(message).as("an error message for the next page").isInstanceOf(Flash.FlashMessage.class);
        return ((Flash.FlashMessage) message).key();
    }

    private static long idAtEndOf(String url) {
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    private static String id(long id) {
        return String.valueOf(id);
    }
}
