package org.propertydesk.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.hamcrest.Matchers.containsString;
import static org.propertydesk.support.Users.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.propertydesk.records.CallerLookup.MatchReason;
import org.propertydesk.records.RecordsFixtures.SiteRef;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The front desk's search box: whatever the caller says first (a name, a few digits of their phone, their house),
 * the right customer must come up in seconds, and only customers of the sites the agent serves.
 * Each test makes fresh sites and searches as someone serving only those, so other tests' data never shows up.
 */
@WebIntegrationTest
class CallerLookupTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    CallerLookup lookup;

    @Autowired
    MockMvc mvc;

    RecordsFixtures fixtures;
    SiteRef siteA;
    SiteRef siteB;

    @BeforeEach
    void twoSites() {
        fixtures = new RecordsFixtures(context);
        siteA = fixtures.site();
        siteB = fixtures.site();
    }

    // ---- phone ----------------------------------------------------------------------------------------------------

    @Test
    void frontDeskFindsCallerByLastFourDigitsOfPhone() {
        String phone = RecordsFixtures.uniqueMobile();
        long wang = fixtures.customer(siteA.id(), "王芳", phone);

        List<CallerLookup.Match> matches = lookup.lookup(phone.substring(7), scopeOf(siteA));

        assertThat(matches).anySatisfy(match -> {
            assertThat(match.customerId()).isEqualTo(wang);
            assertThat(match.reason()).isEqualTo(MatchReason.PHONE);
            assertThat(match.phones()).containsExactly(phone);
        });
    }

    @Test
    void anyFragmentOfFourOrMoreDigitsFindsTheCaller() {
        String phone = RecordsFixtures.uniqueMobile();
        long li = fixtures.customer(siteA.id(), "李强", phone);

        assertThat(idsFound(phone.substring(3, 8), siteA)).contains(li);
        assertThat(idsFound(phone.substring(0, 4), siteA)).contains(li);
    }

    @Test
    void aNumberTypedWithSpacesDashesOrCountryCodeIsTheSameNumber() {
        String phone = RecordsFixtures.uniqueMobile();
        long zhao = fixtures.customer(siteA.id(), "赵敏", phone);
        String spaced = phone.substring(0, 3) + " " + phone.substring(3, 7) + "-" + phone.substring(7);

        assertThat(idsFound(spaced, siteA)).contains(zhao);
        assertThat(idsFound("+86 " + phone, siteA)).contains(zhao);
    }

    @Test
    void threeDigitsAreTooFewToSearchPhones() {
        // Three digits would match a large share of all numbers: the list would be noise, not an answer.
        String phone = RecordsFixtures.uniqueMobile();
        long sun = fixtures.customer(siteA.id(), "孙丽", phone);

        assertThat(idsFound(phone.substring(8), siteA)).doesNotContain(sun);
    }

    @Test
    void aNumberEndingWithTheDigitsRanksAboveOneThatOnlyContainsThem() {
        // Callers read out the end of their number; names are chosen so that alphabetical order would say otherwise.
        String fragment = RecordsFixtures.uniqueMobile().substring(7);
        long containing = fixtures.customer(siteA.id(), "A 包含", "139" + fragment + "0000");
        long ending = fixtures.customer(siteA.id(), "Z 结尾", "1390000" + fragment);

        assertThat(idsFound(fragment, siteA)).containsSubsequence(ending, containing);
    }

    @Test
    void theExactNumberComesFirst() {
        String phone = RecordsFixtures.uniqueMobile();
        long longerNumber = fixtures.customer(siteA.id(), "A 分机", "0" + phone);
        long exact = fixtures.customer(siteA.id(), "Z 本人", phone);

        assertThat(idsFound(phone, siteA)).startsWith(exact).contains(longerNumber);
    }

    @Test
    void numbersAtOtherSitesNeverCrowdOutTheCallersOwn() {
        // More numbers at another site end with the digits (and so rank higher) than the lookup takes of one kind.
        String fragment = RecordsFixtures.uniqueMobile().substring(6);
        for (int i = 0; i <= CallerLookup.BRANCH_LIMIT; i++) {
            fixtures.customer(siteB.id(), "外场" + i, "15" + String.format("%04d", i) + fragment);
        }
        long own = fixtures.customer(siteA.id(), "本场", "139" + fragment + "000");

        assertThat(idsFound(fragment, siteA)).containsExactly(own);
    }

    // ---- name -----------------------------------------------------------------------------------------------------

    @Test
    void findsCallerByFullNameAndByTheStartOfTheName() {
        String name = "欧阳" + RecordsFixtures.unique();
        long ouyang = fixtures.customer(siteA.id(), name);

        assertThat(lookup.find(name, scopeOf(siteA)).hits())
                .anySatisfy(hit -> {
                    assertThat(hit.customer().getId()).isEqualTo(ouyang);
                    assertThat(hit.reason()).isEqualTo(MatchReason.NAME);
                });
        assertThat(idsFound("欧阳", siteA)).contains(ouyang);
    }

    @Test
    void theExactNameRanksAboveLongerNamesStartingWithIt() {
        long longer = fixtures.customer(siteA.id(), "陈静怡");
        long exact = fixtures.customer(siteA.id(), "陈静");

        assertThat(idsFound("陈静", siteA)).containsSubsequence(exact, longer);
    }

    // ---- house and room -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "\"{0}\" finds the occupants of 3-2-1502")
    @ValueSource(strings = {"3-2-1502", "3#2-1502", "3-2-1502室", "3栋2单元1502室", "3/2/1502"})
    void findsOccupantsByHouseNotation(String typed) {
        long house = fixtures.house(siteA.id(), "3", "2", "1502");
        long owner = fixtures.customerIn(house, "周杰", mobileWithout("321502"));

        assertThat(lookup.find(typed, scopeOf(siteA)).hits())
                .anySatisfy(hit -> {
                    assertThat(hit.customer().getId()).isEqualTo(owner);
                    assertThat(hit.reason()).isEqualTo(MatchReason.HOUSE);
                    assertThat(hit.currentOccupancies()).extracting(o -> o.getHouse().getId()).containsExactly(house);
                });
    }

    @Test
    void findsOccupantsByRoomNumberAloneWithinTheSitesTheAgentServes() {
        long houseA = fixtures.house(siteA.id(), "3", "2", "1502");
        long houseB = fixtures.house(siteB.id(), "7", "1", "1502");
        long ownerA = fixtures.customerIn(houseA, "吴刚", mobileWithout("1502"));
        long ownerB = fixtures.customerIn(houseB, "郑爽", mobileWithout("1502"));

        CallerLookup.Result result = lookup.find("1502", scopeOf(siteA));

        assertThat(result.hits()).anySatisfy(hit -> {
            assertThat(hit.customer().getId()).isEqualTo(ownerA);
            assertThat(hit.reason()).isEqualTo(MatchReason.ROOM);
        });
        assertThat(result.hits()).extracting(hit -> hit.customer().getId()).doesNotContain(ownerB);
    }

    @Test
    void aMatchingHouseWithNobodyLivingThereIsListedAsAnEmptyHouse() {
        long empty = fixtures.house(siteA.id(), "5", "1", "0801");

        CallerLookup.Result result = lookup.find("5-1-0801", scopeOf(siteA));

        assertThat(result.hits()).isEmpty();
        assertThat(result.emptyHouses()).extracting(House::getId).containsExactly(empty);
        assertThat(result.isEmpty()).isFalse();
    }

    @Test
    void aHouseWhoseOccupantMovedOutIsEmptyAndTheFormerOccupantIsNotOfferedForIt() {
        long house = fixtures.house(siteA.id(), "6", "1", "0202");
        long former = fixtures.customerIn(house, "钱多多", mobileWithout("610202"));
        Users.runAs(Users.admin(), () -> context.getBean(CustomerService.class)
                .moveOut(fixtures.occupancyId(former, house), context.getBean(Dates.class).today()));

        CallerLookup.Result result = lookup.find("6-1-0202", scopeOf(siteA));

        assertThat(result.hits()).extracting(hit -> hit.customer().getId()).doesNotContain(former);
        assertThat(result.emptyHouses()).extracting(House::getId).containsExactly(house);
    }

    // ---- site scope -----------------------------------------------------------------------------------------------

    @Test
    void staffOfSiteANeverSeeSiteBsCustomersEvenByExactPhoneNameOrHouse() {
        String phone = RecordsFixtures.uniqueMobile();
        String name = "冯" + RecordsFixtures.unique();
        long houseB = fixtures.house(siteB.id(), "9", "9", "0909");
        long customerB = fixtures.customerIn(houseB, name, phone);

        for (String query : List.of(phone, phone.substring(7), name, "9-9-0909", "0909")) {
            CallerLookup.Result result = lookup.find(query, scopeOf(siteA));
            assertThat(result.hits()).as(query).extracting(hit -> hit.customer().getId()).doesNotContain(customerB);
            assertThat(result.emptyHouses()).as(query).extracting(House::getId).doesNotContain(houseB);
        }
        assertThat(idsFound(phone, siteA, siteB)).as("someone serving both sites finds them").contains(customerB);
    }

    @Test
    void aCustomerRegisteredAtSiteBWhoLivesAtSiteAIsSeenBySiteAStaff() {
        fixtures.house(siteA.id(), "2", "1", "0101");
        String phone = RecordsFixtures.uniqueMobile();
        long customer = fixtures.customer(siteB.id(), "蒋文", phone);
        fixtures.moveIn(customer, siteA.id(), "2-1-0101", OccupancyRole.TENANT, false);

        assertThat(idsFound(phone, siteA)).contains(customer);
    }

    @Test
    void staffServingNoSiteFindNobody() {
        String phone = RecordsFixtures.uniqueMobile();
        fixtures.customer(siteA.id(), "韩梅", phone);

        assertThat(lookup.find(phone, SiteScope.of(Set.of())).hits()).isEmpty();
    }

    // ---- odd input ------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "\"{0}\" is searched as text")
    @ValueSource(strings = {"%", "_", "'", ";", "\\", "%%%%", "____", "'; drop table customer; --", "' or '1'='1",
            "1502%", "%1502", "3-2-%", "王%"})
    void sqlMetacharactersAreSearchedAsPlainTextAndNeverFail(String query) throws Exception {
        fixtures.customer(siteA.id(), "曹操", RecordsFixtures.uniqueMobile());

        assertThatCode(() -> lookup.find(query, scopeOf(siteA))).doesNotThrowAnyException();
        assertThat(lookup.find(query, scopeOf(siteA)).hits()).isEmpty();
        mvc.perform(get("/records/lookup").param("q", query).with(as(Users.frontDesk(siteA.id()))))
                .andExpect(status().isOk());
    }

    @Test
    void aControlCharacterPastedIntoTheSearchBoxDoesNotBreakThePage() throws Exception {
        // Text copied from other programs can carry a NUL character, which PostgreSQL refuses in any text value.
        int status = mvc.perform(get("/records/lookup").param("q", "王\u0000").with(as(Users.frontDesk(siteA.id()))))
                .andReturn().getResponse().getStatus();

        assertThat(status).as("answered (found nothing, or refused as a bad request), not a server error").isIn(200, 400);
    }

    @Test
    void percentAndUnderscoreInNamesMatchOnlyThemselves() {
        long percent = fixtures.customer(siteA.id(), "百分百%物业");
        long other = fixtures.customer(siteA.id(), "百分百好物业");
        long underscore = fixtures.customer(siteA.id(), "张_三");
        long lookalike = fixtures.customer(siteA.id(), "张二三");

        assertThat(idsFound("百分百%", siteA)).contains(percent).doesNotContain(other);
        assertThat(idsFound("张_", siteA)).contains(underscore).doesNotContain(lookalike);
    }

    @Test
    void anEmptyQueryFindsNothingAndAsksForNothing() {
        assertThat(lookup.find("   ", scopeOf(siteA)).isEmpty()).isTrue();
        assertThat(lookup.find(null, scopeOf(siteA)).isEmpty()).isTrue();
    }

    // ---- the page -------------------------------------------------------------------------------------------------

    @Test
    void theLookupPageListsTheCallerWithPhonesAndHouses() throws Exception {
        long house = fixtures.house(siteA.id(), "3", "2", "1502");
        String phone = RecordsFixtures.uniqueMobile();
        long customer = fixtures.customerIn(house, "林黛玉", phone);

        mvc.perform(get("/records/lookup").param("q", phone.substring(7)).with(as(Users.frontDesk(siteA.id()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("林黛玉")))
                .andExpect(content().string(containsString(PhoneNumbers.display(phone))))
                .andExpect(content().string(containsString(siteA.name() + " 3-2-1502")))
                .andExpect(content().string(containsString("电话匹配")))
                .andExpect(content().string(containsString("/records/customers/" + customer)));
    }

    @Test
    void asTheAgentTypesHtmxGetsOnlyTheResultsFragment() throws Exception {
        String phone = RecordsFixtures.uniqueMobile();
        fixtures.customer(siteA.id(), "薛宝钗", phone);

        String fragment = mvc.perform(get("/records/lookup").param("q", phone.substring(7)).header("HX-Request", "true")
                        .with(as(Users.frontDesk(siteA.id()))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(fragment).contains("薛宝钗").doesNotContain("<html", "<nav", "<form");
    }

    @Test
    void anEmptyHouseIsLinkedOnThePage() throws Exception {
        long empty = fixtures.house(siteA.id(), "8", "2", "0303");

        mvc.perform(get("/records/lookup").param("q", "8-2-0303").with(as(Users.frontDesk(siteA.id()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("匹配的房屋（当前无住户）")))
                .andExpect(content().string(containsString("/records/houses/" + empty)));
    }

    @Test
    void whenNobodyMatchesThePageSaysSoAndOffersToCreateTheCustomerWithThatNumber() throws Exception {
        String unknown = RecordsFixtures.uniqueMobile();

        mvc.perform(get("/records/lookup").param("q", unknown).with(as(Users.frontDesk(siteA.id()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("没有找到与“" + unknown + "”匹配的客户。")))
                .andExpect(content().string(containsString("/records/customers/new?phone=" + unknown)));
    }

    @Test
    void whatTheAgentTypedIsShownAsTextNeverAsMarkup() throws Exception {
        String body = mvc.perform(get("/records/lookup").param("q", "<script>alert(1)</script>")
                        .with(as(Users.frontDesk(siteA.id()))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static SiteScope scopeOf(SiteRef... sites) {
        return SiteScope.of(java.util.Arrays.stream(sites).map(SiteRef::id).toList());
    }

    private List<Long> idsFound(String query, SiteRef... sites) {
        return lookup.find(query, scopeOf(sites)).hits().stream().map(hit -> hit.customer().getId()).toList();
    }

    /** A mobile number that does not contain the digits, so a house or room search is not also a phone match. */
    private static String mobileWithout(String digits) {
        String phone;
        do {
            phone = RecordsFixtures.uniqueMobile();
        } while (phone.contains(digits));
        return phone;
    }
}
